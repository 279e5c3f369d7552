import type { Severity } from '../../core/model/finding';

/**
 * How a finding cell is marked: a conditional format whose formula is always true, so the fill
 * shows while the mark exists and vanishes with it — the cell's own fill is never touched.
 * Colours follow Excel's built-in "bad / neutral" cell styles the clerks already know.
 */
export const MARK_FORMULA = '=TRUE';

export const MARK_FILL: Partial<Record<Severity, string>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  rounding: '#DDEBF7',
};

/**
 * At most this many cells are marked in one workbook. Excel slows down with thousands of
 * conditional formats (a mis-located file can yield that many findings); the pane lists
 * every finding anyway, so the marks go to the worst ones.
 */
export const MAX_MARKS = 500;

export const RANK: Record<Severity, number> = { error: 3, warning: 2, rounding: 1, info: 0 };

/** The severity a cell shows when several findings touch it: the worst one. */
export function worse(a: Severity | undefined, b: Severity): Severity {
  return a === undefined || RANK[b] > RANK[a] ? b : a;
}
