import type { Finding } from '../model/finding';

/**
 * A change to a workbook is data: a list of cell edits with reasons, made in core and applied by
 * each face (the grid model here, exceljs in src/xlsx, Office.js in the pane). Nothing is written
 * that is not listed; the face shows the list before it writes.
 */
export type EditValue = string | number | null;

export interface CellEdit {
  sheet: string;
  /** A1. */
  cell: string;
  /** What the cell holds now (a formula cell: its computed value). */
  old: EditValue;
  /** What it will hold (a formula cell: the value the formula computes to). */
  new: EditValue;
  /** The formula the cell holds after the edit (kept, or put back), without '='. */
  formula?: string;
  /** Number format for a cell that held a number as text, when its own format is text or General. */
  numberFormat?: string;
  /** An undo: `numberFormat` goes back whatever the cell's format is now (see apply.ts). */
  restoresFormat?: boolean;
  /** Why, in Chinese, for the preview and the change list. */
  reason: string;
  /** The finding this edit answers (`findingKey`), or `BAL` for 尾差调平. */
  finding: string;
}

/** A stable key for a finding: the same finding on the same cell gets the same key on every run. */
export function findingKey(f: Pick<Finding, 'rule' | 'sheet' | 'cell'>): string {
  return `${f.rule}@${f.sheet ?? ''}!${f.cell ?? ''}`;
}

export const BALANCE_FINDING = 'BAL';
