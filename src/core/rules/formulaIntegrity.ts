import type { Amount, Disclosure, LocatedTable } from '../model/disclosure';
import type { Finding } from '../model/finding';
import { addr, isErrorValue, parseAddr, textAt, type Workbook } from '../model/grid';
import { moneyString, parseMoney } from '../money';
import { amountFigure, figureIn, columnHeader, place, rowLabel } from './describe';
import { derivedCells, type DerivedCell } from './derivedCells';
import { covers, formulaRefs } from './formulaRefs';
import type { RuleModule } from './types';

/**
 * Formula integrity (docs/domain.md § 公式单元格; severities by docs/rules.md § 严重程度):
 *   FI1 warning — a total/derived cell holds a typed number where the template puts a formula
 *                 (only in our templates, or where cells of the same kind carry formulas);
 *   FI2 warning — a total's formula does not read every row it should (a SUM range that misses a
 *                 child row). A formula is not a printed figure: when the missed row holds money
 *                 the total no longer adds up and the W sum rule reports that 错误; FI2 says why;
 *   FI3 error   — #REF!, #VALUE!, #DIV/0!, #NAME? … anywhere in a table (the published figure is an
 *                 error value; the locator counts it as 0 and leaves the report to FI3);
 *   FI4 warning — a number stored as text in a money column (Excel's SUM skips it).
 */
function hasFormula(a: Amount | undefined): boolean {
  return !!a?.formula;
}

function tableHasFormulas(table: LocatedTable): boolean {
  for (const r of table.rows) for (const a of Object.values(r.values)) if (a?.formula) return true;
  return false;
}

function overwrittenTotals(table: LocatedTable, cells: DerivedCell[]): Finding[] {
  // Precondition: our template, or a table that uses formulas at all (a typed copy of a PDF has none).
  if (!table.fromTemplate && !tableHasFormulas(table)) return [];
  const groupsWithFormula = new Set<string>();
  for (const c of cells) if (hasFormula(c.amount)) for (const d of c.derivations) groupsWithFormula.add(d.group);
  const out: Finding[] = [];
  for (const c of cells) {
    const a = c.amount;
    if (hasFormula(a) || a.blank || isErrorValue(a.raw)) continue;
    const expected = table.fromTemplate || c.derivations.some((d) => groupsWithFormula.has(d.group));
    if (!expected) continue;
    out.push({
      rule: 'FI1',
      severity: 'warning',
      table: table.id,
      sheet: a.sheet,
      cell: a.cell,
      cells: [{ sheet: a.sheet, cell: a.cell }],
      row: rowLabel(c.row),
      column: columnHeader(table, c.key),
      actual: figureIn(a.value, '万元').number,
      message:
        `${place(table.id, a.sheet, a.cell)}（${rowLabel(c.row)}·${columnHeader(table, c.key)}）是手工输入的数字 ${amountFigure(a).text}，` +
        `此处应为自动求和公式（合计被手工数字覆盖）；明细修改后它不会跟着变，请恢复公式`,
    });
  }
  return out;
}

const addrMemo = new Map<string, { r: number; c: number }>();

/** A1 → (row, col), memoised: coverage checks look up the same few hundred cells on every edit. */
function position(cell: string): { r: number; c: number } {
  let p = addrMemo.get(cell);
  if (!p) {
    p = parseAddr(cell);
    if (addrMemo.size > 50000) addrMemo.clear();
    addrMemo.set(cell, p);
  }
  return p;
}

function missedReads(c: DerivedCell, sheet: string): { missing: Amount[]; judged: boolean } {
  const f = c.amount.formula!;
  const at = position(c.amount.cell);
  const refs = formulaRefs(f, sheet, at.r, at.c);
  if (!refs) return { missing: [], judged: false };
  let best: Amount[] | undefined;
  for (const d of c.derivations) {
    const reads = d.reads.filter((r): r is Amount => !!r && r.sheet === sheet);
    if (reads.length === 0) continue;
    const missing = reads.filter((r) => {
      const p = position(r.cell);
      return !covers(refs, sheet, p.r, p.c);
    });
    if (!best || missing.length < best.length) best = missing;
    if (missing.length === 0) break;
  }
  return { missing: best ?? [], judged: best !== undefined };
}

