import type { Merge } from '../model/grid';

/**
 * A renderer-neutral description of one sheet to write: what the xlsx writer (exceljs) and
 * the Office.js writer both consume, so no table or form layout is written twice.
 * Rows and columns are 0-based. Formulas carry no leading '='.
 */
export type StyleName =
  | 'label' // 预算公开表N
  | 'title'
  | 'subtitle' // 单位名称：…
  | 'unitOfMeasure' // 单位：万元 (right aligned)
  | 'header'
  | 'code' // 科目编码: text, never a number
  | 'text'
  | 'textTotal'
  | 'money'
  | 'moneyTotal' // formula cells of totals
  | 'note'
  | 'formTitle'
  | 'formLabel'
  | 'formText'
  | 'formMoney';

export interface CellStyle {
  bold?: boolean;
  size?: number;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  border?: boolean;
  /** Excel number format; '@' for text. */
  numFmt?: string;
  fill?: string; // 'RRGGBB'
  indent?: number;
}

export interface PlannedCell {
  row: number;
  col: number;
  value?: string | number | null;
  formula?: string;
  style: StyleName;
  /** Overrides the style's number format (the forms print 元 as `#,##0` or `#,##0.00`). */
  numFmt?: string;
}

export interface SheetPlan {
  name: string;
  /** 't1'…'t13' or 'form:<project key>'; written as a defined name so it survives renames. */
  tag: string;
  cells: PlannedCell[];
  merges: Merge[];
  columnWidths: number[];
  rowHeights?: Record<number, number>;
  print: { paper: 'A4'; orientation: 'portrait' | 'landscape'; fitToWidth: boolean };
  /** Rows to freeze at the top (title + header). */
  freezeRows?: number;
}
