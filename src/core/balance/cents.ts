import Decimal from 'decimal.js';

/**
 * 0.01 万元 steps as integers: the solver and every check of a balanced figure work in whole
 * cents, so no float ever decides whether an identity holds. 1 cent = 0.01 万元 = 100 元.
 */
export function toCents(d: Decimal): number {
  return noNegativeZero(d.times(100).toNumber());
}

function noNegativeZero(n: number): number {
  return n === 0 ? 0 : n;
}

export function fromCents(c: number): Decimal {
  return new Decimal(c).div(100);
}

/** More decimals than the 2 a 万元 table prints: an exact value from the budget system. */
export function isExact(d: Decimal): boolean {
  return d.decimalPlaces() > 2;
}

export function floorCents(d: Decimal): number {
  return noNegativeZero(d.times(100).floor().toNumber());
}

export function ceilCents(d: Decimal): number {
  return noNegativeZero(d.times(100).ceil().toNumber());
}

/** Ordinary rounding (四舍五入): half away from zero, as Excel's ROUND and the budget system. */
export function halfUpCents(d: Decimal): number {
  return noNegativeZero(d.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}
