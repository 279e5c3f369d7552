import type { Finding, Severity } from '../model/finding';
import { TABLE_IDS } from '../templates/schema';
import type { RuleContext, RuleModule } from './types';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, rounding: 2, info: 3 };
const TABLE_ORDER = new Map<string, number>(TABLE_IDS.map((t, i) => [t, i]));

function cellRow(f: Finding): number {
  const m = /(\d+)$/.exec(f.cell ?? '');
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

function cellCol(f: Finding): string {
  const m = /^\$?([A-Z]+)/.exec(f.cell ?? '');
  return m ? m[1].padStart(3, ' ') : '~~~';
}

/** Severity, then table (表1…表13, then forms and narrative), then sheet row, then column. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (TABLE_ORDER.get(a.table ?? '') ?? 99) - (TABLE_ORDER.get(b.table ?? '') ?? 99) ||
      (a.table ?? '').localeCompare(b.table ?? '') ||
      cellRow(a) - cellRow(b) ||
      cellCol(a).localeCompare(cellCol(b)) ||
      a.rule.localeCompare(b.rule),
  );
}

/** The same rule firing twice on the same cell with the same message is one finding. */
export function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.rule}\u0000${f.sheet}\u0000${f.cell}\u0000${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Runs every module; a module that throws becomes one warning naming it, so one faulty rule
 * never hides the findings of the others.
 */
export function runModules(modules: readonly RuleModule[], ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const m of modules) {
    try {
      out.push(...m.run(ctx));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      out.push({
        rule: m.id,
        severity: 'warning',
        message: `检查规则“${m.description}”（${m.id}）运行出错，未能完成这部分检查：${why}。其他检查结果不受影响，请把此信息反馈给维护人员`,
      });
    }
  }
  return sortFindings(dedupeFindings(out));
}
