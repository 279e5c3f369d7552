import Decimal from 'decimal.js';
import type { Amount, Disclosure, LocatedTable, TableRow } from '../model/disclosure';
import type { Finding, Severity } from '../model/finding';
import { addr } from '../model/grid';
import { classifyDiff, ZERO } from '../money';
import { codeLevel } from '../reference';
import type { TableId } from '../templates/schema';
import { cellRef, columnHeader, figureIn, place, printedUnit, rowLabel, tableTitle, uniqueCells } from './describe';
import {
  CROSS_RULES,
  type CodeSetCheck,
  type CrossCheck,
  type CrossMode,
  type CrossRule,
  type Selector,
  type Term,
} from './crossCatalogue';
import { economicLayout } from './economic';
import { allReadable, countAddends, tolerance, toleranceUnit } from './identity';
import { indexTable, type TableIndex } from './tableIndex';
import type { RuleModule } from './types';
import { projectGrandTotalRows } from './units';

export interface Resolved {
  value: Decimal;
  amounts: Amount[];
  /** How the clerk finds this number; turned into text by `whatText` only for a finding
   *  (most checks pass, and a live pass evaluates hundreds). */
  what: What;
  row?: TableRow;
  /** Row name for the finding when there is no single row (Σ of 表6 items). */
  label?: string;
}

interface What {
  t: TableId;
  table: LocatedTable;
  col: string;
  row?: TableRow;
  text?: string;
}

function whatOf(sel: Selector, table: LocatedTable, row: TableRow | undefined, text?: string): What {
  return { t: sel.t, table, col: sel.col, row, text };
}

/** "表1 预算收支总表「一、一般公共预算·2024年」" */
function whatText(w: What): string {
  return `${tableTitle(w.t)}「${w.row ? rowLabel(w.row) : w.text}·${columnHeader(w.table, w.col)}」`;
}

/**
 * undefined = the term cannot be evaluated (table, fixed row or money column absent): the check's
 * precondition is not met and it says nothing. A 科目 row absent from a table counts as 0.
 */
export type Resolve = (sel: Selector, code: string | undefined) => Resolved | undefined;

function sumRows(rows: TableRow[], col: string): { value: Decimal; amounts: Amount[] } {
  let value = ZERO;
  const amounts: Amount[] = [];
  for (const r of rows) {
    const a = r.values[col];
    if (!a) continue;
    value = value.plus(a.value);
    amounts.push(a);
  }
  return { value, amounts };
}

export function makeResolver(d: Disclosure): Resolve {
  const idx = (t: TableId): TableIndex | undefined => (d.tables[t] ? indexTable(d.tables[t]!) : undefined);
  return (sel, ctxCode) => {
    const ix = idx(sel.t);
    if (!ix) return undefined;
    const table = ix.table;
    if (!table.columns[sel.col]) return undefined;
    switch (sel.row) {
      case 'fixed': {
        const row = ix.byKey.get(sel.key);
        if (!row) return undefined;
        const a = row.values[sel.col];
        return { value: a?.value ?? ZERO, amounts: a ? [a] : [], what: whatOf(sel, table, row), row };
      }
      case 'total': {
        let rows: TableRow[];
        if (sel.t === 't12' || sel.t === 't13') rows = projectGrandTotalRows(table);
        else if (ix.total) rows = [ix.total];
        else {
          // Coded tables without a printed 合计 row: Σ 类 rows stands in for it.
          rows = [...ix.byCode.values()].filter((r) => r.kind === 'lei');
          if (rows.length === 0 && ix.byCode.size > 0) return undefined;
        }
        const s = sumRows(rows, sel.col);
        return { ...s, what: whatOf(sel, table, undefined, '合计'), row: rows.length === 1 ? rows[0] : undefined };
      }
      case 'code': {
        const c = sel.code ?? ctxCode;
        if (!c) return undefined;
        const row = ix.byCode.get(c);
        const a = row?.values[sel.col];
        return { value: a?.value ?? ZERO, amounts: a ? [a] : [], what: whatOf(sel, table, undefined, c), row };
      }
      case 'cat': {
        if (!ctxCode) return undefined;
        const row = ix.byKey.get(`cat:${ctxCode}`);
        const a = row?.values[sel.col];
        return { value: a?.value ?? ZERO, amounts: a ? [a] : [], what: whatOf(sel, table, row, ctxCode), row };
      }
      case 'econItems': {
        const names = new Set(sel.names);
        const rows = table.rows.filter((r) => r.kind === 'item' && names.has((r.name ?? r.label).trim()));
        const s = sumRows(rows, sel.col);
        return { ...s, what: whatOf(sel, table, undefined, sel.names[0]), label: sel.names[0] };
      }
      case 'econSide': {
        const rows = economicLayout(table)
          .classes.filter((c) => c.side === sel.side)
          .map((c) => c.row);
        const s = sumRows(rows, sel.col);
        return { ...s, what: whatOf(sel, table, undefined, sel.side === 'public' ? '公用经费各类' : '人员经费各类') };
      }
    }
  };
}

