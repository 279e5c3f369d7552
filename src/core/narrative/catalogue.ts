import type { ParagraphNo } from './generate';
import type { TermKey } from './vocabulary';

/**
 * The plain figure checks of the 情况说明 as data, read by one evaluator (`evaluate.ts`), as
 * `src/core/rules/crossCatalogue.ts` does for the cross-table identities. One entry: in this
 * paragraph, the figure written for this item must equal this table figure; its share is of
 * that figure; its change is against that input of last year. What stays code is what is
 * procedural (lists of items, counts, sub-explanations that must add up): `procedures.ts`.
 *
 * Severity: a printed figure that contradicts its table figure beyond 尾差 is `beyond`
 * (错误: the document as published is wrong); within 尾差 it is 尾差. See docs/rules.md.
 */

/** A figure of the tables (`facts.ts`) or of the inputs (what no table holds). */
export type FactKey =
  | 't1.incomeGrand'
  | 't1.incomeTotal'
  | 't1.carryIn'
  | 't1.gpb'
  | 't1.fund'
  | 't1.soe'
  | 't1.special'
  | 't1.unit'
  | 't1.fiscal'
  | 't1.expGrand'
  | 't1.expCurrent'
  | 't1.expCarry'
  | 't3.total'
  | 't3.basic'
  | 't3.project'
  | 't4.incomeGrand'
  | 't4.incomeTotal'
  | 't4.carryIn'
  | 't4.gpb'
  | 't4.fund'
  | 't4.soe'
  | 't4.gpbCurrent'
  | 't4.fundCurrent'
  | 't4.soeCurrent'
  | 't5.total'
  | 't6.total'
  | 't6.personnel'
  | 't6.public'
  | 't10.total'
  | 't10.abroad'
  | 't10.reception'
  | 't10.vehicle'
  | 't10.vehicleRunning'
  | 't10.vehiclePurchase'
  | 't11.total'
  | 'in.procurement.total'
  | 'in.procurement.goods'
  | 'in.procurement.works'
  | 'in.procurement.services';

/** Last year's figure, from the inputs (`NarrativeInputs`). */
export type LastYearKey =
  | 'incomeTotal'
  | 'expenditureTotal'
  | 'gpbCurrent'
  | 'adminCost'
  | 'threePublic.total'
  | 'threePublic.abroad'
  | 'threePublic.reception'
  | 'threePublic.vehicle'
  | 'threePublic.vehicleRunning'
  | 'threePublic.vehiclePurchase';

export type Scope = 'income' | 'expenditure';

export interface FigureCheck {
  rule: string;
  paragraph: ParagraphNo;
  term: TermKey;
  /** Only mentions in this part of the paragraph (一: `上年结转` of income vs of expenditure). */
  scope?: Scope;
  fact: FactKey;
  /** The table figure in words, for the message (`表1 收入总计`). */
  source: string;
  /** The item's share is this figure's share of `of`; `what` names it in the message. */
  share?: { of: FactKey; what: string };
  /**
   * The item's change against last year: checked against 本年 − 上年 only when last year's figure
   * is known (inputs, or printed as last year's amount in the same clause); its rate against
   * Δ / (本年 − Δ) whenever both are printed.
   */
  change?: { rule: string; lastYear: LastYearKey };
  /**
   * Whether a text must state it: `always` (the paragraph's headline figure), `nonZero` (when the
   * table figure is not 0), `optional`. A stated-but-unplaced or missing expected figure gives the
   * paragraph's one 信息 line (N0u), or `absent` when the item is not named at all.
   */
  expect: 'always' | 'nonZero' | 'optional';
  /** Not named at all although the table figure is not 0: an incomplete text (提示 under `rule`). */
  absent?: 'warning';
  /** Named through a broader item instead (`财政拨款收入` covers 一般公共预算/基金/国资). */
  coveredBy?: TermKey[];
  /**
   * Another figure the same words may mean, accepted as well: 四's `一般公共预算拨款X万元` is the
   * source with its carry-over in some counties and without it in others (when the sentence goes on
   * `、上年财政拨款结转Y万元`). The written figure is compared with whichever reading is closer.
   */
  alt?: { fact: FactKey; source: string };
  /** Severity beyond 尾差. */
  beyond: 'error';
}

