import Decimal from 'decimal.js';

/**
 * 指标值 syntax (docs/domain.md § 指标体系): optional comparator, a number, a unit — or a qualitative value
 * (`按月发放`, `及时`, `2026年12月底前`).
 */
export interface ParsedValue {
  comparator?: string;
  number?: Decimal;
  unit: string;
  qualitative: boolean;
  /** Comparator printed without a number after it (`≥良好`, `≤`). */
  malformed: boolean;
}

const VALUE_RE = /^(≥|≤|>|<|＞|＜|=|＝|>=|<=)?\s*([\d,.]+)\s*(.*)$/;
const COMPARATOR_ONLY = /^(≥|≤|>|<|＞|＜|=|＝)\s*([^\d\s].*)?$/;

export function parseIndicatorValue(raw: string): ParsedValue {
  const s = raw.replace(/[\s\u3000]/g, '');
  const m = VALUE_RE.exec(s);
  if (m) {
    const digits = m[2].replace(/,/g, '');
    if (/^\d*\.?\d+$|^\d+\.?$/.test(digits)) {
      return {
        comparator: m[1],
        number: new Decimal(digits.replace(/\.$/, '')),
        unit: m[3],
        qualitative: false,
        malformed: false,
      };
    }
  }
  if (COMPARATOR_ONLY.test(s)) return { comparator: s[0], unit: '', qualitative: false, malformed: true };
  return { unit: '', qualitative: true, malformed: false };
}

/** A money amount in 元 when the value is a total in 万元/元 (not a rate such as 元/人/月). */
export function moneyTotalYuan(raw: string): Decimal | undefined {
  const p = parseIndicatorValue(raw);
  if (!p.number || p.malformed) return undefined;
  if (p.unit === '万元') return p.number.times(10000);
  if (p.unit === '元') return p.number;
  return undefined;
}

/** A 三级 name that names an amount of money (`…资金`, `…经费`, `…成本`, `…费用`). */
export function isMoneyName(level3: string): boolean {
  return /(资金|经费|成本|费用|金额|预算控制数)$/.test(level3.replace(/\s/g, ''));
}
