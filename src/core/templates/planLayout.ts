import type { CellStyle, PlannedCell, SheetPlan, StyleName } from './plan';
import { addr, columnLetter } from '../model/grid';

/**
 * Pure preparation of a SheetPlan for a batched write: whole 2-D arrays for formulas and number
 * formats, and each style's cells folded into as few rectangles as possible, so the number of
 * host calls (queued Office.js operations, WPS object-model calls) grows with the layout's
 * shape, not with its cell count.
 */
export interface StyleRect<S extends string = StyleName> {
  style: S;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PreparedSheet {
  rows: number;
  cols: number;
  /** '' for blank; '=…' for formulas; strings and numbers as given. */
  formulas: (string | number)[][];
  numberFormat: string[][];
  rects: StyleRect[];
}

export const GENERAL = 'General';

function cellInput(cell: PlannedCell): string | number {
  if (cell.formula !== undefined && cell.formula !== '') return '=' + cell.formula.replace(/^=/, '');
  if (cell.value === null || cell.value === undefined) return '';
  return cell.value;
}

export function prepareSheet(plan: SheetPlan, styles: Record<StyleName, CellStyle>): PreparedSheet {
  let rows = 0;
  let cols = plan.columnWidths.length;
  for (const c of plan.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  for (const m of plan.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  rows = Math.max(rows, 1);
  cols = Math.max(cols, 1);
  const formulas: (string | number)[][] = Array.from({ length: rows }, () => new Array<string | number>(cols).fill(''));
  const numberFormat: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill(GENERAL));
  const styleAt: (StyleName | undefined)[][] = Array.from({ length: rows }, () =>
    new Array<StyleName | undefined>(cols).fill(undefined),
  );
  for (const cell of plan.cells) {
    const input = cellInput(cell);
    const isFormula = typeof input === 'string' && input.startsWith('=') && cell.formula !== undefined;
    const fmt = cell.numFmt ?? styles[cell.style]?.numFmt;
    // A text cell whose content Excel would reinterpret (a leading '=', or a code such as 201)
    // must be written as text; a formula in a '@' cell would show as text, so it never gets '@'.
    let nf = fmt ?? GENERAL;
    if (isFormula && nf === '@') nf = GENERAL;
    if (!isFormula && typeof input === 'string' && input.startsWith('=')) nf = '@';
    formulas[cell.row][cell.col] = input;
    numberFormat[cell.row][cell.col] = nf;
    styleAt[cell.row][cell.col] = cell.style;
  }
  return { rows, cols, formulas, numberFormat, rects: foldRects(styleAt) };
}

/**
 * Row runs of one style, then runs stacked with the same columns merged downwards. Any string
 * key folds the same way (a host without 2-D number-format writes folds the formats too).
 */
export function foldRects<S extends string = StyleName>(styleAt: (S | undefined)[][]): StyleRect<S>[] {
  const open = new Map<string, StyleRect<S>>();
  const done: StyleRect<S>[] = [];
  for (let r = 0; r < styleAt.length; r++) {
    const row = styleAt[r];
    const seen = new Set<string>();
    let c = 0;
    while (c < row.length) {
      const s = row[c];
      if (s === undefined) {
        c++;
        continue;
      }
      let e = c;
      while (e + 1 < row.length && row[e + 1] === s) e++;
      const key = `${s}|${c}|${e}`;
      const prev = open.get(key);
      if (prev && prev.bottom === r - 1) prev.bottom = r;
      else {
        if (prev) done.push(prev);
        open.set(key, { style: s, top: r, left: c, bottom: r, right: e });
      }
      seen.add(key);
      c = e + 1;
    }
    for (const [key, rect] of open) {
      if (!seen.has(key)) {
        done.push(rect);
        open.delete(key);
      }
    }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

export function rectAddress(r: { top: number; left: number; bottom: number; right: number }): string {
  return r.top === r.bottom && r.left === r.right
    ? addr(r.top, r.left)
    : `${addr(r.top, r.left)}:${addr(r.bottom, r.right)}`;
}

/** Column runs of equal width, as `A:C` → width. */
export function columnWidthRuns(widths: number[]): { address: string; width: number }[] {
  const out: { address: string; width: number }[] = [];
  let c = 0;
  while (c < widths.length) {
    let e = c;
    while (e + 1 < widths.length && widths[e + 1] === widths[c]) e++;
    out.push({ address: `${columnLetter(c)}:${columnLetter(e)}`, width: widths[c] });
    c = e + 1;
  }
  return out;
}

/** Excel character units (what SheetPlan and exceljs use) → points (what Office.js uses). */
export function charsToPoints(chars: number): number {
  return Math.round(Math.trunc(chars * 7 + 5) * 0.75 * 100) / 100;
}
