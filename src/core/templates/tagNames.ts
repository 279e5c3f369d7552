import { definedNameToTag, tagToDefinedName } from './tags';

/**
 * Reading and writing the tag names of tags.ts from a host's defined names (Office.js `value`,
 * WPS `RefersTo`): which sheet a name points at (its reference text), and which names are ours.
 */
export { definedNameToTag, tagToDefinedName };

/** True when a BD_* name points nowhere any more (its sheet was deleted): safe to replace. */
export function isStaleReference(value: unknown): boolean {
  return typeof value === 'string' && value.includes('#REF!');
}

/**
 * Sheet name of a reference such as `='表1 预算收支总表'!$A$1`, `Sheet1!$A$1:$B$2`.
 * Returns undefined for anything that is not a plain sheet reference (#REF!, constants).
 */
export function sheetOfReference(ref: string): string | undefined {
  let s = ref.trim();
  if (s.startsWith('=')) s = s.slice(1);
  if (s.startsWith("'")) {
    let out = '';
    for (let i = 1; i < s.length; i++) {
      const ch = s[i];
      if (ch === "'") {
        if (s[i + 1] === "'") {
          out += "'";
          i++;
          continue;
        }
        return s[i + 1] === '!' ? out : undefined;
      }
      out += ch;
    }
    return undefined;
  }
  const bang = s.indexOf('!');
  if (bang <= 0) return undefined;
  const name = s.slice(0, bang);
  return name.includes('#REF') ? undefined : name;
}

/** `表1 x` → `'表1 x'`: quoting is always legal, so always quote. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
