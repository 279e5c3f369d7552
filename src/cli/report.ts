import type { Disclosure } from '../core/model/disclosure';
import { SEVERITY_LABEL, type Finding, type Severity } from '../core/model/finding';
import { TABLES } from '../core/templates/tables';

/**
 * Turns check results into the clerk's Chinese report (per file, grouped by table) or the
 * machine-readable JSON of `check --json`. Pure: no I/O, so the command and tests share it.
 */
export interface CheckedFile {
  file: string;
  disclosure: Disclosure;
  findings: Finding[];
}
export interface UnreadableFile {
  file: string;
  error: string;
}
export type FileResult = CheckedFile | UnreadableFile;

export function isUnreadable(r: FileResult): r is UnreadableFile {
  return 'error' in r;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'rounding', 'info'];

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, rounding: 0, info: 0 };
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return counts;
}

export function countsLine(counts: Record<Severity, number>): string {
  const parts = (['error', 'warning', 'rounding'] as Severity[]).map((s) => `${SEVERITY_LABEL[s]} ${counts[s]}`);
  if (counts.info > 0) parts.push(`${SEVERITY_LABEL.info} ${counts.info}`);
  return parts.join(' · ');
}

const GROUP_NAMES: Record<string, string> = { form: '项目支出绩效目标表', narrative: '第三部分 情况说明' };

function groupName(table: string | undefined): string {
  if (!table) return '其他';
  const def = TABLES.find((t) => t.id === table);
  return def ? def.sheetName : (GROUP_NAMES[table] ?? table);
}

function groupOrder(table: string | undefined): number {
  const i = TABLES.findIndex((t) => t.id === table);
  if (i >= 0) return i;
  return table === 'form' ? 100 : table === 'narrative' ? 101 : 102;
}

function findingLine(f: Finding): string {
  const where = f.sheet && f.cell ? `${f.sheet}!${f.cell} ` : f.sheet ? `${f.sheet} ` : '';
  const numbers: string[] = [];
  if (f.expected !== undefined) numbers.push(`应为 ${f.expected}`);
  if (f.actual !== undefined) numbers.push(`实为 ${f.actual}`);
  if (f.diff !== undefined) numbers.push(`Δ ${f.diff}`);
  const tail = numbers.length > 0 ? `（${numbers.join('，')}）` : '';
  return `  [${SEVERITY_LABEL[f.severity]}] ${f.rule} ${where}${f.message}${tail}`;
}

export function formatFileReport(r: FileResult): string {
  const lines: string[] = [`━━ ${r.file}`];
  if (isUnreadable(r)) {
    lines.push(`  无法读取：${r.error}`);
    return lines.join('\n');
  }
  const found = TABLES.filter((t) => r.disclosure.tables[t.id]);
  const meta = r.disclosure.meta;
  const who = [meta.unit, meta.year ? `${meta.year}年` : undefined, meta.level].filter(Boolean).join(' · ');
  if (who) lines.push(`  ${who}`);
  lines.push(`  识别到 ${found.length}/13 张表：${found.map((t) => `表${t.number}`).join('、') || '无'}`);
  const counts = severityCounts(r.findings);
  lines.push(`  ${countsLine(counts)}`);
  if (r.findings.length === 0) {
    lines.push('  未发现问题。');
    return lines.join('\n');
  }
  const groups = new Map<string | undefined, Finding[]>();
  for (const f of r.findings) {
    const list = groups.get(f.table) ?? [];
    list.push(f);
    groups.set(f.table, list);
  }
  const keys = [...groups.keys()].sort((a, b) => groupOrder(a) - groupOrder(b));
  for (const k of keys) {
    const list = (groups.get(k) ?? [])
      .slice()
      .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
    lines.push(`  【${groupName(k)}】${countsLine(severityCounts(list))}`);
    for (const f of list) lines.push(findingLine(f));
  }
  return lines.join('\n');
}

/**
 * What the closing summary needs of one file, once its report is printed: a folder of 1,000
 * workbooks is summed up without keeping 1,000 disclosures in memory.
 */
export interface FileSummary {
  file: string;
  /** Why the file could not be read (absent when it was checked). */
  error?: string;
  counts: Record<Severity, number>;
}

export function summaryOf(r: FileResult): FileSummary {
  if (isUnreadable(r)) return { file: r.file, error: r.error, counts: severityCounts([]) };
  return { file: r.file, counts: severityCounts(r.findings) };
}

export function formatSummary(results: readonly (FileResult | FileSummary)[]): string {
  const summaries = results.map((r) => ('counts' in r ? r : summaryOf(r)));
  const unreadable = summaries.filter((r) => r.error !== undefined);
  const checked = summaries.filter((r) => r.error === undefined);
  const withErrors = checked.filter((r) => r.counts.error > 0);
  const all = severityCounts([]);
  for (const r of checked) for (const s of SEVERITY_ORDER) all[s] += r.counts[s];
  const lines = [
    `共 ${summaries.length} 个文件：${checked.length - withErrors.length} 个无错误，${withErrors.length} 个有错误，${unreadable.length} 个无法读取。`,
    `合计 ${countsLine(all)}`,
  ];
  for (const u of unreadable) lines.push(`无法读取 ${u.file}：${u.error}`);
  return lines.join('\n');
}

/** The `--json` document. Every finding key is present (null when not applicable). */
export interface JsonFinding {
  rule: string;
  severity: Severity;
  table: string | null;
  sheet: string | null;
  cell: string | null;
  row: string | null;
  column: string | null;
  expected: string | null;
  actual: string | null;
  diff: string | null;
  message: string;
}
export type JsonFile =
  | { file: string; tables: Record<string, { sheet: string; range: string }>; findings: JsonFinding[] }
  | { file: string; error: string };

export function toJsonFinding(f: Finding): JsonFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    table: f.table ?? null,
    sheet: f.sheet ?? null,
    cell: f.cell ?? null,
    row: f.row ?? null,
    column: f.column ?? null,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    diff: f.diff ?? null,
    message: f.message,
  };
}

export function toJsonFile(r: FileResult): JsonFile {
  if (isUnreadable(r)) return { file: r.file, error: r.error };
  const tables: Record<string, { sheet: string; range: string }> = {};
  for (const t of TABLES) {
    const located = r.disclosure.tables[t.id];
    if (located) tables[t.id] = { sheet: located.sheet, range: located.range };
  }
  return { file: r.file, tables, findings: r.findings.map(toJsonFinding) };
}

export function toJson(results: readonly FileResult[]): { files: JsonFile[] } {
  return { files: results.map(toJsonFile) };
}

/** `{"files":[…]}` written a file at a time: the same bytes as JSON.stringify(toJson(all)). */
export const JSON_OPEN = '{"files":[';
export const JSON_SEPARATOR = ',';
export const JSON_CLOSE = ']}';
