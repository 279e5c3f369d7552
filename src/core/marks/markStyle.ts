import type { Severity } from '../model/finding';
import { addr } from '../model/grid';

/**
 * How a finding cell is marked: a conditional format that paints a fill while it exists and
 * vanishes with it, so the cell's own fill is never touched. Colours follow Excel's built-in
 * "bad / neutral" cell styles the clerks already know.
 *
 * The mark carries its own identity in its formula, `=AND(ROW()=7,COLUMN()=3,ISTEXT("BD-MARK:error"))`:
 * - the add-in finds its marks by reading formulas, not by conditional-format ids, whose meaning
 *   (a stable id or a priority that shifts) the documentation leaves open;
 * - the marks live in the workbook, so a pane reopened on a saved file still recognises (and
 *   removes) the marks of an earlier session;
 * - ROW()/COLUMN() are the evaluated cell's: a mark moved by an inserted row stops painting
 *   at once instead of colouring the wrong cell, and the next pass deletes it.
 */
const TAG = 'BD-MARK';

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

/** The formula of the mark on (r, c) (0-based). */
export function markFormula(severity: Severity, r: number, c: number): string {
  return `=AND(ROW()=${r + 1},COLUMN()=${c + 1},ISTEXT("${TAG}:${severity}"))`;
}

const MARK = new RegExp(
  `^=AND\\(ROW\\(\\)=(\\d+),COLUMN\\(\\)=(\\d+),ISTEXT\\("${TAG}:(error|warning|rounding)"\\)\\)$`,
  'i',
);

/** The cell and severity a conditional-format formula marks, or undefined when it is not one of ours. */
export function parseMarkFormula(
  formula: string | null | undefined,
): { address: string; severity: Severity } | undefined {
  if (!formula) return undefined;
  const m = MARK.exec(formula.replace(/\s/g, ''));
  if (!m) return undefined;
  return { address: addr(Number(m[1]) - 1, Number(m[2]) - 1), severity: m[3].toLowerCase() as Severity };
}
