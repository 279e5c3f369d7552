import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Merge, Sheet, Workbook } from '../../src/core/model/grid';
import { parseAddr } from '../../src/core/model/grid';
import { definedNameToTag } from '../../src/core/templates/tags';

/**
 * The exceljs .xlsx reader the project used before src/xlsx/readWorkbook.ts (SheetJS), kept as
 * the reference the new reader is compared with (test/xlsx/readers.test.ts) and the baseline
 * of `BENCH read.speedup`. Not used by any command or the page.
 */
type RawValue = ExcelJS.CellValue;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function dateToIso(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Plain value of an exceljs cell value: formula → cached result, rich text → text. */
export function plainValue(v: RawValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToIso(v);
  if (!isObject(v)) return null;
  if ('error' in v && typeof v.error === 'string') return { error: v.error };
  if ('richText' in v && Array.isArray(v.richText)) {
    return v.richText.map((r: unknown) => (isObject(r) && typeof r.text === 'string' ? r.text : '')).join('');
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined) return null;
    return plainValue(result as RawValue);
  }
  if ('text' in v) {
    const t = (v as { text?: unknown }).text;
    if (typeof t === 'string') return t;
    if (isObject(t) && Array.isArray(t.richText)) return plainValue(t as unknown as RawValue);
  }
  return null;
}

function readCell(cell: ExcelJS.Cell): Cell | undefined {
  const raw = cell.value;
  let formula: string | undefined;
  if (isObject(raw) && ('formula' in raw || 'sharedFormula' in raw)) {
    const f = cell.formula;
    if (typeof f === 'string' && f !== '') formula = f.replace(/^=/, '');
  }
  const value = plainValue(raw);
  if (value === null && formula === undefined) return undefined;
  const out: Cell = formula === undefined ? { value } : { value, formula };
  const indent = cell.alignment?.indent;
  if (typeof indent === 'number' && indent > 0) out.indent = indent;
  return out;
}

function readMerges(ws: ExcelJS.Worksheet): Merge[] {
  const model = ws.model as { merges?: string[] };
  const merges: Merge[] = [];
  for (const m of model.merges ?? []) {
    const [a, b] = m.split(':');
    if (!a || !b) continue;
    try {
      const tl = parseAddr(a);
      const br = parseAddr(b);
      merges.push({ top: tl.r, left: tl.c, bottom: br.r, right: br.c });
    } catch {
      // A malformed merge reference loses only the merge, not the workbook.
    }
  }
  return merges;
}

function readSheet(ws: ExcelJS.Worksheet): Sheet {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = readCell(cell);
      if (c) cells[colNumber - 1] = c;
    });
    if (cells.length > 0) rows[rowNumber - 1] = cells;
  });
  // Dense outer array: the core model indexes rows directly and treats holes as blank rows.
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return { name: ws.name, rows, merges: readMerges(ws) };
}

/** `BD_TABLE_t3` → 't3', `BD_FORM_…` → 'form:…' (encoding owned by templates/tags.ts). */
export function tagFromDefinedName(name: string): string | undefined {
  return definedNameToTag(name);
}

function sheetOfRange(range: string): string | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!/.exec(range);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

function applyTags(wb: ExcelJS.Workbook, sheets: Sheet[]): void {
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? [];
  for (const dn of model) {
    const tag = tagFromDefinedName(dn.name);
    if (!tag) continue;
    for (const r of dn.ranges ?? []) {
      const sheetName = sheetOfRange(r);
      const sheet = sheets.find((s) => s.name === sheetName);
      if (sheet && !sheet.tag) sheet.tag = tag;
    }
  }
}

export async function readXlsxWithExceljs(fileOrBuffer: string | Buffer): Promise<Workbook> {
  const buf = typeof fileOrBuffer === 'string' ? await readFile(fileOrBuffer) : fileOrBuffer;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const sheets = wb.worksheets.map(readSheet);
  applyTags(wb, sheets);
  return { sheets };
}
