import type { Sheet, Workbook } from '../../core/model/grid';
import { DateFormats } from '../cellValues';
import { applyTags } from '../sheetFinish';
import { OtherReaderNeeded } from './otherReader';
import { readSharedStrings } from './sharedStrings';
import { readStyles } from './styles';
import { readWorkbookPart, workbookPath } from './workbookPart';
import { readWorksheet } from './worksheet';
import { ZipPackage } from './zipPackage';

/**
 * The .xlsx/.xlsm reader: fflate to unzip, htmlparser2's tokenizer over the XML, and a small
 * mapping of SpreadsheetML onto the grid model (./workbookPart, ./sharedStrings, ./styles,
 * ./worksheet), about four times as fast as exceljs and three as SheetJS on a 部门 workbook
 * (measured figures in docs/reading.md). It gives the grid the SheetJS reader gives (test/xlsx/ooxmlReader.test.ts).
 *
 * Returns `damaged` when the zip cannot be inflated or its checksums say it was damaged, and
 * throws OtherReaderNeeded for what it leaves to SheetJS (see otherReader.ts).
 */
export type OoxmlRead = { workbook: Workbook } | { damaged: string };

export function readOoxml(bytes: Uint8Array): OoxmlRead {
  let opened: ReturnType<typeof ZipPackage.open>;
  try {
    opened = ZipPackage.open(bytes);
  } catch (e) {
    return { damaged: e instanceof Error ? e.message : String(e) };
  }
  const { pkg, damaged } = opened;
  if (damaged !== undefined) return { damaged };
  const path = workbookPath(pkg);
  const xml = path === undefined ? undefined : pkg.text(path);
  // .xlsb keeps a binary workbook.bin; other layouts are SheetJS's to read.
  if (path === undefined || xml === undefined) throw new OtherReaderNeeded('no XML workbook part');
  const info = readWorkbookPart(pkg, path, xml);
  const ctx = {
    strings: readSharedStrings(info.sharedStrings === undefined ? undefined : pkg.text(info.sharedStrings)),
    formats: readStyles(info.styles === undefined ? undefined : pkg.text(info.styles)),
    dates: new DateFormats(),
    date1904: info.date1904,
  };
  const sheets: Sheet[] = [];
  for (const entry of info.sheets) {
    // Chart, dialog and macro sheets hold no cells a clerk typed (SheetJS and exceljs skip them too).
    if (entry.kind !== undefined && entry.kind !== 'worksheet') continue;
    const sheetXml = entry.path === undefined ? undefined : pkg.text(entry.path);
    if (sheetXml === undefined) throw new OtherReaderNeeded(`sheet ${entry.name} has no part`);
    sheets.push(readWorksheet(entry.name, sheetXml, ctx));
  }
  applyTags(info.names, sheets);
  return { workbook: { sheets } };
}
