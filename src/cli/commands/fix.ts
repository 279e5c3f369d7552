import type { Command } from 'commander';
import { analyzeWorkbook } from '../../core/check';
import { FIXABLE_RULES, planFixes, type FixPlan } from '../../core/fixes';
import { readInput, registerCopyCommand, shown, writeCopy, type CopyOptions } from './editedCopy';

/**
 * `budget-disclosure fix IN.xlsx -o OUT.xlsx [--only FI4,CN1,…]`: applies the fixes that have one
 * right answer (text → number, standard 科目 name, template formula, no-data note, a form's funds
 * or near-miss name from 表12) and lists every changed cell; IN is never written.
 */
export interface FixCliOptions extends CopyOptions {
  only?: string;
  json?: boolean;
  year?: string;
}

export interface FixCliResult {
  exitCode: number;
  stdout: string;
  plan: FixPlan;
}

export function parseOnly(only: string | undefined): string[] | undefined {
  if (only === undefined) return undefined;
  const ids = only
    .split(/[,，\s]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const unknown = ids.filter((id) => !FIXABLE_RULES.includes(id));
  if (unknown.length)
    throw new Error(`--only 中的 ${unknown.join('、')} 不是可自动修正的规则；可选：${FIXABLE_RULES.join(',')}`);
  return ids;
}

export function formatFixes(plan: FixPlan): string {
  const lines: string[] = [];
  lines.push(`修正 ${plan.fixes.length} 项发现，改写 ${plan.edits.length} 个单元格：`);
  // One line per cell, naming every finding it answers (CN1 and CN3 often rename the same cell).
  const rules = new Map<string, string[]>();
  for (const fix of plan.fixes)
    for (const e of fix.edits) {
      const k = `${e.sheet}!${e.cell}`;
      const list = rules.get(k) ?? [];
      if (!list.includes(fix.finding.rule)) list.push(fix.finding.rule);
      rules.set(k, list);
    }
  for (const e of plan.edits) {
    const to = e.formula !== undefined ? `=${e.formula}（${shown(e.new)}）` : shown(e.new);
    const by = (rules.get(`${e.sheet}!${e.cell}`) ?? []).join(',');
    lines.push(`  [${by}] ${e.sheet}!${e.cell} ${shown(e.old)} → ${to}：${e.reason}`);
  }
  if (plan.notFixed.length) {
    lines.push(`未自动修正 ${plan.notFixed.length} 项（答案不唯一，须由经办人处理）：`);
    for (const n of plan.notFixed) {
      const where = n.finding.sheet ? `${n.finding.sheet}${n.finding.cell ? '!' + n.finding.cell : ''} ` : '';
      lines.push(`  [${n.finding.rule}] ${where}${n.why}`);
    }
  }
  return lines.join('\n');
}

function json(plan: FixPlan): unknown {
  const finding = (f: FixPlan['fixes'][number]['finding']) => ({
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    message: f.message,
  });
  return {
    fixes: plan.fixes.map((x) => ({ key: x.key, finding: finding(x.finding), edits: x.edits })),
    notFixed: plan.notFixed.map((x) => ({ key: x.key, finding: finding(x.finding), why: x.why })),
    edits: plan.edits,
  };
}

export async function runFix(input: string, opts: FixCliOptions): Promise<FixCliResult> {
  const only = parseOnly(opts.only);
  const data = await readInput(input, opts);
  const analysis = analyzeWorkbook(data.grid, opts.year ? { year: Number(opts.year) } : {});
  const plan = planFixes(data.grid, analysis, { only });
  const note = await writeCopy(data, plan.edits, opts.output!);
  const stdout = opts.json
    ? JSON.stringify({ input, output: opts.output, ...(json(plan) as object) })
    : [formatFixes(plan), ...(note ? [note] : []), `已写入：${opts.output}`].join('\n');
  return { exitCode: 0, stdout, plan };
}

export function register(program: Command): void {
  registerCopyCommand(
    program,
    {
      name: 'fix',
      description:
        '一键修正答案唯一的问题（文本型数字、非标准科目名称、被覆盖的合计公式、空表说明、目标表资金与名称），并列出每个改动',
      json: '输出 JSON',
      options: [['--only <规则>', `只修正这些规则的发现，逗号分隔（${FIXABLE_RULES.join(',')}）`]],
    },
    runFix,
  );
}
