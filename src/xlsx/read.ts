import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Merge, Sheet, Workbook } from '../core/model/grid';
import { parseAddr } from '../core/model/grid';
import { definedNameToTag } from '../core/templates/tags';

/**
 * Reads an .xlsx into the core grid model. Read-only: the input file is opened once with
 * readFile and never written, whatever happens.
 */
export type WorkbookReadFailure = 'encrypted' | 'xls' | 'not-a-workbook' | 'corrupt' | 'missing';

export class WorkbookReadError extends Error {
  constructor(
    readonly reason: WorkbookReadFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Password-protected OOXML is a CFB container holding these streams (names are UTF-16LE). */
const ENCRYPTED_STREAMS = ['EncryptedPackage', 'EncryptionInfo'].map((s) => Buffer.from(s, 'utf16le'));

function describe(name: string): string {
  return name ? `“${name}”` : '该文件';
}

/** Tells the clerk what the file is when it is not something exceljs can open. */
export function sniffWorkbook(buf: Buffer, name = ''): WorkbookReadError | undefined {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_MAGIC)) {
    if (ENCRYPTED_STREAMS.some((s) => buf.includes(s))) {
      return new WorkbookReadError(
        'encrypted',
        `${describe(name)}设置了打开密码，请在 Excel 中取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后再校验`,
      );
    }
    return new WorkbookReadError('xls', `${describe(name)}这是旧版 Excel 97-2003 (.xls) 文件，请另存为 .xlsx`);
  }
  if (buf.length < 4 || !buf.subarray(0, 4).equals(ZIP_MAGIC)) {
    return new WorkbookReadError('not-a-workbook', `${describe(name)}不是 Excel 工作簿（.xlsx），无法读取`);
  }
  // The central directory at the end names every part; a zip without it was cut off.
  if (!buf.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))) {
    return new WorkbookReadError(
      'corrupt',
      `${describe(name)}已损坏（文件不完整，可能下载或复制时被截断），请重新保存后再试`,
    );
  }
  if (!buf.includes(Buffer.from('xl/workbook.xml'))) {
    return new WorkbookReadError('not-a-workbook', `${describe(name)}是压缩包，但不是 Excel 工作簿（.xlsx）`);
  }
  return undefined;
}

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

async function loadBuffer(fileOrBuffer: string | Buffer): Promise<{ buf: Buffer; name: string }> {
  if (typeof fileOrBuffer !== 'string') return { buf: fileOrBuffer, name: '' };
  try {
    return { buf: await readFile(fileOrBuffer), name: fileOrBuffer };
  } catch (e) {
    const code = isObject(e) ? e.code : undefined;
    if (code === 'EISDIR')
      throw new WorkbookReadError('not-a-workbook', `“${fileOrBuffer}”是文件夹，不是 Excel 工作簿`);
    throw new WorkbookReadError('missing', `找不到文件“${fileOrBuffer}”（或没有读取权限）`);
  }
}

export async function readXlsx(fileOrBuffer: string | Buffer): Promise<Workbook> {
  const { buf, name } = await loadBuffer(fileOrBuffer);
  const sniffed = sniffWorkbook(buf, name);
  if (sniffed) throw sniffed;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new WorkbookReadError(
      'corrupt',
      `${describe(name)}已损坏，无法读取（${detail}）。请在 Excel 中打开并另存为 .xlsx 后再试`,
    );
  }
  const sheets = wb.worksheets.map(readSheet);
  applyTags(wb, sheets);
  return { sheets };
}
