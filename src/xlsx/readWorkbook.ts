import { readFile } from 'node:fs/promises';
import type * as XLSX from '@e965/xlsx';
import type { Workbook } from '../core/model/grid';
import { biffExtras } from './biffExtras';
import { odsExtras } from './odsExtras';
import { ooxmlExtras } from './ooxmlExtras';
import { OtherReaderNeeded } from './ooxml/otherReader';
import { readOoxml } from './ooxml/readOoxml';
import { damagedPart } from './zipCheck';
import { loadCodepages, loadSheetJS, quietly, type SheetJS } from './sheetjs';
import { gridFromSheetJS, type SheetExtras } from './sheetjsGrid';
import {
  corruptMessage,
  encryptedMessage,
  etMessage,
  isEtName,
  notAWorkbookMessage,
  sniffWorkbook,
  WorkbookReadError,
  type WorkbookContainer,
} from './sniff';

/**
 * THE way to read a workbook a unit sent, for every command and the page:
 *
 *   readWorkbookFile(path)          → Promise<Workbook>   (CLI: check, forms, narrative, …)
 *   readWorkbookBytes(bytes, name)  → Promise<Workbook>   (the page; anything holding bytes)
 *
 * Reads .xlsx/.xlsm, .xls (Excel 97-2003), .et (WPS, the same BIFF8 layout as .xls:
 * https://blog.csdn.net/l1t/article/details/150492658 shows one read as .xls), .ods, and the
 * Excel 2003 XML / HTML tables that budget systems export as ".xls", into the core grid model.
 * Everything that goes wrong is a WorkbookReadError with a one-line Chinese message naming the
 * file and the fix (`reason` tells the kind); nothing is ever written.
 *
 * The parsing is SheetJS CE's (`@e965/xlsx`). Options, from
 * https://docs.sheetjs.com/docs/api/parse-options: `dense` (rows as arrays: less memory, faster
 * walk), `cellNF` (number format, to tell dates), `cellText: false` and `cellHTML: false` (no
 * formatted text or HTML we would throw away), `xlfn` (formulas exactly as stored, as exceljs
 * gave them), `bookFiles` (keep the unzipped package / OLE container for the indent, which SheetJS
 * does not put on cells: see ooxmlExtras.ts, biffExtras.ts, odsExtras.ts), `sheetStubs` (see parse).
 */
export async function readWorkbookFile(path: string): Promise<Workbook> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'EISDIR') throw new WorkbookReadError('not-a-workbook', `“${path}”是文件夹，不是 Excel 工作簿`);
    throw new WorkbookReadError('missing', `找不到文件“${path}”（或没有读取权限）`);
  }
  return readWorkbookBytes(bytes, path);
}

export async function readWorkbookBytes(bytes: Uint8Array, name = ''): Promise<Workbook> {
  const container = sniffWorkbook(bytes, name);
  if (container === 'ooxml') {
    const wb = readXlsx(bytes, name);
    if (wb) return wb;
  }
  return readWithSheetJS(bytes, name, container);
}

/** The .xlsx reader of ./ooxml; undefined when it leaves the file to SheetJS. */
function readXlsx(bytes: Uint8Array, name: string): Workbook | undefined {
  let read;
  try {
    read = readOoxml(bytes);
  } catch (e) {
    if (e instanceof OtherReaderNeeded) return undefined;
    throw e;
  }
  if ('damaged' in read) throw new WorkbookReadError('corrupt', corruptMessage(name));
  return nonEmpty(read.workbook, name);
}

/** Every spreadsheet program saves at least one sheet: none means the file was not understood. */
function nonEmpty(wb: Workbook, name: string): Workbook {
  if (wb.sheets.length === 0) throw new WorkbookReadError('corrupt', corruptMessage(name, '其中没有可读取的工作表'));
  return wb;
}

