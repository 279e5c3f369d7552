import type { TableId } from '../templates/schema';
import type { EconSide } from './economic';

/**
 * The cross-table identities X1–X18 (+X20) of docs/domain.md § 表间勾稽 (listed with their
 * severities and preconditions in docs/rules.md § 目录), and the two-sided identities inside
 * 表1/表4 that are not row sums (W1.6, W1.7, W4.5), as data. One evaluator (`cross.ts`)
 * interprets them; adding an identity is adding an entry here.
 */
export type Selector =
  /** A fixed row of 表1/表4/表10 by key ('gpb', 'income_total', 'vehicle_running' …). */
  | { t: TableId; row: 'fixed'; key: string; col: string }
  /** The 合计 row (表12/13: the grand total, or Σ unit subtotals / projects when there is none). */
  | { t: TableId; row: 'total'; col: string }
  /** A 科目 row: the code of the per-code loop, or a fixed `code`. A missing row counts as 0. */
  | { t: TableId; row: 'code'; col: string; code?: string }
  /** Per-code loop over 类: the 表1/表4 category row 'cat:<code>'. A missing row counts as 0. */
  | { t: TableId; row: 'cat'; col: string }
  /** Σ of the 表6 item rows with one of these names. */
  | { t: 't6'; row: 'econItems'; names: string[]; col: string }
  /** Σ of the 表6 class rows whose class belongs to this side (人员经费/公用经费), 合计 column. */
  | { t: 't6'; row: 'econSide'; side: EconSide; col: string };

export interface Term {
  sel: Selector;
  sign?: 1 | -1;
  /**
   * Only part of this amount may belong to the identity (上年结转 that is not all 财政拨款, 单位资金
   * that may fund 基本支出 too). The right side then spans a range, from Σ of the other terms to
   * Σ of all terms: the full sum is the identity, a value inside the range is plausible but needs a
   * person (提示), a value outside it is a contradiction (错误). See docs/rules.md § 严重程度.
   */
  partial?: boolean;
}

/**
 * equal  — |Δ| beyond 尾差 is an error (with `partial` terms: inside their range a warning);
 * warn   — ⚠ rule: beyond 尾差 is a warning (kept for catalogue entries a bureau adds; ours use
 *          `partial` terms, which separate the plausible from the impossible);
 * below  — X13: left < right is an error, left > right a warning;
 * atMost — X14: left > right is an error, left < right is information;
 * info   — X20: any difference is information only.
 */
export type CrossMode = 'equal' | 'warn' | 'below' | 'atMost' | 'info';

export interface CrossCheck {
  left: Term[];
  right: Term[];
  /** Evaluate once per 科目编码 present in the tables of the terms (at these levels). */
  perCode?: { levels: ('lei' | 'kuan' | 'xiang')[] };
  mode?: CrossMode;
  /** Why the identity holds / what to look at, appended to an error message. */
  hint?: string;
}

/** "the codes listed in `a` (optionally only those with a non-zero `aNonZero` column) = the codes in `b`". */
export interface CodeSetCheck {
  a: TableId;
  aNonZero?: string;
  b: TableId;
  /** Report codes of `b` missing from `a` too. */
  both: boolean;
}

export interface CrossRule {
  id: string;
  title: string;
  mode: CrossMode;
  checks: CrossCheck[];
  sets?: CodeSetCheck[];
}

const f = (t: TableId, key: string, col: string, sign: 1 | -1 = 1): Term => ({
  sel: { t, row: 'fixed', key, col },
  sign,
});
const tot = (t: TableId, col: string, sign: 1 | -1 = 1): Term => ({ sel: { t, row: 'total', col }, sign });
const code = (t: TableId, col: string, sign: 1 | -1 = 1, fixed?: string): Term => ({
  sel: { t, row: 'code', col, code: fixed },
  sign,
});
const cat = (t: TableId, col: string): Term => ({ sel: { t, row: 'cat', col } });
/** A term of which only part may belong to the identity (see `Term.partial`). */
const upTo = (term: Term): Term => ({ ...term, partial: true });
const items = (names: string[], col = 'total'): Term => ({ sel: { t: 't6', row: 'econItems', names, col } });
const ALL = { levels: ['lei', 'kuan', 'xiang'] as ('lei' | 'kuan' | 'xiang')[] };
const LEI = { levels: ['lei'] as ('lei' | 'kuan' | 'xiang')[] };

