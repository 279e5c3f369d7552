import type { RuleSpec } from '../rules/spec';

/**
 * The 项目支出绩效目标表 (F) rules as data (see src/core/rules/spec.ts): one entry per id the form
 * rules emit. Severities follow the policy of docs/rules.md: 错误 = the document as published is
 * wrong (printed figures or statements contradict, a form missing, extra or duplicated); 提示 =
 * incomplete or needs a person's judgement; 尾差 = within tolerance; 信息 = hints. The code of each
 * rule (src/core/forms/checks/) states the same preconditions; docs/forms.md shows them as a table.
 */
const form = (s: Omit<RuleSpec, 'family'>): RuleSpec => ({ family: 'form', ...s });

export const FORM_RULE_SPECS: readonly RuleSpec[] = [
  form({
    id: 'F0',
    title: '目标表金额单元格无法识别',
    severities: ['warning'],
    why: '提示：单元格里不是金额（如“两万七”），需要经办人改为数字；该金额不参与其他核对，不会被当作0',
    appliesWhen: '目标表的资金总额或资金来源单元格有内容，但既不是数字，也不是写明“元/万元”的金额',
    silentWhen: '单元格为数字、带千分位的数字文本、写明单位的金额（“35,000元”“3.5万元”）或为空',
  }),
  form({
    id: 'F1',
    title: '表12项目缺少绩效目标表',
    severities: ['error', 'info'],
    why: '错误：公开的文件缺少该项目的目标表；信息：工作簿中一张目标表都没有时只说一次（目标表常单独成册，逐个项目报“缺少”会淹没其他结果），并提示可用生成功能',
    appliesWhen: '表12的某个项目没有按名称、相近名称或单位与金额对应上任何目标表；一张目标表都没有时为一条信息',
    silentWhen: '表12没有项目',
  }),
  form({
    id: 'F1.1',
    title: '目标表在表12中没有对应项目',
    severities: ['error'],
    why: '错误：公开的目标表对应的项目不在表12中',
    appliesWhen: '一张目标表的项目名称既不同于也不相近于表12任一项目，且没有唯一的同单位同金额项目',
    silentWhen: '表12没有项目',
  }),
  form({
    id: 'F1.2',
    title: '同一项目的目标表重复',
    severities: ['error'],
    why: '错误：同一项目的目标表印了不止一份；每个项目报一条，写明份数并列出每一份的位置',
    appliesWhen: '同名（或相近名称且金额相同）的目标表多于表12中该名称的项目数，且后一张有签字栏（否则视为续页）',
    silentWhen: '表12中同名项目有几个（如不同单位的同名项目），就允许有几张同名目标表',
  }),
  form({
    id: 'F1.3',
    title: '目标表项目名称与表12不完全一致',
    severities: ['warning'],
    why: '提示：按相近名称（编辑距离≤2或相似度≥90%）或同单位同金额配对，是否同一项目需要人确认',
    appliesWhen: '目标表与表12项目按相近名称或按单位和金额配对',
    silentWhen: '名称按同名规则相同（全角半角、空格、引号不计）',
  }),
  form({
    id: 'F2',
    title: '年度资金总额与表12合计不一致',
    severities: ['error', 'warning'],
    why: '错误：目标表的元数向下或向上取整到0.01万元都不等于表12的万元数，两处印出的数字矛盾；提示：年度资金总额未填写（不完整）',
    appliesWhen: '目标表与表12项目已配对，且目标表印有年度资金总额、内容可识别',
    silentWhen:
      '表12数等于目标表元数本身或其向下/向上取整到0.01万元的数（如1,890,489元对189.04或189.05万元）；金额无法识别（见F0）',
  }),
  form({
    id: 'F3',
    title: '资金来源之和与资金总额不一致',
    severities: ['error', 'rounding', 'warning'],
    why: '错误：各来源之和与总额相差1元及以上；尾差：相差不足1元（来源按整元打印）；提示：总额有数而各来源全空（未分来源）',
    appliesWhen: '该侧资金总额印出、可识别且已填写，并至少印有一个资金来源行',
    silentWhen:
      '版式没有资金来源行；某来源金额无法识别（F0）；资金块里有不认识的来源行（如“其中：财政拨款”），已知五项可能不是全部',
  }),
  form({
    id: 'F4',
    title: '财政资金与表12财政拨款不对应',
    severities: ['error'],
    why: '错误：中央+省级+市县（区）与表12一般公共预算+政府性基金+国有资本经营之和不符，两处数字矛盾',
    appliesWhen:
      '已配对、年度资金总额可用且非零、年度来源可识别且相加等于总额（F3通过），表12印有资金来源列且本项目各列相加等于合计；总额与表12不一致时按目标表总额折算后比较，不重复F2',
    silentWhen: '表12没有资金来源列或本行各列不平（由表12规则报告）；来源不平（F3）；每个表12数允许0.01万元的取整',
  }),
  form({
    id: 'F4.1',
    title: '非财政资金的归类与表12不同',
    severities: ['warning'],
    why: '提示：财政专户资金填进了财政资金，或单位资金、专户资金在“单位自筹”“其他资金”之间归类不同；各地口径不一，需要人判断',
    appliesWhen: '同F4，且财政部分之外的归类与表12不同',
    silentWhen: '同F4',
  }),
  form({
    id: 'F4.2',
    title: '项目名称含“中央”“省级”但资金未填在对应来源',
    severities: ['info'],
    why: '信息：仅凭名称中的字词推测的提示',
    appliesWhen: '财政部分与表12一致且非零，项目名称含“中央”或“省级”，对应来源为0',
    silentWhen: '对应来源有金额，或财政部分为0',
  }),
  form({
    id: 'F5',
    title: '实施期与年度、项目属性矛盾',
    severities: ['error'],
    why: '错误：年度大于实施期，或一次性项目的实施期金额不等于年度、项目期不是1年，都是印出的内容相互矛盾',
    appliesWhen:
      '实施期与年度资金总额都印出、可识别且已填写；项目期一条另需项目属性以“一次性”开头、项目期能读成年数或月数',
    silentWhen: '版式没有实施期一侧或实施期为空；项目期读不出时长（如“2024年度”）',
  }),
  form({
    id: 'F6',
    title: '必填指标或总体目标未填写',
    severities: ['warning'],
    why: '提示：必填的二级指标（数量、质量、时效、成本、任一效益、服务对象满意度）没有三级指标、二级指标行缺失或总体目标为空，属于不完整，不是数字矛盾',
    appliesWhen:
      '找到指标表头（一级指标…三级指标）；逐侧检查版式印有的一侧（单侧版式只查年度）；总体目标只查版式印有的单元格',
    silentWhen: '找不到指标表头（不认识的版式）；版式没有的一侧',
  }),
  form({
    id: 'F7',
    title: '成本指标金额超过资金总额',
    severities: ['error'],
    why: '错误：成本指标写出的金额大于同侧资金总额，两处数字矛盾',
    appliesWhen:
      '该侧资金总额可用且非零，成本指标中至少一行是金额（万元、万、元，全角数字，≤、<=、＜、不超过、不高于、以内，千分位）；有“预算控制数”“项目总成本”等总额行时只比较总额行，否则把金额行相加',
    silentWhen:
      '单价、人均、每…、…标准、“其中”行与“元/次”“万元/年”等比率不相加；百分比、数量、文字不读；超出不足所写数字的末位精度（至少0.01万元）视为取整',
  }),
  form({
    id: 'F8',
    title: '填报日期不在通常的填报期内',
    severities: ['warning'],
    why: '提示：日期可读但不寻常（预算年度前一年7月1日至当年3月31日之外），需要人核对',
    appliesWhen: '目标表印有“填报日期”，日期可读，且知道预算年度',
    silentWhen: '版式没有签字栏（001）；不知道预算年度',
  }),
  form({
    id: 'F8.1',
    title: '填报日期未填写或无法识别',
    severities: ['info'],
    why: '信息：许多公开的目标表不填日期；可识别14位、8位、2023-10-15、2023年10月15日和Excel日期',
    appliesWhen: '目标表印有“填报日期”而内容为空或不是日期',
    silentWhen: '版式没有签字栏',
  }),
  form({
    id: 'F9',
    title: '实施单位与表12所属单位不一致',
    severities: ['error'],
    why: '错误：目标表印的实施单位与表12印的所属单位是两个单位',
    appliesWhen: '已配对，且表12说明了项目所属单位：项目在单位小计行之下，或本文件是单位预算',
    silentWhen:
      '部门文件的表12不分单位列示（见F9.2）；编码、括注、打印截断、省略地名、简称（人社局）都视为同一单位；表12写“局机关”“本级”时也接受部门本身',
  }),
  form({
    id: 'F9.1',
    title: '实施单位未填写',
    severities: ['warning'],
    why: '提示：不完整',
    appliesWhen: '同F9，且实施单位单元格为空',
    silentWhen: '同F9',
  }),
  form({
    id: 'F9.2',
    title: '表12未按单位分组，无法核对实施单位',
    severities: ['info'],
    why: '信息：部门文件的表12平铺项目时不知道每个项目属于哪个单位，不能比较，只说明一次',
    appliesWhen: '有已配对的目标表，而表12没有单位小计行且文件不是单位预算',
    silentWhen: '表12按单位分组，或文件是单位预算',
  }),
  form({
    id: 'F9.3',
    title: '金额类指标的指标值是百分比',
    severities: ['warning'],
    why: '提示：计量单位可能写错，需要人判断',
    appliesWhen: '三级指标名称以资金、经费、成本、费用、金额结尾，指标值是百分比',
    silentWhen: '名称含率、比例、占比',
  }),
  form({
    id: 'F9.4',
    title: '指标值有比较符号但没有数值',
    severities: ['info'],
    why: '信息：如“≥良好”，能看懂，只是不合数值写法',
    appliesWhen: '指标值以≤、≥、<、>、=等符号开头，其后没有数字',
    silentWhen: '符号后有数值，或是文字比较词（“达到良好”）',
  }),
  form({
    id: 'F10',
    title: '整体支出绩效目标表的资金不平或与表12不一致',
    severities: ['error', 'rounding'],
    why: '错误：来源之和、方向之和、两个合计或项目支出与表12不一致，超出尾差；尾差：在max(0.01, 0.005×n)万元之内',
    appliesWhen:
      '工作簿中有整体支出绩效目标表（标题含“整体支出绩效目标”，有“按资金来源划分”块）；金额按其表头的万元或元换算为万元',
    silentWhen: '没有整体支出绩效目标表；没有合计行或项目支出行的那一项',
  }),
];
