/**
 * The words F7 reads 成本指标 lines and their 指标值 with, as data: a finance bureau whose forms
 * word these differently changes this file, not the rule (docs/forms.md § F7: which cost lines are added).
 */
export const AMOUNT_WORDS = {
  /** Money units after a figure, longest first where one is the start of another; factor to 元. */
  units: [
    ['亿元', 100000000],
    ['万元', 10000],
    ['千元', 1000],
    ['元', 1],
    ['亿', 100000000],
    ['万', 10000],
  ] as readonly (readonly [string, number])[],
  /** Comparators in front of a figure (after full-width forms become half-width). */
  comparators: [
    '<=',
    '>=',
    '=<',
    '=>',
    '≤',
    '≥',
    '≦',
    '≧',
    '<',
    '>',
    '=',
    '≈',
    '不超过',
    '不高于',
    '不大于',
    '不多于',
    '不低于',
    '不少于',
    '不小于',
    '控制在',
    '低于',
    '少于',
    '小于',
    '高于',
    '大于',
    '多于',
    '超过',
    '达到',
    '约为',
    '约',
    '为',
  ] as readonly string[],
  /** Words after the unit that leave the amount an amount (`120万元以内`). */
  trailing: ['以内', '之内', '以下', '以上', '左右', '内', '整'] as readonly string[],
} as const;

export const COST_LINE_WORDS = {
  /**
   * 三级 names of a figure per unit, per item or per period: a price, never an addend of the
   * project's cost (`单台设备购置成本`, `每个站点运维费`, `人均培训费`, `补助标准`).
   */
  perUnitName: {
    contains: [
      '单台',
      '单套',
      '单件',
      '单个',
      '单次',
      '单人',
      '单项',
      '单位成本',
      '单价',
      '均价',
      '人均',
      '户均',
      '生均',
      '次均',
      '亩均',
      '平均',
      '月均',
      '年均',
      '日均',
      '每',
    ],
    endsWith: ['标准', '定额', '费率'],
  },
  /** Names of a part of the line above (`其中：软件开发费`): already inside another line's figure. */
  partName: { startsWith: ['其中'] },
  /** A figure per unit read from the value itself: `2500元/次`, `3万元每年`, `每人500元`. */
  perUnitValue: { afterUnit: ['/', '每', '·'], beforeFigure: ['每', '均'] },
  /**
   * Names of the project's whole cost (`预算控制数`, `项目总成本`): when a side has one, that line is
   * compared with 资金总额 alone and the other lines are its breakdown. Compared after dropping the
   * words in `ignore` at either end (`2026年度项目总成本（万元）` → `总成本`).
   */
  wholeName: {
    ignore: {
      before: ['本项目', '项目', '年度', '全年', '实施期', '总体'],
      after: ['指标', '(万元)', '(元)', '金额'],
    },
    names: [
      '预算控制数',
      '成本控制数',
      '控制数',
      '总成本',
      '成本',
      '成本总额',
      '经济成本',
      '预算',
      '总预算',
      '预算总额',
      '预算资金',
      '资金',
      '资金总额',
      '总投资',
      '投资',
      '投资总额',
      '总投入',
      '经费',
      '总经费',
      '经费总额',
      '支出',
      '总支出',
      '支出总额',
    ],
  },
} as const;
