import Decimal from 'decimal.js';
import { AMOUNT_WORDS, COST_LINE_WORDS } from './costWords';

/**
 * 指标值 as clerks write them (docs/forms.md § 指标值: how amounts are read): an optional comparator, a figure, a unit —
 * or a qualitative value (`按月发放`, `及时`, `2026年12月底前`). Full-width digits and signs, spaces,
 * thousands separators and word comparators (`不超过`, `以内`) are all read.
 */
export interface ParsedValue {
  comparator?: string;
  number?: Decimal;
  unit: string;
  qualitative: boolean;
  /** Comparator printed without a figure after it (`≥良好`, `≤`). */
  malformed: boolean;
}

/** Full-width forms to half-width (`１２０` → `120`, `＜` → `<`, `，` → `,`), spaces dropped. */
export function normaliseValue(raw: string): string {
  return raw.normalize('NFKC').replace(/\s/g, '');
}

const COMPARATORS = [...AMOUNT_WORDS.comparators].sort((a, b) => b.length - a.length);
const SYMBOLIC = COMPARATORS.filter((c) => /^[<>=≤≥≦≧≈]+$/.test(c));
const FIGURE = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)/;

function leadingComparator(s: string, list: readonly string[] = COMPARATORS): string | undefined {
  return list.find((c) => s.startsWith(c));
}

export function parseIndicatorValue(raw: string): ParsedValue {
  const s = normaliseValue(raw);
  const comparator = leadingComparator(s);
  const rest = comparator ? s.slice(comparator.length) : s;
  const m = FIGURE.exec(rest);
  if (m) {
    return {
      comparator,
      number: new Decimal(m[1].replace(/,/g, '')),
      unit: rest.slice(m[1].length),
      qualitative: false,
      malformed: false,
    };
  }
  const symbolic = leadingComparator(s, SYMBOLIC);
  if (symbolic && !/\d/.test(s)) return { comparator: symbolic, unit: '', qualitative: false, malformed: true };
  return { unit: '', qualitative: true, malformed: false };
}

/** A money figure read from an 指标值, in 元. */
export interface AmountValue {
  yuan: Decimal;
  /** One unit of the figure's last printed digit, in 元 (`≤120万` → 10,000; `≤245.95万元` → 100). */
  step: Decimal;
  /** A price or rate (`2500元/次`, `每人500元`), not an amount of the project's cost. */
  perUnit: boolean;
}

const UNIT_IN_NAME = /\((万元|元)\)$/;

function unitAt(s: string): { word: string; factor: number } | undefined {
  const hit = AMOUNT_WORDS.units.find(([w]) => s.startsWith(w));
  return hit ? { word: hit[0], factor: hit[1] } : undefined;
}

function stripTrailing(s: string): string {
  let t = s;
  for (let changed = true; changed;) {
    changed = false;
    for (const w of AMOUNT_WORDS.trailing) {
      if (t.endsWith(w)) {
        t = t.slice(0, -w.length);
        changed = true;
      }
    }
  }
  return t;
}

const startsWithAny = (s: string, words: readonly string[]): boolean => words.some((w) => s.startsWith(w));
const containsAny = (s: string, words: readonly string[]): boolean => words.some((w) => s.includes(w));

/**
 * The money figure of an 指标值 (`≤120万元`, `≤120万`, `1,200,000元`, `不超过１２０万元`, `120万元以内`),
 * or undefined when the value holds no single money figure (a rate in %, a count, a date, a
 * sentence with several figures, an unknown word around the figure). A bare figure takes its unit
 * from the 三级 name (`预算控制数（万元）`).
 */
export function readAmount(raw: string, level3 = ''): AmountValue | undefined {
  const s = normaliseValue(raw);
  if (!s) return undefined;
  let rest = s;
  const cmp = leadingComparator(rest);
  if (cmp) rest = rest.slice(cmp.length);
  const at = rest.search(/[\d.]/);
  if (at < 0) return undefined;
  let before = rest.slice(0, at);
  const perUnitBefore = containsAny(before, COST_LINE_WORDS.perUnitValue.beforeFigure);
  for (let c = leadingComparator(before); c; c = leadingComparator(before)) before = before.slice(c.length);
  if (before && !perUnitBefore) return undefined;
  const fig = FIGURE.exec(rest.slice(at));
  if (!fig) return undefined;
  const after = rest.slice(at + fig[1].length);
  if (/\d/.test(after)) return undefined;
  const unit = unitAt(after) ?? unitFromName(level3);
  if (!unit) return undefined;
  const tail = stripTrailing(after.slice(unitAt(after) ? unit.word.length : 0));
  const perUnitAfter = startsWithAny(tail, COST_LINE_WORDS.perUnitValue.afterUnit);
  if (tail && !perUnitAfter && !/^\(.*\)$/.test(tail)) return undefined;
  const figure = new Decimal(fig[1].replace(/,/g, ''));
  const factor = new Decimal(unit.factor);
  // Precision as written: `1200000.00元` is to the 分 even though the decimals are zeros.
  const decimals = fig[1].includes('.') ? fig[1].length - fig[1].indexOf('.') - 1 : 0;
  return {
    yuan: figure.times(factor),
    step: new Decimal(10).pow(-decimals).times(factor),
    perUnit: perUnitBefore || perUnitAfter,
  };
}

function unitFromName(level3: string): { word: string; factor: number } | undefined {
  const m = UNIT_IN_NAME.exec(normaliseValue(level3));
  return m ? { word: '', factor: m[1] === '万元' ? 10000 : 1 } : undefined;
}

/** A 三级 name of a figure per unit or per item (`单台设备购置成本`, `人均…`, `补助标准`). */
export function isPerUnitName(level3: string): boolean {
  const k = normaliseValue(level3);
  const w = COST_LINE_WORDS.perUnitName;
  return containsAny(k, w.contains) || w.endsWith.some((x) => k.replace(/\(.*\)$/, '').endsWith(x));
}

/** A 三级 name of a part of the line above (`其中：…`). */
export function isPartName(level3: string): boolean {
  return startsWithAny(normaliseValue(level3), COST_LINE_WORDS.partName.startsWith);
}

/** A 三级 name of the project's whole cost (`预算控制数`, `项目总成本`, `2026年度项目成本`). */
export function isWholeCostName(level3: string): boolean {
  const { ignore, names } = COST_LINE_WORDS.wholeName;
  let k = normaliseValue(level3).replace(/^\d{4}年度?/, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const w of ignore.before)
      if (k.startsWith(w) && k.length > w.length) {
        k = k.slice(w.length);
        changed = true;
      }
    for (const w of ignore.after)
      if (k.endsWith(w) && k.length > w.length) {
        k = k.slice(0, -w.length);
        changed = true;
      }
  }
  return (names as readonly string[]).includes(k);
}

/** A 三级 name that names an amount of money (`…资金`, `…经费`, `…成本`, `…费用`). */
export function isMoneyName(level3: string): boolean {
  return /(资金|经费|成本|费用|金额|预算控制数)$/.test(level3.replace(/\s/g, ''));
}