function incompleteFormulas(table: LocatedTable, cells: DerivedCell[]): Finding[] {
  const out: Finding[] = [];
  for (const c of cells) {
    if (!c.amount.formula || c.amount.sheet !== table.sheet) continue;
    // Silent when the formula cannot be parsed (missedReads judges nothing then).
    const { missing } = missedReads(c, table.sheet);
    if (missing.length === 0) continue;
    const money = missing.some((m) => !m.value.isZero());
    const list = missing.map((m) => m.cell).join('、');
    out.push({
      rule: 'FI2',
      severity: 'warning',
      table: table.id,
      sheet: c.amount.sheet,
      cell: c.amount.cell,
      cells: [
        { sheet: c.amount.sheet, cell: c.amount.cell },
        ...missing.map((m) => ({ sheet: m.sheet, cell: m.cell })),
      ],
      row: rowLabel(c.row),
      column: columnHeader(table, c.key),
      message:
        `${place(table.id, c.amount.sheet, c.amount.cell)}（${rowLabel(c.row)}·${columnHeader(table, c.key)}）的公式 =${c.amount.formula.replace(/^=/, '')} ` +
        `没有包含 ${list}，求和范围漏掉了${c.derivations[0].what}中的这些行${money ? '，合计数因此不对' : ''}；请把求和范围扩到这些单元格`,
    });
  }
  return out;
}

function parseRange(range: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b] = range.split(':');
  try {
    const p = parseAddr(a);
    const q = parseAddr(b ?? a);
    return { top: p.r, left: p.c, bottom: q.r, right: q.c };
  } catch {
    return undefined;
  }
}

function errorValues(table: LocatedTable, wb: Workbook | undefined): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const report = (sheet: string, cell: string, err: string, where: string) => {
    if (seen.has(cell)) return;
    seen.add(cell);
    out.push({
      rule: 'FI3',
      severity: 'error',
      table: table.id,
      sheet,
      cell,
      cells: [{ sheet, cell }],
      row: where || undefined,
      actual: err,
      message: `${place(table.id, sheet, cell)}${where ? `（${where}）` : ''}显示错误值 ${err}，公式引用失效或计算出错，请修正该单元格的公式`,
    });
  };
  for (const row of table.rows) {
    for (const [key, a] of Object.entries(row.values)) {
      if (a && isErrorValue(a.raw))
        report(a.sheet, a.cell, a.raw.error, `${rowLabel(row)}·${columnHeader(table, key)}`);
    }
  }
  const sheet = wb?.sheets.find((s) => s.name === table.sheet);
  const rect = parseRange(table.range);
  if (sheet && rect) {
    for (let r = rect.top; r <= rect.bottom && r < sheet.rows.length; r++) {
      const cellsOfRow = sheet.rows[r];
      if (!cellsOfRow) continue;
      for (let c = rect.left; c <= rect.right && c < cellsOfRow.length; c++) {
        const v = cellsOfRow[c]?.value;
        if (v !== undefined && v !== null && isErrorValue(v))
          report(sheet.name, addr(r, c), v.error, textAt(sheet, r, 0));
      }
    }
  }
  return out;
}

function numbersAsText(table: LocatedTable): Finding[] {
  const out: Finding[] = [];
  for (const row of table.rows) {
    for (const [key, a] of Object.entries(row.values)) {
      if (!a || typeof a.raw !== 'string' || a.formula) continue;
      const p = parseMoney(a.raw);
      if (!p.ok || p.blank) continue;
      out.push({
        rule: 'FI4',
        severity: 'warning',
        table: table.id,
        sheet: a.sheet,
        cell: a.cell,
        cells: [{ sheet: a.sheet, cell: a.cell }],
        row: rowLabel(row),
        column: columnHeader(table, key),
        actual: moneyString(p.value),
        message: `${place(table.id, a.sheet, a.cell)}（${rowLabel(row)}·${columnHeader(table, key)}）的“${a.raw}”是文本格式的数字，Excel 求和时会被忽略；请改为数值格式`,
      });
    }
  }
  return out;
}

export function checkFormulaIntegrity(d: Disclosure, wb?: Workbook): Finding[] {
  const out: Finding[] = [];
  for (const table of Object.values(d.tables)) {
    if (!table) continue;
    const cells = derivedCells(table);
    out.push(
      ...overwrittenTotals(table, cells),
      ...incompleteFormulas(table, cells),
      ...errorValues(table, wb),
      ...numbersAsText(table),
    );
  }
  return out;
}

export const FORMULA_INTEGRITY_RULES: RuleModule = {
  id: 'formula-integrity',
  description: '公式完整性：合计被手工数字覆盖（FI1）、求和范围漏行（FI2）、错误值（FI3）、文本型数字（FI4）',
  run: (ctx) => checkFormulaIntegrity(ctx.disclosure, ctx.workbook),
};
