import type * as XLSX from '@e965/xlsx';
import type { Cell, CellValue, Merge, Sheet, Workbook } from '../core/model/grid';
import { definedNameToTag } from '../core/templates/tags';
import type { SheetJS } from './sheetjs';

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

/** One number per cell position; Excel has at most 16,384 columns. */
export function cellKey(r: number, c: number): number {
  return r * 16_384 + c;
}

/** BIFF/OOXML error codes (MS-XLS 2.5.97.2 BErr); with cellText off SheetJS keeps only the code. */
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

function errorText(cell: XLSX.CellObject): string {
  if (typeof cell.w === 'string' && cell.w.startsWith('#')) return cell.w;
  if (typeof cell.v === 'number') return ERROR_TEXT[cell.v] ?? '#VALUE!';
  return typeof cell.v === 'string' && cell.v.startsWith('#') ? cell.v : '#VALUE!';
}

/** As the exceljs reader wrote dates: a day without time as YYYY-MM-DD, else the full ISO instant. */
function isoOf(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Serial day number → ISO text, on the UTC epoch Excel's serials count from (1904 system too). */
function serialToIso(serial: number, date1904: boolean): string {
  const epochOffsetDays = date1904 ? 24_107 : 25_569;
  const d = new Date(Math.round((serial - epochOffsetDays) * 86_400_000));
  return Number.isNaN(d.getTime()) ? String(serial) : isoOf(d);
}

class DateFormats {
  private readonly known = new Map<string, boolean>();
  constructor(private readonly x: SheetJS) {}
  is(fmt: unknown): boolean {
    if (typeof fmt !== 'string' || fmt === 'General' || fmt === '@') return false;
    const seen = this.known.get(fmt);
    if (seen !== undefined) return seen;
    let v = false;
    try {
      v = this.x.SSF.is_date(fmt) === true;
    } catch {
      // an unparsable format is not a date format
    }
    this.known.set(fmt, v);
    return v;
  }
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
  for (const m of merges) fillMerge(rows, m, extras);
  // Dense outer array: the core model indexes rows directly and treats holes as blank rows.
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return { name, rows, merges };
}

/** Beyond this many cells a merge is formatting (a whole column), not a value to repeat. */
const MAX_FILLED_MERGE = 4000;

/**
 * Every cell of a merged range shows the range's value, without its formula, as the exceljs
 * reader gave it (its merged cells read through to the master). The rules and the locator were
 * written and tested against that grid; the merges themselves are kept as well.
 */
function fillMerge(rows: (Cell | undefined)[][], m: Merge, extras: SheetExtras | undefined): void {
  const master = rows[m.top]?.[m.left];
  if (!master || master.value === null) return;
  if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > MAX_FILLED_MERGE) return;
  for (let r = m.top; r <= m.bottom; r++) {
    const row = (rows[r] ??= []);
    for (let c = m.left; c <= m.right; c++) {
      if (r === m.top && c === m.left) continue;
      const cell: Cell = { value: master.value };
      const indent = extras?.indent?.get(cellKey(r, c));
      if (indent) cell.indent = indent;
      row[c] = cell;
    }
  }
}

const XML_ENTITIES: Record<string, string> = { '&apos;': "'", '&quot;': '"', '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/** Sheets a defined name's reference points into (`'表 1'!$A$1,其他!$B$2`); ODS names come XML-escaped. */
export function sheetsOfReference(ref: string): string[] {
  const text = ref.replace(/&(?:apos|quot|lt|gt|amp);/g, (e) => XML_ENTITIES[e]);
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[,;\s(])(?:'((?:[^']|'')+)'|([^'!,;\s()]+))!/g)) {
    out.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
  }
  return out;
}

function applyTags(wb: XLSX.WorkBook, sheets: Sheet[]): void {
  for (const dn of wb.Workbook?.Names ?? []) {
    const tag = definedNameToTag(dn.Name);
    if (!tag || typeof dn.Ref !== 'string') continue;
    for (const sheetName of sheetsOfReference(dn.Ref)) {
      const sheet = sheets.find((s) => s.name === sheetName);
      if (sheet && !sheet.tag) sheet.tag = tag;
    }
  }
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
  x: SheetJS,
  wb: XLSX.WorkBook,
  extras: readonly (SheetExtras | undefined)[] = [],
  opts: GridOptions = {},
): Workbook {
  const dates = new DateFormats(x);
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const sheets: Sheet[] = [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    if (isWorksheet(ws)) sheets.push(readSheet(ws, name, extras[i], dates, date1904, opts));
  });
  applyTags(wb, sheets);
  return { sheets };
}
