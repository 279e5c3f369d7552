/**
 * Wording of the generated 第三部分 情况说明 — the one place to change it. Taken from the
 * seeds' standard text (000 大同人社局, 003 大同就业创业服务中心). `{slot}` is filled by
 * `fill`; `{level}` is 单位 or 部门. Amounts arrive already formatted (`1,184.32`, `0`).
 */
export const HEADING = '第三部分 {Y}年度{level}预算情况说明';

export const TITLES: Record<string, string> = {
  一: '{level}预算收支数据变动情况及原因',
  二: '收入预算情况说明',
  三: '支出预算情况说明',
  四: '财政拨款收支预算总体情况说明',
  五: '一般公共预算支出情况说明',
  六: '一般公共预算基本支出情况说明',
  七: '“三公”经费增减变动原因说明',
  八: '机关运行经费增减变动原因说明',
  九: '政府采购情况',
  十: '绩效管理情况',
  十一: '国有资产占有使用情况',
  十二: '其他说明',
};

export const T = {
  // 一
  income:
    '{Y}年度{subject}预算收入总计{incomeGrand}万元，其中：本年收入{incomeTotal}万元，上年结转{carryIn}万元{change}{reason}',
  expenditure:
    '本年{level}预算支出总计{expGrand}万元，其中：本年预算安排{expCurrent}万元，上年结转{expCarry}万元{change}{reason}',
  changeUp: '，比上年增加{abs}万元，增长{rate}%',
  changeDown: '，比上年减少{abs}万元，下降{rate}%',
  changeSame: '，与上年持平',
  /** Last year was 0: a rate would divide by zero, so only the amount is stated. */
  changeFromZero: '，比上年增加{abs}万元',
  reason: '，主要原因是{reason}',
  // 二
  incomeShares: '{Y}年度{subject}预算收入{incomeGrand}万元，主要包括{list}。',
  incomeShare: '{label}{amount}万元，占{share}%',
  incomeLabels: [
    '一般公共预算拨款收入',
    '政府性基金预算拨款收入',
    '国有资本经营预算拨款收入',
    '财政专户管理资金收入',
    '单位资金',
    '上年结转',
  ],
  // 三
  expenditureShares:
    '{Y}年度{subject}支出预算{total}万元，其中：基本支出{basic}万元，占{basicShare}%；项目支出{project}万元，占{projectShare}%。',
  // 四
  fiscal:
    '{Y}年度{subject}财政拨款收支总预算{grand}万元。其中：一般公共预算拨款{gpb}万元，政府性基金预算拨款{fund}万元，国有资本经营预算拨款{soe}万元。其中：当年拨款收入{current}万元，上年结转收入{carry}万元。',
  fiscalCategories: '支出包括：{list}等。',
  categoryItem: '{name}{amount}万元',
  // 五
  gpbScaleTitle: '（一）一般公共预算当年支出规模变化情况',
  gpbScale: '{Y}年度{subject}一般公共预算当年支出{total}万元{change}。',
  gpbStructureTitle: '（二）一般公共预算当年支出结构情况',
  gpbStructure: '{Y}年度{subject}一般公共预算当年支出{total}万元，主要用于以下方面：{list}等。',
  gpbStructureItem: '{name}{amount}万元，占{share}%',
  gpbChart: '一般公共预算当年拨款结构图',
  // 六
  basic: '{Y}年度{subject}一般公共预算安排基本支出{total}万元，其中：',
  personnel: '人员经费{amount}万元{items}；',
  public: '公用经费{amount}万元{items}。',
  itemList: '，主要包括：{list}等',
  // 七
  threePublic: '{Y}年{subject}财政拨款安排的“三公”经费预算{total}万元{change}。其中：{parts}。',
  threePublicSame: '与{LY}年预算数相同',
  threePublicUp: '，比{LY}年增加{abs}万元',
  threePublicDown: '，比{LY}年减少{abs}万元',
  partSame: '与上年预算数相同',
  partUp: '与上年相比预算数增加{abs}万元',
  partDown: '与上年相比预算数减少{abs}万元',
  part: '{label}{amount}万元{change}',
  threePublicLabels: {
    abroad: '因公出国（境）费',
    reception: '公务接待费',
    vehicle: '公务用车购置及运行费',
    vehicleRunning: '公务用车运行维护费',
    vehiclePurchase: '公务用车购置费',
  },
  // 八
  noAdminCost: '本{level}无机关运行经费。',
  adminUnits: '{Y}年所属{units}等{n}家行政、参公单位。',
  adminCost: '本{level}机关运行经费财政拨款预算{total}万元{change}{reason}。',
  adminUp: '，比{LY}年预算增加{abs}万元，增长{rate}%',
  adminDown: '，比{LY}年预算减少{abs}万元，下降{rate}%',
  adminSame: '，与{LY}年预算持平',
  adminFromZero: '，比{LY}年预算增加{abs}万元',
  adminReason: '，原因是{reason}',
  // 九
  procurement:
    '{Y}年{subject}政府采购预算总额{total}万元。其中：政府采购货物预算{goods}万元、政府采购工程预算{works}万元、政府采购服务预算{services}万元。',
  // 十
  overallTitle: '1、整体绩效目标',
  overall: '{Y}年编报{level}整体绩效目标，涉及资金{amount}万元。',
  overallSplit: '{Y}年编报{level}整体绩效目标，涉及资金{amount}万元，其中基本支出{basic}万元，项目支出{project}万元。',
  overallAttached: '（部门（单位）整体目标表公开情况见附件）',
  projectTitle: '2、项目绩效目标',
  projects: '{Y}年{subject}纳入绩效目标管理的二级项目{n}个，共计金额{amount}万元。其中：{split}。',
  projectSplit: '其他运转类项目{n1}个，涉及金额{x1}万元；特定目标类项目{n2}个，涉及金额{x2}万元',
  published: '公开项目绩效目标{m}个，涉及项目金额{amount}万元，占{level}项目支出总额的{share}%。其中：{split}。',
  publishedCountOnly: '公开项目绩效目标{m}个。',
  publishedSplit: '其他运转类项目{n1}个，涉及项目金额{x1}万元；特定目标类项目{n2}个，涉及项目金额{x2}万元',
  formsNote: '（项目绩效目标表公开情况见附件）',
  // 十一
  vehiclesTitle: '1、车辆情况：',
  vehicles: '截至{asOf}，{subject}共有公务用车编制{quota}辆，实有{n}辆，其中：{list}。',
  vehicleItem: '{label}{n}辆',
  buildingTitle: '2、房屋情况：',
  building: '截至{asOf}，{subject}使用的办公用房建筑总面积{area}平方米。',
  equipmentTitle: '3、其他国有资产占有使用情况：',
  equipment:
    '截至{asOf}，{subject}占有使用价值50万元（原值）以上的通用设备{e50}台（套）；{subject}占有使用价值100万元（原值）以上的通用设备{e100}台（套）。',
  defaultAsOf: '{LY}年12月31日',
  // 十二
  catalogueTitle: '（一）政府购买服务指导性目录',
  otherTitle: '（二）其他',
} as const;

/** Replaces `{slot}`; a slot without a value is an error in this table, so it fails loudly. */
export function fill(template: string, slots: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = slots[k];
    if (v === undefined) throw new Error(`情况说明模板缺少取值：{${k}}`);
    return String(v);
  });
}
