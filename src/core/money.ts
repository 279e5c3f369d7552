import Decimal from 'decimal.js';

/**
 * Money is always decimal.js. Excel hands us IEEE doubles (1184.3200000000002 from a SUM),
 * clerks hand us text ("1,184.32", "１２３", " 5 "); both are normalised here and nowhere else.
 */
export type Money = Decimal;
export const ZERO = new Decimal(0);

export type MoneyParse = { ok: true; value: Decimal; blank: boolean } | { ok: false; reason: string };

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF0B]/g;

function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Strings that clerks use for "nothing here" in a money column. */
const BLANK_WORDS = new Set(['', '-', '—', '－', '——', '/', '—-']);

/**
 * Parses a money cell. Blank means zero (every seed prints zero as an empty cell).
 * Numbers from Excel are rounded to 8 decimals to drop binary-float residue before they
 * become decimals; the 万元 tables carry 2 decimals and the forms at most 2 in 元.
 */
const BLANK: MoneyParse = Object.freeze({ ok: true, value: ZERO, blank: true });

/**
 * Parsed numbers, shared: Decimals are immutable, and a live check re-reads the same few
 * thousand amounts on every edit, so each distinct number is converted once, not every pass.
 */
const numberMemo = new Map<number, MoneyParse>();
const NUMBER_MEMO_LIMIT = 50000;

function parseNumber(raw: number): MoneyParse {
  const hit = numberMemo.get(raw);
  if (hit) return hit;
  let parsed: MoneyParse;
  if (!Number.isFinite(raw)) parsed = { ok: false, reason: '不是有限数值' };
  else {
    let value = new Decimal(raw.toPrecision(15));
    if (value.decimalPlaces() > 8) value = value.toDecimalPlaces(8);
    parsed = Object.freeze({ ok: true, value, blank: false });
  }
  if (numberMemo.size >= NUMBER_MEMO_LIMIT) numberMemo.clear();
  numberMemo.set(raw, parsed);
  return parsed;
}

export function parseMoney(raw: unknown): MoneyParse {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === 'number') return parseNumber(raw);
  if (typeof raw === 'boolean') return { ok: false, reason: '是逻辑值而不是金额' };
  if (typeof raw !== 'string') return { ok: false, reason: '无法识别的单元格内容' };
  let s = toHalfWidth(raw).replace(/[\s\u3000]/g, '');
  if (BLANK_WORDS.has(s)) return { ok: true, value: ZERO, blank: true };
  let negative = false;
  if (/^\(.*\)$/.test(s) || /^（.*）$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/[,，]/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { ok: false, reason: `“${raw}”不是数字` };
  const d = new Decimal(s);
  return { ok: true, value: negative ? d.negated() : d, blank: false };
}

/** The unit a table prints its money in (docs/domain.md § 金额与单位); the engine computes in 万元. */
export type MoneyUnit = '万元' | '元';

/** 元 per 万元: a figure printed in 元 is read as 元 ÷ 10000 万元, exactly. */
export const YUAN_PER_WAN = new Decimal(10000);

/** Figures in 元 are exact to the fen: 0.01 元, in 万元. */
const FEN_IN_WAN = new Decimal('0.000001');

/**
 * 尾差 tolerance in 万元 (docs/domain.md § 尾差): figures rounded to 0.01 万元 leave
 * max(0.01, 0.005 × n) 万元, n = number of addends (at least 2); figures exact to the fen (a table
 * printed in 元) leave nothing but 0.01 元.
 */
export function roundingTolerance(addends: number, unit: MoneyUnit = '万元'): Decimal {
  if (unit === '元') return FEN_IN_WAN;
  const n = Math.max(2, addends);
  return Decimal.max(new Decimal('0.01'), new Decimal('0.005').times(n));
}

export type DiffClass = 'equal' | 'rounding' | 'error';

export function classifyDiff(diff: Decimal, tolerance: Decimal): DiffClass {
  const a = diff.abs();
  if (a.isZero()) return 'equal';
  return a.lte(tolerance) ? 'rounding' : 'error';
}

export function sum(values: Iterable<Decimal>): Decimal {
  let t = ZERO;
  for (const v of values) t = t.plus(v);
  return t;
}

/**
 * Thousands separators, as both faces print money: `decimals` fixed (the 万元 tables and the
 * narrative: 1184.32 → "1,184.32"), or omitted to keep the value's own decimals (the forms' 元:
 * 35000 → "35,000", 290366.42 → "290,366.42"). The one money formatter of the engine.
 */
export function formatMoney(d: Decimal, decimals?: number): string {
  const fixed = decimals === undefined ? d.toFixed() : d.toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac !== undefined ? '.' + frac : '');
}

/** 万元 at 2 decimals with separators (tables, narrative). */
export function formatWan(d: Decimal, decimals = 2): string {
  return formatMoney(d, decimals);
}

/** 元 as the forms print it: separators, the value's own decimals. */
export function formatYuan(d: Decimal): string {
  return formatMoney(d);
}

/** Plain 2-decimal string for machine output (JSON report). */
export function moneyString(d: Decimal, decimals = 2): string {
  return d.toFixed(decimals);
}

export { Decimal };
