import type { Severity } from '../model/finding';
import type { RuleSpec } from './spec';

/**
 * The locator, table, cross-table, code-name and formula rules as data (see src/core/rules/spec.ts).
 * Severities follow the one policy of docs/rules.md § 严重程度: 错误 = the document as published is
 * wrong (printed figures contradict each other, a total does not add up beyond 尾差); 提示 = a
 * person must judge, or the document is incomplete; 尾差 = within tolerance; 信息 = a hint.
 */

const SUM: readonly Severity[] = ['error', 'rounding'];
const SUM_WHY = '印出的合计与其组成部分不符即文件本身前后矛盾（错误）；差额在尾差范围内为尾差';
const ERROR_VALUE = '参与计算的单元格显示错误值（#REF! 等，由 FI3 报告）';
const SUM_SILENT = `合计所在行或列未印出；${ERROR_VALUE}`;
const PARTIAL: readonly Severity[] = ['error', 'warning', 'rounding'];
const PARTIAL_WHY =
  '等式只在全部资金都属于本等式时成立：超出可能范围是矛盾（错误）；落在范围内但不相等可能是其他资金（结转、单位资金用于基本支出等），需人工判断（提示）；尾差范围内为尾差';

function rowIdentity(id: string, table: string, what: string): RuleSpec {
  return {
    id,
    family: 'table',
    title: `${table}每一行：${what}`,
    severities: SUM,
    why: SUM_WHY,
    appliesWhen: `${table}已找到且印有合计列；逐行核对（未印出的分项列按 0 计）`,
    silentWhen: SUM_SILENT,
  };
}

function fixedSum(id: string, table: string, what: string, target: string): RuleSpec {
  return {
    id,
    family: 'table',
    title: `${table}${what}`,
    severities: SUM,
    why: SUM_WHY,
    appliesWhen: `${table}已找到且印有“${target}”行；未印出的组成行按 0 计`,
    silentWhen: `“${target}”行未印出；${SUM_SILENT}`,
  };
}

function hierarchy(id: string, table: string): RuleSpec {
  return {
    id,
    family: 'table',
    title: `${table}科目层级：类 = Σ款，款 = Σ项，合计 = Σ类（每个金额列）`,
    severities: ['error', 'rounding', 'warning'],
    why: '合计与其下各级之和不符是矛盾（错误/尾差）；款/项的上级行缺失、或类/款有金额但其下没有科目，是表不完整（提示，每个缺失的上级一次）',
    appliesWhen: `${table}已找到；一个合计只在其下每一行都挂在自己的上级之下时核对`,
    silentWhen: `该类/款之下有行缺少上级行（只报一次提示，不再核对其上的合计）；${SUM_SILENT}`,
  };
}

function cross(id: string, title: string, appliesWhen: string, severities = SUM, why = SUM_WHY): RuleSpec {
  return {
    id,
    family: 'cross',
    title,
    severities,
    why,
    appliesWhen,
    silentWhen: `所需的表、固定行或金额列未找到（缺失的科目行按 0 计）；${ERROR_VALUE}`,
  };
}