/** Every other format, and the .xlsx files the reader above leaves to SheetJS. */
export async function readWithSheetJS(
  bytes: Uint8Array,
  name: string,
  container: WorkbookContainer,
): Promise<Workbook> {
  const x = await loadSheetJS();
  if (container === 'cfb' || container === 'markup') await loadCodepages(x);
  const wb = parse(x, bytes, name, container);
  const parts = packageParts(x, bytes, wb, container);
  if (parts && damagedPart(bytes, parts)) throw new WorkbookReadError('corrupt', corruptMessage(name));
  let extras: (SheetExtras | undefined)[] = [];
  try {
    extras = extrasOf(wb, container, parts);
  } catch {
    // The indent is a refinement: a quirk in reading it must not cost the workbook.
  }
  return nonEmpty(gridFromSheetJS(wb, extras, { odf: container === 'ods' }), name);
}

type PartContent = (name: string) => Uint8Array | undefined;

function asBytes(c: unknown): Uint8Array | undefined {
  if (c instanceof Uint8Array) return c;
  if (Array.isArray(c)) return Uint8Array.from(c as number[]);
  return undefined;
}

/** The unpacked parts of a zip package: those SheetJS kept (OOXML), else the package unzipped again (ODS). */
function packageParts(x: SheetJS, bytes: Uint8Array, wb: XLSX.WorkBook, container: WorkbookContainer) {
  if (container === 'ooxml') {
    const files = (wb as { files?: Record<string, { content?: unknown }> }).files ?? {};
    return (part: string) => asBytes(files[part]?.content);
  }
  if (container === 'ods') {
    const zip = x.CFB.read(bytes, { type: 'array' } as never);
    return (part: string) => asBytes(x.CFB.find(zip, part)?.content);
  }
  return undefined;
}

function extrasOf(wb: XLSX.WorkBook, container: WorkbookContainer, parts: PartContent | undefined) {
  switch (container) {
    case 'ooxml':
      return ooxmlExtras(wb);
    case 'cfb':
      return biffExtras(wb);
    case 'ods':
      return odsExtras(parts?.('content.xml'), wb);
    default:
      return [];
  }
}

function isNodeBuffer(b: Uint8Array): boolean {
  return typeof Buffer !== 'undefined' && typeof Buffer.isBuffer === 'function' && Buffer.isBuffer(b);
}

function parse(x: SheetJS, bytes: Uint8Array, name: string, container: WorkbookContainer): XLSX.WorkBook {
  const opts: XLSX.ParsingOptions & { xlfn?: boolean } = {
    type: isNodeBuffer(bytes) ? 'buffer' : 'array',
    dense: true,
    cellNF: true,
    cellText: false,
    cellHTML: false,
    cellDates: false,
    xlfn: true,
    bookFiles: container === 'ooxml' || container === 'cfb',
    // SheetJS drops a formula saved without a result (exceljs and our own writer save such; Excel,
    // WPS and LibreOffice do not) unless blanks are kept as stubs. Measured: no cost on an .xlsx.
    // Not for .ods, where every repeated blank would become a stub.
    sheetStubs: container === 'ooxml',
  };
  try {
    return quietly(() => x.read(bytes, opts));
  } catch (e) {
    throw readFailure(e, name, container);
  }
}

/** SheetJS's messages for the encryption schemes it recognises (xlsx.js: FilePass, ECMA-376, ODS manifest). */
const ENCRYPTED =
  /password-protected|Password is incorrect|Encryption scheme unsupported|Unsupported ODS Encryption|ECMA-376 Encrypted|Encryption Flags|EncryptionInfo mismatch|Unsupported password protection/;

/** SheetJS's English error → what the clerk can do about it (its wording is no help to a clerk). */
function readFailure(e: unknown, name: string, container: WorkbookContainer): WorkbookReadError {
  const detail = e instanceof Error ? e.message : String(e);
  if (ENCRYPTED.test(detail)) return new WorkbookReadError('encrypted', encryptedMessage(name));
  const foreign = /Cannot find Workbook stream|Unsupported Works|not a spreadsheet/i.test(detail);
  // WPS can save .et in its own layout, which only WPS reads.
  if (foreign && isEtName(name)) return new WorkbookReadError('unsupported', etMessage(name));
  if (foreign) {
    const what = container === 'cfb' ? '（是 Word 等其他 Office 文件）' : '';
    return new WorkbookReadError('not-a-workbook', notAWorkbookMessage(name, what));
  }
  return new WorkbookReadError('corrupt', corruptMessage(name));
}

export { WorkbookReadError, type WorkbookReadFailure } from './sniff';
