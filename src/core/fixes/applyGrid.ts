import { parseAddr, type Cell, type Workbook } from '../model/grid';
import type { CellEdit } from './edit';

/**
 * Applies edits to the read model (tests, the browser page's in-memory workbook): returns a new
 * workbook; rows that are not edited are shared, the input is never mutated.
 */
export function applyEditsToGrid(wb: Workbook, edits: readonly CellEdit[]): Workbook {
  const bySheet = new Map<string, CellEdit[]>();
  for (const e of edits) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), e]);
  for (const name of bySheet.keys())
    if (!wb.sheets.some((s) => s.name === name)) throw new Error(`工作表“${name}”不存在，无法写入修改`);
  return {
    sheets: wb.sheets.map((sheet) => {
      const mine = bySheet.get(sheet.name);
      if (!mine) return sheet;
      const rows = [...sheet.rows];
      for (const e of mine) {
        const { r, c } = parseAddr(e.cell);
        while (rows.length <= r) rows.push([]);
        const row = [...(rows[r] ?? [])];
        const before = row[c];
        const cell: Cell = e.formula !== undefined ? { value: e.new, formula: e.formula } : { value: e.new };
        if (before?.indent) cell.indent = before.indent;
        row[c] = cell;
        rows[r] = row;
      }
      return { ...sheet, rows };
    }),
  };
}
