import Decimal from 'decimal.js';
import type { FixtureForm } from '../../fixtures/fixture';

/**
 * 指标值 wordings of one amount (issue 11 class 3), written here independently of
 * src/core/forms/values.ts: the same figure as `≤120万元`, `≤120万`, `≤1,200,000元`, `<=120万元`,
 * full-width `＜１２０万元`, `不超过…`, `不高于…元`, `…万元以内`, with spaces, bare `1200000元`.
 */
export const WORDINGS = {
  wan: (w: string) => `≤${w}万元`,
  wanWithoutYuan: (w: string) => `≤${w}万`,
  yuanSeparated: (_w: string, y: string) => `≤${separated(y)}元`,
  asciiComparator: (w: string) => `<=${w}万元`,
  fullWidth: (w: string) => `＜${fullWidth(w)}万元`,
  buChaoGuo: (w: string) => `不超过${w}万元`,
  buGaoYuYuan: (_w: string, y: string) => `不高于${separated(y)}元`,
  yiNei: (w: string) => `${w}万元以内`,
  wanYiNeiWithoutYuan: (w: string) => `${w}万以内`,
  spaced: (w: string) => `≤ ${w} 万元`,
  bareYuan: (_w: string, y: string) => `${y}元`,
} as const;
export type Wording = keyof typeof WORDINGS;

export function separated(y: string): string {
  const [i, f] = y.split('.');
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f !== undefined ? '.' + f : '');
}

export function fullWidth(s: string): string {
  return s.replace(/[0-9.,]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** The seeds write cost amounts as `[<≤]N万元` or `N元`: the amount in 元, or undefined. */
export function seedAmountYuan(value: string): Decimal | undefined {
  const m = /^[<≤]?(\d+(?:\.\d+)?)(万元|元)$/.exec(value.trim());
  if (!m) return undefined;
  return new Decimal(m[1]).times(m[2] === '万元' ? 10000 : 1);
}

/** Every seed-style cost amount rewritten in one wording; other values untouched. */
export function reword(forms: readonly FixtureForm[], wording: Wording): FixtureForm[] {
  return forms.map((f) => ({
    ...f,
    indicators: f.indicators.map((i) => {
      const y = i.level2 === '成本指标' ? seedAmountYuan(i.value) : undefined;
      if (!y) return i;
      return { ...i, value: WORDINGS[wording](y.div(10000).toString(), y.toString()) };
    }),
  }));
}
