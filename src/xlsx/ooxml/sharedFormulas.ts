import { columnIndex, columnLetter } from '../../core/model/grid';
import { OtherReaderNeeded } from './otherReader';

/**
 * Shared formulas (ECMA-376 Part 1, 18.3.1.40 f, `t="shared"`): Excel stores the formula once, in
 * the first cell of a block (`si`, `ref`), and every other cell of the block carries only `si`;
 * that cell's formula is the master's with its relative references moved by the offset between
 * the two cells. The move is SheetJS's (`shift_formula_xlsx` in its xlsx.mjs, Apache-2.0), so both
 * readers expand a block alike, and exceljs expands it the same way (test/xlsx/ooxmlReader.test.ts).
 */
const CELL_REFERENCE =
  /(^|[^._A-Z0-9])([$]?)([A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])([$]?)(10[0-3]\d{4}|104[0-7]\d{3}|1048[0-4]\d{2}|10485[0-6]\d|104857[0-6]|[1-9]\d{0,5})(?![_.(A-Za-z0-9])/g;

export function shiftFormula(formula: string, rows: number, cols: number): string {
  return formula.replace(
    CELL_REFERENCE,
    (_all, before: string, colAbs: string, col: string, rowAbs: string, row: string) => {
      const c = colAbs ? col : moved(columnIndex(col) + cols, columnLetter);
      const r = rowAbs ? row : moved(Number(row) - 1 + rows, (n) => String(n + 1));
      return `${before}${colAbs}${c}${rowAbs}${r}`;
    },
  );
}

/** A reference moved off the sheet has no A1 form; SheetJS gives up on such a sheet, so the whole read goes to it. */
function moved(n: number, write: (n: number) => string): string {
  if (n < 0) throw new OtherReaderNeeded('a shared formula moves a reference off the sheet');
  return write(n);
}

/** The masters of one sheet's shared formulas, by `si`. */
export class SharedFormulas {
  private readonly masters = new Map<string, { formula: string; row: number; col: number }>();

  define(si: string, formula: string, row: number, col: number): void {
    this.masters.set(si, { formula, row, col });
  }

  /** The formula of cell (row, col) in block `si`; undefined when the block has no master before it. */
  at(si: string, row: number, col: number): string | undefined {
    const m = this.masters.get(si);
    return m && shiftFormula(m.formula, row - m.row, col - m.col);
  }
}
