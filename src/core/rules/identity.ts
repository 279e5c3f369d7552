import type Decimal from 'decimal.js';
import type { Amount } from '../model/disclosure';
import type { Finding, Severity } from '../model/finding';
import { isErrorValue } from '../model/grid';
import { classifyDiff, roundingTolerance, ZERO, type MoneyUnit } from '../money';
import type { TableId } from '../templates/schema';
import { cellRef, figureIn, place, printedUnit, uniqueCells } from './describe';

/**
 * One arithmetic identity "printed value = what its parts add up to", evaluated with the 尾差
 * tolerance (docs/domain.md § 尾差). Every W and X rule ends here, so all findings read the same way.
 */
export interface IdentityCheck {
  rule: string;
  table: TableId;
  /** The printed value under test (the total); its cell is the primary cell of the finding. */
  printed: Amount | undefined;
  /** Value under test when it is itself a sum (cross-table left sides); defaults to printed.value. */
  actual?: Decimal;
  /** Cells of the left side when `actual` is a sum. */
  actualCells?: (Amount | undefined)[];
  parts: (Amount | undefined)[];
  /** Expected value when it is not Σ parts (e.g. a difference); defaults to Σ parts. */
  expected?: Decimal;
  /** Number of addends for the tolerance; defaults to the non-zero parts. */
  addends?: number;
  rowLabel: string;
  column: string;
  /** How the expected value was formed, for the clerk: "其下各款合计", "表3 合计行". */
  expectedWhat: string;
  /** Severity when the difference is beyond 尾差 (⚠ rules: 'warning'). */
  failSeverity?: Severity;
  /** Extra sentence appended to the message (why it matters, what to do). */
  hint?: string;
}

const toleranceCache = new Map<number, Decimal>();

/** roundingTolerance, memoised: the live check evaluates thousands of identities per edit. */
export function tolerance(addends: number, unit: MoneyUnit = '万元'): Decimal {
  if (unit === '元') return roundingTolerance(addends, unit);
  let t = toleranceCache.get(addends);
  if (!t) {
    t = roundingTolerance(addends);
    toleranceCache.set(addends, t);
  }
  return t;
}

/**
 * Whose 尾差 an identity allows (docs/domain.md § 尾差): the coarsest unit among its non-zero
 * figures decides, so 元 (0.01 元) only when every one of them is exact to the fen; one figure
 * rounded to 0.01 万元 makes it the 万元 tolerance.
 */
export function toleranceUnit(amounts: readonly (Amount | undefined)[]): MoneyUnit {
  let fen = false;
  for (const a of amounts) {
    if (!a || a.value.isZero()) continue;
    if (!a.exactToFen) return '万元';
    fen = true;
  }
  return fen ? '元' : '万元';
}

function sumParts(parts: readonly (Amount | undefined)[]): Decimal {
  let t: Decimal | undefined;
  for (const p of parts) if (p && !p.value.isZero()) t = t ? t.plus(p.value) : p.value;
  return t ?? ZERO;
}

/**
 * Precondition of every identity: each figure in it is a number (or blank). An Excel error value
 * (#REF! …) is no figure at all; FI3 reports that cell as 错误 once, and comparing it as 0 would
 * report the same defect again as a sum that does not add up.
 */
export function allReadable(amounts: readonly (Amount | undefined)[]): boolean {
  for (const a of amounts) if (a && a.raw !== null && isErrorValue(a.raw)) return false;
  return true;
}

export function evaluateIdentity(c: IdentityCheck): Finding | null {
  const expected = c.expected ?? sumParts(c.parts);
  const actual = c.actual ?? c.printed?.value;
  if (actual === undefined) return null;
  if (actual.eq(expected)) return null;
  if (!allReadable([c.printed, ...c.parts, ...(c.actualCells ?? [])])) return null;
  const diff = actual.minus(expected);
  const figures = [c.printed, ...c.parts, ...(c.actualCells ?? [])];
  const klass = classifyDiff(diff, tolerance(c.addends ?? countAddends(c.parts), toleranceUnit(figures)));
  if (klass === 'equal') return null;
  const severity: Severity = klass === 'rounding' ? 'rounding' : (c.failSeverity ?? 'error');
  const where = place(c.table, c.printed?.sheet, c.printed?.cell);
  const verdict = klass === 'rounding' ? '尾差' : severity === 'warning' ? '请核实' : '错误';
  const unit = printedUnit(figures);
  const [a, e] = [actual, expected].map((v) => figureIn(v, unit));
  // Machine fields stay in the engine's 万元 whatever the table prints (docs/rules.md § 金额单位).
  const [aw, ew, dw] = [actual, expected, diff].map((v) => figureIn(v, '万元').number);
  const message =
    `${where}（${c.rowLabel}·${c.column}）为 ${a.text}，${c.expectedWhat} ${e.text}，` +
    `相差 ${figureIn(diff.abs(), unit).text}（${verdict}）` +
    (c.hint && klass !== 'rounding' ? `。${c.hint}` : '');
  const cells = uniqueCells([
    ...cellRef(c.printed),
    ...(c.actualCells ?? []).flatMap(cellRef),
    ...c.parts.flatMap(cellRef),
  ]);
  return {
    rule: c.rule,
    severity,
    table: c.table,
    sheet: c.printed?.sheet ?? cells[0]?.sheet,
    cell: c.printed?.cell ?? cells[0]?.cell,
    cells,
    row: c.rowLabel,
    column: c.column,
    expected: ew,
    actual: aw,
    diff: dw,
    message,
  };
}

/**
 * Blank parts carry no rounding residue, so only non-zero addends widen the 尾差 tolerance
 * (表1's 30 category rows must not buy a 0.15 tolerance when three are filled).
 */
export function countAddends(parts: readonly (Amount | undefined)[]): number {
  let n = 0;
  for (const p of parts) if (p && !p.value.isZero()) n++;
  return n;
}

export function pushIf(out: Finding[], f: Finding | null): void {
  if (f) out.push(f);
}
