import type { Amount } from '../model/disclosure';
import { addr, isErrorValue } from '../model/grid';
import { parseMoney, ZERO } from '../money';
import { colOf, moneyKeys, type BodyContext } from './context';
import { inWan } from './moneyUnit';

/**
 * Reads the money cells of one body row. Text that is not a number becomes a P1 提示 naming sheet
 * and cell (a person judges whether `无` means nothing or a figure was mistyped; a mistyped figure
 * then shows as a sum that does not add up); the amount counts as 0 so rules can still run. An
 * Excel error value also counts as 0 and is reported once, by the formula rule FI3.
 */
export function readAmount(ctx: BodyContext, r: number, key: string): Amount | undefined {
  const c = colOf(ctx, key);
  if (c === undefined) return undefined;
  const sheet = ctx.view.sheet.name;
  const grid = ctx.view.sheet.rows[r]?.[c];
  const raw = grid?.value ?? null;
  const formula = grid?.formula;
  const cell = addr(r, c);
  if (raw !== null && isErrorValue(raw)) return amountOf(ZERO, false, sheet, cell, raw, formula);
  const parsed = parseMoney(raw);
  if (!parsed.ok) {
    ctx.findings.push({
      rule: 'P1',
      severity: 'warning',
      table: ctx.def.id,
      sheet,
      cell,
      column: ctx.map.columns[key]?.header,
      message: `${sheet}!${cell} 的“${String(raw)}”不是数字，按 0 计算；请填写数字（无金额请留空）`,
    });
    return amountOf(ZERO, false, sheet, cell, raw, formula);
  }
  return amountOf(parsed.value, parsed.blank, sheet, cell, raw, formula);
}

/** One literal per amount (no spreads, no closures): a live pass reads every money cell of 13 tables. */
function amountOf(
  value: Amount['value'],
  blank: boolean,
  sheet: string,
  cell: string,
  raw: Amount['raw'],
  formula: string | undefined,
): Amount {
  return formula !== undefined ? { value, blank, sheet, cell, raw, formula } : { value, blank, sheet, cell, raw };
}

function readInUnit(ctx: BodyContext, r: number, key: string): Amount | undefined {
  const a = readAmount(ctx, r, key);
  return a && ctx.moneyUnit === '元' ? inWan(a) : a;
}

export function readValues(ctx: BodyContext, r: number, only?: readonly string[]): Record<string, Amount | undefined> {
  const out: Record<string, Amount | undefined> = {};
  for (const key of moneyKeys(ctx, only)) out[key] = readInUnit(ctx, r, key);
  return out;
}

export function anyAmount(values: Record<string, Amount | undefined>): boolean {
  return Object.values(values).some((a) => a !== undefined && !a.blank);
}

/** Whether a row has something in any money column (number, text or error), without findings. */
export function rowHasMoneyContent(ctx: BodyContext, r: number, only?: readonly string[]): boolean {
  return moneyKeys(ctx, only).some((k) => {
    const c = colOf(ctx, k);
    if (c === undefined) return false;
    const v = ctx.view.value(r, c);
    if (v !== null && isErrorValue(v)) return true;
    const p = parseMoney(v);
    return !p.ok || !p.blank;
  });
}

/**
 * Whether a row holds money the clerk entered: a typed number, text or error, or a formula
 * showing something other than 0. An empty template row whose identity formula shows 0 (as
 * Excel computes it) is not content.
 */
export function rowHasEnteredMoney(ctx: BodyContext, r: number): boolean {
  return moneyKeys(ctx).some((k) => {
    const c = colOf(ctx, k);
    if (c === undefined) return false;
    const cell = ctx.view.sheet.rows[r]?.[c];
    const v = cell?.value ?? null;
    if (v !== null && isErrorValue(v)) return true;
    const p = parseMoney(v);
    if (!p.ok) return true;
    return !p.blank && !(cell?.formula && p.value.isZero());
  });
}