export const TABLE_RULE_SPECS: readonly RuleSpec[] = [
  // ── Reader (locator) ──
  {
    id: 'P1',
    family: 'locate',
    title: '金额列中的文字不是数字（按 0 计算）',
    severities: ['warning'],
    why: '写“无”还是把数字打错，需要人判断（提示）；打错的数字按 0 计后，相关合计对不上会由求和规则报告错误',
    appliesWhen: '表的金额列中有文字，且不是“-”“—”“/”等表示无金额的写法',
    silentWhen: '空白或“-”“—”“——”“/”；Excel 错误值（由 FI3 报告一次）',
  },
  {
    id: 'P2',
    family: 'locate',
    title: '未找到某张公开表',
    severities: ['warning'],
    why: '文件可能不完整，也可能是表的标题写法不同未被识别，需人工确认（提示）',
    appliesWhen: '13 张表中任一张在所有工作表中都找不到（按标题、表头或工作表名）',
    silentWhen: '该表在任一工作表上找到（工作表叫什么名字都可以）',
  },
  {
    id: 'P3',
    family: 'locate',
    title: '有金额的行无法识别为本表的哪一行（未参与校验）',
    severities: ['warning'],
    why: '该行金额未参与任何核对，需人工确认（提示）',
    appliesWhen: '表体中某行有金额，但没有科目编码、也不是本表任何固定行的名称',
    silentWhen: '该行没有金额（标题续行、空行）',
  },
  {
    id: 'P9',
    family: 'locate',
    title: '读取某张表时程序出错（其余表照常读取）',
    severities: ['warning'],
    why: '检查未完成，不能说文件有错（提示）；这是程序缺陷，测试中出现即失败',
    appliesWhen: '读取一张表时发生意外异常',
    silentWhen: '读取正常',
  },

  // ── 表1 预算收支总表 ──
  fixedSum('W1.1', '表1 ', '本年收入合计 = 五项收入之和', '本年收入合计'),
  fixedSum('W1.2', '表1 ', '收入总计 = 本年收入合计 + 上年结转', '收入总计'),
  fixedSum('W1.3', '表1 ', '本年支出合计 = 30 个支出功能分类之和（每列）', '本年支出合计'),
  rowIdentity('W1.4', '表1 ', '合计 = 当年预算安排 + 上年结转安排'),
  fixedSum('W1.5', '表1 ', '支出总计 = 本年支出合计 + 年终结转（每列）', '支出总计'),
  {
    id: 'W1.6',
    family: 'table',
    title: '表1 本年支出合计[当年预算安排] = 本年收入合计；[上年结转安排] = 上年结转',
    severities: SUM,
    why: SUM_WHY,
    appliesWhen: '表1 印有本年支出合计行和本年收入合计（或上年结转）行及相应的列',
    silentWhen: `其中一行或一列未印出；${ERROR_VALUE}`,
  },
  {
    id: 'W1.7',
    family: 'table',
    title: '表1 收入总计 = 支出总计[合计]',
    severities: SUM,
    why: SUM_WHY,
    appliesWhen: '表1 印有收入总计行和支出总计行',
    silentWhen: `其中一行未印出；${ERROR_VALUE}`,
  },

  // ── 表2/3/5/7/8 coded tables ──
  hierarchy('W2.1', '表2 '),
  rowIdentity(
    'W2.2',
    '表2 ',
    '本年收入合计 = 一般公共预算 + 政府性基金 + 国有资本经营 + 财政专户 + 单位资金（不含上年结转）',
  ),
  hierarchy('W3.1', '表3 '),
  rowIdentity('W3.2', '表3 ', '合计 = 基本支出 + 项目支出'),

  // ── 表4 财政拨款收支总表 ──
  {
    ...fixedSum(
      'W4.1',
      '表4 ',
      '本年收入合计 = 三项收入之和；上年财政拨款结转 = 其下三行之和；收入总计 = 本年收入合计 + 上年财政拨款结转',
      '收入总计',
    ),
    appliesWhen: '表4 已找到且印有相应的合计行（本年收入合计、上年财政拨款结转、收入总计，各自核对）',
    silentWhen: `合计行未印出（该项不核对）；${ERROR_VALUE}`,
  },
  fixedSum('W4.2', '表4 ', '本年支出合计 = 30 个支出功能分类之和（每列）', '本年支出合计'),
  rowIdentity('W4.3', '表4 ', '小计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算'),
  fixedSum('W4.4', '表4 ', '支出总计 = 本年支出合计 + 年终结转（每列）', '支出总计'),
  {
    id: 'W4.5',
    family: 'table',
    title: '表4 收入总计 = 支出总计[小计]',
    severities: SUM,
    why: SUM_WHY,
    appliesWhen: '表4 印有收入总计行和支出总计行',
    silentWhen: `其中一行未印出；${ERROR_VALUE}`,
  },

  hierarchy('W5.1', '表5 '),
  rowIdentity('W5.2', '表5 ', '合计 = 基本支出 + 项目支出'),

  // ── 表6 经济分类 ──
  {
    id: 'W6.1',
    family: 'table',
    title: '表6 合计 = 各类之和（每列）',
    severities: SUM,
    why: SUM_WHY,
    appliesWhen: '表6 印有合计行和至少一个类行',
    silentWhen: `没有类行；类行只印合计、人员经费和公用经费都空着时不核对这两列（由 W6.3 报告）；${ERROR_VALUE}`,
  },
  {
    id: 'W6.2',
    family: 'table',
    title: '表6 每类 = 其下各经济科目之和（每列）',
    severities: SUM,
    why: SUM_WHY,
    appliesWhen: '类行之下列有经济科目',
    silentWhen: `该类之下没有科目；类行人员经费和公用经费都空着时不核对这两列（由 W6.3 报告）；${ERROR_VALUE}`,
  },
  rowIdentity('W6.3', '表6 ', '合计 = 人员经费 + 公用经费'),
  {
    id: 'W6.4',
    family: 'table',
    title: '表6 金额填在了不属于该类的列（工资福利/对个人和家庭的补助 → 人员经费；商品和服务/资本性 → 公用经费）',
    severities: ['error'],
    why: '经济分类归属是定义：商品和服务支出印在人员经费列，印出的数字本身就错了（错误）',
    appliesWhen: '类名是参考数据（经济分类表）中的类，且另一列（人员经费或公用经费）印在表中',
    silentWhen: '类名不在参考数据中（无法判断归属）；金额为 0 或空',
  },

  {
    id: 'W7',
    family: 'table',
    title: '空表须注明“本表无数据”；有数据的表不应注明无数据',
    severities: ['warning'],
    why: '空表未注明是不完整；“无数据”说明是按措辞识别的，需人判断（提示）',
    appliesWhen: '任一表已找到：全部金额为空或 0 而表下没有无数据说明，或有金额而表下注明无数据',
    silentWhen: '空表注明了无数据（含“我单位本年度无……”等写法）；有金额且没有这样的说明',
  },
  hierarchy('W7.1', '表7 '),
  hierarchy('W8.1', '表8 '),
  rowIdentity('W8.2', '表8 ', '合计 = 基本支出 + 项目支出'),
  rowIdentity('W9.1', '表9 ', '支出合计 = 基本支出 + 项目支出'),

  // ── 表10/11/12/13 ──
  fixedSum('W10.1', '表10 ', '公务用车购置及运行费 = ①购置费 + ②运行维护费（每列）', '公务用车购置及运行费'),
  fixedSum('W10.2', '表10 ', '合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费（每列）', '合计'),
  rowIdentity('W10.3', '表10 ', '合计 = 一般公共预算 + 政府性基金 + 国有资本经营'),
  {
    id: 'W11.1',
    family: 'table',
    title: '表11 部门合计 = 各单位之和（每列）',
    severities: SUM,
    why: SUM_WHY,
    appliesWhen: '表11 印有合计行和至少一个单位行',
    silentWhen: `没有单位行；${ERROR_VALUE}`,
  },
  rowIdentity('W11.2', '表11 ', '合计 = 一般公共预算 + 政府性基金 + 国有资本经营'),
  {
    id: 'W12.1',
    family: 'table',
    title: '表12 单位小计 = 其下各项目之和；合计 = 各单位小计之和（无单位分组时 = 各项目之和）',
    severities: SUM,
    why: SUM_WHY,
    appliesWhen: '表12 有单位小计行且其下列有项目，或有合计行（部门合计、单位名称或“合计”）',
    silentWhen: `单位小计之下没有项目（不核对该小计）；没有合计行时不核对合计；${ERROR_VALUE}`,
  },
  rowIdentity('W12.2', '表12 ', '合计 = 各资金来源之和'),
  {
    id: 'W13.1',
    family: 'table',
    title: '表13 单位小计 = 其下各项目之和；合计 = 各单位小计之和（无单位分组时 = 各项目之和）',
    severities: SUM,
    why: SUM_WHY,
    appliesWhen: '表13 有单位小计行且其下列有项目，或有合计行',
    silentWhen: `单位小计之下没有项目；没有合计行时不核对合计；${ERROR_VALUE}`,
  },
  rowIdentity('W13.2', '表13 ', '合计 = 一般公共预算 + 政府性基金 + 国有资本经营'),

  // ── Cross-table identities ──
  cross('X1', '表1 各支出功能分类[合计] = 表3 同类合计', '表1 和表3 都已找到；对表1 或表3 中出现的每个类核对'),
  cross('X2', '表1 各支出功能分类[当年预算安排] = 表2 同类本年收入合计', '表1 和表2 都已找到且印有相应的列'),
  cross('X3', '表1 各支出功能分类[上年结转安排] = 表2 同类上年结转', '表1 和表2 都已找到且印有上年结转列'),
  cross('X4', '表1 各项收入、本年收入合计、上年结转 = 表2 合计行对应列', '表1 和表2 都已找到；每项收入各自核对'),
  cross(
    'X5',
    '每个科目：表2 本年收入合计 + 上年结转 = 表3 合计；表2 与表3 列出的科目一致',
    '表2 和表3 都已找到；科目集合只比较有金额的科目行（没有金额的是模板占位行）',
  ),
  cross('X6', '表3 合计 = 表1 支出总计[合计]', '表3 和表1 都已找到且表1 印有支出总计行'),
  cross(
    'X7',
    '每个科目：表5 合计 = 表2 一般公共预算；表5 只列表2 一般公共预算不为零的科目',
    '表5 和表2 都已找到；只有单位资金等其他来源的科目不应出现在表5',
  ),
  cross('X8', '表5 合计 = 表1 一般公共预算收入 = 表4 一般公共预算收入', '相应的表都已找到；两组各自核对'),
  cross(
    'X9',
    '每个科目：表5 基本支出 ≤ 表3 基本支出；表3 项目支出 − 表5 项目支出 ≤ 表2 非一般公共预算资金 + 上年结转（基本支出全部由一般公共预算安排时相等）',
    '表2、表3、表5 都已找到',
    PARTIAL,
    PARTIAL_WHY,
  ),
  cross('X10', '表6 合计 = 表5 基本支出合计', '表6 和表5 都已找到'),
  cross(
    'X11',
    '表4 政府性基金、国有资本经营收入 = 表1 同项；表4 上年财政拨款结转 ≤ 表1 上年结转（全部为财政拨款时相等）',
    '表4 和表1 都已找到且印有相应的行',
    PARTIAL,
    PARTIAL_WHY,
  ),
  cross(
    'X12',
    '表4 各支出功能分类 = 表2 同类（一般公共预算 + 政府性基金 + 国有资本经营）+ 其中财政拨款的上年结转；表4 一般公共预算列 = 表5 同类合计 + 一般公共预算结转',
    '表4、表2（及表5）都已找到；上年结转为 0 时严格相等',
    PARTIAL,
    PARTIAL_WHY,
  ),
  cross(
    'X13',
    '表10 “三公”经费各项 ≥ 表6 对应经济科目（少于表6 为错误，多于表6 须在情况说明中解释项目支出安排）',
    '表10 和表6 都已找到；表6 中没有该科目按 0 计',
    PARTIAL,
    '表10 含项目支出中的三公经费，少于表6 的基本支出部分不可能（错误）；多于表6 是项目安排，需说明（提示）',
  ),
  {
    ...cross(
      'X14',
      '表11 机关运行经费合计 ≤ 表6 公用经费（全部为行政/参公单位时相等）',
      '表11 印有机关运行经费（不为 0）且表6 已找到',
      ['error', 'info', 'rounding'],
      '机关运行经费是公用经费的一部分，超出不可能（错误）；少于公用经费在有事业单位时正常（信息）',
    ),
    silentWhen: `表11 机关运行经费为 0 或未印出（事业单位没有）；表6 未找到；${ERROR_VALUE}`,
  },
  cross('X15', '表3 项目支出合计 = 表12 合计 + 表13 合计', '表3、表12 都已找到（表13 未找到时不核对）'),
  cross('X16', '表5 项目支出合计 = 表12 一般公共预算合计', '表5 和表12 都已找到'),
  cross(
    'X17',
    '表12 财政专户、单位资金合计 ≤ 表2 合计行对应列（基本支出不使用这两项资金时相等）',
    '表12 和表2 都已找到且印有相应的列',
    PARTIAL,
    PARTIAL_WHY,
  ),
  cross(
    'X18',
    '表13 合计 ≤ 表1 上年结转（全部为财政拨款时相等）；表2 上年结转合计 = 表1 上年结转；表4 上年财政拨款结转 = 表13 合计',
    '相应的表都已找到；三组各自核对',
    PARTIAL,
    PARTIAL_WHY,
  ),
  cross(
    'X20',
    '经济分类与功能分类的对应提示（表6 住房公积金 ↔ 表3 2210201 基本支出 等）',
    '表6 和表3 都已找到',
    ['info'],
    '真实文件中多数对不上（科目口径不同），只作提示（信息），从不是错误',
  ),

  // ── 科目编码与名称 ──
  {
    id: 'CN1',
    family: 'codes',
    title: '同一科目编码在各表中名称不一致',
    severities: ['error'],
    why: '同一编码在两张表印成两个名称，文件前后矛盾（错误）；每个编码报一次',
    appliesWhen: '表2/3/5/8 中同一编码至少出现两次且名称（按同名规则比较）不同',
    silentWhen: '编码只出现在一张表中；名称只差全角/半角标点、空格',
  },
  {
    id: 'CN2',
    family: 'codes',
    title: '科目名称是参考科目表中登记的旧名称',
    severities: ['warning'],
    why: '旧名称可能沿用自上年文件，需人核对（提示）',
    appliesWhen: '编码在参考科目表中且名称是其登记的旧名称',
    silentWhen: '名称是现行标准名称；参考科目表未把它登记为旧名称（由 CN3 提示）',
  },
  {
    id: 'CN3',
    family: 'codes',
    title: '科目名称与参考科目表的标准名称不同',
    severities: ['warning'],
    why: '可能是简称、错字或地方口径，需人核对（提示）',
    appliesWhen: '编码在参考科目表中，名称既不是标准名称也不是登记的旧名称',
    silentWhen: '名称与标准名称相同（按同名规则）；编码不在参考科目表中（由 CN4 提示）',
  },
  {
    id: 'CN4',
    family: 'codes',
    title: '科目编码不在参考科目表中',
    severities: ['info'],
    why: '内置科目表并不完整，只提示核对（信息）',
    appliesWhen: '表2/3/5/8 的编码不在所用的参考科目表中',
    silentWhen: '编码在参考科目表中（可导入本年度完整科目表）',
  },

  // ── 公式 ──
  {
    id: 'FI1',
    family: 'formula',
    title: '应为自动求和公式的合计单元格被手工数字覆盖',
    severities: ['warning'],
    why: '数字现在可能正确，但明细再改就不会跟着变（提示）；数字不对时由求和规则报错误',
    appliesWhen: '本插件生成的模板，或同类合计单元格中已有公式',
    silentWhen: '表中没有任何公式且不是本插件的模板（手工文件、PDF 转录）',
  },
  {
    id: 'FI2',
    family: 'formula',
    title: '合计公式的求和范围漏掉了应计入的行',
    severities: ['warning'],
    why: '公式不是印出的数字：漏掉有金额的行时，合计对不上由求和规则报错误；FI2 说明原因（提示）',
    appliesWhen: '合计单元格有公式，且应读取的行在同一工作表',
    silentWhen: '公式无法解析（不猜）；应读取的行在其他工作表',
  },
  {
    id: 'FI3',
    family: 'formula',
    title: '表内单元格显示错误值（#REF!、#VALUE!、#DIV/0!、#NAME? 等）',
    severities: ['error'],
    why: '印出的是错误值而不是数字，文件本身有错（错误）；该格按 0 计，涉及它的等式不再核对',
    appliesWhen: '表的范围内任一单元格是 Excel 错误值',
    silentWhen: '没有错误值（看起来像错误值的文字由 P1 提示）',
  },
  {
    id: 'FI4',
    family: 'formula',
    title: '金额列中以文本格式存储的数字',
    severities: ['warning'],
    why: '印出的数字没错，但 Excel 求和时会忽略它（提示）',
    appliesWhen: '金额列中的文字能读成数字（“1,184.32”）且不是公式结果',
    silentWhen: '数值单元格；公式单元格；读不成数字的文字（由 P1 提示）',
  },
];
