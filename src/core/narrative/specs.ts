import type { RuleSpec } from '../rules/spec';

/**
 * The 情况说明 (N) rules as data (see src/core/rules/spec.ts). Severities follow the one policy of
 * docs/rules.md § 严重程度: a printed figure or count that contradicts a table, the forms or
 * another printed figure is 错误; within 尾差 it is 尾差; an incomplete or oddly written text is
 * 提示; a paragraph whose figures could not be placed is 信息. Every amount check can also give
 * the 提示 of an amount written in 元 instead of 万元 (`0 元`).
 */
const narrative = (r: Omit<RuleSpec, 'family'>): RuleSpec => ({ family: 'narrative', ...r });

const AMOUNT_WHY =
  '文中金额与表中数不一致是已公开文件的错误；差额在尾差以内为尾差；金额写成“元”而数值与表中万元数相同，属单位笔误，提示；占比只保留1位小数而四舍五入相符，提示。';

export const NARRATIVE_RULE_SPECS: readonly RuleSpec[] = [
  narrative({
    id: 'N0',
    title: '情况说明缺少段落（一至十二）或找不到段落标题',
    severities: ['warning'],
    why: '缺段是不完整，不是数字矛盾：提示。',
    appliesWhen: '有情况说明文本（参数或名为/标记为“情况说明”的工作表）。',
    silentWhen: '十二段标题都找到；没有情况说明文本时整个N规则不运行。',
  }),
  narrative({
    id: 'N0u',
    title: '本段应有的数字未能识别归属，未核对',
    severities: ['info'],
    why: '读不出不等于写错：只说明未核对，信息。',
    appliesWhen:
      '本段的标题金额（如一的收入总计、七的“三公”经费合计）在本段有金额时未能对上；或表中非零的项目被提到却没有读到金额；或文中有没有归属的金额而表中非零的项目未被提到；十中表12有项目而未读到项目个数。',
    silentWhen:
      '对应的表不存在；表中数为0且本段没有金额；项目根本没被提到且本段金额都已归属（未写的项目不算读不出）；八写明无机关运行经费。',
  }),
  narrative({
    id: 'N1',
    title: '一、收支总体：收入总计、本年收入、上年结转，支出总计、本年预算安排、上年结转与表1一致',
    severities: ['error', 'rounding', 'warning'],
    why: AMOUNT_WHY,
    appliesWhen: '有表1；文中对上述项目写了金额（按词义归属，不按句式）。',
    silentWhen: '没有表1；该项目没有写金额；“比上年…”后面的数是增减额，不当作金额。',
  }),
  narrative({
    id: 'N1p',
    title: '一、收支总计的增减额、增减率，以及原因中分项增减额之和',
    severities: ['error', 'rounding', 'warning'],
    why: '增减额与本年−上年不符、增减率与文中增减额不符、分项之和与总增减额不符，都是印出来的数字互相矛盾：错误（尾差以内为尾差）；增减率只保留1位小数：提示。',
    appliesWhen:
      '增减额：知道上年数（inputs.lastYear，或同句印出的上年数）；增减率：文中写了增减额和增减率；分项：原因中有两个以上“较上年增加/减少x万元”。',
    silentWhen: '不知道上年数时不核对增减额；“与上年持平”不核对增减率；分项少于两个。',
  }),
  narrative({
    id: 'N2',
    title: '二、收入预算：收入总计及各来源金额、占比与表1一致',
    severities: ['error', 'rounding', 'warning'],
    why: `${AMOUNT_WHY}表中非零的来源文中完全未提及：不完整，提示。`,
    appliesWhen: '有表1（各来源取表1收入侧的行）。',
    silentWhen: '没有表1；来源为0而未提及；以“财政拨款收入”合并表述了一般公共预算、政府性基金、国有资本经营预算。',
  }),
  narrative({
    id: 'N3',
    title: '三、支出预算：支出合计、基本支出、项目支出及占比与表3合计行一致',
    severities: ['error', 'rounding', 'warning'],
    why: AMOUNT_WHY,
    appliesWhen: '有表3（取合计行）。',
    silentWhen: '没有表3；项目没有写金额；支出合计的增减额没有上年数可比，不核对。',
  }),
  narrative({
    id: 'N4',
    title: '四、财政拨款收支：总额、各来源（含结转）、本年拨款、结转与表4一致；列出的功能分类与表4非零类一致',
    severities: ['error', 'rounding', 'warning'],
    why: `${AMOUNT_WHY}列出表4没有的（非零）类是矛盾：错误；漏列表4的非零类是不完整：提示。`,
    appliesWhen: '有表4；分类核对需文中至少提到一个功能分类。',
    silentWhen:
      '没有表4；文中没提任何功能分类时不报漏列（本段有无归属的金额时由N0u说明）；列出的类金额为0；来源金额等于含上年结转或不含上年结转两种读法之一。',
  }),
  narrative({
    id: 'N5',
    title: '五、一般公共预算支出：合计与表5一致，增减额、增减率；列出的类级科目金额、占比与表5一致',
    severities: ['error', 'rounding', 'warning'],
    why: `${AMOUNT_WHY}增减额与本年−上年不符：错误；增减率只保留1位小数（003“下降0.6%”）：提示；列出表5没有的类：错误；漏列：提示。`,
    appliesWhen: '有表5；增减额需知道上年数（inputs.lastYear.gpbCurrent 或同句印出）。',
    silentWhen: '没有表5；不知道上年数时不核对增减额；文中没提任何类级科目时不报漏列。',
  }),
  narrative({
    id: 'N6',
    title: '六、基本支出：合计、人员经费、公用经费与表6一致；列出的经济科目与表6该侧一致',
    severities: ['error', 'rounding', 'warning'],
    why: `${AMOUNT_WHY}列出表6该侧没有的科目（001公用经费8项）：错误；漏列表6该侧科目（001医疗费补助）：提示。`,
    appliesWhen: '有表6；科目核对需“人员经费/公用经费…主要包括：…”的列举。',
    silentWhen: '没有表6；没有列举。',
  }),
  narrative({
    id: 'N7',
    title: '七、“三公”经费：合计及各项与表10一致；各项增减额之和等于总增减额；增减额与本年−上年一致',
    severities: ['error', 'rounding', 'warning'],
    why: `${AMOUNT_WHY}增减额互相矛盾或与本年−上年不符：错误。`,
    appliesWhen:
      '有表10；增减额之和需合计和四项都写了增减；与上年核对需 inputs.threePublic 的上年数或同句印出的上年数。',
    silentWhen:
      '没有表10；“公务接待费比上年下降2万元”中的2是增减额，不当作金额；有一项没写增减时不核对增减之和；不知道上年数时不核对增减额。',
  }),
  narrative({
    id: 'N8',
    title: '八、机关运行经费：与表11部门合计一致，增减额、增减率；“无机关运行经费”与表11相符；所属单位家数',
    severities: ['error', 'rounding', 'warning'],
    why: `${AMOUNT_WHY}写“无机关运行经费”而表11有数、家数与表11不符：错误；表11为空而文中未写明“无机关运行经费”：提示。`,
    appliesWhen: '有表11（取部门合计行与单位行）。',
    silentWhen: '没有表11；表11为空且文中写明无机关运行经费；表11没有单位行时不核对家数；不知道上年数时不核对增减额。',
  }),
  narrative({
    id: 'N9',
    title: '九、政府采购：总额等于货物、工程、服务之和；与填报数一致',
    severities: ['error', 'rounding', 'warning'],
    why: '总额与分项之和不符：错误，三项尾差以内为尾差（001 3.93 vs 3.92）；与填报数不符：错误。',
    appliesWhen: '分项核对需总额和三项都写了金额；与填报数核对需 inputs.procurement。',
    silentWhen: '缺一项时不核对和；没有填报数时不核对与填报数一致。',
  }),
  narrative({
    id: 'N10',
    title: '十、项目绩效：项目个数、金额与表12一致；分类个数、金额之和；公开个数与所附绩效目标表张数一致',
    severities: ['error', 'rounding', 'warning'],
    why: '文中个数与表12项目数或所附绩效目标表张数不符（003：14个对13张）是已公开文件的错误；金额同N1。',
    appliesWhen: '有表12；公开个数需知道所附绩效目标表张数（按表计：同名项目在两个单位是两张，一张表分页打印是一张）。',
    silentWhen:
      '没有表12；不知道所附绩效目标表张数（工作簿中没有绩效目标表）时不核对公开个数；没写分类时不核对分类之和。',
  }),
  narrative({
    id: 'N10b',
    title:
      '十、整体绩效目标：涉及资金是表1收入总计、表5合计、表12项目合计或表4财政拨款之一，其基本/项目支出与该表一致；承诺附整体目标表',
    severities: ['error', 'rounding', 'warning'],
    why: '金额与任何一种口径都不符、其基本/项目支出与该表不符：错误；按另一地区口径引用、承诺附表而未附：需要判断，提示。',
    appliesWhen: '文中写了整体绩效目标金额；本地口径需 inputs.overall.convention；附表核对需知道是否附了整体目标表。',
    silentWhen:
      '没有写金额；表1、表3、表4、表5、表12都没有时无从比较；未设本地口径时接受任一口径；不知道是否附了整体目标表时不核对承诺。',
  }),
  narrative({
    id: 'N11',
    title: '十一、资产：各类车辆之和等于实有数；实有0辆而有运行维护费；与填报的车辆、编制、面积、设备一致',
    severities: ['error', 'warning'],
    why: '各类之和与实有不符、与填报数不符：错误；实有0辆而有公务用车运行维护费，可能合理（租用、调拨），提示。',
    appliesWhen: '文中写了实有车辆数；与填报数核对需 inputs.assets。',
    silentWhen:
      '没写实有数；没写分类时不核对之和；分类中有词表不认识的车辆类别（有“N辆”而无法归类）时不核对之和；没有填报数时不核对编制、面积、设备。',
  }),
];
