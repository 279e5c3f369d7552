import { analyzeDisclosure } from '../../src/core/check';
import type { Disclosure } from '../../src/core/model/disclosure';
import type { Finding, Severity } from '../../src/core/model/finding';
import { CodeTable, DEFAULT_CODES } from '../../src/core/reference';
import type { TableId } from '../../src/core/templates/schema';
import { table } from './support/build';
import {
  addTo,
  cleanDisclosure,
  drop,
  dropColumn,
  dropRow,
  rowOf,
  setAmount,
  setFormula,
  setRaw,
} from './support/clean';

/**
 * Every table, cross-table, code-name and formula rule proven to fire: each case breaks the clean
 * disclosure of support/clean.ts so that exactly this rule speaks at 错误 (no other rule does), at
 * the cells and severities written here by hand; then removes the rule's precondition and expects
 * it to stay silent.
 *
 * A disclosure checks itself many times over (表1's categories against 表2 and 表3, 表3 against
 * 表2 and 表5 …), so most breaks leave out a table or a row whose rules would otherwise report the
 * same change too: those are the rules that make the identity under test redundant, named in `why`.
 * Cells: body from sheet row 5; 表1/表4 rows at their fixed place (categories 208 → 12, 210 → 14,
 * 本年收入合计/本年支出合计 → 35 …).
 */
type Expect = [Severity, string, string];

interface Case {
  rule: string;
  why: string;
  break: (d: Disclosure) => void;
  expect: Expect[];
  /** The precondition taken away: the rule then says nothing, or only `still`. */
  silent: { why: string; apply: (d: Disclosure) => void; still?: Expect[]; codes?: CodeTable };
  codes?: CodeTable;
  /** false: not a sum, so no 尾差 variant. */
  arithmetic?: false;
}

/**
 * Every change is `delta × scale`: 1 for the breaks, 0.002 for their 尾差 variant (a change of at
 * most 0.01 万元 must come out as 尾差, never as 错误).
 */
let scale = 1;
const add = (d: Disclosure, t: TableId, key: string, col: string, delta: number) =>
  addTo(d, t, key, col, delta * scale);

/** Adds `delta` to `col` of each row key of a table: a change carried up a whole column. */
const chain = (d: Disclosure, t: TableId, keys: string[], cols: string[], delta: number) => {
  for (const k of keys) for (const c of cols) add(d, t, k, c, delta);
};

const rename = (d: Disclosure, tables: TableId[], code: string, name: string) => {
  for (const t of tables) {
    const r = rowOf(d, t, code);
    r.name = name;
    r.label = name;
  }
};

const recode = (d: Disclosure, tables: TableId[], from: string, to: string) => {
  for (const t of tables) {
    const r = rowOf(d, t, from);
    r.code = to;
    r.key = to;
  }
};

/** Codes without `code` (or with `code` renamed): a 科目表 of another year. */
const codesWith = (change: (list: CodeTable['codes'][number][]) => CodeTable['codes'][number][]) =>
  new CodeTable(change(DEFAULT_CODES.codes.map((c) => ({ ...c }))));

/** Correct formulas on every aggregate 合计 cell of 表3 (rows as in support/clean.ts). */
function t3Formulas(d: Disclosure): void {
  const f: [string, string][] = [
    ['total', 'C6+C14+C17'],
    ['208', 'C7+C10+C12'],
    ['20801', 'SUM(C8:C9)'],
    ['20805', 'C11'],
    ['20899', 'C13'],
    ['210', 'C15'],
    ['21011', 'C16'],
    ['221', 'C18'],
    ['22102', 'C19'],
  ];
  for (const [k, formula] of f) setFormula(d, 't3', k, 'total', formula);
}

const T3_CHAIN = ['2080101', '20801', '208', 'total'];