const c = (x: Omit<FigureCheck, 'beyond' | 'expect'> & Partial<Pick<FigureCheck, 'expect'>>): FigureCheck => ({
  expect: 'optional',
  beyond: 'error',
  ...x,
});

export const FIGURE_CHECKS: readonly FigureCheck[] = [
  // 一 收支总体: 表1 totals and their halves; change against last year's totals.
  c({
    rule: 'N1',
    paragraph: '一',
    term: 'incomeGrand',
    fact: 't1.incomeGrand',
    source: '表1 收入总计',
    change: { rule: 'N1p', lastYear: 'incomeTotal' },
    expect: 'always',
  }),
  c({ rule: 'N1', paragraph: '一', term: 'incomeCurrent', fact: 't1.incomeTotal', source: '表1 本年收入合计' }),
  c({
    rule: 'N1',
    paragraph: '一',
    term: 'carry',
    scope: 'income',
    fact: 't1.carryIn',
    source: '表1 上年结转',
    expect: 'nonZero',
  }),
  c({
    rule: 'N1',
    paragraph: '一',
    term: 'expGrand',
    fact: 't1.expGrand',
    source: '表1 支出总计',
    change: { rule: 'N1p', lastYear: 'expenditureTotal' },
    expect: 'always',
  }),
  c({ rule: 'N1', paragraph: '一', term: 'expCurrent', fact: 't1.expCurrent', source: '表1 支出总计（当年预算安排）' }),
  c({
    rule: 'N1',
    paragraph: '一',
    term: 'carry',
    scope: 'expenditure',
    fact: 't1.expCarry',
    source: '表1 支出总计（上年结转安排）',
    expect: 'nonZero',
  }),

  // 二 收入预算: 表1 income sources, each with its share of 收入总计.
  c({
    rule: 'N2',
    paragraph: '二',
    term: 'incomeGrand',
    fact: 't1.incomeGrand',
    source: '表1 收入总计',
    expect: 'always',
    coveredBy: ['incomeCurrent'],
  }),
  // `本年收入预算1,184.32万元` names the year's income (表1 本年收入合计).
  c({ rule: 'N2', paragraph: '二', term: 'incomeCurrent', fact: 't1.incomeTotal', source: '表1 本年收入合计' }),
  ...(
    [
      ['gpb', 't1.gpb', '一般公共预算', ['fiscal']],
      ['fund', 't1.fund', '政府性基金预算', ['fiscal']],
      ['soe', 't1.soe', '国有资本经营预算', ['fiscal']],
      ['special', 't1.special', '财政专户管理资金', []],
      ['unitFunds', 't1.unit', '单位资金', []],
      ['carry', 't1.carryIn', '上年结转', []],
    ] as const
  ).map(([term, fact, name, coveredBy]) =>
    c({
      rule: 'N2',
      paragraph: '二',
      term,
      fact,
      source: `表1 ${name}`,
      share: { of: 't1.incomeGrand', what: `${name}占收入总计的比重` },
      expect: 'nonZero',
      absent: 'warning',
      coveredBy: [...coveredBy],
    }),
  ),
  c({
    rule: 'N2',
    paragraph: '二',
    term: 'fiscal',
    fact: 't1.fiscal',
    source: '表1 财政拨款（一般公共预算、政府性基金预算、国有资本经营预算）',
    share: { of: 't1.incomeGrand', what: '财政拨款占收入总计的比重' },
  }),

  // 三 支出预算: 表3 合计 row, 基本/项目 with their shares.
  // `本年支出1,184.32万元` in 三 is the whole of 表3 (表3 has no carry-over column).
  ...(['expGrand', 'expCurrent'] as const).map((term) =>
    c({
      rule: 'N3',
      paragraph: '三',
      term,
      fact: 't3.total',
      source: '表3 合计',
      expect: term === 'expGrand' ? 'always' : 'optional',
      coveredBy: term === 'expGrand' ? ['expCurrent'] : [],
    }),
  ),
  c({
    rule: 'N3',
    paragraph: '三',
    term: 'basic',
    fact: 't3.basic',
    source: '表3 合计行基本支出',
    share: { of: 't3.total', what: '基本支出占比' },
    expect: 'nonZero',
  }),
  c({
    rule: 'N3',
    paragraph: '三',
    term: 'project',
    fact: 't3.project',
    source: '表3 合计行项目支出',
    share: { of: 't3.total', what: '项目支出占比' },
    expect: 'nonZero',
  }),

  // 四 财政拨款收支: 表4; each source including its carry-over.
  // `财政拨款收支总预算`, `财政拨款收入`, or `收入总计…支出总计` (表4 收入总计 = 支出总计).
  ...(['fiscalGrand', 'fiscal', 'incomeGrand', 'expGrand'] as const).map((term) =>
    c({
      rule: 'N4',
      paragraph: '四',
      term,
      fact: 't4.incomeGrand',
      source: '表4 收入总计',
      expect: term === 'fiscalGrand' ? 'always' : 'optional',
      coveredBy: term === 'fiscalGrand' ? ['fiscal', 'incomeGrand', 'expGrand'] : [],
    }),
  ),
  ...(
    [
      ['gpb', 't4.gpb', '表4 一般公共预算（含上年结转）', 't4.gpbCurrent', '表4 一般公共预算（本年收入）'],
      ['fund', 't4.fund', '表4 政府性基金预算（含上年结转）', 't4.fundCurrent', '表4 政府性基金预算（本年收入）'],
      ['soe', 't4.soe', '表4 国有资本经营预算（含上年结转）', 't4.soeCurrent', '表4 国有资本经营预算（本年收入）'],
    ] as const
  ).map(([term, fact, source, altFact, altSource]) =>
    c({
      rule: 'N4',
      paragraph: '四',
      term,
      fact,
      source,
      alt: { fact: altFact, source: altSource },
      share: { of: 't4.incomeGrand', what: `${source.replace(/^表4 |（含上年结转）$/g, '')}占财政拨款总预算的比重` },
      expect: 'nonZero',
    }),
  ),
  c({ rule: 'N4', paragraph: '四', term: 'incomeCurrent', fact: 't4.incomeTotal', source: '表4 本年收入合计' }),
  c({
    rule: 'N4',
    paragraph: '四',
    term: 'carry',
    fact: 't4.carryIn',
    source: '表4 上年财政拨款结转',
    expect: 'nonZero',
  }),

  // 五 一般公共预算支出: 表5 合计 (stated in both sub-paragraphs), change against last year.
  ...(['gpbExp', 'gpb'] as const).map((term) =>
    c({
      rule: 'N5',
      paragraph: '五',
      term,
      fact: 't5.total',
      source: '表5 合计',
      change: { rule: 'N5', lastYear: 'gpbCurrent' },
      expect: term === 'gpbExp' ? 'always' : 'optional',
      coveredBy: term === 'gpbExp' ? ['gpb'] : [],
    }),
  ),

  // 六 基本支出: 表6 合计 row (derived from the classes when blank).
  c({ rule: 'N6', paragraph: '六', term: 'basic', fact: 't6.total', source: '表6 合计', expect: 'always' }),
  c({
    rule: 'N6',
    paragraph: '六',
    term: 'personnel',
    fact: 't6.personnel',
    source: '表6 合计行人员经费',
    share: { of: 't6.total', what: '人员经费占比' },
    expect: 'nonZero',
  }),
  c({
    rule: 'N6',
    paragraph: '六',
    term: 'public',
    fact: 't6.public',
    source: '表6 合计行公用经费',
    share: { of: 't6.total', what: '公用经费占比' },
    expect: 'nonZero',
  }),

  // 七 三公: 表10 total and parts, each against its own last year.
  c({
    rule: 'N7',
    paragraph: '七',
    term: 'tpTotal',
    fact: 't10.total',
    source: '表10 合计',
    change: { rule: 'N7', lastYear: 'threePublic.total' },
    expect: 'always',
  }),
  ...(
    [
      ['tpAbroad', 't10.abroad', '表10 因公出国（境）费', 'threePublic.abroad'],
      ['tpReception', 't10.reception', '表10 公务接待费', 'threePublic.reception'],
      ['tpVehicle', 't10.vehicle', '表10 公务用车购置及运行费', 'threePublic.vehicle'],
      ['tpVehicleRunning', 't10.vehicleRunning', '表10 ②公务用车运行维护费', 'threePublic.vehicleRunning'],
      ['tpVehiclePurchase', 't10.vehiclePurchase', '表10 ①公务用车购置费', 'threePublic.vehiclePurchase'],
    ] as const
  ).map(([term, fact, source, lastYear]) =>
    c({
      rule: 'N7',
      paragraph: '七',
      term,
      fact,
      source,
      change: { rule: 'N7', lastYear },
      expect: term === 'tpVehicle' ? 'optional' : 'nonZero',
    }),
  ),

  // 八 机关运行经费: 表11 部门合计 (`无机关运行经费` is procedural).
  c({
    rule: 'N8',
    paragraph: '八',
    term: 'adminCost',
    fact: 't11.total',
    source: '表11 部门合计',
    change: { rule: 'N8', lastYear: 'adminCost' },
    expect: 'always',
  }),

  // 九 政府采购: no table holds it; against the inputs when given (the sum is procedural).
  c({
    rule: 'N9',
    paragraph: '九',
    term: 'procTotal',
    fact: 'in.procurement.total',
    source: '填报的政府采购预算总额',
    expect: 'always',
  }),
  c({ rule: 'N9', paragraph: '九', term: 'procGoods', fact: 'in.procurement.goods', source: '填报的政府采购货物预算' }),
  c({ rule: 'N9', paragraph: '九', term: 'procWorks', fact: 'in.procurement.works', source: '填报的政府采购工程预算' }),
  c({
    rule: 'N9',
    paragraph: '九',
    term: 'procServices',
    fact: 'in.procurement.services',
    source: '填报的政府采购服务预算',
  }),
];

