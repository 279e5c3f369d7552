import type { Finding, Severity } from '../core/model/finding';
import { TABLES } from '../core/templates/tables';

/** How the 校验 view arranges findings: counts by severity, then one group per table. */
export interface SeverityCounts {
  error: number;
  warning: number;
  rounding: number;
  info: number;
}

export interface FindingGroup {
  key: string;
  title: string;
  findings: Finding[];
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, rounding: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

const ORDER: Severity[] = ['error', 'warning', 'info', 'rounding'];

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

/**
 * 尾差 findings go to their own group (shown collapsed): they are legitimate rounding a clerk
 * usually accepts, and mixing them in would bury the real errors.
 */
export function groupFindings(findings: readonly Finding[]): { byTable: FindingGroup[]; rounding: Finding[] } {
  const rounding = findings.filter((f) => f.severity === 'rounding');
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.severity === 'rounding') continue;
    const key = f.table ?? 'other';
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const byTable = [...groups.entries()]
    .sort((a, b) => tableOrder(a[0]) - tableOrder(b[0]))
    .map(([key, list]) => ({
      key,
      title: tableTitle(key),
      findings: [...list].sort((x, y) => ORDER.indexOf(x.severity) - ORDER.indexOf(y.severity)),
    }));
  return { byTable, rounding };
}

/** `表3 预算支出总表!D7` — where the clerk should look. */
export function findingPlace(f: Finding): string {
  if (f.sheet && f.cell) return `${f.sheet}!${f.cell}`;
  return f.sheet ?? '';
}
