import Decimal from 'decimal.js';
import type { FixtureForm } from '../../fixtures/fixture';
import { seedAmountYuan } from './wording';

type Indicator = FixtureForm['indicators'][number];

/**
 * Per-unit and per-item cost lines (issue 11 class 2), each on its own as large as 60 % of the
 * side's funds, so that adding any two of them would exceed the funds: prices by name, rates by
 * value, and a `其中` part of another line.
 */
function perUnitLines(period: string, fundsYuan: Decimal): Indicator[] {
  const p = fundsYuan.times('0.6').div(10000).toDecimalPlaces(4);
  const line = (level3: string, value: string): Indicator => ({
    level1: '产出指标',
    level2: '成本指标',
    level3,
    value,
    period,
  });
  return [
    line('单台设备购置成本', `≤${p}万元`),
    line('人均培训成本', `${p}万元`),
    line('每个站点运维成本', `≤${p}万`),
    line('补助标准', `${p.times(10000)}元`),
    line('会议成本', `≤${p.times(10000)}元/次`),
    line('设备租赁费', `${p}万元/年`),
    line('其中：软件开发成本', `${p}万元`),
  ];
}

const SIDES: [string, 'total' | 'annual'][] = [
  ['实施期', 'total'],
  ['年度', 'annual'],
];

/**
 * Adds per-unit lines next to the existing cost lines of every side that has some; with `whole`,
 * also a `项目总成本` line equal to the sum of the existing amount lines, so the meaning (and any
 * real F7 error) stays what it was.
 */
export function withPerUnitLines(forms: readonly FixtureForm[], whole: boolean): FixtureForm[] {
  return forms.map((f) => {
    const added: Indicator[] = [];
    for (const [period, key] of SIDES) {
      const costs = f.indicators.filter((i) => i.level2 === '成本指标' && i.period === period);
      const funds = f.funds[key];
      if (!costs.length || !funds) continue;
      added.push(...perUnitLines(period, new Decimal(funds)));
      const amounts = costs
        .filter((i) => !/每|标准/.test(i.level3))
        .map((i) => seedAmountYuan(i.value))
        .filter((y): y is Decimal => y !== undefined);
      if (whole && amounts.length) {
        const s = amounts.reduce((a, b) => a.plus(b), new Decimal(0));
        added.push({
          level1: '产出指标',
          level2: '成本指标',
          level3: '项目总成本',
          value: `≤${s.div(10000)}万元`,
          period,
        });
      }
    }
    return { ...f, indicators: [...f.indicators, ...added] };
  });
}
