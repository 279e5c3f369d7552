import type { Finding, Severity } from '../model/finding';
import { parseAddr } from '../model/grid';
import { MAX_MARKS, RANK, worse } from './markStyle';

/**
 * Which cells a set of findings marks, for every host that marks cells (the Excel and WPS panes):
 * one place, so both hosts paint the same cells in the same colours.
 */

/** The marks the findings call for: every involved cell, worst severity per cell, at most `max` cells. */
export function wantedMarks(
  findings: Finding[],
  sheetIds: Record<string, string>,
  max = MAX_MARKS,
): Map<string, Map<string, Severity>> {
  const out = new Map<string, Map<string, Severity>>();
  const add = (sheet: string | undefined, cell: string | undefined, sev: Severity): void => {
    if (!sheet || !cell || sev === 'info') return;
    const id = sheetIds[sheet];
    if (!id) return;
    let address: string;
    try {
      const p = parseAddr(cell);
      address = cell.replace(/\$/g, '').toUpperCase();
      if (p.r < 0 || p.c < 0) return;
    } catch {
      return;
    }
    let cells = out.get(id);
    if (!cells) {
      cells = new Map();
      out.set(id, cells);
    }
    cells.set(address, worse(cells.get(address), sev));
  };
  for (const f of findings) {
    add(f.sheet, f.cell, f.severity);
    for (const c of f.cells ?? []) add(c.sheet, c.cell, f.severity);
  }
  return capMarks(out, max);
}

/** Keeps the `max` worst marks (errors before warnings before 尾差), in finding order within a severity. */
function capMarks(marks: Map<string, Map<string, Severity>>, max: number): Map<string, Map<string, Severity>> {
  const all: { sheetId: string; address: string; severity: Severity }[] = [];
  for (const [sheetId, cells] of marks)
    for (const [address, severity] of cells) all.push({ sheetId, address, severity });
  if (all.length <= max) return marks;
  all.sort((a, b) => RANK[b.severity] - RANK[a.severity]);
  const out = new Map<string, Map<string, Severity>>();
  for (const m of all.slice(0, max)) {
    let cells = out.get(m.sheetId);
    if (!cells) {
      cells = new Map();
      out.set(m.sheetId, cells);
    }
    cells.set(m.address, m.severity);
  }
  return out;
}
