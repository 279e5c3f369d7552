/**
 * The subset of the WPS 表格 (ET) object model this add-in uses, as structural interfaces.
 *
 * The ET model is synchronous and VBA-like: every property read or write and every method call
 * goes to WPS at once (no batching, no `sync()`), so the cost of an operation is the number of
 * calls, and every function in src/wps is written to make that number independent of the number
 * of cells. Names and signatures follow the typings in `et-jsapi-declare` (lib.et.d.ts,
 * addon.et.d.ts) and the WPS API reference (airsheet.wps.cn/docs/apiV2/excel/workbook/…, the same
 * object model as the 加载项 JS API); test/wps/fakeEt.ts implements these interfaces with the
 * semantics those documents give, and says where they are silent.
 *
 * Types are widened to `unknown` wherever WPS may answer something other than the documented
 * type (a mixed range's `MergeCells`/`IndentLevel`, a cell's `Value2`): the readers check.
 */

/** `Application.ApiEvent` (addon.et.d.ts `EtApiEvent`). The callback receives the sheet and range. */
export interface EtApiEvent {
  AddApiEventListener(name: string, callback: (...args: unknown[]) => void): void;
  RemoveApiEventListener(name: string, callback?: (...args: unknown[]) => void): void;
}

export interface EtInterior {
  /** A BGR long, as in VBA (`RGB(r, g, b)` = r + g·256 + b·65536). */
  Color: unknown;
}

export interface EtFont {
  Bold: unknown;
  Size: unknown;
}

export interface EtBorder {
  LineStyle: unknown;
}

export interface EtBorders {
  Item(index: number): EtBorder;
}

/** One conditional format (lib.et.d.ts `FormatCondition`). */
export interface EtFormatCondition {
  /** XlFormatConditionType: 2 = xlExpression (a formula), 1 = xlCellValue, 3 = colour scale, … */
  readonly Type: number;
  /** Only meaningful for xlCellValue/xlExpression; other types (colour scales, data bars) may throw. */
  readonly Formula1: string;
  readonly Interior: EtInterior;
  Delete(): void;
  /** Excel 2007+ priority order; absent on some builds (feature-detected). */
  SetFirstPriority?(): void;
}

/** lib.et.d.ts `FormatConditions`: 1-based `Item`, `Add(Type, Operator, Formula1)`. */
export interface EtFormatConditions {
  readonly Count: number;
  Item(index: number): EtFormatCondition;
  Add(type: number, operator?: unknown, formula1?: string): EtFormatCondition;
}

export interface EtRange {
  /** 1-based row and column of the first cell. */
  readonly Row: number;
  readonly Column: number;
  /** Number of cells (VBA `Range.Count`). */
  readonly Count: number;
  /** A scalar for one cell, a 2-D array (rows of columns) for several (Value2 属性). */
  Value2: unknown;
  /** Same shape as Value2; a constant reads as its text, an empty cell as ''. */
  Formula: unknown;
  NumberFormat: unknown;
  /** `Address()` is a method in WPS (Range.Address 方法; the MergeArea example calls `ma.Address()`). */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  /** True when the range holds merged cells (MergeCells 属性); see the readers for mixed ranges. */
  MergeCells: unknown;
  /** The merged area holding a single cell, or the cell itself (MergeArea 属性: single cells only). */
  readonly MergeArea: EtRange;
  Merge(across?: boolean): void;
  IndentLevel: unknown;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  readonly Borders: EtBorders;
  HorizontalAlignment: unknown;
  VerticalAlignment: unknown;
  WrapText: unknown;
  /** In characters of the standard font, like SheetPlan's widths (no conversion, unlike Office.js). */
  ColumnWidth: unknown;
  /** In points. */
  RowHeight: unknown;
  readonly FormatConditions: EtFormatConditions;
  /** 1-based `Cells.Item(row, column)` relative to this range. */
  Item(row: number, column?: number): EtRange;
  Select(): unknown;
}

export interface EtPageSetup {
  Orientation: unknown;
  PaperSize: unknown;
  Zoom: unknown;
  FitToPagesWide: unknown;
  FitToPagesTall: unknown;
}

export interface EtWorksheet {
  Name: string;
  /** The used range; `$A$1` on an empty sheet. Cells that only carry a format count as used. */
  readonly UsedRange: EtRange;
  /** Every cell of the sheet: `Cells.Item(r, c)` (1-based), `Cells.FormatConditions` (all of the sheet's). */
  readonly Cells: EtRange;
  Range(address: string): EtRange;
  Activate(): void;
  readonly PageSetup: EtPageSetup;
}

/** `Workbook.Worksheets` / `Sheets`: 1-based `Item(i)` or `Item(name)`. */
export interface EtSheets {
  readonly Count: number;
  Item(index: number | string): EtWorksheet;
  /** `Add(Before, After, Count, Type)`: the new sheet becomes the active one. */
  Add(before?: unknown, after?: unknown, count?: number): EtWorksheet;
}

export interface EtName {
  readonly Name: string;
  /** `='表1 预算收支总表'!$A$1`, or a text with `#REF!` once its sheet is deleted. */
  readonly RefersTo: unknown;
  Delete(): void;
}

export interface EtNames {
  readonly Count: number;
  Item(index: number): EtName;
  Add(name: string, refersTo: string): EtName;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
  readonly Names: EtNames;
}

export interface EtWindow {
  FreezePanes: unknown;
  SplitRow: unknown;
  SplitColumn: unknown;
}

/** `window.Application` in a WPS 表格 加载项 (index.d.ts: `WPS.AddonRoot & WPS.EtAddonRoot & Et.Application`). */
export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null | undefined;
  readonly ActiveWindow?: EtWindow;
  /** VBA's switch for the application's events; absent on builds that lack it (feature-detected). */
  EnableEvents?: boolean;
  ScreenUpdating?: boolean;
  readonly ApiEvent?: EtApiEvent;
}

/** Constants of lib.et.d.ts used here (the enums are not available at run time in the pane). */
export const XL = {
  expression: 2, // XlFormatConditionType.xlExpression
  cellValue: 1,
  continuous: 1, // XlLineStyle.xlContinuous
  left: -4131,
  center: -4108,
  right: -4152,
  top: -4160,
  bottom: -4107,
  portrait: 1, // XlPageOrientation
  landscape: 2,
  paperA4: 9, // XlPaperSize.xlPaperA4
  edgeLeft: 7, // XlBordersIndex
  edgeTop: 8,
  edgeBottom: 9,
  edgeRight: 10,
  insideVertical: 11,
  insideHorizontal: 12,
} as const;

/** `#FFC7CE` → the BGR long VBA-style colour properties take (`RGB(255, 199, 206)`). */
export function bgr(hex: string): number {
  const h = hex.replace(/^#/, '');
  const r = parseInt(h.slice(0, 2), 16);
  const g = parseInt(h.slice(2, 4), 16);
  const b = parseInt(h.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}
