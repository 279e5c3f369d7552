import { Decimal, formatWan, sum } from '../money';

/** 万元 amount as the seeds write it: `1,184.32`, and `0` for zero (`0万元`). */
export function amountText(d: Decimal): string {
  return d.isZero() ? '0' : formatWan(d);
}

/** Percentage without the sign: `86.41`, `0` for zero (`0%`). */
export function pctText(d: Decimal): string {
  return d.isZero() ? '0' : d.toFixed(2);
}

/** 增减率 (docs/domain.md § 情况说明): Δ / (本年 − Δ) × 100, rounded half-up to 2 decimals; undefined if last year was 0. */
export function changeRate(current: Decimal, delta: Decimal): Decimal | undefined {
  const last = current.minus(delta);
  if (last.isZero()) return undefined;
  return delta.abs().div(last.abs()).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * Shares of `parts` in `total`, 2 decimals, that add up to the rounded share of Σ parts
 * (100.00 when the parts make up the total, even with a 尾差 of a cent): largest-remainder
 * rounding, so a sentence never reads 83.31% + 16.68% = 99.99%.
 */
export function distributeShares(parts: readonly Decimal[], total: Decimal): Decimal[] {
  if (total.isZero()) return parts.map(() => new Decimal(0));
  const raw = parts.map((p) => p.div(total).times(100));
  const partsSum = sum(parts);
  // A 尾差 between Σ parts and the printed total must not push the sentence off 100.00.
  const nearWhole = partsSum.minus(total).abs().lte('0.05');
  const target = nearWhole
    ? new Decimal(100)
    : partsSum.div(total).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const floors = raw.map((r) => r.toDecimalPlaces(2, Decimal.ROUND_DOWN));
  let units = target.minus(sum(floors)).times(100).round().toNumber();
  const order = raw
    .map((r, i) => ({ i, rem: r.minus(floors[i]) }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const out = floors.slice();
  for (const { i } of order) {
    if (units <= 0) break;
    if (raw[i].isZero()) continue;
    out[i] = out[i].plus('0.01');
    units--;
  }
  return out;
}

/** Number of decimals printed in a numeral (`0.6` → 1, `100` → 0). */
export function decimalsOf(raw: string): number {
  const i = raw.indexOf('.');
  return i < 0 ? 0 : raw.length - i - 1;
}