/** Codes the per-code loop visits: every code at the levels in any coded table of the check, and every non-zero category. */
export function codeDomain(d: Disclosure, check: CrossCheck): string[] {
  const levels = new Set(check.perCode!.levels);
  const codes = new Set<string>();
  for (const term of [...check.left, ...check.right]) {
    const t = d.tables[term.sel.t];
    if (!t) continue;
    const ix = indexTable(t);
    if (term.sel.row === 'code') {
      for (const c of ix.byCode.keys()) {
        const lv = codeLevel(c);
        if (lv && levels.has(lv)) codes.add(c);
      }
    } else if (term.sel.row === 'cat') {
      const col = term.sel.col;
      for (const row of t.rows) {
        if (!row.key.startsWith('cat:')) continue;
        const a = row.values[col];
        if (a && !a.value.isZero()) codes.add(row.key.slice(4));
      }
    }
  }
  return [...codes].sort();
}

function describeSide(terms: { term: Term; r: Resolved }[]): string {
  return terms.map(({ term, r }, i) => (term.sign === -1 ? ' − ' : i === 0 ? '' : ' + ') + whatText(r.what)).join('');
}

function signedSum(parts: { term: Term; r: Resolved }[]): Decimal {
  let v = ZERO;
  for (const { term, r } of parts) v = term.sign === -1 ? v.minus(r.value) : v.plus(r.value);
  return v;
}

/**
 * With `partial` terms the right side spans a range: from Σ of the other terms to Σ of all of them.
 * A left side inside it (give or take 尾差) is plausible, not a contradiction.
 */
function withinPartialRange(actual: Decimal, right: { term: Term; r: Resolved }[], tol: Decimal): boolean {
  if (!right.some((x) => x.term.partial)) return false;
  const all = signedSum(right);
  const fixed = signedSum(right.filter((x) => !x.term.partial));
  const lo = Decimal.min(all, fixed).minus(tol);
  const hi = Decimal.max(all, fixed).plus(tol);
  return actual.gte(lo) && actual.lte(hi);
}

function evaluateCheck(rule: CrossRule, check: CrossCheck, resolve: Resolve, code: string | undefined): Finding | null {
  const left: { term: Term; r: Resolved }[] = [];
  const right: { term: Term; r: Resolved }[] = [];
  for (const term of check.left) {
    const r = resolve(term.sel, code);
    if (!r) return null;
    left.push({ term, r });
  }
  for (const term of check.right) {
    const r = resolve(term.sel, code);
    if (!r) return null;
    right.push({ term, r });
  }
  const actual = signedSum(left);
  const expected = signedSum(right);
  if (actual.eq(expected)) return null;
  const all = [...left, ...right].flatMap((x) => x.r.amounts);
  if (!allReadable(all)) return null;
  const mode: CrossMode = check.mode ?? rule.mode;
  // Precondition of 'atMost' (X14): the left side is printed at all; a 事业单位 has no 机关运行经费.
  if (mode === 'atMost' && actual.isZero()) return null;
  const diff = actual.minus(expected);
  const tol = tolerance(countAddends(all), toleranceUnit(all));
  const klass = classifyDiff(diff, tol);
  if (klass === 'equal') return null;
  let severity: Severity;
  let verdict: string;
  if (mode === 'info') {
    severity = 'info';
    verdict = '仅供参考';
  } else if (klass === 'rounding') {
    severity = 'rounding';
    verdict = '尾差';
  } else if (mode === 'warn') {
    severity = 'warning';
    verdict = '请核实';
  } else if (mode === 'below') {
    severity = diff.isNegative() ? 'error' : 'warning';
    verdict = diff.isNegative() ? '错误：不应少于表6' : '请核实：多出部分应为项目支出安排，需在情况说明中解释';
  } else if (mode === 'atMost') {
    severity = diff.isNegative() ? 'info' : 'error';
    verdict = diff.isNegative() ? '信息：仅当全部单位为行政/参公单位时两者应相等' : '错误：不应大于';
  } else if (withinPartialRange(actual, right, tol)) {
    severity = 'warning';
    verdict = '请核实';
  } else {
    severity = 'error';
    verdict = '错误';
  }
  const first = left[0].r;
  const primary = first.amounts[0] ?? right.flatMap((x) => x.r.amounts)[0];
  const firstTable = check.left[0].sel.t;
  const rowName = first.row ? rowLabel(first.row) : (first.label ?? code ?? whatText(first.what));
  const where = place(firstTable, primary?.sheet, primary?.cell);
  // Each side as printed: in 元 when all its cells print 元; units named when the sides differ.
  const unitL = printedUnit(left.flatMap((x) => x.r.amounts));
  const unitR = printedUnit(right.flatMap((x) => x.r.amounts));
  const mixed = unitL !== unitR;
  const unitD = mixed ? '万元' : unitL;
  const message =
    `${where}${code ? `（科目 ${code}）` : ''}：${describeSide(left)} 为 ${figureIn(actual, unitL, mixed).text}，` +
    `${describeSide(right)} 为 ${figureIn(expected, unitR, mixed).text}，相差 ${figureIn(diff.abs(), unitD, mixed).text}（${verdict}）` +
    (check.hint && klass !== 'rounding' ? `。${check.hint}` : '');
  const cells = uniqueCells(all.flatMap(cellRef));
  return {
    rule: rule.id,
    severity,
    table: firstTable,
    sheet: primary?.sheet,
    cell: primary?.cell,
    cells,
    row: rowName,
    column: left.length === 1 ? columnOf(left[0].r) : undefined,
    expected: figureIn(expected, '万元').number,
    actual: figureIn(actual, '万元').number,
    diff: figureIn(diff, '万元').number,
    message,
  };
}

