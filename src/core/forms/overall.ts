import Decimal from 'decimal.js';
import type { Disclosure } from '../model/disclosure';
import type { Finding } from '../model/finding';
import { addr, textAt, valueAt, type Sheet, type Workbook } from '../model/grid';
import { classifyDiff, parseMoney, roundingTolerance, sum, moneyString } from '../money';
import { sameNameKey } from '../text/sameName';

/**
 * F10: 部门（单位）整体支出绩效目标表 (docs/domain.md § 整体支出绩效目标表, 万元), checked only when one is present.
 * Its 年度预算情况 block lists sources and directions side by side; both must add up and
 * agree with each other and with 表12.
 */
interface Entry {
  label: string;
  value: Decimal;
  cell: string;
}

const norm = sameNameKey;

const TABLE_TAG = /^t\d{1,2}$/;

function findOverallSheet(wb: Workbook): { sheet: Sheet; header: number } | undefined {
  for (const sheet of wb.sheets) {
    // One of the 13 tables (tagged by the add-in) is never the 整体目标表.
    if (sheet.tag && TABLE_TAG.test(sheet.tag)) continue;
    let hasTitle = false;
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const v = row[c]?.value;
        // Cheap test first: this scan visits every cell of every other sheet.
        if (typeof v !== 'string' || !/[整按]/.test(v)) continue;
        const t = norm(textAt(sheet, r, c));
        if (t.includes('整体支出绩效目标')) hasTitle = true;
        if (hasTitle && t === '按资金来源划分') return { sheet, header: r };
      }
    }
  }
  return undefined;
}

const WAN = new Decimal(10000);

/**
 * The unit the block prints: `资金总额（万元）` in the header (004), `单位：元` or `（元）` in the
 * header or a line above it. 万元 unless 元 is written, as the tables are.
 */
function unitFactor(sheet: Sheet, header: number): Decimal {
  for (let r = header; r >= Math.max(0, header - 4); r--) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = norm(textAt(sheet, r, c));
      if (/\(万元\)|单位:万元/.test(t)) return new Decimal(1);
      if (/\(元\)|单位:元/.test(t)) return new Decimal(1).div(WAN);
    }
  }
  return new Decimal(1);
}

function entriesAfter(sheet: Sheet, header: number): { sources: Entry[]; directions: Entry[] } {
  const sources: Entry[] = [];
  const directions: Entry[] = [];
  for (let r = header + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const pairs: Entry[] = [];
    for (let c = 0; c < row.length; c++) {
      const label = norm(textAt(sheet, r, c));
      if (!label || /^[\d,.]+$/.test(label)) continue;
      for (let v = c + 1; v < row.length; v++) {
        const raw = valueAt(sheet, r, v);
        if (raw === null || raw === '') continue;
        const p = parseMoney(typeof raw === 'object' ? null : raw);
        if (p.ok && !p.blank) pairs.push({ label, value: p.value, cell: addr(r, v) });
        break;
      }
    }
    if (pairs.length === 0) break;
    if (pairs[0]) sources.push(pairs[0]);
    if (pairs[1]) directions.push(pairs[1]);
  }
  return { sources, directions };
}

function check(
  rule: string,
  sheet: string,
  cell: string,
  expected: Decimal,
  actual: Decimal,
  n: number,
  what: string,
): Finding | undefined {
  const diff = actual.minus(expected);
  const cls = classifyDiff(diff, roundingTolerance(n));
  if (cls === 'equal') return undefined;
  return {
    rule,
    severity: cls === 'rounding' ? 'rounding' : 'error',
    table: 'form',
    sheet,
    cell,
    expected: moneyString(expected),
    actual: moneyString(actual),
    diff: moneyString(diff),
    message: `整体支出绩效目标表：${what}，应为${moneyString(expected)}万元，实为${moneyString(actual)}万元，差额${moneyString(diff)}万元（工作表“${sheet}”单元格 ${cell}）`,
  };
}

export function checkOverallForm(wb: Workbook, d: Disclosure): Finding[] {
  const found = findOverallSheet(wb);
  if (!found) return [];
  const { sheet, header } = found;
  // Every figure in 万元, whatever the block prints, so 尾差 and 表12 compare alike.
  const factor = unitFactor(sheet, header);
  const read = entriesAfter(sheet, header);
  const inWan = (e: Entry): Entry => ({ ...e, value: e.value.times(factor) });
  const sources = read.sources.map(inWan);
  const directions = read.directions.map(inWan);
  const out: (Finding | undefined)[] = [];
  const isTotal = (e: Entry): boolean => e.label.replace(/\s/g, '') === '合计';
  const sTotal = sources.find(isTotal);
  const dTotal = directions.find(isTotal);
  if (sTotal) {
    const parts = sources.filter((e) => e !== sTotal);
    out.push(
      check(
        'F10',
        sheet.name,
        sTotal.cell,
        sum(parts.map((e) => e.value)),
        sTotal.value,
        parts.length,
        '按资金来源划分的合计与各项之和不一致',
      ),
    );
  }
  if (dTotal) {
    const parts = directions.filter((e) => e !== dTotal);
    out.push(
      check(
        'F10',
        sheet.name,
        dTotal.cell,
        sum(parts.map((e) => e.value)),
        dTotal.value,
        parts.length,
        '按资金方向划分的合计与基本支出、项目支出之和不一致',
      ),
    );
  }
  if (sTotal && dTotal)
    out.push(check('F10', sheet.name, dTotal.cell, sTotal.value, dTotal.value, 2, '资金方向合计与资金来源合计不一致'));
  const project = directions.find((e) => e.label.includes('项目支出'));
  const t12Total = d.tables.t12?.rows.find(
    (r) => r.kind === 'total' || (r.kind === 'unit' && r.level !== 1 && r.level !== 2),
  )?.values.total;
  const t12Sum = d.tables.t12
    ? sum(d.tables.t12.rows.filter((r) => r.kind === 'project').map((r) => r.values.total?.value ?? new Decimal(0)))
    : undefined;
  const expectedProject = t12Total?.value ?? t12Sum;
  if (project && expectedProject)
    out.push(check('F10', sheet.name, project.cell, expectedProject, project.value, 2, '项目支出与表12合计不一致'));
  return out.filter((f): f is Finding => f !== undefined);
}
