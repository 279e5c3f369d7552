import { readFile } from 'node:fs/promises';
import type * as XLSX from '@e965/xlsx';
import type { Workbook } from '../core/model/grid';
import { biffExtras } from './biffExtras';
import { odsExtras } from './odsExtras';
import { ooxmlExtras } from './ooxmlExtras';
import { loadCodepages, loadSheetJS, quietly, type SheetJS } from './sheetjs';
import { gridFromSheetJS, type SheetExtras } from './sheetjsGrid';
import {
  corruptMessage,
  describe,
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
 * does not put on cells: see ooxmlExtras.ts, biffExtras.ts, odsExtras.ts), `sheetStubs`.
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
  const x = await loadSheetJS();
  if (container === 'cfb' || container === 'markup') await loadCodepages(x);
  const wb = parse(x, bytes, name, container);
  let extras: (SheetExtras | undefined)[] = [];
  try {
    extras = extrasOf(x, bytes, wb, container);
  } catch {
    // Indents and blank formula results are refinements: a quirk in them must not cost the workbook.
  }
  return gridFromSheetJS(x, wb, extras);
}

function extrasOf(x: SheetJS, bytes: Uint8Array, wb: XLSX.WorkBook, container: WorkbookContainer) {
  switch (container) {
    case 'ooxml':
      return ooxmlExtras(wb);
    case 'cfb':
      return biffExtras(wb);
    case 'ods':
      return odsExtras(x, bytes, wb);
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
    // A formula without a cached result would otherwise be dropped (SheetJS keeps it as a stub);
    // only OOXML stores such formulas, and other formats would turn every blank into a stub.
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

/** SheetJS's English error → what the clerk can do about it. */
function readFailure(e: unknown, name: string, container: WorkbookContainer): WorkbookReadError {
  const detail = e instanceof Error ? e.message : String(e);
  if (ENCRYPTED.test(detail)) return new WorkbookReadError('encrypted', encryptedMessage(name));
  if (container === 'cfb' && isEtName(name)) return new WorkbookReadError('unsupported', etMessage(name));
  if (container === 'cfb' && /Cannot find Workbook stream|Unsupported Works|not a spreadsheet/i.test(detail)) {
    return new WorkbookReadError('not-a-workbook', notAWorkbookMessage(name, '（是 Word 等其他 Office 文件）'));
  }
  if (/not a spreadsheet/i.test(detail)) return new WorkbookReadError('not-a-workbook', notAWorkbookMessage(name));
  return new WorkbookReadError('corrupt', corruptMessage(name, detail));
}

export { describe, WorkbookReadError };
