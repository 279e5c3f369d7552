import type { Cell, Sheet } from '../model/grid';
import type { SheetPlan } from '../templates/plan';

/**
 * The read model of a planned sheet, as a renderer would write it: lets the locator, the rules
 * and the sync run on generated forms without a round trip through a file.
 */
export function planToSheet(plan: SheetPlan): Sheet {
  const rows: (Cell | undefined)[][] = [];
  for (const c of plan.cells) {
    const row = (rows[c.row] ??= []);
    row[c.col] = c.formula !== undefined ? { value: c.value ?? null, formula: c.formula } : { value: c.value ?? null };
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return { name: plan.name, tag: plan.tag, rows, merges: plan.merges.map((m) => ({ ...m })) };
}
