import type { Cell, CellValue } from '../core/model/grid';

/**
 * What `Range.Value2` and `Range.Formula` answer, turned into grid cells.
 *
 * Value2 (WPS Value2 属性, same as VBA's): a scalar for one cell, a 2-D array for several; dates
 * come as serial numbers (Value2 does not use the Date type), which is what the engine reads.
 * The documents do not say how an empty cell or an error value crosses into JavaScript, so every
 * plausible answer is accepted: `undefined`, `null` or `''` for empty; the error's text
 * (`#DIV/0!`) or VBA's CVErr code (2007, or the COM HRESULT -2146826281) for an error. A code is
 * only taken as an error in a formula cell: a typed number is never reinterpreted.
 */
const ERROR_TEXTS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!'];

/** VBA `xlErr*` values and their COM HRESULT form (0x800A0000 + code, as a signed 32-bit number). */
const ERROR_CODES = new Map<number, string>([
  [2000, '#NULL!'],
  [2007, '#DIV/0!'],
  [2015, '#VALUE!'],
  [2023, '#REF!'],
  [2029, '#NAME?'],
  [2036, '#NUM!'],
  [2042, '#N/A'],
]);
for (const [code, text] of [...ERROR_CODES]) ERROR_CODES.set(code - 2146828288, text);

/** Excel's serial day 0 in JavaScript time (1899-12-30, local). */
const EPOCH = new Date(1899, 11, 30).getTime();

/** Rows of columns, whatever shape the host answered in (a single cell comes as a scalar). */
export function asGrid(v: unknown): unknown[][] {
  if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? row : [row]));
  return [[v]];
}

export function toCellValue(v: unknown, hasFormula: boolean): CellValue {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number') {
    if (hasFormula && ERROR_CODES.has(v)) return { error: ERROR_CODES.get(v) as string };
    return Number.isFinite(v) ? v : { error: '#NUM!' };
  }
  if (typeof v === 'string') return hasFormula && ERROR_TEXTS.includes(v) ? { error: v } : v;
  if (typeof v === 'boolean') return v;
  // Not documented for Value2, but a build that hands back a Date gets the serial Value2 promises.
  if (v instanceof Date) return Math.round(((v.getTime() - EPOCH) / 86400000) * 1e9) / 1e9;
  return String(v);
}

/** A formula text as Formula answers it: `=SUM(A1:A3)`; constants come back as their text. */
export function formulaOf(f: unknown): string | undefined {
  return typeof f === 'string' && f.length > 1 && f.startsWith('=') ? f.slice(1) : undefined;
}

/**
 * Puts the cells of one used range (top-left at 0-based `top`, `left`) into `rows`, skipping
 * empty cells. Returns the range's height and width.
 */
export function fillRows(
  rows: (Cell | undefined)[][],
  top: number,
  left: number,
  values: unknown,
  formulas: unknown,
): { height: number; width: number } {
  const v = asGrid(values);
  const f = asGrid(formulas);
  let width = 0;
  for (let r = 0; r < v.length; r++) {
    width = Math.max(width, v[r].length);
    let row: (Cell | undefined)[] | undefined;
    for (let c = 0; c < v[r].length; c++) {
      const formula = formulaOf(f[r]?.[c]);
      const value = toCellValue(v[r][c], formula !== undefined);
      if (value === null && formula === undefined) continue;
      row ??= rows[top + r] ?? [];
      row[left + c] = formula !== undefined ? { value, formula } : { value };
    }
    if (row) rows[top + r] = row;
  }
  return { height: v.length, width };
}
