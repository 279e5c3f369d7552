import { DepParser } from 'fast-formula-parser';

/** A rectangle a formula reads, 0-based inclusive, on `sheet`. */
export interface RefRect {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const parser = new DepParser();
/** Formulas barely change between two checks of the live add-in, so parses are memoised. */
const memo = new Map<string, RefRect[] | null>();
const MEMO_LIMIT = 20000;

/**
 * References read by `formula` written in (sheet, row, col) (0-based). null when the formula cannot
 * be parsed: the caller then cannot judge its coverage and says nothing rather than guess.
 */
export function formulaRefs(formula: string, sheet: string, row: number, col: number): RefRect[] | null {
  const key = `${sheet}\u0000${row}\u0000${col}\u0000${formula}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let result: RefRect[] | null;
  try {
    const deps = parser.parse(formula.replace(/^=/, ''), { sheet, row: row + 1, col: col + 1 });
    result = deps.map((d) =>
      'from' in d
        ? { sheet: d.sheet, top: d.from.row - 1, left: d.from.col - 1, bottom: d.to.row - 1, right: d.to.col - 1 }
        : { sheet: d.sheet, top: d.row - 1, left: d.col - 1, bottom: d.row - 1, right: d.col - 1 },
    );
  } catch {
    result = null;
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, result);
  return result;
}

export function covers(refs: readonly RefRect[], sheet: string, row: number, col: number): boolean {
  return refs.some((r) => r.sheet === sheet && r.top <= row && row <= r.bottom && r.left <= col && col <= r.right);
}
