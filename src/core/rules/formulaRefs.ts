import { DepParser } from 'fast-formula-parser';
import { plainFormulaRefs } from './plainFormulaRefs';

/** A rectangle a formula reads, 0-based inclusive, on `sheet`. */
export interface RefRect {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Built on first use: setting up its grammar takes as long as reading a small workbook. */
let parser: DepParser | undefined;
/**
 * Formulas barely change between two checks of the live add-in, so parses are memoised, per
 * sheet then per formula text: A1 references do not depend on the cell holding the formula,
 * only unqualified ones on its sheet.
 */
const memo = new Map<string, Map<string, RefRect[] | null>>();
let memoSize = 0;
const MEMO_LIMIT = 20000;
const POSITIONAL = /\b(ROW|COLUMN|ROWS|COLUMNS|OFFSET|INDIRECT)\s*\(/i;

/**
 * References read by `formula` written in (sheet, row, col) (0-based). null when the formula cannot
 * be parsed: the caller then cannot judge its coverage and says nothing rather than guess.
 */
export function formulaRefs(formula: string, sheet: string, row: number, col: number): RefRect[] | null {
  // ROW()/COLUMN()/OFFSET/INDIRECT read relative to their own cell: those are memoised per cell.
  const key = POSITIONAL.test(formula) ? `${row},${col}\u0000${formula}` : formula;
  let bySheet = memo.get(sheet);
  const hit = bySheet?.get(key);
  if (hit !== undefined) return hit;
  const text = formula.replace(/^=/, '');
  const result = plainFormulaRefs(text, sheet) ?? parsedRefs(text, sheet, row, col);
  if (memoSize >= MEMO_LIMIT) {
    memo.clear();
    memoSize = 0;
    bySheet = undefined;
  }
  if (!bySheet) {
    bySheet = new Map();
    memo.set(sheet, bySheet);
  }
  bySheet.set(key, result);
  memoSize++;
  return result;
}

/** References as fast-formula-parser's DepParser reads them; null when it cannot parse the formula. */
export function parsedRefs(formula: string, sheet: string, row: number, col: number): RefRect[] | null {
  try {
    parser ??= new DepParser();
    const deps = parser.parse(formula, { sheet, row: row + 1, col: col + 1 });
    return deps.map((d) =>
      'from' in d
        ? { sheet: d.sheet, top: d.from.row - 1, left: d.from.col - 1, bottom: d.to.row - 1, right: d.to.col - 1 }
        : { sheet: d.sheet, top: d.row - 1, left: d.col - 1, bottom: d.row - 1, right: d.col - 1 },
    );
  } catch {
    return null;
  }
}

export function covers(refs: readonly RefRect[], sheet: string, row: number, col: number): boolean {
  return refs.some((r) => r.sheet === sheet && r.top <= row && row <= r.bottom && r.left <= col && col <= r.right);
}
