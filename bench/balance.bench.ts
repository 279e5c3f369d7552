import { balanceWorkbook } from '../src/core/balance';
import { exactWorkbook } from '../test/balance/exactWorkbook';

/**
 * 尾差调平 on a 部门 workbook of the 004 size: 7 units × 10 projects in 表12, the full shipped 科目
 * list, every input exact to the 元 (4 decimals in 万元) and every total the template's formula —
 * what a budget-system export looks like before rounding. Reported: locate + identities + solve
 * (median of 7 runs after 2 warm-ups), and how many figures had to leave ordinary rounding.
 */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(report: (name: string, value: number, unit: string) => void): Promise<void> {
  const { wb } = exactWorkbook({ units: 7, perUnit: 10, seed: 4 });
  const ms: number[] = [];
  let result = balanceWorkbook(wb);
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    result = balanceWorkbook(wb);
    if (i >= 2) ms.push(performance.now() - t0);
  }
  report('balance.004size', median(ms), 'ms');
  report('balance.moved', result.moved, 'figures');
  report('balance.004size.figures', result.stats.figures, 'figures');
  report('balance.004size.changed_cells', result.changes.length, 'cells');
}
