import type ExcelJS from 'exceljs';
import {
  changedWhy,
  editValueOf,
  stillHolds,
  type AppliedEdit,
  type ApplyResult,
  type CellBefore,
  type CellEdit,
  type SkippedEdit,
} from '../core/fixes';
import { parseAddr, type Workbook } from '../core/model/grid';
import { applyEditsToExcel } from '../xlsx/applyEdits';

/**
 * A plan of cell edits into the page's exceljs copy of the clerk's workbook: each edit only where
 * the cell (as last read into `grid`) still holds its `old` value, through the same exceljs applier
 * the command line writes its output with (a formula cell keeps its formula and gets the new
 * cached result; a fix's number format only over a text or General format). Nothing is computed
 * here: the page has no calculation engine, so a written formula's value is the one the plan gives.
 */
export function applyEditsToCopy(xwb: ExcelJS.Workbook, grid: Workbook, edits: readonly CellEdit[]): ApplyResult {
  const applied: AppliedEdit[] = [];
  const skipped: SkippedEdit[] = [];
  for (const edit of edits) {
    const ws = xwb.getWorksheet(edit.sheet);
    const sheet = grid.sheets.find((s) => s.name === edit.sheet);
    if (!ws || !sheet) {
      skipped.push({ edit, now: null, why: `找不到工作表“${edit.sheet}”，${edit.cell} 未修改` });
      continue;
    }
    const { r, c } = parseAddr(edit.cell);
    const cell = sheet.rows[r]?.[c];
    const before: CellBefore = { value: editValueOf(cell?.value) };
    if (cell?.formula !== undefined) before.formula = cell.formula;
    // exceljs leaves General unset; an undo must still be able to put General back.
    before.numberFormat = ws.getCell(edit.cell).numFmt || 'General';
    if (!stillHolds(edit, before.value)) {
      skipped.push({ edit, now: before.value, why: changedWhy(edit, before.value) });
      continue;
    }
    applyEditsToExcel(xwb, [edit]);
    applied.push({ edit, before, after: edit.new });
  }
  return { applied, skipped };
}