const CASES: Case[] = [
  // ── 表1 ──
  {
    rule: 'W1.1',
    why: '表1 五、单位资金 +5 (X4 would see it against 表2: 表2 left out)',
    break: (d) => {
      drop(d, 't2');
      add(d, 't1', 'unit', 'income', 5);
    },
    expect: [['error', 't1', 'B35']],
    silent: { why: '本年收入合计 not printed', apply: (d) => dropRow(d, 't1', 'income_total') },
  },
  {
    rule: 'W1.2',
    why: '表1 收入总计 +5 (W1.7 compares it with 支出总计: that row left out)',
    break: (d) => {
      dropRow(d, 't1', 'exp_grand');
      add(d, 't1', 'income_grand', 'income', 5);
    },
    expect: [['error', 't1', 'B37']],
    silent: { why: '收入总计 not printed', apply: (d) => dropRow(d, 't1', 'income_grand') },
  },
  {
    rule: 'W1.3',
    why: '表1 category 208 +5 in 合计 and 当年 (X1/X2 would see it: 表2, 表3 left out)',
    break: (d) => {
      drop(d, 't2', 't3');
      chain(d, 't1', ['cat:208'], ['total', 'current'], 5);
    },
    expect: [
      ['error', 't1', 'D35'],
      ['error', 't1', 'E35'],
    ],
    silent: { why: '本年支出合计 not printed', apply: (d) => dropRow(d, 't1', 'exp_total') },
  },
  {
    rule: 'W1.4',
    why: '表1 合计 moved from 210 to 208, 当年/结转 unchanged (X1 would see it: 表3 left out)',
    break: (d) => {
      drop(d, 't3');
      add(d, 't1', 'cat:208', 'total', 5);
      add(d, 't1', 'cat:210', 'total', -5);
    },
    expect: [
      ['error', 't1', 'D12'],
      ['error', 't1', 'D14'],
    ],
    silent: { why: 'no 合计 column', apply: (d) => dropColumn(d, 't1', 'total') },
  },
  {
    rule: 'W1.5',
    why: '表1 年终结转 5 that 支出总计 does not include',
    break: (d) => chain(d, 't1', ['carry_out'], ['total', 'current'], 5),
    expect: [
      ['error', 't1', 'D37'],
      ['error', 't1', 'E37'],
    ],
    silent: { why: '支出总计 not printed', apply: (d) => dropRow(d, 't1', 'exp_grand') },
  },
  {
    rule: 'W1.6',
    why: '表1 单位资金 and 本年收入合计 +5 (X4: 表2 left out; W1.2/W1.7: 收入总计 row left out)',
    break: (d) => {
      drop(d, 't2');
      dropRow(d, 't1', 'income_grand');
      add(d, 't1', 'unit', 'income', 5);
      add(d, 't1', 'income_total', 'income', 5);
    },
    expect: [['error', 't1', 'E35']],
    silent: { why: '本年收入合计 not printed', apply: (d) => dropRow(d, 't1', 'income_total') },
  },
  {
    rule: 'W1.7',
    why: '表1 年终结转 5 carried into 支出总计 but not into 收入总计 (X6: 表3 left out)',
    break: (d) => {
      drop(d, 't3');
      chain(d, 't1', ['carry_out', 'exp_grand'], ['total', 'current'], 5);
    },
    expect: [['error', 't1', 'D37']],
    silent: { why: '收入总计 not printed', apply: (d) => dropRow(d, 't1', 'income_grand') },
  },
  // ── 表2/3/5/7/8 coded tables ──
  {
    rule: 'W2.1',
    why: '表2 项 2080101 +5 (X5/X7 would see it: 表3, 表5 left out)',
    break: (d) => {
      drop(d, 't3', 't5');
      chain(d, 't2', ['2080101'], ['total', 'gpb'], 5);
    },
    expect: [
      ['error', 't2', 'C7'],
      ['error', 't2', 'D7'],
    ],
    silent: {
      why: '款 20801 not printed: one 提示, no sum above it',
      apply: (d) => dropRow(d, 't2', '20801'),
      still: [['warning', 't2', 'A8']],
    },
  },
  {
    rule: 'W2.2',
    why: '表2 合计 column +5 from 项 2080101 up (X1/X2/X4/X5: 表1, 表3 left out)',
    break: (d) => {
      drop(d, 't1', 't3');
      chain(d, 't2', T3_CHAIN, ['total'], 5);
    },
    expect: [
      ['error', 't2', 'C5'],
      ['error', 't2', 'C6'],
      ['error', 't2', 'C7'],
      ['error', 't2', 'C8'],
    ],
    silent: { why: 'no 合计 column', apply: (d) => dropColumn(d, 't2', 'total') },
  },
  {
    rule: 'W3.1',
    why: '表3 项 2080101 +5 (X5/X9: 表2, 表5 left out)',
    break: (d) => {
      drop(d, 't2', 't5');
      chain(d, 't3', ['2080101'], ['total', 'basic'], 5);
    },
    expect: [
      ['error', 't3', 'C7'],
      ['error', 't3', 'D7'],
    ],
    silent: {
      why: '款 20801 not printed',
      apply: (d) => dropRow(d, 't3', '20801'),
      still: [['warning', 't3', 'A8']],
    },
  },
  {
    rule: 'W3.2',
    why: '表3 合计 column +5 from 2080101 up (X1/X5/X6: 表1, 表2 left out)',
    break: (d) => {
      drop(d, 't1', 't2');
      chain(d, 't3', T3_CHAIN, ['total'], 5);
    },
    expect: [
      ['error', 't3', 'C5'],
      ['error', 't3', 'C6'],
      ['error', 't3', 'C7'],
      ['error', 't3', 'C8'],
    ],
    silent: { why: 'no 合计 column', apply: (d) => dropColumn(d, 't3', 'total') },
  },
  {
    rule: 'W5.1',
    why: '表5 项 2080101 +5 (X7/X9: 表2, 表3 left out)',
    break: (d) => {
      drop(d, 't2', 't3');
      chain(d, 't5', ['2080101'], ['total', 'basic'], 5);
    },
    expect: [
      ['error', 't5', 'C7'],
      ['error', 't5', 'D7'],
    ],
    silent: {
      why: '款 20801 not printed',
      apply: (d) => dropRow(d, 't5', '20801'),
      still: [['warning', 't5', 'A8']],
    },
  },
  {
    rule: 'W5.2',
    why: '表5 合计 column +5 from 2080101 up (X7/X8/X12: 表1, 表2, 表4 left out)',
    break: (d) => {
      drop(d, 't1', 't2', 't4');
      chain(d, 't5', T3_CHAIN, ['total'], 5);
    },
    expect: [
      ['error', 't5', 'C5'],
      ['error', 't5', 'C6'],
      ['error', 't5', 'C7'],
      ['error', 't5', 'C8'],
    ],
    silent: { why: 'no 合计 column', apply: (d) => dropColumn(d, 't5', 'total') },
  },
  {
    rule: 'W7.1',
    why: '表7 项 1030199 +5',
    break: (d) => add(d, 't7', '1030199', 'fund_income', 5),
    expect: [['error', 't7', 'C7']],
    silent: {
      why: '款 10301 not printed',
      apply: (d) => dropRow(d, 't7', '10301'),
      still: [['warning', 't7', 'A8']],
    },
  },
  {
    rule: 'W8.1',
    why: '表8 项 2089999 +5',
    break: (d) => chain(d, 't8', ['2089999'], ['total', 'project'], 5),
    expect: [
      ['error', 't8', 'C7'],
      ['error', 't8', 'E7'],
    ],
    silent: {
      why: '款 20899 not printed',
      apply: (d) => dropRow(d, 't8', '20899'),
      still: [['warning', 't8', 'A8']],
    },
  },
  {
    rule: 'W8.2',
    why: '表8 合计 column +5 from 2089999 up',
    break: (d) => chain(d, 't8', ['2089999', '20899', '208', 'total'], ['total'], 5),
    expect: [
      ['error', 't8', 'C5'],
      ['error', 't8', 'C6'],
      ['error', 't8', 'C7'],
      ['error', 't8', 'C8'],
    ],
    silent: { why: 'no 合计 column', apply: (d) => dropColumn(d, 't8', 'total') },
  },
  // ── 表4 ──
  {
    rule: 'W4.1',
    why: '表4 收入总计 +5 (W4.5 compares it with 支出总计: that row left out)',
    break: (d) => {
      dropRow(d, 't4', 'exp_grand');
      add(d, 't4', 'income_grand', 'income', 5);
    },
    expect: [['error', 't4', 'B40']],
    silent: { why: '收入总计 not printed', apply: (d) => dropRow(d, 't4', 'income_grand') },
  },
  {
    rule: 'W4.2',
    why: '表4 category 208 +5 in 小计 and 一般公共预算 (X12: 表2 left out)',
    break: (d) => {
      drop(d, 't2');
      chain(d, 't4', ['cat:208'], ['subtotal', 'gpb'], 5);
    },
    expect: [
      ['error', 't4', 'D35'],
      ['error', 't4', 'E35'],
    ],
    silent: { why: '本年支出合计 not printed', apply: (d) => dropRow(d, 't4', 'exp_total') },
  },
  {
    rule: 'W4.3',
    why: '表4 小计 moved from 208 to 210 (X12: 表2 left out)',
    break: (d) => {
      drop(d, 't2');
      add(d, 't4', 'cat:208', 'subtotal', -5);
      add(d, 't4', 'cat:210', 'subtotal', 5);
    },
    expect: [
      ['error', 't4', 'D12'],
      ['error', 't4', 'D14'],
    ],
    silent: { why: 'no 小计 column', apply: (d) => dropColumn(d, 't4', 'subtotal') },
  },
  {
    rule: 'W4.4',
    why: '表4 年终结转 5 that 支出总计 does not include',
    break: (d) => chain(d, 't4', ['carry_out'], ['subtotal', 'gpb'], 5),
    expect: [
      ['error', 't4', 'D40'],
      ['error', 't4', 'E40'],
    ],
    silent: { why: '支出总计 not printed', apply: (d) => dropRow(d, 't4', 'exp_grand') },
  },
  {
    rule: 'W4.5',
    why: '表4 年终结转 5 carried into 支出总计 but not into 收入总计',
    break: (d) => chain(d, 't4', ['carry_out', 'exp_grand'], ['subtotal', 'gpb'], 5),
    expect: [['error', 't4', 'D40']],
    silent: { why: '收入总计 not printed', apply: (d) => dropRow(d, 't4', 'income_grand') },
  },
  // ── 表6 ──
  {
    rule: 'W6.1',
    why: '表6 合计 +5 in 合计 and 人员经费 (X10: 表5 left out)',
    break: (d) => {
      drop(d, 't5');
      chain(d, 't6', ['total'], ['total', 'personnel'], 5);
    },
    expect: [
      ['error', 't6', 'C5'],
      ['error', 't6', 'D5'],
    ],
    silent: {
      why: 'no class rows printed',
      apply: (d) => {
        for (const c of ['工资福利支出', '商品和服务支出', '对个人和家庭的补助']) dropRow(d, 't6', c);
      },
    },
  },
  {
    rule: 'W6.2',
    why: '表6 基本工资 +5',
    break: (d) => chain(d, 't6', ['基本工资'], ['total', 'personnel'], 5),
    expect: [
      ['error', 't6', 'C6'],
      ['error', 't6', 'D6'],
    ],
    silent: {
      why: 'the class lists no items',
      apply: (d) => {
        for (const i of ['基本工资', '机关事业单位基本养老保险缴费', '职工基本医疗保险缴费', '住房公积金'])
          dropRow(d, 't6', i);
      },
    },
  },
  {
    rule: 'W6.3',
    why: '表6 合计 column +5 from 奖励金 up (X10: 表5 left out)',
    break: (d) => {
      drop(d, 't5');
      chain(d, 't6', ['奖励金', '对个人和家庭的补助', 'total'], ['total'], 5);
    },
    expect: [
      ['error', 't6', 'C5'],
      ['error', 't6', 'C16'],
      ['error', 't6', 'C17'],
    ],
    silent: { why: 'no 合计 column', apply: (d) => dropColumn(d, 't6', 'total') },
  },
  {
    rule: 'W6.4',
    arithmetic: false,
    why: '表6 商品和服务支出 and its items printed under 人员经费 (as 001)',
    break: (d) => {
      for (const k of ['商品和服务支出', '办公费', '公务用车运行维护费', '公务接待费', '因公出国（境）费用']) {
        const a = rowOf(d, 't6', k).values.public!;
        setAmount(d, 't6', k, 'personnel', a.value.toNumber());
        setAmount(d, 't6', k, 'public', null);
      }
      setAmount(d, 't6', 'total', 'personnel', 390);
      setAmount(d, 't6', 'total', 'public', null);
    },
    expect: [
      ['error', 't6', 'D11'],
      ['error', 't6', 'D12'],
      ['error', 't6', 'D13'],
      ['error', 't6', 'D14'],
      ['error', 't6', 'D15'],
    ],
    silent: {
      why: 'a class the reference does not know has no side',
      apply: (d) => {
        const r = rowOf(d, 't6', '商品和服务支出');
        r.name = r.label = r.key = '其他支出';
      },
    },
  },
  // ── 表9, 表10, 表11, 表12, 表13 ──
  {
    rule: 'W9.1',
    arithmetic: false,
    why: '表9 合计 5 = 基本 4 + 项目 0',
    break: (d) => {
      d.tables.t9 = table('t9', [{ kind: 'total', key: 'total', label: '合计', values: { total: 5, basic: 4 } }]);
    },
    expect: [['error', 't9', 'F5']],
    silent: { why: 'no 合计 column', apply: (d) => dropColumn(d, 't9', 'total') },
  },
  {
    rule: 'W10.1',
    why: '表10 ①公务用车购置费 1 not in 公务用车购置及运行费',
    break: (d) => chain(d, 't10', ['vehicle_purchase'], ['total', 'gpb'], 1),
    expect: [
      ['error', 't10', 'B7'],
      ['error', 't10', 'C7'],
    ],
    silent: { why: '公务用车购置及运行费 not printed', apply: (d) => dropRow(d, 't10', 'vehicle') },
  },
  {
    rule: 'W10.2',
    why: '表10 合计 +1',
    break: (d) => chain(d, 't10', ['grand'], ['total', 'gpb'], 1),
    expect: [
      ['error', 't10', 'B10'],
      ['error', 't10', 'C10'],
    ],
    silent: { why: '合计 not printed', apply: (d) => dropRow(d, 't10', 'grand') },
  },
  {
    rule: 'W10.3',
    why: '表10 合计 column +1 from ①公务用车购置费 up',
    break: (d) => chain(d, 't10', ['vehicle_purchase', 'vehicle', 'grand'], ['total'], 1),
    expect: [
      ['error', 't10', 'B10'],
      ['error', 't10', 'B7'],
      ['error', 't10', 'B8'],
    ],
    silent: { why: 'no 合计 column', apply: (d) => dropColumn(d, 't10', 'total') },
  },
  {
    rule: 'W11.1',
    why: '表11 one unit +1',
    break: (d) => chain(d, 't11', ['测试局机关'], ['total', 'gpb'], 1),
    expect: [
      ['error', 't11', 'B5'],
      ['error', 't11', 'C5'],
    ],
    silent: {
      why: 'no unit rows',
      apply: (d) => {
        dropRow(d, 't11', '测试局机关');
        dropRow(d, 't11', '测试执法队');
      },
    },
  },
  {
    rule: 'W11.2',
    why: '表11 合计 column +1 (X14: 表6 left out)',
    break: (d) => {
      drop(d, 't6');
      chain(d, 't11', ['测试局机关', 'total'], ['total'], 1);
    },
    expect: [
      ['error', 't11', 'B5'],
      ['error', 't11', 'B6'],
    ],
    silent: { why: 'no 合计 column', apply: (d) => dropColumn(d, 't11', 'total') },
  },
  {
    rule: 'W12.1',
    why: '表12 one project +1',
    break: (d) => chain(d, 't12', ['甲项目'], ['total', 'gpb'], 1),
    expect: [
      ['error', 't12', 'B6'],
      ['error', 't12', 'C6'],
    ],
    silent: {
      why: 'the unit lists no project under it',
      apply: (d) => {
        dropRow(d, 't12', '甲项目');
        dropRow(d, 't12', '乙项目');
      },
    },
  },
  {
    rule: 'W12.2',
    why: '表12 合计 column +1 from one project up (X15: 表3 left out)',
    break: (d) => {
      drop(d, 't3');
      chain(d, 't12', ['甲项目', '测试局机关', 'total'], ['total'], 1);
    },
    expect: [
      ['error', 't12', 'B5'],
      ['error', 't12', 'B6'],
      ['error', 't12', 'B7'],
    ],
    silent: { why: 'no 合计 column', apply: (d) => dropColumn(d, 't12', 'total') },
  },
  {
    rule: 'W13.1',
    why: '表13 its project +1',
    break: (d) => chain(d, 't13', ['戊结转项目'], ['total', 'gpb'], 1),
    expect: [
      ['error', 't13', 'B6'],
      ['error', 't13', 'C6'],
    ],
    silent: { why: 'the unit lists no project', apply: (d) => dropRow(d, 't13', '戊结转项目') },
  },
  {
    rule: 'W13.2',
    why: '表13 合计 column +1 (X15/X18: 表1, 表3, 表4 left out)',
    break: (d) => {
      drop(d, 't1', 't3', 't4');
      chain(d, 't13', ['戊结转项目', '测试局机关', 'total'], ['total'], 1);
    },
    expect: [
      ['error', 't13', 'B5'],
      ['error', 't13', 'B6'],
      ['error', 't13', 'B7'],
    ],
    silent: { why: 'no 合计 column', apply: (d) => dropColumn(d, 't13', 'total') },
  },
  // ── cross-table ──
  {
    rule: 'X1',
    why: '表1 合计/当年 moved from 210 to 208 (X2 would see it too: 表2 left out)',
    break: (d) => {
      drop(d, 't2');
      chain(d, 't1', ['cat:208'], ['total', 'current'], 5);
      chain(d, 't1', ['cat:210'], ['total', 'current'], -5);
    },
    expect: [
      ['error', 't1', 'D12'],
      ['error', 't1', 'D14'],
    ],
    silent: { why: '表3 absent', apply: (d) => drop(d, 't3') },
  },
  {
    rule: 'X2',
    why: '表1 当年 and 上年结转 swap 5 between 208 and 210 (X3 would see it: 表2 prints no 上年结转 column)',
    break: (d) => {
      dropColumn(d, 't2', 'carry');
      add(d, 't1', 'cat:208', 'current', 5);
      add(d, 't1', 'cat:208', 'carry', -5);
      add(d, 't1', 'cat:210', 'current', -5);
      add(d, 't1', 'cat:210', 'carry', 5);
    },
    expect: [
      ['error', 't1', 'E12'],
      ['error', 't1', 'E14'],
    ],
    silent: { why: '表2 absent', apply: (d) => drop(d, 't2') },
  },
  {
    rule: 'X3',
    why: '表1 合计/上年结转 moved from 210 to 208 (X1 would see it: 表3 left out)',
    break: (d) => {
      drop(d, 't3');
      chain(d, 't1', ['cat:208'], ['total', 'carry'], 5);
      chain(d, 't1', ['cat:210'], ['total', 'carry'], -5);
    },
    expect: [
      ['error', 't1', 'F12'],
      ['error', 't1', 'F14'],
    ],
    silent: { why: '表2 absent', apply: (d) => drop(d, 't2') },
  },
  {
    rule: 'X4',
    why: '表1 财政专户 +5, 单位资金 −5',
    break: (d) => {
      add(d, 't1', 'special', 'income', 5);
      add(d, 't1', 'unit', 'income', -5);
    },
    expect: [
      ['error', 't1', 'B8'],
      ['error', 't1', 'B9'],
    ],
    silent: { why: '表2 absent', apply: (d) => drop(d, 't2') },
  },
  {
    rule: 'X5',
    why: '表2 moves 5 from 2080199 to 2080101 (X7 would see it: 表5 left out)',
    break: (d) => {
      drop(d, 't5');
      chain(d, 't2', ['2080101'], ['total', 'gpb'], 5);
      chain(d, 't2', ['2080199'], ['total', 'gpb'], -5);
    },
    expect: [
      ['error', 't3', 'C8'],
      ['error', 't3', 'C9'],
    ],
    silent: { why: '表3 absent', apply: (d) => drop(d, 't3') },
  },
  {
    rule: 'X6',
    why: '表1 年终结转 5 in 支出总计 (W1.7: 收入总计 row left out)',
    break: (d) => {
      dropRow(d, 't1', 'income_grand');
      chain(d, 't1', ['carry_out', 'exp_grand'], ['total', 'current'], 5);
    },
    expect: [['error', 't3', 'C5']],
    silent: { why: '支出总计 not printed', apply: (d) => dropRow(d, 't1', 'exp_grand') },
  },
  {
    rule: 'X7',
    why: '表2 moves 5 of 一般公共预算 from 2080199 to 2080101 (X5 would see it: 表3 left out)',
    break: (d) => {
      drop(d, 't3');
      chain(d, 't2', ['2080101'], ['total', 'gpb'], 5);
      chain(d, 't2', ['2080199'], ['total', 'gpb'], -5);
    },
    expect: [
      ['error', 't5', 'C8'],
      ['error', 't5', 'C9'],
    ],
    silent: { why: '表5 absent', apply: (d) => drop(d, 't5') },
  },
  {
    rule: 'X8',
    why: '表1 一般公共预算 +5, 单位资金 −5 (X4: 表2 left out)',
    break: (d) => {
      drop(d, 't2');
      add(d, 't1', 'gpb', 'income', 5);
      add(d, 't1', 'unit', 'income', -5);
    },
    expect: [
      ['error', 't4', 'B5'],
      ['error', 't5', 'C5'],
    ],
    silent: { why: '表1 absent', apply: (d) => drop(d, 't1') },
  },
  {
    rule: 'X9',
    why: '表5 moves 5 from 项目 to 基本 along 2080199 (X10/X16: 表6, 表12 left out)',
    break: (d) => {
      drop(d, 't6', 't12');
      chain(d, 't5', ['2080199', '20801', '208', 'total'], ['basic'], 5);
      chain(d, 't5', ['2080199', '20801', '208', 'total'], ['project'], -5);
    },
    expect: [
      ['error', 't3', 'E6'],
      ['error', 't3', 'E7'],
      ['error', 't3', 'E9'],
      ['error', 't5', 'D6'],
      ['error', 't5', 'D7'],
      ['error', 't5', 'D9'],
    ],
    silent: { why: '表3 absent', apply: (d) => drop(d, 't3') },
  },
  {
    rule: 'X10',
    why: '表6 基本工资 +5 carried up to 合计',
    break: (d) => chain(d, 't6', ['基本工资', '工资福利支出', 'total'], ['total', 'personnel'], 5),
    expect: [['error', 't6', 'C5']],
    silent: { why: '表5 absent', apply: (d) => drop(d, 't5') },
  },
  {
    rule: 'X11',
    why: '表1 政府性基金 +5, 单位资金 −5 (X4: 表2 left out)',
    break: (d) => {
      drop(d, 't2');
      add(d, 't1', 'fund', 'income', 5);
      add(d, 't1', 'unit', 'income', -5);
    },
    expect: [['error', 't4', 'B6']],
    silent: { why: '表4 absent', apply: (d) => drop(d, 't4') },
  },
  {
    rule: 'X12',
    why: '表4 moves 5 (小计 and 一般公共预算) from 210 to 208',
    break: (d) => {
      chain(d, 't4', ['cat:208'], ['subtotal', 'gpb'], 5);
      chain(d, 't4', ['cat:210'], ['subtotal', 'gpb'], -5);
    },
    expect: [
      ['error', 't4', 'D12'],
      ['error', 't4', 'D14'],
      ['error', 't4', 'E12'],
      ['error', 't4', 'E14'],
    ],
    silent: { why: '表2 absent', apply: (d) => drop(d, 't2') },
  },
  {
    rule: 'X13',
    why: '表10 ②公务用车运行维护费 3 below 表6 4 (carried up 表10)',
    break: (d) => chain(d, 't10', ['vehicle_running', 'vehicle', 'grand'], ['total', 'gpb'], -1),
    expect: [['error', 't10', 'B9']],
    silent: { why: '表6 absent', apply: (d) => drop(d, 't6') },
  },
  {
    rule: 'X14',
    why: '表11 机关运行经费 16 above 表6 公用经费 15',
    break: (d) => chain(d, 't11', ['测试局机关', 'total'], ['total', 'gpb'], 1),
    expect: [['error', 't11', 'B5']],
    silent: { why: '表6 absent', apply: (d) => drop(d, 't6') },
  },
  {
    rule: 'X15',
    why: '表12 政府性基金 +1 on one project, carried up',
    break: (d) => chain(d, 't12', ['乙项目', '测试局机关', 'total'], ['total', 'fund'], 1),
    expect: [['error', 't3', 'E5']],
    silent: { why: '表12 absent', apply: (d) => drop(d, 't12') },
  },
  {
    rule: 'X16',
    why: '表12 moves 1 from 政府性基金 to 一般公共预算, carried up',
    break: (d) => {
      chain(d, 't12', ['乙项目', '测试局机关', 'total'], ['gpb'], 1);
      chain(d, 't12', ['乙项目', '测试局机关', 'total'], ['fund'], -1);
    },
    expect: [['error', 't5', 'E5']],
    silent: { why: '表5 absent', apply: (d) => drop(d, 't5') },
  },
  {
    rule: 'X17',
    why: '表12 moves 1 from 单位资金 to 财政专户: 专户 above 表2 (错误), 单位资金 below it (提示)',
    break: (d) => {
      chain(d, 't12', ['丙项目'], ['total', 'special'], 1);
      chain(d, 't12', ['丁项目'], ['total', 'unit'], -1);
      chain(d, 't12', ['测试执法队', 'total'], ['special'], 1);
      chain(d, 't12', ['测试执法队', 'total'], ['unit'], -1);
    },
    expect: [
      ['error', 't12', 'F5'],
      ['warning', 't12', 'G5'],
    ],
    silent: { why: '表2 absent', apply: (d) => drop(d, 't2') },
  },
  {
    rule: 'X18',
    why: '表13 +1 carried up (X15: 表3 left out)',
    break: (d) => {
      drop(d, 't3');
      chain(d, 't13', ['戊结转项目', '测试局机关', 'total'], ['total', 'gpb'], 1);
    },
    expect: [
      ['error', 't13', 'B5'],
      ['error', 't4', 'B36'],
    ],
    silent: { why: '表13 absent', apply: (d) => drop(d, 't13') },
  },
  {
    rule: 'X20',
    why: '表6 moves 5 from 基本工资 to 住房公积金 (表3 2210201 stays 30): a hint only',
    break: (d) => {
      chain(d, 't6', ['基本工资'], ['total', 'personnel'], -5);
      chain(d, 't6', ['住房公积金'], ['total', 'personnel'], 5);
    },
    expect: [['info', 't6', 'C10']],
    silent: { why: '表3 absent', apply: (d) => drop(d, 't3') },
  },
  // ── 科目编码与名称 ──
  {
    rule: 'CN1',
    arithmetic: false,
    why: '表5 names 2080101 “行政运行费”, 表2/表3 “行政运行”',
    break: (d) => rename(d, ['t5'], '2080101', '行政运行费'),
    expect: [['error', 't5', 'B8']],
    silent: { why: '表5 absent: the name is then the same everywhere', apply: (d) => drop(d, 't5') },
  },
  {
    rule: 'CN2',
    arithmetic: false,
    why: '20805 under its outdated name in every table',
    break: (d) => rename(d, ['t2', 't3', 't5'], '20805', '行政事业单位离退休'),
    expect: [['warning', 't2', 'B10']],
    silent: {
      why: 'a 科目表 that does not list the old name (CN3 speaks instead)',
      apply: () => undefined,
      codes: codesWith((l) => l.map((c) => (c.code === '20805' ? { ...c, outdated: [] } : c))),
    },
  },
  {
    rule: 'CN3',
    arithmetic: false,
    why: '2080101 named “行政运行费” in every table',
    break: (d) => rename(d, ['t2', 't3', 't5'], '2080101', '行政运行费'),
    expect: [['warning', 't2', 'B8']],
    silent: {
      why: 'a 科目表 without 2080101 (CN4 speaks instead)',
      apply: () => undefined,
      codes: codesWith((l) => l.filter((c) => c.code !== '2080101')),
    },
  },
  {
    rule: 'CN4',
    arithmetic: false,
    why: '2089999 printed as 2089998, a code the 科目表 does not know',
    break: (d) => recode(d, ['t2', 't3', 't8'], '2089999', '2089998'),
    expect: [['info', 't2', 'A13']],
    silent: {
      why: 'a 科目表 that knows 2089998',
      apply: () => undefined,
      codes: codesWith((l) => [...l, { code: '2089998', name: '其他社会保障和就业支出', outdated: [], seen: false }]),
    },
  },
  // ── 公式 ──
  {
    rule: 'FI1',
    arithmetic: false,
    why: '表3: every 合计 cell a formula but 20801, typed over',
    break: (d) => {
      t3Formulas(d);
      const r = rowOf(d, 't3', '20801');
      r.values.total = { ...r.values.total!, formula: undefined };
    },
    expect: [['warning', 't3', 'C7']],
    silent: {
      why: 'no formula in the table and not our template',
      apply: (d) => {
        for (const r of d.tables.t3!.rows) for (const a of Object.values(r.values)) if (a) delete a.formula;
      },
    },
  },
  {
    rule: 'FI2',
    arithmetic: false,
    why: '表3 208 合计 formula C7+C10 leaves out 20899 (C12)',
    break: (d) => {
      t3Formulas(d);
      setFormula(d, 't3', '208', 'total', 'C7+C10');
    },
    expect: [['warning', 't3', 'C6']],
    silent: { why: 'a formula that cannot be parsed', apply: (d) => setFormula(d, 't3', '208', 'total', 'SUM(') },
  },
  {
    rule: 'FI3',
    arithmetic: false,
    why: '表3 2080101 项目支出 shows #REF!',
    break: (d) => setRaw(d, 't3', '2080101', 'project', { error: '#REF!' }),
    expect: [['error', 't3', 'E8']],
    silent: {
      why: 'text that only looks like an error value',
      apply: (d) => setRaw(d, 't3', '2080101', 'project', '#REF'),
    },
  },
  {
    rule: 'FI4',
    arithmetic: false,
    why: '表3 2080101 合计 typed as the text “300”',
    break: (d) => setRaw(d, 't3', '2080101', 'total', '300', 300),
    expect: [['warning', 't3', 'C8']],
    silent: {
      why: 'a formula cell (its text is the formula’s result)',
      apply: (d) => setFormula(d, 't3', '2080101', 'total', 'D8+E8'),
    },
  },
];

