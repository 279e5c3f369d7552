import { balanceEdits, balanceWorkbook, ROUNDING_NOTE } from '../../src/core/balance';
import { analyzeWorkbook } from '../../src/core/check';
import { planToSheet as formSheet } from '../../src/core/forms/grid';
import { planNewForms } from '../../src/core/forms/plan';
import { applyEditsToGrid } from '../../src/core/fixes';
import { locateTables } from '../../src/core/locate';
import type { Workbook } from '../../src/core/model/grid';
import { parseAddr } from '../../src/core/model/grid';
import { renderTemplates } from '../../src/core/templates/layout';
import { planToSheet } from '../../src/core/templates/planToGrid';
import { recalc } from '../rules/support/recalc';

/**
 * When no rounding within one step exists: the conflicting identities are named, then ±2 steps on
 * the fewest figures, and only as a last resort a 尾差 left with the standard note.
 *
 * The case: 表12 (单位) whose n projects are pinned by their forms (a form's 元 figure on a whole
 * 0.01 万元 leaves 表12 no choice), and a 合计 typed `off` above their sum: only the 合计 can move.
 */
function pinnedProjects(n: number, off: number): Workbook {
  const plans = renderTemplates({ year: 2026, unit: '测试单位', level: '单位', tables: ['t12'] }, { projectRows: n });
  const wb: Workbook = { sheets: plans.map(planToSheet) };
  const sheet = wb.sheets[0];
  const t12 = locateTables(wb).tables.t12!;
  const gpb = t12.columns.gpb.col;
  const first = t12.headerRow + 2;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = 10 + i + (i + 1) / 100;
    sum += v;
    sheet.rows[first + i][0] = { value: `项目${i + 1}` };
    sheet.rows[first + i][gpb] = { value: v };
  }
  recalc(wb);
  const d = locateTables(wb);
  const forms = planNewForms(wb, d).plans.map(formSheet);
  const total = d.tables.t12!.rows.find((r) => r.kind === 'total')!;
  for (const k of ['total', 'gpb']) {
    const { r, c } = parseAddr(total.values[k]!.cell);
    sheet.rows[r][c] = { value: Math.round((sum + off) * 100) / 100 };
  }
  return { sheets: [...wb.sheets, ...forms] };
}

const rounding = (wb: Workbook) => analyzeWorkbook(wb).findings.filter((f) => f.severity === 'rounding');

describe('no rounding within one step', () => {
  it('names the conflicting identity and the forms that pin the projects, then moves the 合计 by two steps', () => {
    const wb = pinnedProjects(4, 0.02);
    expect(rounding(wb).map((f) => f.rule)).toEqual(['W12.1', 'W12.1']);
    const r = balanceWorkbook(wb);
    expect(r.conflicts).toHaveLength(1);
    const c = r.conflicts[0];
    expect(c.minimal).toBe(true);
    expect(c.identities.map((i) => i.rule)).toEqual(['W12.1']);
    expect(c.message).toContain('无法在每个数字最多调整0.01的情况下同时成立');
    expect(c.message).toContain('绩效目标表');
    expect(r.twoStep).toBe(1);
    expect(r.moved).toBe(1);
    expect(r.residuals).toEqual([]);
    for (const ch of r.changes) {
      expect(ch.steps).toBe(-2);
      expect(ch.reason).toContain('调整两步');
    }
    expect(rounding(applyEditsToGrid(wb, balanceEdits(r)))).toEqual([]);
  });

  it('leaves a 尾差 with the standard note only when two steps are not enough either', () => {
    const wb = pinnedProjects(8, 0.04);
    const r = balanceWorkbook(wb);
    expect(r.conflicts).toHaveLength(1);
    expect(r.residuals.length).toBeGreaterThan(0);
    for (const x of r.residuals) {
      expect(x.note).toBe(ROUNDING_NOTE);
      expect(x.identity.rule).toBe('W12.1');
      expect(x.diff).toBe('0.02');
    }
    // Never more than two steps, and the 尾差 left is smaller than before.
    for (const ch of r.changes) expect(Math.abs(ch.steps)).toBeLessThanOrEqual(2);
    const after = rounding(applyEditsToGrid(wb, balanceEdits(r)));
    expect(after.map((f) => f.diff)).toEqual(['0.02', '0.02']);
  });

  it('within one step the same workbook needs no fallback', () => {
    const r = balanceWorkbook(pinnedProjects(4, 0.01));
    expect(r.conflicts).toEqual([]);
    expect(r.twoStep).toBe(0);
    expect(r.moved).toBe(1);
  });
});