/**
 * The paragraphs with two parts that name the same item (一: `上年结转` of the income half and of
 * the expenditure half): the item that opens each part.
 */
export const PARAGRAPH_SCOPES: Partial<
  Record<ParagraphNo, { initial: Scope; openedBy: Partial<Record<TermKey, Scope>> }>
> = {
  一: {
    initial: 'income',
    openedBy: { incomeGrand: 'income', incomeCurrent: 'income', expGrand: 'expenditure', expCurrent: 'expenditure' },
  },
};

/**
 * Lists of table rows a paragraph restates by name (表4 categories in 四, 表5 类 in 五(二)): each
 * row named is an item of the catalogue; its name comes from the table, and the names of the 30
 * 功能分类 类 (reference data) tell a category the table does not have.
 */
export interface RowListCheck {
  rule: string;
  paragraph: ParagraphNo;
  rows: 't4.categories' | 't5.lei';
  source: string;
  share?: { of: FactKey };
  /** A non-zero row the text leaves out: an incomplete list (提示). */
  omitted: 'warning';
  /** A row named with a non-zero amount that the table does not have: a contradiction. */
  foreign: 'error';
}

export const ROW_LIST_CHECKS: readonly RowListCheck[] = [
  {
    rule: 'N4',
    paragraph: '四',
    rows: 't4.categories',
    source: '表4 支出功能分类',
    omitted: 'warning',
    foreign: 'error',
  },
  {
    rule: 'N5',
    paragraph: '五',
    rows: 't5.lei',
    source: '表5 类级科目',
    share: { of: 't5.total' },
    omitted: 'warning',
    foreign: 'error',
  },
];