const key = (f: Finding): Expect => [f.severity, f.table ?? '', f.cell ?? ''];
const sorted = (xs: Expect[]) => [...xs].map((x) => x.join(' ')).sort();

function run(d: Disclosure, codes?: CodeTable): Finding[] {
  return analyzeDisclosure(d, { codes }).findings;
}

describe('the clean disclosure', () => {
  it('holds every identity: no finding at all', () => {
    expect(run(cleanDisclosure())).toEqual([]);
  });
});

describe.each(CASES)('$rule', (c) => {
  it(`fires on: ${c.why}`, () => {
    const d = cleanDisclosure();
    c.break(d);
    const findings = run(d, c.codes);
    expect(sorted(findings.filter((f) => f.rule === c.rule).map(key))).toEqual(sorted(c.expect));
    expect(findings.filter((f) => f.severity === 'error' && f.rule !== c.rule).map((f) => f.message)).toEqual([]);
    for (const f of findings.filter((x) => x.rule === c.rule)) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.message).toContain(f.cell);
    }
  });

  it(`stays silent when ${c.silent.why}`, () => {
    const d = cleanDisclosure();
    c.break(d);
    c.silent.apply(d);
    const findings = run(d, c.silent.codes ?? c.codes);
    expect(sorted(findings.filter((f) => f.rule === c.rule).map(key))).toEqual(sorted(c.silent.still ?? []));
  });
});

