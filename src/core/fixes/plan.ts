import type { Analysis } from '../check';
import type { Finding } from '../model/finding';
import type { Workbook } from '../model/grid';
import type { TableId } from '../templates/schema';
import { tableDef } from '../templates/tables';
import { findingKey, type CellEdit } from './edit';
import { FormFixer } from './formFixes';
import { restoreFormula } from './formulaFixes';
import type { FixContext, FixOutcome } from './outcome';
import { noDataNote, numberFromText, standardName } from './tableFixes';

/**
 * Fix plans for findings with one right answer (issue 14 §2). A plan is data — cell edits with
 * reasons, each tied to the finding it answers — made here and applied by each face. Findings of
 * other rules, and the cases below where the answer is not certain, get no edit, only a reason.
 */
export const FIXABLE_RULES: readonly string[] = ['FI1', 'FI4', 'CN1', 'CN3', 'W7', 'F2', 'F4', 'F1.3'];

export interface Fix {
  finding: Finding;
  key: string;
  edits: CellEdit[];
}

export interface NotFixed {
  finding: Finding;
  key: string;
  why: string;
}

export interface FixPlan {
  fixes: Fix[];
  notFixed: NotFixed[];
  /** Every edit once, in the order the fixes were planned (a formula restored before text → number). */
  edits: CellEdit[];
}

export interface FixOptions {
  /** Only these rule ids (`--only FI4,CN1`). */
  only?: readonly string[];
}

function isNoDataRule(f: Finding): boolean {
  try {
    return !!f.table && f.rule === tableDef(f.table as TableId).noDataRule;
  } catch {
    return false;
  }
}

/** Which fix kind answers a finding; FI1 first so a total typed as text gets its formula, not a number. */
const ORDER = ['FI1', 'FI4', 'CN1', 'CN3', 'W7', 'F2', 'F4', 'F1.3'];

function kindOf(f: Finding): string | undefined {
  if (isNoDataRule(f)) return 'W7';
  return ORDER.includes(f.rule) ? f.rule : undefined;
}

export function planFixes(wb: Workbook, analysis: Analysis, opts: FixOptions = {}): FixPlan {
  const ctx: FixContext = { wb, disclosure: analysis.disclosure, findings: analysis.findings };
  const forms = new FormFixer(ctx);
  const only = opts.only ? new Set(opts.only.map((r) => r.trim().toUpperCase())) : undefined;
  const run: Record<string, (f: Finding) => FixOutcome> = {
    FI1: (f) => restoreFormula(f, ctx),
    FI4: (f) => numberFromText(f, ctx),
    CN1: (f) => standardName(f, ctx),
    CN3: (f) => standardName(f, ctx),
    W7: (f) => noDataNote(f, ctx),
    F2: (f) => forms.funds(f),
    F4: (f) => forms.funds(f),
    'F1.3': (f) => forms.name(f),
  };
  const candidates = analysis.findings
    .map((f) => ({ f, kind: kindOf(f) }))
    .filter((x): x is { f: Finding; kind: string } => !!x.kind && (!only || only.has(x.f.rule.toUpperCase())))
    .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  const plan: FixPlan = { fixes: [], notFixed: [], edits: [] };
  const written = new Map<string, CellEdit>();
  for (const { f, kind } of candidates) {
    const key = findingKey(f);
    const out = run[kind](f);
    if ('why' in out) {
      plan.notFixed.push({ finding: f, key, why: out.why });
      continue;
    }
    const clash = out.edits.find((e) => {
      const had = written.get(`${e.sheet}!${e.cell}`);
      return had && (had.new !== e.new || had.formula !== e.formula);
    });
    if (clash) {
      plan.notFixed.push({ finding: f, key, why: `${clash.sheet}!${clash.cell} 已由另一项修正改写` });
      continue;
    }
    plan.fixes.push({ finding: f, key, edits: out.edits });
    for (const e of out.edits) {
      const k = `${e.sheet}!${e.cell}`;
      if (written.has(k)) continue;
      written.set(k, e);
      plan.edits.push(e);
    }
  }
  return plan;
}

/** Keys of the findings a certain fix answers (the pane's 修正 buttons), from the analysis of the same read. */
export function fixableKeys(wb: Workbook, analysis: Analysis): string[] {
  return planFixes(wb, analysis).fixes.map((f) => f.key);
}
