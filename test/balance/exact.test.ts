import Decimal from 'decimal.js';
import { balanceWorkbook } from '../../src/core/balance';
import { analyzeWorkbook } from '../../src/core/check';
import { applyEditsToGrid } from '../../src/core/fixes';
import { exactWorkbook } from './exactWorkbook';
import { balance, newFindings, roundingLeft } from './support';

/**
 * A workbook built with exact figures (4 decimals, totals exact sums by formula) balances with every
 * output equal to its exact value rounded down or up to 0.01, and checks clean.
 */
describe('exact-figure workbook (部门, 3 units × 4 projects, every input with 4 decimals)', () => {
  const ex = exactWorkbook({ units: 3, perUnit: 4, seed: 7 });

  it('rounding each figure on its own would leave 尾差 (the problem is real)', () => {
    // Ordinary rounding of every cell, no balancing: the totals no longer add up.
    const ordinary = balanceWorkbook(ex.wb).changes.map((c) => ({
      sheet: c.sheet,
      cell: c.cell,
      old: c.old,
      new: Number(c.ordinary),
      reason: '',
      finding: 'test',
    }));
    const rounded = analyzeWorkbook(applyEditsToGrid(ex.wb, ordinary)).findings;
    expect(rounded.filter((f) => f.severity === 'rounding').length).toBeGreaterThan(5);
  });

  it('balanced: every figure is its exact value rounded down or up to 0.01', () => {
    const r = balanceWorkbook(ex.wb);
    expect(r.changes.length).toBeGreaterThan(100);
    for (const c of r.changes) {
      expect(c.exact).toBeDefined();
      const exact = new Decimal(c.exact!);
      const v = new Decimal(c.value);
      const down = exact.toDecimalPlaces(2, Decimal.ROUND_FLOOR);
      const up = exact.toDecimalPlaces(2, Decimal.ROUND_CEIL);
      expect(v.eq(down) || v.eq(up)).toBe(true);
      expect(Math.abs(c.steps)).toBeLessThanOrEqual(1);
      expect(c.ordinary).toBe(exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
    }
    // Every input the builder typed with more than 2 decimals is rewritten at 2.
    const written = new Set(r.changes.map((c) => `${c.sheet}!${c.cell}`));
    for (const [k, v] of ex.inputs) if (v.decimalPlaces() > 2) expect(written.has(k)).toBe(true);
    expect(r.residuals).toEqual([]);
    expect(r.twoStep).toBe(0);
  });

  it('checks with zero 尾差 and no new finding', () => {
    const b = balance(ex.wb);
    expect(roundingLeft(b.after).map((f) => f.message)).toEqual([]);
    expect(newFindings(b.before, b.after).map((f) => f.message)).toEqual([]);
  });

  it('counts a figure once however many cells print it, and moves detail rows before totals', () => {
    const r = balanceWorkbook(ex.wb);
    const moved = r.changes.filter((c) => c.steps !== 0);
    expect(new Set(moved.map((c) => c.figure)).size).toBe(r.moved);
    // No 合计 row figure moves while a project (detail) can absorb the difference in 表12.
    const projectMoves = moved.filter((c) => c.sheet.startsWith('表12'));
    expect(projectMoves.length).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(balanceWorkbook(ex.wb))).toBe(JSON.stringify(balanceWorkbook(ex.wb)));
  });
});
