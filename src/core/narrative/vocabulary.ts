import type { ParagraphNo } from './generate';

/**
 * The words a 情况说明 uses for the figures it restates, as data. Counties word the same facts
 * differently (`预算收入总计` / `收入预算总额为` / `收入预算合计`); adding a region's wording is
 * adding a name here, never a regular expression in the checker. Names are compared by the
 * engine's one same-name rule (src/core/text/sameName.ts): full-width/half-width punctuation,
 * quotation marks and spaces do not matter (`“三公”经费` ≡ `三公经费`, `（境）` ≡ `(境)`).
 *
 * A name is read where it stands; when two names start at the same place the longer wins
 * (`一般公共预算当年支出` before `一般公共预算`), so a longer phrase naming something else must be
 * listed too, even when nothing checks it, so that its shorter part is not misread.
 */
export type TermKey =
  // 收入 (表1 / 表4)
  | 'incomeGrand'
  | 'incomeCurrent'
  | 'carry'
  | 'fiscal'
  | 'fiscalGrand'
  | 'gpb'
  | 'fund'
  | 'soe'
  | 'special'
  | 'unitFunds'
  // 支出
  | 'expGrand'
  | 'expCurrent'
  | 'gpbExp'
  | 'basic'
  | 'project'
  | 'personnel'
  | 'public'
  // 三公, 机关运行经费
  | 'tpTotal'
  | 'tpAbroad'
  | 'tpReception'
  | 'tpVehicle'
  | 'tpVehicleRunning'
  | 'tpVehiclePurchase'
  | 'adminCost'
  // 政府采购
  | 'procTotal'
  | 'procGoods'
  | 'procWorks'
  | 'procServices'
  // 绩效
  | 'overall'
  | 'projects'
  | 'published'
  | 'opsProjects'
  | 'specialProjects'
  // 资产
  | 'vehicleQuota'
  | 'vehiclesActual';

export interface TermDef {
  key: TermKey;
  names: readonly string[];
  /** Paragraphs where these names are read (short, common words); default: every paragraph. */
  only?: readonly ParagraphNo[];
}

