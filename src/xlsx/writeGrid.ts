import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { CellValue, Workbook } from '../core/model/grid';
import { isErrorValue } from '../core/model/grid';
import { tagToDefinedName } from '../core/templates/tags';

/**
 * Writes a core grid back to .xlsx (test fixtures, benchmarks). Not the template renderer:
 * no styles beyond what keeps codes as text. Formulas keep their value as cached result so a
 * reader that does not recalculate sees the same numbers.
 */
function toExcelValue(v: CellValue, formula: string | undefined): ExcelJS.CellValue {
  const result = v === null ? undefined : isErrorValue(v) ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
  if (formula !== undefined) {
    return { formula, result } as ExcelJS.CellFormulaValue;
  }
  if (result === undefined) return null;
  return result as ExcelJS.CellValue;
}

function definedNameOf(tag: string): string | undefined {
  try {
    return tagToDefinedName(tag);
  } catch {
    return undefined; // a tag we cannot encode is simply not written
  }
}

export function gridToExcelJs(wb: Workbook): ExcelJS.Workbook {
  const out = new ExcelJS.Workbook();
  for (const sheet of wb.sheets) {
    const ws = out.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        if (!cell) return;
        if (cell.value === null && cell.formula === undefined) return;
        const xc = ws.getCell(r + 1, c + 1);
        xc.value = toExcelValue(cell.value, cell.formula);
        // Codes such as 2080101 must stay text, or Excel shows 2,080,101 and drops leading zeros.
        if (typeof cell.value === 'string' && /^\d+$/.test(cell.value.trim())) xc.numFmt = '@';
        if (cell.indent) xc.alignment = { indent: cell.indent };
      });
    });
    for (const m of sheet.merges) {
      if (m.top === m.bottom && m.left === m.right) continue;
      try {
        ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
      } catch {
        // Overlapping merges in hand-made grids: Excel would refuse them too; keep the values.
      }
    }
    const name = sheet.tag ? definedNameOf(sheet.tag) : undefined;
    if (name) out.definedNames.add(`'${sheet.name.replace(/'/g, "''")}'!$A$1`, name);
  }
  return out;
}

/** Returns the .xlsx bytes; also writes them to `file` when given. */
export async function writeGridToXlsx(wb: Workbook, file?: string): Promise<Buffer> {
  const buf = Buffer.from(await gridToExcelJs(wb).xlsx.writeBuffer());
  if (file) await writeFile(file, buf);
  return buf;
}