describe.each(CASES.filter((c) => c.arithmetic !== false))('$rule within 尾差', (c) => {
  it(`the same break by 0.01 万元 at most is 尾差 at the same cells, and nothing is an error`, () => {
    const d = cleanDisclosure();
    scale = 0.002;
    try {
      c.break(d);
    } finally {
      scale = 1;
    }
    const findings = run(d, c.codes);
    const rounding = c.expect.map(([sev, t, cell]): Expect => [sev === 'info' ? 'info' : 'rounding', t, cell]);
    expect(sorted(findings.filter((f) => f.rule === c.rule).map(key))).toEqual(sorted(rounding));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

/** The other severities a rule may give, each shown once (the main case shows the first). */
const VARIANTS: Omit<Case, 'silent'>[] = [
  {
    rule: 'W3.1',
    why: '表3 类 221 printed with money but without its 款/项 rows: 提示 (X5/X7/X9: 表2, 表5 left out)',
    break: (d) => {
      drop(d, 't2', 't5');
      dropRow(d, 't3', '22102');
      dropRow(d, 't3', '2210201');
    },
    expect: [['warning', 't3', 'A17']],
  },
  {
    rule: 'W7',
    why: '表7 has money but says “本表无数据”',
    break: (d) => {
      d.tables.t7!.note = '注：本表无数据';
    },
    expect: [['warning', 't7', 'A2']],
  },
  {
    rule: 'X9',
    why: '表3 moves 5 from 项目 to 基本 along 2080199: 基本支出 from other funds is possible, 提示 (X15: 表12 left out)',
    break: (d) => {
      drop(d, 't12');
      chain(d, 't3', ['2080199', '20801', '208', 'total'], ['basic'], 5);
      chain(d, 't3', ['2080199', '20801', '208', 'total'], ['project'], -5);
    },
    expect: [
      ['warning', 't3', 'E6'],
      ['warning', 't3', 'E7'],
      ['warning', 't3', 'E9'],
      ['warning', 't5', 'D6'],
      ['warning', 't5', 'D7'],
      ['warning', 't5', 'D9'],
    ],
  },
  {
    rule: 'X11',
    why: '表4 上年财政拨款结转 15 above 表1 上年结转 10: impossible (X18/W4.5: 表13 and 表4 支出总计 left out)',
    break: (d) => {
      drop(d, 't13');
      dropRow(d, 't4', 'exp_grand');
      chain(d, 't4', ['carry_in', 'carry_gpb', 'income_grand'], ['income'], 5);
    },
    expect: [['error', 't4', 'B36']],
  },
  {
    rule: 'X11',
    why: '表4 上年财政拨款结转 5 below 表1 上年结转 10: the rest may be other funds, 提示',
    break: (d) => {
      drop(d, 't13');
      dropRow(d, 't4', 'exp_grand');
      chain(d, 't4', ['carry_in', 'carry_gpb', 'income_grand'], ['income'], -5);
    },
    expect: [['warning', 't4', 'B36']],
  },
  {
    rule: 'X12',
    why: '表4 208 five below 表2 本年 + 结转: part of 结转 may be other funds, 提示 (W4.5: 收入总计 left out)',
    break: (d) => {
      dropRow(d, 't4', 'income_grand');
      chain(d, 't4', ['cat:208', 'exp_total', 'exp_grand'], ['subtotal', 'gpb'], -5);
    },
    expect: [
      ['warning', 't4', 'D12'],
      ['warning', 't4', 'E12'],
    ],
  },
  {
    rule: 'X13',
    why: '表10 公务用车运行维护费 5 above 表6 4: project money, to be explained, 提示',
    break: (d) => chain(d, 't10', ['vehicle_running', 'vehicle', 'grand'], ['total', 'gpb'], 1),
    expect: [['warning', 't10', 'B9']],
  },
  {
    rule: 'X14',
    why: '表11 机关运行经费 14 below 表6 公用经费 15: a 事业单位 among the units, 信息',
    break: (d) => chain(d, 't11', ['测试局机关', 'total'], ['total', 'gpb'], -1),
    expect: [['info', 't11', 'B5']],
  },
  {
    rule: 'X18',
    why: '表13 one below 表1 上年结转: may be other funds (提示), but 表4 财政拨款结转 must equal it (错误)',
    break: (d) => {
      drop(d, 't3');
      chain(d, 't13', ['戊结转项目', '测试局机关', 'total'], ['total', 'gpb'], -1);
    },
    expect: [
      ['warning', 't13', 'B5'],
      ['error', 't4', 'B36'],
    ],
  },
];

describe.each(VARIANTS)('$rule severity', (c) => {
  it(`${c.why}`, () => {
    const d = cleanDisclosure();
    c.break(d);
    const findings = run(d, c.codes);
    expect(sorted(findings.filter((f) => f.rule === c.rule).map(key))).toEqual(sorted(c.expect));
    expect(findings.filter((f) => f.severity === 'error' && f.rule !== c.rule).map((f) => f.message)).toEqual([]);
  });
});
