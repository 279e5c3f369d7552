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
function workload(): Workbook {
  const units = Array.from({ length: 7 }, (_, i) => `测试单位${i + 1}`);
  const plans = renderTemplates({ year: 2024, unit: '测试局', level: '部门', units }, { projectRows: 10 });
  let n = 0;
  for (const p of plans) {
    for (const c of p.cells) {
      if (c.style === 'money' && c.formula === undefined) c.value = ((n++ % 97) + 1) / 4;
      if (c.style === 'text' && (p.tag === 't12' || p.tag === 't13') && c.col === 0 && c.value == null) c.value = `项目${n++}`;
    }
  }
  const wb: Workbook = { sheets: plans.map(planToSheet) };
  recalc(wb);
  return wb;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(report: (name: string, value: number, unit: string) => void): Promise<void> {
  const wb = workload();
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
  const d = locateTables(wb);
  report('rules.check.coded_rows', d.tables.t2?.rows.length ?? 0, 'rows');
  report('rules.check.projects', d.tables.t12?.rows.filter((r) => r.kind === 'project').length ?? 0, 'projects');
  report('rules.check.findings', findings, 'findings');
  report('rules.check.rules_only.median', median(rulesMs), 'ms');
  report('rules.check.locate_and_rules.median', median(fullMs), 'ms');
}
