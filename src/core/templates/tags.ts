/**
 * Sheet tags travel as workbook defined names so a table is still recognised after the clerk
 * renames its sheet. The Office.js writer, the xlsx reader and the locator all use these helpers.
 *   't3'          ⇄ BD_TABLE_t3
 *   'form:<key>'  ⇄ BD_FORM_<key encoded>
 * Defined names allow only letters, digits, '_' and '.', so form keys (often Chinese project
 * names or ids with ':' / '-') are encoded reversibly: [A-Za-z0-9] kept, every other UTF-16
 * unit (including '_') written as '_' + 4 hex digits.
 */
export const TAG_NAME_PREFIX = 'BD_TABLE_';
export const FORM_TAG_NAME_PREFIX = 'BD_FORM_';
export const FORM_TAG_PREFIX = 'form:';

function encodeKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const ch = key[i];
    out += /[A-Za-z0-9]/.test(ch) ? ch : '_' + key.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

function decodeKey(encoded: string): string | undefined {
  if (!/^([A-Za-z0-9]|_[0-9A-F]{4})*$/.test(encoded)) return undefined;
  return encoded.replace(/_([0-9A-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function tagToDefinedName(tag: string): string {
  if (tag.startsWith(FORM_TAG_PREFIX)) {
    const key = tag.slice(FORM_TAG_PREFIX.length);
    if (!key) throw new Error(`表格标记“${tag}”缺少项目编号`);
    return FORM_TAG_NAME_PREFIX + encodeKey(key);
  }
  if (!/^[A-Za-z0-9]+$/.test(tag)) throw new Error(`无效的表格标记“${tag}”：只能是 t1…t13 或 form:<项目>`);
  return TAG_NAME_PREFIX + tag;
}

/** Returns undefined for defined names that are not ours (clerks define their own names too). */
export function definedNameToTag(name: string): string | undefined {
  if (name.startsWith(FORM_TAG_NAME_PREFIX)) {
    const key = decodeKey(name.slice(FORM_TAG_NAME_PREFIX.length));
    return key ? FORM_TAG_PREFIX + key : undefined;
  }
  if (name.startsWith(TAG_NAME_PREFIX)) {
    const tag = name.slice(TAG_NAME_PREFIX.length);
    return /^[A-Za-z0-9]+$/.test(tag) ? tag : undefined;
  }
  return undefined;
}
