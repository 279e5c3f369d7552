import { loadCodepages, loadSheetJS, quietly } from './sheetjs';
import { describe, sniffWorkbook } from './sniff';

/**
 * What the exceljs writer can open and extend, for a workbook that is not .xlsx (the `forms`
 * command and the page keep the clerk's other sheets and write .xlsx): SheetJS copies values,
 * formulas, merges, number formats, column widths and defined names into an .xlsx
 * (https://docs.sheetjs.com/docs/api/write-options, `cellStyles` for widths). The Community
 * Edition writes no fonts, borders or fills, so the note says so. An .xlsx is returned as is.
 */
export interface XlsxCopy {
  bytes: Uint8Array;
  /** For the clerk, when the copy is not the file itself. */
  note?: string;
}

export async function xlsxCopyOf(bytes: Uint8Array, name = ''): Promise<XlsxCopy> {
  const container = sniffWorkbook(bytes, name);
  if (container === 'ooxml') return { bytes };
  const x = await loadSheetJS();
  await loadCodepages(x);
  const wb = quietly(() => x.read(bytes, { type: 'array', cellNF: true, cellStyles: true, xlfn: true }));
  const out = x.write(wb, { bookType: 'xlsx', type: 'array', cellStyles: true, compression: true }) as ArrayBuffer;
  return {
    bytes: new Uint8Array(out),
    note: `提示：${describe(name)}不是 .xlsx，已转换为 .xlsx 写出；原文件的字体、边框、底色等格式未保留（数值、公式、合并单元格、列宽保留）`,
  };
}
