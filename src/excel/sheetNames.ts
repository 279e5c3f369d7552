/** Excel's sheet-name rules: ≤31 chars, none of \ / ? * [ ] :, compared case-insensitively. */
export const MAX_SHEET_NAME = 31;

export function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

export function invalidSheetNameReason(name: string): string | undefined {
  if (name.trim() === '') return '工作表名称不能为空';
  if (name.length > MAX_SHEET_NAME) return `工作表名称“${name}”超过 31 个字符`;
  if (/[\\/?*[\]:]/.test(name)) return `工作表名称“${name}”含有不允许的字符 \\ / ? * [ ] :`;
  if (name.startsWith("'") || name.endsWith("'")) return `工作表名称“${name}”不能以单引号开头或结尾`;
  return undefined;
}

/** `表1 预算收支总表` → `表1 预算收支总表(2)` (then (3)…), trimmed to stay within 31 chars. */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLocaleUpperCase()));
  if (!used.has(wanted.toLocaleUpperCase())) return wanted;
  for (let k = 2; ; k++) {
    const suffix = `(${k})`;
    const candidate = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(candidate.toLocaleUpperCase())) return candidate;
  }
}
