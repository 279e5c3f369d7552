import type ExcelJS from 'exceljs';
import { RECORD_SHEET, type CellUpdate } from '../core/forms/sync';
import type { SheetPlan } from '../core/templates/plan';
import { planToWorksheet } from './write';

/** A form sync's cell writes into an exceljs copy of the workbook it was planned on. */
export function applyUpdates(wb: ExcelJS.Workbook, updates: readonly CellUpdate[]): void {
  for (const u of updates) {
    const ws = wb.getWorksheet(u.sheet);
    if (!ws) throw new Error(`工作表“${u.sheet}”在副本中不存在`);
    ws.getCell(u.cell).value = u.to;
  }
}

/** The record sheet is rewritten in place (its defined name stays valid) and kept hidden. */
export function writeRecord(wb: ExcelJS.Workbook, plan: SheetPlan): void {
  let ws = wb.getWorksheet(RECORD_SHEET);
  if (ws) {
    // Every old cell is emptied: a leftover row at the end would outvote the new record (later
    // rows win) and make a prefilled cell look typed over. spliceRows(1, rowCount) is not used:
    // in exceljs 4.4 it leaves the rows in place when they run to the end of the sheet.
    ws.eachRow((row) => row.eachCell((cell) => (cell.value = null)));
    for (const c of plan.cells) ws.getCell(c.row + 1, c.col + 1).value = c.value ?? null;
  } else {
    ws = planToWorksheet(wb, plan);
  }
  ws.state = 'hidden';
}
