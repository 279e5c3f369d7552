import Decimal from 'decimal.js';
import { balanceProblem, balanceWorkbook, type Constraint, type Figure } from '../../src/core/balance';
import { locateTables } from '../../src/core/locate';
import type { Workbook } from '../../src/core/model/grid';
import { parseAddr } from '../../src/core/model/grid';
import { renderTemplates } from '../../src/core/templates/layout';
import { planToSheet } from '../../src/core/templates/planToGrid';
import { prng } from '../fuzz/mutate';
import { recalc } from '../rules/support/recalc';

/**
 * "No more figures moved than needed": on small workbooks the solver's number of figures moved
 * away from ordinary rounding equals the minimum found by trying every combination of the same
 * figures' allowed values against the same identities.
 */
const CODES = [
  { code: '208', name: '社会保障和就业支出' },
  { code: '20801', name: '人力资源和社会保障管理事务' },
  { code: '2080101', name: '行政运行' },
  { code: '2080102', name: '一般行政管理事务' },
  { code: '2080199', name: '其他人力资源和社会保障管理事务支出' },
];

/** 表3 alone: 3 项 × (基本, 项目), 款/类/合计 and the 合计 column by the template's formulas. */
function table3(seed: number, published: boolean, items = 3): Workbook {
  const plans = renderTemplates(
    { year: 2024, unit: '测试单位', level: '单位', codes: CODES.slice(0, 2 + items), tables: ['t3'] },
    {},
  );
  const wb: Workbook = { sheets: plans.map(planToSheet) };
  const t3 = locateTables(wb).tables.t3!;
  const rand = prng(seed);
  const sheet = wb.sheets[0];
  for (const row of t3.rows.filter((r) => r.kind === 'xiang')) {
    for (const k of ['basic', 'project']) {
      const { r, c } = parseAddr(row.values[k]!.cell);
      const v = new Decimal(Math.floor((1 + rand() * 50) * 10000)).div(10000);
      sheet.rows[r][c] = { value: v.toNumber() };
    }
  }
  recalc(wb);
  if (published) {
    // What a budget system prints: every cell, totals included, rounded on its own and typed.
    for (const row of t3.rows)
      for (const a of Object.values(row.values)) {
        if (!a) continue;
        const { r, c } = parseAddr(a.cell);
        const v = new Decimal(sheet.rows[r][c]!.value as number).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        sheet.rows[r][c] = { value: v.toNumber() };
      }
  }
  return wb;
}

/**
 * Exhaustive search by increasing number of moves: every set of k figures, every way of moving
 * each of them within its window, the others at ordinary rounding; the first k that satisfies
 * every identity is the minimum (nothing is skipped below it).
 */
function bruteMinimum(figures: Figure[], constraints: Constraint[]): number {
  const value = new Map(figures.map((f) => [f.index, f.ordinary] as const));
  for (const f of figures) if (!f.window.includes(f.ordinary)) throw new Error('ordinary rounding out of reach');
  const tryMoves = (chosen: Figure[], i: number): boolean => {
    if (i === chosen.length) return constraints.every((c) => satisfied(c, value));
    const f = chosen[i];
    for (const v of f.window) {
      if (v === f.ordinary) continue;
      value.set(f.index, v);
      if (tryMoves(chosen, i + 1)) return true;
    }
    value.set(f.index, f.ordinary);
    return false;
  };
  const subsets = (k: number, from: number, chosen: Figure[]): boolean => {
    if (chosen.length === k) return tryMoves(chosen, 0);
    for (let i = from; i < figures.length; i++) {
      if (subsets(k, i + 1, [...chosen, figures[i]])) return true;
    }
    return false;
  };
  for (let k = 0; k <= figures.length; k++) if (subsets(k, 0, [])) return k;
  return Infinity;
}

function satisfied(c: Constraint, value: Map<number, number>): boolean {
  let s = 0;
  for (const [g, k] of c.coefs) s += k * value.get(g)!;
  return c.kind === 'eq' ? s === c.rhs : s >= c.rhs;
}

describe('the solver moves no more figures than a brute-force search needs', () => {
  const cases: [string, Workbook][] = [];
  for (let seed = 1; seed <= 6; seed++) cases.push([`exact figures, seed ${seed}`, table3(seed, false)]);
  for (let seed = 1; seed <= 6; seed++) cases.push([`published with 尾差, seed ${seed}`, table3(seed, true)]);

  it.each(cases)('%s', (_name, wb) => {
    const d = locateTables(wb);
    const { figures, constraints } = balanceProblem(d, wb);
    expect(figures.length).toBeGreaterThanOrEqual(8);
    expect(figures.length).toBeLessThanOrEqual(16);
    const minimum = bruteMinimum(figures, constraints);
    expect(Number.isFinite(minimum)).toBe(true);
    const r = balanceWorkbook(wb);
    expect(r.residuals).toEqual([]);
    expect(r.moved).toBe(minimum);
  });

  it('the cases are not trivial: some need moves, and one of them more than one', () => {
    const needs = cases.map(([, wb]) => {
      const { figures, constraints } = balanceProblem(locateTables(wb), wb);
      return bruteMinimum(figures, constraints);
    });
    expect(needs.some((n) => n > 1)).toBe(true);
  });
});
