/**
 * The subset of the Office.js Excel API this add-in uses, as structural interfaces.
 * The real `Excel.RequestContext` satisfies them (checked in officeAdapter.ts), and the test fake
 * implements them, so every Office.js call site is written once against this file and can be
 * exercised without Excel. Property types are widened (string instead of enums) on purpose.
 */
export type XlScalar = string | number | boolean;

export interface XlRequirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface XlEventResult {
  remove(): void;
}

export interface XlChangedEvent {
  address: string;
  worksheetId: string;
  changeType: string;
  /** 'ThisLocalAddin' for the add-in's own writes (ExcelApi 1.14); absent before that. */
  triggerSource?: string;
}

export interface XlActivatedEvent {
  worksheetId: string;
}

export interface XlWorksheetAddedEvent {
  worksheetId: string;
  /** 'Local' or 'Remote' (a co-author). */
  source: string;
}

export interface XlWorksheetDeletedEvent {
  worksheetId: string;
}

export interface XlEvents<T> {
  add(handler: (args: T) => Promise<unknown>): XlEventResult;
}

export interface XlFont {
  bold: boolean;
  size: number;
  name: string;
  color: string;
}

export interface XlBorder {
  style: string;
  weight: string;
}

export interface XlBorders {
  getItem(index: string): XlBorder;
}

export interface XlFill {
  color: string;
}

export interface XlRangeFormat {
  font: XlFont;
  fill: XlFill;
  borders: XlBorders;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  columnWidth: number;
  rowHeight: number;
  indentLevel: number;
}

export interface XlConditionalRangeFormat {
  fill: XlFill;
  font: { color: string; bold: boolean };
}

export interface XlCustomConditionalFormat {
  rule: { formula: string };
  format: XlConditionalRangeFormat;
}

export interface XlConditionalFormat {
  id: string;
  type: string;
  custom: XlCustomConditionalFormat;
  /** A null object when the format is not `Custom`: loadable over a mixed collection, where
   *  loading `items/custom/...` fails (OfficeDev/office-js#2180). */
  customOrNullObject: XlCustomConditionalFormat & { isNullObject: boolean };
  delete(): void;
  load(props: string): unknown;
}

export interface XlConditionalFormatCollection {
  items: XlConditionalFormat[];
  add(type: string): XlConditionalFormat;
  load(props: string): unknown;
}

export interface XlRangeAreas {
  isNullObject: boolean;
  address: string;
  load(props: string): unknown;
}

/** A value that arrives with the next sync (Office's `ClientResult`). */
export interface XlClientResult<T> {
  value: T;
}

/** What `getCellProperties` answers per cell, for the one property we ask for. */
export interface XlCellIndent {
  format?: { indentLevel?: number };
}

export interface XlRange {
  address: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  isNullObject: boolean;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  /** 'Error', 'String', 'Double', 'Empty', … */
  valueTypes: unknown[][];
  format: XlRangeFormat;
  conditionalFormats: XlConditionalFormatCollection;
  merge(across?: boolean): void;
  select(): void;
  getMergedAreasOrNullObject(): XlRangeAreas;
  /** The smallest range holding this one and `other` (ExcelApi 1.1). */
  getBoundingRect(other: XlRange | string): XlRange;
  getLastRow(): XlRange;
  getCell(row: number, column: number): XlRange;
  /** ExcelApi 1.9: per-cell properties; only the indent is asked for. */
  getCellProperties(props: { format: { indentLevel: true } }): XlClientResult<XlCellIndent[][]>;
  load(props: string): unknown;
}

export interface XlPageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
}

export interface XlWorksheet {
  id: string;
  name: string;
  isNullObject: boolean;
  getRange(address?: string): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  /** A1 when the sheet is empty (never a null object). */
  getUsedRange(valuesOnly?: boolean): XlRange;
  /** ExcelApi 1.7 */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  freezePanes: { freezeRows(count?: number): void };
  pageLayout: XlPageLayout;
  activate(): void;
  onChanged: XlEvents<XlChangedEvent>;
  onActivated: XlEvents<XlActivatedEvent>;
  load(props: string): unknown;
}

export interface XlWorksheetCollection {
  items: XlWorksheet[];
  add(name?: string): XlWorksheet;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  load(props: string): unknown;
  /** ExcelApi 1.9 */
  onChanged: XlEvents<XlChangedEvent>;
  /** ExcelApi 1.9 */
  onActivated: XlEvents<XlActivatedEvent>;
  /** ExcelApi 1.7 */
  onAdded: XlEvents<XlWorksheetAddedEvent>;
  /** ExcelApi 1.7 */
  onDeleted: XlEvents<XlWorksheetDeletedEvent>;
}

export interface XlNamedItem {
  name: string;
  type: string;
  value: unknown;
  comment: string;
  visible: boolean;
}

export interface XlNamedItemHandle {
  delete(): void;
}

export interface XlNamedItemCollection {
  items: XlNamedItem[];
  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem;
  /** ExcelApi 1.1 (delete: 1.4) */
  getItem(name: string): XlNamedItemHandle;
  load(props: string): unknown;
}

export interface XlWorkbook {
  worksheets: XlWorksheetCollection;
  names: XlNamedItemCollection;
}

/** ExcelApi 1.5 (`enableEvents`: 1.8). */
export interface XlRuntime {
  enableEvents: boolean;
}

export interface XlContext {
  workbook: XlWorkbook;
  runtime: XlRuntime;
  sync(): Promise<unknown>;
}

/** Runs a batch the way `Excel.run` does; the fake implements it too. */
export type XlRun = <T>(batch: (ctx: XlContext) => Promise<T>) => Promise<T>;