export const TERMS: readonly TermDef[] = [
  {
    key: 'incomeGrand',
    names: [
      '收入总计',
      '预算收入总计',
      '收入预算总计',
      '本年收入总计',
      '本年预算收入总计',
      '本年收入预算合计',
      '本年收入预算总额',
      '本年收入预算总计',
      '收入预算总额',
      '预算收入总额',
      '收入总额',
      '收入预算合计',
      '预算收入合计',
      '收入总预算',
      '总收入',
      '预算总收入',
      '预算收入',
      '收入预算',
    ],
  },
  {
    key: 'incomeCurrent',
    names: [
      '本年收入',
      '本年收入合计',
      '本年度收入',
      '当年收入',
      '本年预算收入',
      '当年预算收入',
      '当年拨款收入',
      '本年拨款收入',
      '当年财政拨款收入',
      '本年财政拨款收入',
      '当年拨款',
    ],
  },
  {
    key: 'carry',
    names: [
      '上年结转',
      '上年结转收入',
      '上年结转结余',
      '上年结余结转',
      '上年结转资金',
      '上年结余',
      '结转结余',
      '上年财政拨款结转',
      '上年结转安排',
    ],
  },
  { key: 'fiscal', names: ['财政拨款收入', '财政拨款', '财政拨款资金'] },
  {
    key: 'fiscalGrand',
    names: [
      '财政拨款收支总预算',
      '财政拨款收支预算总额',
      '财政拨款收支总体预算',
      '财政拨款收支预算',
      '财政拨款总预算',
      '财政拨款预算总额',
      '财政拨款收入总计',
      '财政拨款预算',
      '财政拨款收支总计',
    ],
  },
  {
    key: 'gpb',
    names: [
      '一般公共预算拨款收入',
      '一般公共预算拨款',
      '一般公共预算收入',
      '一般公共预算财政拨款',
      '一般公共预算资金',
      '一般公共预算',
    ],
  },
  {
    key: 'fund',
    names: [
      '政府性基金预算拨款收入',
      '政府性基金预算拨款',
      '政府性基金预算收入',
      '政府性基金预算',
      '政府性基金收入',
      '政府性基金',
    ],
  },
  {
    key: 'soe',
    names: [
      '国有资本经营预算拨款收入',
      '国有资本经营预算拨款',
      '国有资本经营预算收入',
      '国有资本经营预算',
      '国有资本经营收入',
      '国有资本经营',
    ],
  },
  { key: 'special', names: ['财政专户管理资金收入', '财政专户管理资金', '财政专户资金'] },
  { key: 'unitFunds', names: ['单位资金', '单位资金收入'] },
  {
    key: 'expGrand',
    names: [
      '支出总计',
      '预算支出总计',
      '支出预算总计',
      '本年支出总计',
      '本年预算支出总计',
      '本年支出预算合计',
      '本年支出预算总额',
      '本年支出预算总计',
      '支出预算总额',
      '预算支出总额',
      '支出总额',
      '支出预算合计',
      '预算支出合计',
      '支出总预算',
      '总支出',
      '支出预算',
      '预算支出',
    ],
  },
  // The bare totals some counties write (`收入合计…万元，支出合计…万元`): the whole of 表1 in 一, of
  // 表3 in 三; elsewhere too vague to read. `本年收入合计`/`本年支出合计` stay 本年 (longer names win).
  { key: 'incomeGrand', names: ['收入合计'], only: ['一', '二'] },
  { key: 'expGrand', names: ['支出合计'], only: ['一', '三'] },
  {
    key: 'expCurrent',
    names: ['本年预算安排', '当年预算安排', '本年支出', '本年支出合计', '本年预算支出', '当年预算支出'],
  },
  {
    key: 'gpbExp',
    names: [
      '一般公共预算当年支出',
      '一般公共预算支出',
      '一般公共预算当年拨款',
      '一般公共预算当年拨款支出',
      '一般公共预算拨款支出',
      '一般公共预算财政拨款支出',
      '一般公共预算支出预算',
      '一般公共预算安排的支出',
    ],
  },
  { key: 'basic', names: ['基本支出', '基本支出预算', '一般公共预算基本支出'] },
  { key: 'project', names: ['项目支出', '项目支出预算'] },
  { key: 'personnel', names: ['人员经费', '人员经费支出', '人员支出'] },
  { key: 'public', names: ['公用经费', '公用经费支出', '公用支出'] },
  {
    key: 'tpTotal',
    names: [
      '三公经费',
      '三公经费预算',
      '三公经费支出',
      '三公经费支出预算',
      '三公经费财政拨款预算',
      '三公经费预算数',
      '三公经费预算总额',
      '三公经费合计',
    ],
  },
  {
    key: 'tpAbroad',
    names: [
      '因公出国（境）费',
      '因公出国（境）费用',
      '因公出国（境）经费',
      '因公出国境费',
      '因公出国费',
      '出国（境）费',
      '出国（境）费用',
    ],
  },
  { key: 'tpReception', names: ['公务接待费', '公务接待费用', '公务接待经费', '接待费'] },
  {
    key: 'tpVehicle',
    names: [
      '公务用车购置及运行费',
      '公务用车购置及运行维护费',
      '公务用车购置和运行费',
      '公务用车购置和运行维护费',
      '公务用车购置及运维费',
      '公务用车费用',
    ],
  },
  {
    key: 'tpVehicleRunning',
    names: ['公务用车运行维护费', '公务用车运行费', '公务用车运维费', '公车运行维护费', '车辆运行维护费'],
  },
  { key: 'tpVehiclePurchase', names: ['公务用车购置费', '公务用车购置经费', '公车购置费', '车辆购置费'] },
  { key: 'adminCost', names: ['机关运行经费', '机关运行经费财政拨款预算', '机关运行经费预算', '机关运行费'] },
  {
    key: 'procTotal',
    names: [
      '政府采购预算总额',
      '政府采购预算合计',
      '政府采购预算',
      '政府采购总额',
      '政府采购资金',
      '采购预算总额',
      '政府采购',
    ],
    only: ['九'],
  },
  {
    key: 'procGoods',
    names: ['政府采购货物预算', '货物采购预算', '货物类采购预算', '货物类', '货物采购', '货物'],
    only: ['九'],
  },
  {
    key: 'procWorks',
    names: ['政府采购工程预算', '工程采购预算', '工程类采购预算', '工程类', '工程采购', '工程'],
    only: ['九'],
  },
  {
    key: 'procServices',
    names: ['政府采购服务预算', '服务采购预算', '服务类采购预算', '服务类', '服务采购', '服务'],
    only: ['九'],
  },
  {
    key: 'overall',
    names: ['整体绩效目标', '整体支出绩效目标', '部门整体支出绩效目标', '单位整体支出绩效目标', '整体目标表'],
    only: ['十'],
  },
  {
    key: 'projects',
    names: [
      '纳入绩效目标管理的二级项目',
      '纳入绩效目标管理的项目',
      '纳入绩效管理的项目',
      '二级项目',
      '2级项目',
      '项目',
    ],
    only: ['十'],
  },
  {
    key: 'published',
    names: [
      '公开项目绩效目标',
      '公开的项目绩效目标',
      '公开项目支出绩效目标',
      '公开项目绩效目标表',
      '项目支出绩效目标表',
      '项目绩效目标表',
      '绩效目标表',
      '附表',
      '公开',
    ],
    only: ['十'],
  },
  { key: 'opsProjects', names: ['其他运转类项目', '其他运转类'], only: ['十'] },
  { key: 'specialProjects', names: ['特定目标类项目', '特定目标类'], only: ['十'] },
  { key: 'vehicleQuota', names: ['公务用车编制', '编制'], only: ['十一'] },
  {
    key: 'vehiclesActual',
    names: ['实有', '实有车辆', '实有公务用车', '现有公务用车', '共有车辆', '现有车辆', '公务用车保有量'],
    only: ['十一'],
  },
];

