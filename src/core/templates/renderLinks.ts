import type { TableId } from './schema';

/**
 * Cells of 表1/表4 that a fresh template fills by formula from 表2, so the clerk types each figure
 * once (X2–X4, X11/X12 of docs/domain.md § 表间勾稽 are then true by construction). Data, not code: the renderer
 * only resolves keys to addresses.
 *
 * `rows`: a fixed income row takes the 表2 合计 row of `from`.
 * `categories`: every one of the 30 category rows takes SUMIF(表2 科目编码, 类 code, 表2 `from`).
 *
 * What cannot be derived stays an input: 表4 上年财政拨款结转 by source (表2 has one 上年结转 column,
 * not split by source) and both 年终结转 rows.
 */
export interface RowLink {
  row: string;
  column: string;
  from: string;
}
export interface CategoryLink {
  column: string;
  from: string;
}
export interface TableLinks {
  source: TableId;
  rows: RowLink[];
  categories: CategoryLink[];
}

export const LINKS: Partial<Record<TableId, TableLinks>> = {
  t1: {
    source: 't2',
    rows: [
      { row: 'gpb', column: 'income', from: 'gpb' },
      { row: 'fund', column: 'income', from: 'fund' },
      { row: 'soe', column: 'income', from: 'soe' },
      { row: 'special', column: 'income', from: 'special' },
      { row: 'unit', column: 'income', from: 'unit' },
      { row: 'carry_in', column: 'income', from: 'carry' },
    ],
    categories: [
      { column: 'current', from: 'total' },
      { column: 'carry', from: 'carry' },
    ],
  },
  t4: {
    source: 't2',
    rows: [
      { row: 'gpb', column: 'income', from: 'gpb' },
      { row: 'fund', column: 'income', from: 'fund' },
      { row: 'soe', column: 'income', from: 'soe' },
    ],
    categories: [
      { column: 'gpb', from: 'gpb' },
      { column: 'fund', from: 'fund' },
      { column: 'soe', from: 'soe' },
    ],
  },
};

/** Coded tables whose body starts with the 功能分类 code list (表7/8/9 start with 合计 only). */
export const TABLES_WITH_CODE_LIST: readonly TableId[] = ['t2', 't3', 't5'];
