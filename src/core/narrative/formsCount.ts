import type { Workbook } from '../model/grid';
import { formsOf, type LocatedForm } from '../forms/locate';
import { sameNameKey } from '../text/sameName';

/** What tells one attached 项目支出绩效目标表 from another. */
type FormIdentity = Pick<LocatedForm, 'projectName' | 'implementingUnit' | 'funds'>;

/**
 * The number of 项目支出绩效目标表 attached, counted as forms: one per project, unit and amount.
 * The same project name under two units is two forms (a 部门 document repeats 遗属补助 in each
 * unit); the pages of one form printed over several sheets are one form (same header); a copy
 * printed twice is one form here (the form rules report the copy). A block without a project
 * name is no form.
 */
export function countAttachedForms(forms: readonly FormIdentity[]): number {
  const keys = new Set<string>();
  for (const f of forms) {
    const name = sameNameKey(f.projectName);
    if (!name) continue;
    keys.add([name, sameNameKey(f.implementingUnit), f.funds.period.total, f.funds.annual.total].join('|'));
  }
  return keys.size;
}

/**
 * Forms attached to the workbook (`formsOf`, src/core/forms/locate.ts), else sheets the add-in
 * tagged `form:…`. A workbook without any form says nothing about what was published: no count.
 */
export function attachedFormsCount(wb: Workbook | undefined): number | undefined {
  if (!wb) return undefined;
  const located = countAttachedForms(formsOf(wb));
  if (located > 0) return located;
  const tagged = wb.sheets.filter((s) => s.tag?.startsWith('form:')).length;
  return tagged > 0 ? tagged : undefined;
}
