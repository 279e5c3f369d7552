import type { SheetPlan } from './plan';

/**
 * Sheet names every host must respect when it adds sheets (Excel, WPS and the .xlsx writer share
 * Excel's rules): one place, so the hosts cannot disagree about what is a clash.
 */

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

export interface SheetConflict {
  tag: string;
  /** The plan's own sheet name: the key of `renames`. */
  template: string;
  wanted: string;
  proposed: string;
  reason: string;
}

/** Target name per plan, or conflicts when a wanted name is taken and the clerk has not chosen. */
export function chooseNames(
  plans: SheetPlan[],
  existing: string[],
  renames: Record<string, string>,
): { targets: string[]; conflicts: SheetConflict[] } {
  const taken = [...existing];
  const targets: string[] = [];
  const conflicts: SheetConflict[] = [];
  const isTaken = (n: string): boolean => taken.some((t) => sameSheetName(t, n));
  for (const plan of plans) {
    const chosen = renames[plan.name];
    let name = chosen ?? plan.name;
    let reason = invalidSheetNameReason(name);
    if (!reason && isTaken(name)) reason = `工作簿中已有名为“${name}”的工作表`;
    if (reason) {
      const base = invalidSheetNameReason(plan.name) ? plan.name.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) : plan.name;
      const proposed = freeSheetName(base, [...taken, ...plans.map((p) => p.name).filter((n) => n !== plan.name)]);
      conflicts.push({ tag: plan.tag, template: plan.name, wanted: name, proposed, reason });
      name = proposed;
    }
    taken.push(name);
    targets.push(name);
  }
  return { targets, conflicts };
}
