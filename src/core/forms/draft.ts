import Decimal from 'decimal.js';
import { ZERO } from '../money';
import {
  INDICATOR_SKELETON,
  ONE_OFF,
  SPLIT_KEYS,
  formTitle,
  type FormContent,
  type FormSettings,
  type Indicator,
  type SideFunds,
  type SplitKey,
} from './model';
import { toYuan, wanText, type ProjectLine } from './projects';

/** The 三级 name of the prefilled cost row (2026 大同 convention, docs/domain.md § 目标表的生成与同步). */
export const COST_CONTROL_NAME = '预算控制数';

export function costControlValue(yuan: Decimal): string {
  return `≤${wanText(yuan)}万元`;
}

function emptySplit(): Record<SplitKey, Decimal> {
  return { central: ZERO, provincial: ZERO, local: ZERO, selfRaised: ZERO, other: ZERO };
}

/** 年度 side (docs/domain.md § 目标表与表12): 单位资金 → 单位自筹, 专户 → 其他资金, 财政拨款 → 市县 unless 中央/省级. */
export function annualFunds(p: ProjectLine): SideFunds {
  const split = emptySplit();
  split.selfRaised = toYuan(p.unitFunds);
  split.other = toYuan(p.special);
  split[p.source] = toYuan(p.gpb.plus(p.fund).plus(p.soe));
  return { total: toYuan(p.total), split, blank: { other: split.other.isZero() } };
}

/**
 * 实施期 side: the project list's amount, default = 年度. A multi-year total is split in the
 * same proportions as the year (003 J物业费: 2 × 790,500 all under 市县).
 */
export function periodFunds(p: ProjectLine, annual: SideFunds): SideFunds {
  const total = p.periodTotal ?? annual.total;
  if (total.eq(annual.total)) return { total, split: { ...annual.split }, blank: { ...annual.blank } };
  const split = emptySplit();
  if (annual.total.isZero()) {
    split[p.source] = total;
  } else {
    const ratio = total.div(annual.total);
    let assigned = ZERO;
    const nonZero = SPLIT_KEYS.filter((k) => !annual.split[k].isZero());
    nonZero.forEach((k, i) => {
      // The last share takes the remainder so the split adds up to the total exactly.
      split[k] = i === nonZero.length - 1 ? total.minus(assigned) : annual.split[k].times(ratio).toDecimalPlaces(2);
      assigned = assigned.plus(split[k]);
    });
  }
  return { total, split, blank: { other: split.other.isZero() } };
}

/** The full 二级 skeleton on both sides, empty except the prefilled 成本指标 row. */
export function skeletonIndicators(periodTotal: Decimal, annualTotal: Decimal): Indicator[] {
  const out: Indicator[] = [];
  for (const side of ['period', 'annual'] as const) {
    for (const g of INDICATOR_SKELETON) {
      for (const l2 of g.level2) {
        const cost = l2 === '成本指标';
        out.push({
          level1: g.level1,
          level2: l2,
          level3: cost ? COST_CONTROL_NAME : '',
          value: cost ? costControlValue(side === 'period' ? periodTotal : annualTotal) : '',
          side,
        });
      }
    }
  }
  return out;
}

/** A new form for a 表12 project: every prefilled field set, texts and indicators left to the clerk. */
export function draftForm(p: ProjectLine, settings: FormSettings): FormContent {
  const annual = annualFunds(p);
  const period = periodFunds(p, annual);
  const t = formTitle(settings);
  return {
    title: t?.title,
    yearLabel: t?.yearLabel,
    projectName: p.name,
    department: settings.department,
    implementingUnit: settings.documentUnit && !p.unit ? settings.documentUnit : p.unit,
    attribute: p.attribute || ONE_OFF,
    period: p.term || '1年',
    funds: { period, annual },
    texts: { overview: '', basis: '', necessity: '', measures: '', plan: '', goalsPeriod: '', goalsAnnual: '' },
    indicators: skeletonIndicators(period.total, annual.total),
    signature: { leader: '', handler: '', phone: '', date: settings.date ?? '' },
  };
}
