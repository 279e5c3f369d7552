import ExcelJS from 'exceljs';
import { numberFormatToWrite } from '../core/fixes/apply';
import type { CellEdit } from '../core/fixes/edit';
import type { Workbook } from '../core/model/grid';
import { gridToExcelJs } from './writeGrid';

/**
 * Applies a plan's cell edits to an exceljs copy of the workbook they were planned on. Only the
 * listed cells change: styles, merges, other sheets, defined names and hidden sheets (the forms'
 * 预填记录) are whatever exceljs read. A formula cell keeps its formula (a shared formula keeps
 * its sharing) and gets the new cached result, so a reader that does not recalculate sees it too.
 */
type FormulaLike = { formula?: string; sharedFormula?: string; result?: unknown };

function asFormula(v: ExcelJS.CellValue): FormulaLike | undefined {
  return typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v)
    ? (v as FormulaLike)
    : undefined;
}

export function applyEditsToExcel(book: ExcelJS.Workbook, edits: readonly CellEdit[]): void {
  for (const e of edits) {
    const ws = book.getWorksheet(e.sheet);
    if (!ws) throw new Error(`工作表“${e.sheet}”在副本中不存在，无法写入修改`);
    const cell = ws.getCell(e.cell);
    const now = asFormula(cell.value);
    if (e.formula !== undefined) {
      const same = now !== undefined && (cell.formula ?? '').replace(/^=/, '') === e.formula;
      cell.value = same
        ? ({ ...now, result: e.new ?? undefined } as ExcelJS.CellValue)
        : ({ formula: e.formula, result: e.new ?? undefined } as ExcelJS.CellFormulaValue);
    } else {
      cell.value = e.new;
    }
    const format = numberFormatToWrite(e, cell.numFmt || undefined);
    if (format !== undefined) cell.numFmt = format;
  }
}

/**
 * The original file's bytes with the edits applied, or — when exceljs cannot open the original
 * (a format the reader converts, not an .xlsx) — a plain .xlsx rebuilt from what was read.
 */
export async function editedWorkbook(
  original: Buffer,
  grid: Workbook,
  edits: readonly CellEdit[],
): Promise<{ book: ExcelJS.Workbook; rebuilt: boolean }> {
  const book = new ExcelJS.Workbook();
  let rebuilt = false;
  try {
    await book.xlsx.load(original as unknown as ArrayBuffer);
  } catch {
    rebuilt = true;
  }
  const target = rebuilt ? gridToExcelJs(grid) : book;
  applyEditsToExcel(target, edits);
  return { book: target, rebuilt };
}
