import { analyzeWorkbook } from '../../src/core/check';
import { locateTables } from '../../src/core/locate';
import { projectsFromDisclosure } from '../../src/core/forms/projects';
import { applySyncToGrid, planSync, readRecord } from '../../src/core/forms/sync';
import { newFormSettings } from '../../src/core/forms/plan';
import { planFixes } from '../../src/core/fixes';
import type { Workbook } from '../../src/core/model/grid';
import { buildSeedWorkbook } from '../fixtures/seeds';
import { seedWorkbookWithForms } from '../forms/seedForms';
import { findingId } from '../balance/support';
import { cellAt, copyOf, expectOnlyFixedGone, fix, setCell } from './support';

/** Forms out of step with 表12: funds and near-miss names get 表12's, when that is the one right answer. */
describe("F2/F4: a form's funds out of step with 表12 → 表12's figures (元 = 万元 × 10000, by source)", () => {
  const wb = seedWorkbookWithForms('001');

  it('the fixed forms lose their F2/F4 errors and nothing else changes', () => {
    const r = fix(wb, ['F2', 'F4']);
    expect(r.plan.fixes.length).toBeGreaterThan(0);
    expectOnlyFixedGone(r);
    for (const x of r.plan.fixes) expect(['F2', 'F4']).toContain(x.finding.rule);
  });

  it('writes 表12 合计 × 10000 into the 年度资金总额, the typed value shown as old', () => {
    const r = fix(wb, ['F2']);
    for (const x of r.plan.fixes) {
      // F2's expected value is 表12's 合计 in 元; the fix writes exactly that.
      const total = x.edits.find((e) => e.cell === x.finding.cell)!;
      expect(total.new).toBe(Number(x.finding.expected));
      expect(total.old).toBe(Number(x.finding.actual));
    }
  });

  it('leaves alone what cannot be derived (a 实施期 below the new year, cost indicators above it), saying why', () => {
    const r = fix(wb, ['F2']);
    const whys = r.plan.notFixed.map((n) => n.why);
    expect(whys).toContain('按表12改后年度资金将大于实施期资金总额，实施期金额须由经办人确定');
    expect(whys).toContain('按表12改写后目标表会出现新的问题（F7 成本指标金额超过资金总额），须由经办人处理');
    const left = r.after.filter((f) => f.rule === 'F2').map(findingId);
    expect(left.sort()).toEqual(r.plan.notFixed.map((n) => findingId(n.finding)).sort());
  });

  it('a 尾差 between 元 and 万元 is not "fixed": 表12 is the rounding of the form (003)', () => {
    const r = fix(seedWorkbookWithForms('003'), ['F2']);
    expect(r.plan.edits).toEqual([]);
  });
});

describe("F1.3: a form's near-miss project name → 表12's name", () => {
  it("000: the form takes 表12's name (表12 prints 工作经历); the warning disappears, nothing else changes", () => {
    const r = fix(seedWorkbookWithForms('000'), ['F1.3']);
    expect(r.plan.fixes).toHaveLength(1);
    const e = r.plan.edits[0];
    expect(String(e.old)).toContain('工作经费');
    expect(String(e.new)).toContain('工作经历');
    expectOnlyFixedGone(r);
  });

  it('a project renamed in 表12 after its form was made: the form and its prefill record follow', () => {
    // A workbook whose forms were written by the forms command (with the hidden 预填记录 sheet).
    const tables = buildSeedWorkbook('003', 'published');
    const d = locateTables(tables);
    const settings = newFormSettings(d);
    const withForms = applySyncToGrid(tables, planSync(projectsFromDisclosure(d), tables, settings), settings);
    // The clerk corrects a typo in 表12 only (one character).
    const t12 = locateTables(withForms).tables.t12!;
    const row = t12.rows.find((x) => x.kind === 'project')!;
    const nameCell = `A${row.row + 1}`;
    const oldName = String(cellAt(withForms, t12.sheet, nameCell)!.value);
    const newName = `${oldName.slice(0, -1)}费`;
    const renamed: Workbook = copyOf(withForms);
    setCell(renamed, t12.sheet, nameCell, { value: newName });
    const before = analyzeWorkbook(renamed);
    expect(before.findings.filter((f) => f.rule === 'F1.3')).toHaveLength(1);
    const r = fix(renamed, ['F1.3']);
    expect(r.plan.edits.filter((e) => e.new === newName)).toHaveLength(1);
    expectOnlyFixedGone(r);
    // The record now keys the form by its new name: a later sync sees every prefilled cell as ours.
    const keys = [...readRecord(r.workbook).keys()];
    expect(keys.some((k) => k.endsWith(`|${newName}`))).toBe(true);
    expect(keys.some((k) => k.endsWith(`|${oldName}`))).toBe(false);
    const again = planSync(projectsFromDisclosure(locateTables(r.workbook)), r.workbook, settings);
    expect(again.kept).toEqual([]);
    expect(again.outOfDate).toEqual([]);
  });

  it('missing or extra forms are not fix kinds: no edit', () => {
    const wb = seedWorkbookWithForms('001');
    const plan = planFixes(wb, analyzeWorkbook(wb));
    const rules = new Set([...plan.fixes, ...plan.notFixed].map((x) => x.finding.rule));
    for (const r of ['F1', 'F1.1', 'F1.2']) expect(rules.has(r)).toBe(false);
  });
});
