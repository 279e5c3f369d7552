import type { Cell } from '../core/model/grid';
import type { Band, SheetSize } from './readPlan';
import type { XlCellIndent, XlClientResult, XlWorksheet } from './xl';

/**
 * Excel's cell indent (the 增加缩进量 button), which clerks use to show the 部门 → 单位 → 项目
 * levels of 表12/13. Values and formulas do not carry it, so it is asked for with
 * `getCellProperties` (ExcelApi 1.9) in the same sync as the values, and only for the name
 * columns A–D (or up to where the sheet's used range starts): the whole used range would double
 * the read for nothing.
 */
export const INDENT_LAST_COL = 3; // D

export const INDENT_PROPS = { format: { indentLevel: true as const } };

export interface IndentRead {
  /** Sheet row of the first row of `result` (its first column is always A). */
  top: number;
  result: XlClientResult<XlCellIndent[][]>;
}

/**
 * Queues the indents of a band's rows, or of every row down to the last used one. The latter
 * needs no known size: A1:D1 stretched to the first cell of the used range's last row is
 * A1:D<last> (A1:<col><last> when the table starts right of D), without null objects.
 */
export function queueIndent(ws: XlWorksheet, band?: Band): IndentRead {
  if (band) {
    const right = Math.max(INDENT_LAST_COL, band.left);
    const range = ws.getRangeByIndexes(band.top, 0, band.rows, right + 1);
    return { top: band.top, result: range.getCellProperties(INDENT_PROPS) };
  }
  const lastRowStart = ws.getUsedRange(true).getLastRow().getCell(0, 0);
  const range = ws.getRange(`A1:${String.fromCharCode(65 + INDENT_LAST_COL)}1`).getBoundingRect(lastRowStart);
  return { top: 0, result: range.getCellProperties(INDENT_PROPS) };
}

/** Writes the indents read into the cells that exist (an indented blank cell means nothing). */
export function applyIndents(rows: (Cell | undefined)[][], reads: readonly IndentRead[]): void {
  for (const { top, result } of reads) {
    const grid = result.value;
    for (let r = 0; r < grid.length; r++) {
      const row = rows[top + r];
      if (!row) continue;
      for (let c = 0; c < grid[r].length; c++) {
        const level = grid[r][c]?.format?.indentLevel ?? 0;
        const cell = row[c];
        if (level > 0 && cell) cell.indent = level;
      }
    }
  }
}

/** About what the indent answer of a sheet costs (`{"format":{"indentLevel":0}}` a cell). */
export function indentBytes(size: SheetSize): number {
  return (size.top + size.rows) * (Math.max(INDENT_LAST_COL, size.left) + 1) * 30;
}
