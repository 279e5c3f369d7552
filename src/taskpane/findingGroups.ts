import { findingKey, type CellEdit, type EditValue } from '../core/fixes';
import type { Finding, Severity } from '../core/model/finding';
import { TABLES } from '../core/templates/tables';

/**
 * How the 校验 view arranges findings: counts by severity (which double as filters), then one
 * group per severity — 错误, 提示, 尾差, 信息, in that order, so a reviewer sees the errors first —
 * and inside each group the findings by table, in table order.
 */
export interface SeverityCounts {
  error: number;
  warning: number;
  rounding: number;
  info: number;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'rounding', 'info'];

export interface TableSection {
  key: string;
  title: string;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  findings: Finding[];
  byTable: TableSection[];
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, rounding: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function tableTitle(key: string): string {
  const def = TABLES.find((t) => t.id === key);
  if (def) return def.sheetName;
  if (key === 'form') return '项目支出绩效目标表';
  if (key === 'narrative') return '情况说明';
  return '其他';
}

function tableOrder(key: string): number {
  const def = TABLES.find((t) => t.id === key);
  if (def) return def.number;
  return key === 'form' ? 100 : key === 'narrative' ? 101 : 102;
}

function byTable(findings: readonly Finding[]): TableSection[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.table ?? 'other';
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.entries()]
    .sort((a, b) => tableOrder(a[0]) - tableOrder(b[0]))
    .map(([key, list]) => ({ key, title: tableTitle(key), findings: list }));
}

/**
 * One group per severity present (or only `only`, the filter the clerk picked), in the order
 * 错误, 提示, 尾差, 信息; each split by table in table order, findings in the engine's order.
 */
export function groupBySeverity(findings: readonly Finding[], only?: Severity): SeverityGroup[] {
  return SEVERITY_ORDER.filter((s) => !only || s === only)
    .map((severity) => {
      const mine = findings.filter((f) => f.severity === severity);
      return { severity, findings: mine, byTable: byTable(mine) };
    })
    .filter((g) => g.findings.length > 0);
}

/** `表3 预算支出总表!D7` — where the clerk should look. */
export function findingPlace(f: Finding): string {
  if (f.sheet && f.cell) return `${f.sheet}!${f.cell}`;
  return f.sheet ?? '';
}

/** Findings of `list` that a certain fix answers, by `findingKey`. */
export function fixableIn(list: readonly Finding[], fixable: ReadonlySet<string>): Finding[] {
  return list.filter((f) => fixable.has(findingKey(f)));
}

/** A cell's content as the preview shows it: text in quotes, a blank as （空）. */
export function shownValue(v: EditValue): string {
  if (v === null || v === '') return '（空）';
  return typeof v === 'string' ? `“${v}”` : String(v);
}

/** What an edit writes, as the preview shows it: a formula with the value it computes. */
export function shownNew(e: CellEdit): string {
  return e.formula !== undefined ? `公式 =${e.formula}（计算值 ${shownValue(e.new)}）` : shownValue(e.new);
}
