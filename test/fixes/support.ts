import { analyzeWorkbook } from '../../src/core/check';
import { applyEditsToGrid, planFixes, type FixPlan } from '../../src/core/fixes';
import type { Finding } from '../../src/core/model/finding';
import type { Cell, Workbook } from '../../src/core/model/grid';
import { parseAddr } from '../../src/core/model/grid';
import { findingId } from '../balance/support';

export interface Fixed {
  plan: FixPlan;
  before: Finding[];
  after: Finding[];
  workbook: Workbook;
}

export function fix(wb: Workbook, only?: string[]): Fixed {
  const analysis = analyzeWorkbook(wb);
  const plan = planFixes(wb, analysis, { only });
  const workbook = applyEditsToGrid(wb, plan.edits);
  return { plan, before: analysis.findings, after: analyzeWorkbook(workbook).findings, workbook };
}

/** Findings before, minus the ones fixed, must be exactly the findings after (by rule, cell, severity). */
export function expectOnlyFixedGone(r: Fixed): void {
  const fixed = new Set(r.plan.fixes.map((f) => findingId(f.finding)));
  const expected = r.before
    .filter((f) => !fixed.has(findingId(f)))
    .map(findingId)
    .sort();
  expect(r.after.map(findingId).sort()).toEqual(expected);
}

export function cellAt(wb: Workbook, sheet: string, a1: string): Cell | undefined {
  const { r, c } = parseAddr(a1);
  return wb.sheets.find((s) => s.name === sheet)?.rows[r]?.[c];
}

/** A deep-enough copy to edit cells of a test workbook without touching the original. */
export function copyOf(wb: Workbook): Workbook {
  return {
    sheets: wb.sheets.map((s) => ({ ...s, rows: s.rows.map((row) => (row ?? []).map((x) => x && { ...x })) })),
  };
}

export function setCell(wb: Workbook, sheet: string, a1: string, cell: Cell | undefined): void {
  const { r, c } = parseAddr(a1);
  const s = wb.sheets.find((x) => x.name === sheet)!;
  while (s.rows.length <= r) s.rows.push([]);
  (s.rows[r] ??= [])[c] = cell;
}
