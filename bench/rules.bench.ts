import { analyzeDisclosure } from '../src/core/check';
import { locateTables } from '../src/core/locate';
import type { Workbook } from '../src/core/model/grid';
import { DEFAULT_CODES } from '../src/core/reference';
import { renderTemplates } from '../src/core/templates/layout';
import { planToSheet } from '../src/core/templates/planToGrid';
import { recalc } from '../test/rules/support/recalc';

/**
 * The live add-in re-checks the whole workbook on every edit. Workload: a 部门 template with the
 * full shipped 科目 list (~40 rows per coded table), 7 units × 10 = 70 projects in 表12/表13,
 * every input cell filled and every formula recalculated. Reported: rules only (target ≤ 10 ms),
 * and locate + rules.
 */
export function unrelatedWorkload(): Workbook {
  const units = Array.from({ length: 7 }, (_, i) => `测试单位${i + 1}`);
  const plans = renderTemplates({ year: 2024, unit: '测试局', level: '部门', units }, { projectRows: 10 });
  let n = 0;
  for (const p of plans) {
    for (const c of p.cells) {
      if (c.style === 'money' && c.formula === undefined) c.value = ((n++ % 97) + 1) / 4;
      if (c.style === 'text' && (p.tag === 't12' || p.tag === 't13') && c.col === 0 && c.value == null)
        c.value = `项目${n++}`;
    }
  }
  const wb: Workbook = { sheets: plans.map(planToSheet) };
  recalc(wb);
  return wb;
}

/**
 * The same workbook filled consistently (what a clerk's finished workbook looks like on most
 * edits): 项 amounts in 表2/3/5, 70 projects of 1.00 under one 项's 项目支出, 表6 = Σ 基本支出.
 */
export function consistentWorkload(): Workbook {
  const units = Array.from({ length: 7 }, (_, i) => `测试单位${i + 1}`);
  const plans = renderTemplates({ year: 2024, unit: '测试局', level: '部门', units }, { projectRows: 10 });
  const wb: Workbook = { sheets: plans.map(planToSheet) };
  const layout = locateTables(wb);
  const put = (sheet: string, cell: string, v: number | string) => {
    const s = wb.sheets.find((x) => x.name === sheet)!;
    const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
    const c = m[1].charCodeAt(0) - 65;
    const r = Number(m[2]) - 1;
    (s.rows[r] ??= [])[c] = { value: v };
  };
  let basic = 0;
  let first = true;
  for (const row of layout.tables.t2!.rows) {
    if (row.kind !== 'xiang') continue;
    const v = 10 + (basic % 7);
    const project = first ? 70 : 0;
    first = false;
    put(layout.tables.t2!.sheet, row.values.gpb!.cell, v + project);
    for (const id of ['t3', 't5'] as const) {
      const r = layout.tables[id]!.rows.find((x) => x.code === row.code)!;
      put(layout.tables[id]!.sheet, r.values.basic!.cell, v);
      if (project) put(layout.tables[id]!.sheet, r.values.project!.cell, project);
    }
    basic += v;
  }
  const wage = layout.tables.t6!.rows.find((r) => r.name === '基本工资')!;
  put(layout.tables.t6!.sheet, wage.values.personnel!.cell, basic);
  // 70 projects of 1.00 (一般公共预算): the blank project rows the template offers, 10 per unit.
  const t12plan = plans.find((p) => p.tag === 't12')!;
  let k = 0;
  for (const c of t12plan.cells) {
    if (c.style !== 'text' || c.col !== 0 || c.value != null || k >= 70) continue;
    const gpb = t12plan.cells.find((x) => x.row === c.row && x.col === 2);
    if (!gpb || gpb.formula !== undefined) continue;
    put(t12plan.name, `A${c.row + 1}`, `项目${++k}`);
    put(t12plan.name, `C${c.row + 1}`, 1);
  }
  recalc(wb);
  return wb;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(report: (name: string, value: number, unit: string) => void): Promise<void> {
  const wb = unrelatedWorkload();
  const rulesMs: number[] = [];
  const fullMs: number[] = [];
  let findings = 0;
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const d = locateTables(wb);
    const t1 = performance.now();
    findings = analyzeDisclosure(d, { workbook: wb, codes: DEFAULT_CODES }).findings.length;
    const t2 = performance.now();
    if (i >= 5) {
      rulesMs.push(t2 - t1);
      fullMs.push(t2 - t0);
    }
  }
  const clean = consistentWorkload();
  const cleanMs: number[] = [];
  let cleanFindings = 0;
  for (let i = 0; i < 30; i++) {
    const d = locateTables(clean);
    const t1 = performance.now();
    cleanFindings = analyzeDisclosure(d, { workbook: clean, codes: DEFAULT_CODES }).findings.length;
    if (i >= 5) cleanMs.push(performance.now() - t1);
  }
  report('rules.check.consistent.findings', cleanFindings, 'findings');
  report('rules.check.consistent.rules_only.median', median(cleanMs), 'ms');
  const d = locateTables(wb);
  report('rules.check.coded_rows', d.tables.t2?.rows.length ?? 0, 'rows');
  report('rules.check.projects', d.tables.t12?.rows.filter((r) => r.kind === 'project').length ?? 0, 'projects');
  report('rules.check.findings', findings, 'findings');
  report('rules.check.rules_only.median', median(rulesMs), 'ms');
  report('rules.check.locate_and_rules.median', median(fullMs), 'ms');
}
