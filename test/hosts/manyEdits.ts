import { addr } from '../../src/core/model/grid';
import type { CellEdit } from '../../src/core/fixes';

/**
 * A plan of `n` cell edits over sheets of figures, for sync and call counts: 100 edits a sheet,
 * every other column of every row (so runs of adjacent cells stay short), each moving a figure by
 * 0.01 as 尾差调平 does. `sheets` is what the clerk's workbook holds before.
 */
export interface ManyEdits {
  sheets: { name: string; rows: (string | number | null)[][] }[];
  edits: CellEdit[];
}

export function manyEdits(n: number): ManyEdits {
  const sheets: ManyEdits['sheets'] = [];
  const edits: CellEdit[] = [];
  for (let i = 0; i < n; i++) {
    const s = Math.floor(i / 100);
    if (!sheets[s]) sheets[s] = { name: `明细${s + 1}`, rows: [] };
    const k = i % 100;
    const r = Math.floor(k / 10) + 1;
    const c = (k % 10) * 2 + 1;
    const old = Math.round((1000 + i * 3.17) * 100) / 100;
    const rows = sheets[s].rows;
    while (rows.length <= r) rows.push([]);
    rows[r][c] = old;
    edits.push({
      sheet: sheets[s].name,
      cell: addr(r, c),
      old,
      new: Math.round((old + 0.01) * 100) / 100,
      reason: '尾差调平',
      finding: 'BAL',
    });
  }
  return { sheets, edits };
}
