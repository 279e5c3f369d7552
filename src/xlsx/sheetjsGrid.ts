import type * as XLSX from '@e965/xlsx';
import type { Cell, CellValue, Merge, Sheet, Workbook } from '../core/model/grid';
import { DateFormats, ERROR_TEXT, isoOf, serialToIso } from './cellValues';
import { applyTags, cellKey, finishSheet } from './sheetFinish';

/**
 * A SheetJS workbook (dense mode) → the core grid model, cell for cell what the exceljs reader
 * produced before it: numbers, text (numbers typed as text stay text), booleans, `{error}`,
 * dates as ISO text, formulas without '=' next to their cached result, merges, and the sheet
 * tags of our BD_* defined names. Cell objects: https://docs.sheetjs.com/docs/csf/cell
 * (t/v/f/z), sheets: https://docs.sheetjs.com/docs/csf/sheet (!data, !merges, !type).
 */

/** What SheetJS's cell objects do not carry, read by format-specific code from the file itself. */
export interface SheetExtras {
  /** cellKey → Excel indent level (> 0). */
  indent?: Map<number, number>;
}

export { cellKey };

function errorText(cell: XLSX.CellObject): string {
  if (typeof cell.w === 'string' && cell.w.startsWith('#')) return cell.w;
  if (typeof cell.v === 'number') return ERROR_TEXT[cell.v] ?? '#VALUE!';
  return typeof cell.v === 'string' && cell.v.startsWith('#') ? cell.v : '#VALUE!';
}

function valueOf(cell: XLSX.CellObject, dates: DateFormats, date1904: boolean): CellValue {
  switch (cell.t) {
    case 'n':
      if (typeof cell.v !== 'number') return null;
      return dates.is(cell.z) ? serialToIso(cell.v, date1904) : cell.v;
    case 's':
      return cell.v === undefined || cell.v === null ? '' : String(cell.v);
    case 'b':
      return cell.v === true;
    case 'e':
      return { error: errorText(cell) };
    case 'd':
      return cell.v instanceof Date ? isoOf(cell.v) : String(cell.v);
    default:
      // 'z': a stub. With sheetStubs a formula saved without a result (exceljs and our own writer
      // do that) comes as a stub carrying `f`: blank, as the exceljs reader gave it.
      return null;
  }
}

function readSheet(
  ws: XLSX.WorkSheet,
  name: string,
  extras: SheetExtras | undefined,
  dates: DateFormats,
  date1904: boolean,
  opts: GridOptions,
): Sheet {
  const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const rows: (Cell | undefined)[][] = [];
  let last = -1;
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) continue;
    const cells: (Cell | undefined)[] = [];
    for (let c = 0; c < src.length; c++) {
      const x = src[c];
      if (!x) continue;
      const key = cellKey(r, c);
      let formula = typeof x.f === 'string' && x.f !== '' ? x.f.replace(/^=/, '') : undefined;
      if (formula !== undefined && opts.odf) formula = odfReferencesToA1(formula);
      const value = valueOf(x, dates, date1904);
      if (value === null && formula === undefined) continue;
      const cell: Cell = formula === undefined ? { value } : { value, formula };
      const indent = extras?.indent?.get(key);
      if (indent) cell.indent = indent;
      cells[c] = cell;
    }
    if (cells.length > 0) {
      rows[r] = cells;
      last = r;
    }
  }
  rows.length = last + 1;
  const merges: Merge[] = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  return finishSheet(name, rows, merges, extras?.indent);
}

function tagsOf(wb: XLSX.WorkBook, sheets: Sheet[]): void {
  const names = (wb.Workbook?.Names ?? []).filter((dn) => typeof dn.Ref === 'string');
  applyTags(
    names.map((dn) => ({ name: dn.Name, ref: dn.Ref })),
    sheets,
  );
}

/** Worksheets only: chart sheets and macro sheets hold no cells a clerk typed (exceljs skipped them too). */
function isWorksheet(ws: XLSX.WorkSheet | undefined): ws is XLSX.WorkSheet {
  const type = ws?.['!type'];
  return ws !== undefined && (type === undefined || type === 'sheet');
}

/**
 * SheetJS rewrites ODF references to A1 style only for the plain `[.A1]`/`[.A1:.B2]` kinds
 * (ods_to_csf_formula in xlsx.js); absolute (`[.$A$1]`) and other-sheet (`[$'表2'.$A$6:.$A$48]`)
 * references stay in ODF syntax, which no rule could read. OpenFormula 1.2 §5.8: a reference is
 * `[` sheet? `.` column row (`:` sheet? `.` column row)? `]`, a sheet name may carry a `$`.
 */
const ODF_REFERENCE =
  /\[((?:\$?'(?:[^']|'')+'|\$?[^[\].':;\s]+)?)\.(\$?[A-Z]*\$?\d*)(?::((?:\$?'(?:[^']|'')+'|\$?[^[\].':;\s]+)?)\.(\$?[A-Z]*\$?\d*))?\]/g;

export function odfReferencesToA1(formula: string): string {
  if (!formula.includes('[')) return formula;
  return formula.replace(ODF_REFERENCE, (_all, sheet1: string, cell1: string, sheet2?: string, cell2?: string) => {
    const s1 = sheet1.replace(/^\$/, '');
    const s2 = (sheet2 ?? '').replace(/^\$/, '');
    const first = s1 ? `${s1}!${cell1}` : cell1;
    if (cell2 === undefined) return first;
    return `${first}:${s2 && s2 !== s1 ? `${s2}!` : ''}${cell2}`;
  });
}

export interface GridOptions {
  /** The workbook came from an .ods: finish turning its references into A1 style. */
  odf?: boolean;
}

export function gridFromSheetJS(
  wb: XLSX.WorkBook,
  extras: readonly (SheetExtras | undefined)[] = [],
  opts: GridOptions = {},
): Workbook {
  const dates = new DateFormats();
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const sheets: Sheet[] = [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    if (isWorksheet(ws)) sheets.push(readSheet(ws, name, extras[i], dates, date1904, opts));
  });
  tagsOf(wb, sheets);
  return { sheets };
}
