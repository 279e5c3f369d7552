import type Decimal from 'decimal.js';
import type { CellValue } from './grid';
import type { Finding } from './finding';
import type { TableId, Level } from '../templates/schema';
import type { MoneyUnit } from '../money';

/**
 * The semantic model the rule engine, form builder and narrative builder work on: the 13
 * tables as located in any workbook (ours or a clerk's own layout), with every amount tied
 * to the cell it came from so findings can point at it.
 */
export interface Amount {
  value: Decimal; // 万元, whatever the table prints; blank = 0
  blank: boolean;
  sheet: string;
  cell: string; // A1
  raw: CellValue;
  formula?: string;
  /** Present when the table prints 元: `value` is `printed` ÷ 10000 (docs/locator.md § 金额单位). */
  unit?: '元';
  /** The figure as printed, in `unit`. */
  printed?: Decimal;
  /**
   * The table's figures are exact to the fen (a 元 table with a figure off the 0.01 万元 grid):
   * its identities allow 0.01 元, not the 万元 尾差 (docs/domain.md § 尾差).
   */
  exactToFen?: true;
}

export type RowKind =
  | 'total' // 合计 / 部门合计 / the 表12 total row
  | 'lei' // 功能分类 类 (3 digits)
  | 'kuan' // 款 (5)
  | 'xiang' // 项 (7)
  | 'class' // 表6 class row
  | 'item' // 表6 item row
  | 'fixed' // a fixed row of 表1/表4/表10 (key = FixedRowDef.key or 'cat:208')
  | 'unit' // 表11 unit row; 表12/13 unit subtotal
  | 'project'; // 表12/13 project

export interface TableRow {
  kind: RowKind;
  /** Stable key: 科目编码, fixed-row key ('income_total', 'cat:208'), unit or project name. */
  key: string;
  /** 0-based sheet row. */
  row: number;
  code?: string;
  name?: string;
  /** Text as printed in the label column(s). */
  label: string;
  /** 表12/13: the unit this project or subtotal belongs to. */
  unit?: string;
  /** 表12/13 hierarchy depth (0 部门 total, 1 unit, 2 project). */
  level?: number;
  /** Which side of 表1/表4 the row belongs to. */
  side?: 'income' | 'expenditure';
  /** 表6: the class an item row sits under. */
  parent?: string;
  /** Money by column key; a column absent from the sheet is absent here. */
  values: Record<string, Amount | undefined>;
}

export interface LocatedTable {
  id: TableId;
  sheet: string;
  /** A1 range of the whole table (title to last body row). */
  range: string;
  /** Column key → 0-based column index, and the header text found there. */
  columns: Record<string, { col: number; header: string }>;
  headerRow: number; // last header row (0-based)
  rows: TableRow[];
  /** 注：本表无数据 / 备注：… if present. */
  note?: string;
  /** True when the table came from our own template (tagged sheet). */
  fromTemplate: boolean;
  /**
   * The money unit the table prints (unit line or header; the locator always sets it, a model built
   * by hand may leave it out for 万元). Amounts are converted to 万元 when it is 元.
   */
  unit?: MoneyUnit;
}

export interface DisclosureMeta {
  year?: number;
  unit?: string;
  level?: Level;
}

export interface Disclosure {
  meta: DisclosureMeta;
  tables: Partial<Record<TableId, LocatedTable>>;
  /** Problems found while reading (text in a money column, a table not found …). */
  findings: Finding[];
}
