/**
 * The read model of a workbook: what both adapters (Office.js and exceljs) produce and what
 * the locator reads. Deliberately dumb: values, formulas, merges. 0-based rows and columns.
 */
export interface ErrorValue {
  error: string; // '#REF!', '#VALUE!', ...
}
export type Scalar = string | number | boolean | null;
export type CellValue = Scalar | ErrorValue;

export interface Cell {
  value: CellValue;
  /** Formula without the leading '=' (as exceljs stores it). Absent for constants. */
  formula?: string;
  /** Excel alignment indent level, when set (clerks show the 表12/13 hierarchy with it). */
  indent?: number;
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** Table tag written by the add-in (e.g. 't3', 'form:…'): survives a rename. */
  tag?: string;
  /** Row-major; a missing row or cell is blank. */
  rows: (Cell | undefined)[][];
  merges: Merge[];
}

export interface Workbook {
  sheets: Sheet[];
}

export function isErrorValue(v: CellValue): v is ErrorValue {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function cellAt(sheet: Sheet, r: number, c: number): Cell | undefined {
  return sheet.rows[r]?.[c];
}

export function valueAt(sheet: Sheet, r: number, c: number): CellValue {
  return sheet.rows[r]?.[c]?.value ?? null;
}

/** Text of a cell as a clerk reads it: trimmed, full-width spaces removed. */
export function textAt(sheet: Sheet, r: number, c: number): string {
  const v = valueAt(sheet, r, c);
  if (v === null || isErrorValue(v)) return '';
  return String(v)
    .replace(/[\u3000]/g, ' ')
    .trim();
}

/** Letters of the first columns, built once: `addr` runs for every money cell read. */
const LETTERS: string[] = [];

export function columnLetter(c: number): string {
  if (c < 256 && LETTERS[c] !== undefined) return LETTERS[c];
  const s = lettersOf(c);
  if (c < 256) LETTERS[c] = s;
  return s;
}

function lettersOf(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0,0) → 'A1' */
export function addr(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}

export function parseAddr(a: string): { r: number; c: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a.trim());
  if (!m) throw new Error(`无效的单元格地址：${a}`);
  return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
}

export function rangeAddr(m: Merge): string {
  return m.top === m.bottom && m.left === m.right
    ? addr(m.top, m.left)
    : `${addr(m.top, m.left)}:${addr(m.bottom, m.right)}`;
}

export function sheetRowCount(sheet: Sheet): number {
  return sheet.rows.length;
}

export function sheetColCount(sheet: Sheet): number {
  let n = 0;
  for (const row of sheet.rows) if (row && row.length > n) n = row.length;
  return n;
}
