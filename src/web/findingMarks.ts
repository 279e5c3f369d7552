import type { Finding, Severity } from '../core/model/finding';
import { parseAddr } from '../core/model/grid';

/**
 * Which cells of which sheet a list of findings points at, so the grid can colour them.
 * Pure (no DOM) so it is tested without a browser.
 */
const RANK: Record<Severity, number> = { error: 3, warning: 2, rounding: 1, info: 0 };

export interface CellTarget {
  sheet: string;
  row: number;
  col: number;
  addr: string;
}

/**
 * sheet name → 'B12' → the worst severity of a finding whose primary cell it is. Only primary
 * cells are coloured: a 尾差 on 本年支出合计 involves 30 category cells, and colouring them all
 * would hide where the problem is.
 */
export type CellMarks = Map<string, Map<string, Severity>>;

function strip(cell: string): string {
  return cell.replace(/\$/g, '').toUpperCase();
}

/** Every cell a finding involves (primary first); an unparsable address is dropped, not thrown. */
export function findingTargets(f: Finding): CellTarget[] {
  const raw: { sheet: string; cell: string }[] = [];
  if (f.sheet && f.cell) raw.push({ sheet: f.sheet, cell: f.cell });
  for (const c of f.cells ?? []) raw.push(c);
  const out: CellTarget[] = [];
  const seen = new Set<string>();
  for (const { sheet, cell } of raw) {
    // A range 'B5:D5' marks its top-left cell: that is where the clerk starts looking.
    const first = strip(cell.split(':')[0] ?? '');
    try {
      const { r, c } = parseAddr(first);
      const key = `${sheet}!${first}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ sheet, row: r, col: c, addr: first });
    } catch {
      // Findings about a whole table or the narrative carry no cell.
    }
  }
  return out;
}

export function primaryTarget(f: Finding): CellTarget | undefined {
  return findingTargets(f)[0];
}

export function cellMarks(findings: readonly Finding[]): CellMarks {
  const marks: CellMarks = new Map();
  for (const f of findings) {
    for (const t of findingTargets(f).slice(0, 1)) {
      let m = marks.get(t.sheet);
      if (!m) marks.set(t.sheet, (m = new Map()));
      const prev = m.get(t.addr);
      if (prev === undefined || RANK[f.severity] > RANK[prev]) m.set(t.addr, f.severity);
    }
  }
  return marks;
}

/** Counts by severity, for the summary line above the list. */
export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, rounding: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

/**
 * Cells on `sheet` involved in the findings whose primary cell is `at` (other than `at`):
 * shown outlined when the clerk jumps to a finding, so the addends of a failed sum are visible.
 */
export function involvedCells(
  findings: readonly Finding[],
  sheet: string,
  at: { row: number; col: number },
): Set<string> {
  const out = new Set<string>();
  for (const f of findings) {
    const [primary, ...rest] = findingTargets(f);
    if (!primary || primary.sheet !== sheet || primary.row !== at.row || primary.col !== at.col) continue;
    for (const t of rest) if (t.sheet === sheet) out.add(t.addr);
  }
  return out;
}
