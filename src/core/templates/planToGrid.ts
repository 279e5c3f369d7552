import type { Cell, Sheet } from '../model/grid';
import type { SheetPlan } from './plan';

/**
 * The grid a plan would produce once written, before any recalculation: constants as planned,
 * formula cells with value null (their result is the spreadsheet's job). Lets the locator and
 * rule engine run on a fresh template without a spreadsheet program.
 */
export function planToSheet(plan: SheetPlan): Sheet {
  const rows: (Cell | undefined)[][] = [];
  for (const c of plan.cells) {
    const row = (rows[c.row] ??= []);
    row[c.col] = c.formula !== undefined ? { value: null, formula: c.formula } : { value: c.value ?? null };
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return { name: plan.name, tag: plan.tag, rows, merges: plan.merges.map((m) => ({ ...m })) };
}
