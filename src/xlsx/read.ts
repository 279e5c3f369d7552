import type { Workbook } from '../core/model/grid';
import { readWorkbookBytes, readWorkbookFile } from './readWorkbook';

/**
 * The older name of the reader, kept for its callers: a path or the bytes of any workbook we
 * read (.xlsx, .xls, .et, .ods …), not only .xlsx. New code calls readWorkbookFile /
 * readWorkbookBytes from ./readWorkbook directly.
 */
export function readXlsx(fileOrBuffer: string | Uint8Array): Promise<Workbook> {
  return typeof fileOrBuffer === 'string' ? readWorkbookFile(fileOrBuffer) : readWorkbookBytes(fileOrBuffer);
}

export { WorkbookReadError, type WorkbookReadFailure } from './sniff';