function columnOf(r: Resolved): string {
  return columnHeader(r.what.table, r.what.col);
}

function codeCell(d: Disclosure, t: TableId, row: TableRow): { sheet: string; cell: string } {
  const table = d.tables[t]!;
  return { sheet: table.sheet, cell: addr(row.row, table.columns.code?.col ?? 0) };
}

function hasMoney(row: TableRow): boolean {
  for (const a of Object.values(row.values)) if (a && !a.value.isZero()) return true;
  return false;
}

function evaluateSet(d: Disclosure, rule: CrossRule, s: CodeSetCheck): Finding[] {
  const ta = d.tables[s.a];
  const tb = d.tables[s.b];
  if (!ta || !tb) return [];
  const a = indexTable(ta);
  const b = indexTable(tb);
  // A code row with no money at all is a template placeholder, not a listed 科目.
  const inA = new Map<string, TableRow>();
  for (const [c, row] of a.byCode) {
    if (s.aNonZero) {
      const v = row.values[s.aNonZero];
      if (!v || v.value.isZero()) continue;
    } else if (!hasMoney(row)) continue;
    inA.set(c, row);
  }
  const inB = new Map<string, TableRow>();
  for (const [c, row] of b.byCode) if (hasMoney(row)) inB.set(c, row);
  const out: Finding[] = [];
  const cond = s.aNonZero ? `${columnHeader(ta, s.aNonZero)}不为零的` : '';
  for (const [c, row] of inA) {
    if (inB.has(c)) continue;
    const at = codeCell(d, s.a, row);
    out.push({
      rule: rule.id,
      severity: 'error',
      table: s.a,
      sheet: at.sheet,
      cell: at.cell,
      cells: [at],
      row: rowLabel(row),
      message: `${place(s.a, at.sheet, at.cell)} 列有${cond}科目 ${rowLabel(row)}，但${tableTitle(s.b)}中没有这个科目（错误）`,
    });
  }
  if (s.both) {
    for (const [c, row] of inB) {
      if (inA.has(c)) continue;
      const at = codeCell(d, s.b, row);
      out.push({
        rule: rule.id,
        severity: 'error',
        table: s.b,
        sheet: at.sheet,
        cell: at.cell,
        cells: [at],
        row: rowLabel(row),
        message: `${place(s.b, at.sheet, at.cell)} 列有科目 ${rowLabel(row)}，但${tableTitle(s.a)}中没有${cond}这个科目（错误）`,
      });
    }
  }
  return out;
}

export function checkCrossRules(d: Disclosure, rules: readonly CrossRule[] = CROSS_RULES): Finding[] {
  const resolve = makeResolver(d);
  const out: Finding[] = [];
  for (const rule of rules) {
    for (const check of rule.checks) {
      if (check.perCode) {
        for (const code of codeDomain(d, check)) {
          const f = evaluateCheck(rule, check, resolve, code);
          if (f) out.push(f);
        }
      } else {
        const f = evaluateCheck(rule, check, resolve, undefined);
        if (f) out.push(f);
      }
    }
    for (const s of rule.sets ?? []) out.push(...evaluateSet(d, rule, s));
  }
  return out;
}

export const CROSS_TABLE_RULES: RuleModule = {
  id: 'cross-table',
  description: '表间勾稽关系 X1–X18（及 W1.6/W1.7/W4.5 两侧平衡、X20 提示），数据见 crossCatalogue.ts',
  run: (ctx) => checkCrossRules(ctx.disclosure),
};