export const CROSS_RULES: readonly CrossRule[] = [
  // Two-sided identities inside 表1/表4 that are not a single row sum.
  {
    id: 'W1.7',
    title: '表1 收入总计 = 支出总计',
    mode: 'equal',
    checks: [{ left: [f('t1', 'exp_grand', 'total')], right: [f('t1', 'income_grand', 'income')] }],
  },
  {
    id: 'W1.6',
    title: '表1 本年支出合计[当年预算安排] = 本年收入合计；[上年结转安排] = 上年结转',
    mode: 'equal',
    checks: [
      { left: [f('t1', 'exp_total', 'current')], right: [f('t1', 'income_total', 'income')] },
      { left: [f('t1', 'exp_total', 'carry')], right: [f('t1', 'carry_in', 'income')] },
    ],
  },
  {
    id: 'W4.5',
    title: '表4 收入总计 = 支出总计',
    mode: 'equal',
    checks: [{ left: [f('t4', 'exp_grand', 'subtotal')], right: [f('t4', 'income_grand', 'income')] }],
  },

  {
    id: 'X1',
    title: '表1 各支出功能分类[合计] = 表3 类级科目合计',
    mode: 'equal',
    checks: [{ perCode: LEI, left: [cat('t1', 'total')], right: [code('t3', 'total')] }],
  },
  {
    id: 'X2',
    title: '表1 各支出功能分类[当年预算安排] = 表2 类级科目本年收入合计',
    mode: 'equal',
    checks: [{ perCode: LEI, left: [cat('t1', 'current')], right: [code('t2', 'total')] }],
  },
  {
    id: 'X3',
    title: '表1 各支出功能分类[上年结转安排] = 表2 类级科目上年结转',
    mode: 'equal',
    checks: [{ perCode: LEI, left: [cat('t1', 'carry')], right: [code('t2', 'carry')] }],
  },
  {
    id: 'X4',
    title: '表1 收入各项 = 表2 合计行对应资金来源',
    mode: 'equal',
    checks: [
      { left: [f('t1', 'gpb', 'income')], right: [tot('t2', 'gpb')] },
      { left: [f('t1', 'fund', 'income')], right: [tot('t2', 'fund')] },
      { left: [f('t1', 'soe', 'income')], right: [tot('t2', 'soe')] },
      { left: [f('t1', 'special', 'income')], right: [tot('t2', 'special')] },
      { left: [f('t1', 'unit', 'income')], right: [tot('t2', 'unit')] },
      { left: [f('t1', 'income_total', 'income')], right: [tot('t2', 'total')] },
      { left: [f('t1', 'carry_in', 'income')], right: [tot('t2', 'carry')] },
    ],
  },
  {
    id: 'X5',
    title: '每个科目：表2 本年收入合计 + 上年结转 = 表3 合计；表2、表3 科目一致',
    mode: 'equal',
    checks: [{ perCode: ALL, left: [code('t3', 'total')], right: [code('t2', 'total'), code('t2', 'carry')] }],
    sets: [{ a: 't2', b: 't3', both: true }],
  },
  {
    id: 'X6',
    title: '表3 合计 = 表1 支出总计[合计]',
    mode: 'equal',
    checks: [{ left: [tot('t3', 'total')], right: [f('t1', 'exp_grand', 'total')] }],
  },
  {
    id: 'X7',
    title: '每个科目：表5 合计 = 表2 一般公共预算；表5 只列表2 一般公共预算不为零的科目',
    mode: 'equal',
    checks: [{ perCode: ALL, left: [code('t5', 'total')], right: [code('t2', 'gpb')] }],
    sets: [{ a: 't2', aNonZero: 'gpb', b: 't5', both: true }],
  },
  {
    id: 'X8',
    title: '表5 合计 = 表1 一般公共预算收入 = 表4 一般公共预算收入',
    mode: 'equal',
    checks: [
      { left: [tot('t5', 'total')], right: [f('t1', 'gpb', 'income')] },
      { left: [f('t4', 'gpb', 'income')], right: [f('t1', 'gpb', 'income')] },
    ],
  },
  {
    id: 'X9',
    title: '每个科目：表5 基本支出 = 表3 基本支出；表3 项目支出 − 表5 项目支出 = 表2 非一般公共预算资金 + 上年结转',
    mode: 'equal',
    checks: [
      {
        perCode: ALL,
        left: [code('t5', 'basic')],
        right: [upTo(code('t3', 'basic'))],
        hint: '基本支出只由一般公共预算安排时两者相等；表5 多于表3 不可能，少于表3 说明基本支出用了其他资金，请核实',
      },
      {
        perCode: ALL,
        left: [code('t3', 'project'), code('t5', 'project', -1)],
        right: [
          upTo(code('t2', 'fund')),
          upTo(code('t2', 'soe')),
          upTo(code('t2', 'special')),
          upTo(code('t2', 'unit')),
          upTo(code('t2', 'carry')),
        ],
        hint: '非一般公共预算资金全部用于项目支出时两者相等；少于表2 说明部分用于基本支出，请核实',
      },
    ],
  },
  {
    id: 'X10',
    title: '表6 合计 = 表5 基本支出合计',
    mode: 'equal',
    checks: [{ left: [tot('t6', 'total')], right: [tot('t5', 'basic')] }],
  },
  {
    id: 'X11',
    title: '表4 收入各项 = 表1 收入各项；表4 上年财政拨款结转 = 表1 上年结转',
    mode: 'equal',
    checks: [
      { left: [f('t4', 'fund', 'income')], right: [f('t1', 'fund', 'income')] },
      { left: [f('t4', 'soe', 'income')], right: [f('t1', 'soe', 'income')] },
      {
        left: [f('t4', 'carry_in', 'income')],
        right: [upTo(f('t1', 'carry_in', 'income'))],
        hint: '上年结转全部为财政拨款时两者相等；表4 多于表1 不可能，少于表1 时请核实是否含其他资金结转',
      },
    ],
  },
  {
    id: 'X12',
    title: '表4 各支出功能分类 = 表2 同类财政拨款（一般公共预算 + 政府性基金 + 国有资本经营）+ 上年结转',
    mode: 'equal',
    checks: [
      {
        perCode: LEI,
        left: [cat('t4', 'subtotal')],
        right: [code('t2', 'gpb'), code('t2', 'fund'), code('t2', 'soe'), upTo(code('t2', 'carry'))],
        hint: '上年结转全部为财政拨款时两者相等；含其他资金结转时表4 可少于表2，请核实',
      },
      {
        perCode: LEI,
        left: [cat('t4', 'gpb')],
        right: [code('t5', 'total'), upTo(code('t2', 'carry'))],
        hint: '表4 一般公共预算列 = 表5 同类合计 + 一般公共预算上年结转',
      },
    ],
  },
  {
    id: 'X13',
    title: '表10 “三公”经费 ≥ 表6 对应经济科目（少于表6 为错误，多于表6 须说明项目支出安排）',
    mode: 'below',
    checks: [
      { left: [f('t10', 'vehicle_running', 'total')], right: [items(['公务用车运行维护费'])] },
      { left: [f('t10', 'reception', 'total')], right: [items(['公务接待费'])] },
      {
        left: [f('t10', 'abroad', 'total')],
        right: [items(['因公出国（境）费用', '因公出国（境）费', '因公出国(境)费用'])],
      },
    ],
  },
  {
    id: 'X14',
    title: '表11 机关运行经费合计 ≤ 表6 公用经费（全部为行政/参公单位时相等）',
    mode: 'atMost',
    checks: [
      { left: [tot('t11', 'total')], right: [{ sel: { t: 't6', row: 'econSide', side: 'public', col: 'total' } }] },
    ],
  },
  {
    id: 'X15',
    title: '表3 项目支出合计 = 表12 合计 + 表13 合计',
    mode: 'equal',
    checks: [{ left: [tot('t3', 'project')], right: [tot('t12', 'total'), tot('t13', 'total')] }],
  },
  {
    id: 'X16',
    title: '表5 项目支出合计 = 表12 一般公共预算合计',
    mode: 'equal',
    checks: [{ left: [tot('t5', 'project')], right: [tot('t12', 'gpb')] }],
  },
  {
    id: 'X17',
    title: '表12 财政专户/单位资金合计 = 表2 合计行对应列',
    mode: 'equal',
    checks: [
      {
        left: [tot('t12', 'special')],
        right: [upTo(tot('t2', 'special'))],
        hint: '基本支出不使用财政专户资金时两者相等；表12 多于表2 不可能，少于表2 时请核实',
      },
      {
        left: [tot('t12', 'unit')],
        right: [upTo(tot('t2', 'unit'))],
        hint: '基本支出不使用单位资金时两者相等；表12 多于表2 不可能，少于表2 时请核实',
      },
    ],
  },
  {
    id: 'X18',
    title: '表13 合计 = 表1 上年结转 = 表2 上年结转合计 = 表4 上年财政拨款结转',
    mode: 'equal',
    checks: [
      {
        left: [tot('t13', 'total')],
        right: [upTo(f('t1', 'carry_in', 'income'))],
        hint: '表13 只列财政拨款结转项目：上年结转全部为财政拨款时两者相等，表13 多于表1 不可能',
      },
      { left: [tot('t2', 'carry')], right: [f('t1', 'carry_in', 'income')] },
      { left: [f('t4', 'carry_in', 'income')], right: [tot('t13', 'total')] },
    ],
  },
  {
    id: 'X20',
    title: '经济分类与功能分类对应提示（仅供参考）',
    mode: 'info',
    checks: [
      { left: [items(['住房公积金'])], right: [code('t3', 'basic', 1, '2210201')] },
      { left: [items(['机关事业单位基本养老保险缴费'])], right: [code('t3', 'basic', 1, '2080505')] },
      { left: [items(['职业年金缴费'])], right: [code('t3', 'basic', 1, '2080506')] },
      {
        left: [items(['职工基本医疗保险缴费'])],
        right: [code('t3', 'basic', 1, '2101101'), code('t3', 'basic', 1, '2101102')],
      },
      { left: [items(['公务员医疗补助缴费'])], right: [code('t3', 'basic', 1, '2101103')] },
      {
        left: [items(['退休费', '离休费'])],
        right: [code('t3', 'basic', 1, '2080501'), code('t3', 'basic', 1, '2080502')],
      },
    ],
  },
];