/**
 * Phrases that contain a name above but name nothing the checker reads: they are passed over
 * so their inner word (`项目` in `涉及项目金额`) does not take the figure that follows.
 */
export const PASS_OVER: readonly TermDef[] = [
  { key: 'projects', names: ['涉及项目金额', '项目金额', '涉及金额', '项目资金'], only: ['十'] },
];

/**
 * What makes a figure a change, not an amount: a word right before it. `比上年减少83.12万元`:
 * 83.12 is the change; `下降6.56%`: the rate of that change.
 */
export const CHANGE_WORDS = {
  up: ['增加', '增长', '上升', '提高', '调增', '增幅', '增长率', '上涨'],
  down: ['减少', '下降', '降低', '压减', '缩减', '调减', '降幅', '减幅', '下降率', '减少率', '节约'],
  /** Sign given by the figure itself. */
  signed: ['增减额', '增减率', '增减幅度', '变动率', '变化率', '变动额', '变化额', '增减'],
  /** One-character verbs, a change only in a clause that compares (`比上年少2万元`). */
  shortUp: ['增', '多'],
  shortDown: ['减', '降', '少'],
  /** Between the verb and the figure: `增长了`, `下降幅度为`. */
  fillers: ['了', '为', '约', '达', '幅度为', '幅度', '比例为', '比例', '率为', '额为', '额'],
} as const;

/** A clause that compares with last year (`比上年`, `较2023年`, `与上年相比`, `同比`). */
export const COMPARE_WORDS = {
  lead: ['比', '较', '与', '和', '同'],
  lastYear: ['上年', '上年度', '去年', '上一年', '上一年度'],
  /** `与上年相比`, `同比` stand alone. */
  standalone: ['同比', '相比', '相较'],
  /** `与上年预算数相同`: a change of 0. */
  same: ['相同', '持平', '一致', '无变化', '不变', '未变化', '没有变化', '基本持平'],
} as const;

/** `上年结转` names this year's carry-over, not last year's figure. */
export const NOT_LAST_YEAR = ['结转', '结余'];

/** A percentage after these is a share (`占86.41%`, `占比86.41%`, `占收入总计的100%`). */
export const SHARE_WORDS = ['占', '占比', '比重', '比例', '所占', '份额'];

/** `基本支出、项目支出分别为986.77万元、197.55万元`. */
export const RESPECTIVELY = ['分别为', '分别是', '分别占', '分别'];

/** Words joining names of one `分别` list. */
export const LIST_JOINERS = ['、', '和', '及', '与', '以及', ','];

/** `1,184.32万元` in words that are filler between a name and its figure (never a reason to stop). */
export const CLAUSE_ENDS = ['，', ',', '；', ';', '。', '：', ':', '\n'];
export const SENTENCE_ENDS = ['；', ';', '。', '\n'];

/** Introductions of the item lists of 六 (`人员经费…，主要包括：基本工资、…`). */
export const LIST_INTROS = ['主要包括', '具体包括', '主要有', '包括'];

/** 八: a text saying there is no 机关运行经费 (a 事业单位). */
export const NO_ADMIN_COST = ['无机关运行经费', '没有机关运行经费', '不涉及机关运行经费', '未安排机关运行经费'];

/** 十: the 整体绩效目标表 promised as an attachment. */
export const OVERALL_FORM_PROMISE = {
  form: ['整体目标表', '整体绩效目标表', '整体支出绩效目标表', '整体目标申报表', '整体支出绩效目标申报表'],
  attached: ['见附件', '详见附件', '见附表', '详见附表'],
};

/**
 * Words a paragraph's title must contain, in this order. A numbered line (`一、…`) is only a
 * paragraph heading when its title fits, so `一、` inside a reason or a forwarded document is not.
 */
export const TITLE_WORDS: Readonly<Record<ParagraphNo, readonly string[]>> = {
  一: ['收支', '变动'],
  二: ['收入预算'],
  三: ['支出预算'],
  四: ['财政拨款收支'],
  五: ['一般公共预算支出'],
  六: ['基本支出'],
  七: ['三公'],
  八: ['机关运行经费'],
  九: ['政府采购'],
  十: ['绩效'],
  十一: ['国有资产'],
  十二: ['其他说明'],
};

/** Paragraph titles end in one of these; table titles (`…收支总表`) do not. */
export const TITLE_ENDS = ['原因', '说明', '情况'];
