import { TableDef, type TableDefInput, type TableId } from './schema';

/**
 * The 13 standard tables (spec §2.3). Column keys are the vocabulary shared by the renderer,
 * the locator and the rule engine:
 *   gpb 一般公共预算 · fund 政府性基金 · soe 国有资本经营 · special 财政专户管理资金 · unit 单位资金
 *   carry 上年结转 · basic 基本支出 · project 项目支出 · personnel 人员经费 · public 公用经费
 * `{year}` in texts is replaced with the budget year.
 */
const money = (key: string, header: string, aliases: string[] = [], width = 14) => ({ key, header, role: 'money' as const, aliases, width });
const codeCol = (header = '科目编码', aliases: string[] = ['收入科目编码', '科目代码', '编码']) => ({ key: 'code', header, role: 'code' as const, aliases, width: 12 });
const nameCol = (width = 34) => ({ key: 'name', header: '科目名称', role: 'name' as const, aliases: ['功能分类科目名称', '名称'], width });

const GPB = ['一般公共预算拨款', '一般公共预算资金'];
const FUND = ['政府性基金', '政府性基金预算', '政府性基金预算拨款'];
const SOE = ['国有资本经营', '国有资本经营预算拨款'];

const raw: TableDefInput[] = [
  {
    id: 't1', number: 1, label: '预算公开表1', sheetName: '表1 预算收支总表',
    title: '{year}年预算收支总表', titleKey: '预算收支总表',
    columns: [
      { key: 'income_label', header: '项目', role: 'label', aliases: ['收入项目'], width: 26 },
      money('income', '{year}年', ['金额', '预算数', '{year}年预算数']),
      { key: 'exp_label', header: '项目', role: 'label', aliases: ['支出项目'], width: 34 },
      money('total', '{year}年合计', ['合计', '小计']),
      money('current', '当年预算安排'),
      money('carry', '上年结转安排'),
    ],
    headerRows: 2,
    header: [
      { row: 0, col: 0, colSpan: 2, text: '收入' },
      { row: 0, col: 2, colSpan: 4, text: '支出' },
      { row: 1, col: 0, text: '项目' }, { row: 1, col: 1, text: '{year}年' }, { row: 1, col: 2, text: '项目' },
      { row: 1, col: 3, text: '{year}年合计' }, { row: 1, col: 4, text: '当年预算安排' }, { row: 1, col: 5, text: '上年结转安排' },
    ],
    body: {
      kind: 'summary', rowCount: 33,
      income: {
        labelColumn: 'income_label', moneyColumns: ['income'],
        rows: [
          { key: 'gpb', label: '一、一般公共预算', at: 0, aliases: ['一般公共预算拨款收入'] },
          { key: 'fund', label: '二、政府性基金预算', at: 1 },
          { key: 'soe', label: '三、国有资本经营预算', at: 2 },
          { key: 'special', label: '四、财政专户管理资金', at: 3 },
          { key: 'unit', label: '五、单位资金', at: 4 },
          { key: 'income_total', label: '本年收入合计', at: 30, sum: { rule: 'W1.1', of: ['gpb', 'fund', 'soe', 'special', 'unit'] } },
          { key: 'carry_in', label: '上年结转', at: 31 },
          { key: 'income_grand', label: '收入总计', at: 32, sum: { rule: 'W1.2', of: ['income_total', 'carry_in'] } },
        ],
      },
      expenditure: {
        labelColumn: 'exp_label', moneyColumns: ['total', 'current', 'carry'], categories: true,
        rows: [
          { key: 'exp_total', label: '本年支出合计', at: 30, sum: { rule: 'W1.3', of: ['@categories'] } },
          { key: 'carry_out', label: '年终结转', at: 31 },
          { key: 'exp_grand', label: '支出总计', at: 32, sum: { rule: 'W1.5', of: ['exp_total', 'carry_out'] } },
        ],
      },
    },
    rowIdentities: [{ rule: 'W1.4', target: 'total', parts: ['current', 'carry'] }],
  },
  {
    id: 't2', number: 2, label: '预算公开表2', sheetName: '表2 预算收入总表',
    title: '{year}年预算收入总表', titleKey: '预算收入总表',
    columns: [
      codeCol(), nameCol(),
      money('total', '合计', ['本年收入合计', '小计']),
      money('gpb', '一般公共预算', GPB),
      money('fund', '政府性基金', FUND),
      money('soe', '国有资本经营预算', SOE),
      money('special', '财政专户管理资金', ['财政专户管理资金收入']),
      money('unit', '单位资金'),
      money('carry', '上年结转', ['上年结转资金']),
    ],
    headerRows: 2,
    header: [
      { row: 0, col: 0, colSpan: 2, text: '项目' },
      { row: 0, col: 2, colSpan: 6, text: '本年收入' },
      { row: 0, col: 8, rowSpan: 2, text: '上年结转' },
      { row: 1, col: 0, text: '科目编码' }, { row: 1, col: 1, text: '科目名称' }, { row: 1, col: 2, text: '合计' },
      { row: 1, col: 3, text: '一般公共预算' }, { row: 1, col: 4, text: '政府性基金' }, { row: 1, col: 5, text: '国有资本经营预算' },
      { row: 1, col: 6, text: '财政专户管理资金' }, { row: 1, col: 7, text: '单位资金' },
    ],
    body: { kind: 'coded', totalLabel: '合计', hierarchyRule: 'W2.1' },
    rowIdentities: [{ rule: 'W2.2', target: 'total', parts: ['gpb', 'fund', 'soe', 'special', 'unit'] }],
  },
  {
    id: 't3', number: 3, label: '预算公开表3', sheetName: '表3 预算支出总表',
    title: '{year}年预算支出总表', titleKey: '预算支出总表',
    columns: [codeCol(), nameCol(), money('total', '合计', ['小计']), money('basic', '基本支出'), money('project', '项目支出')],
    headerRows: 2,
    header: [
      { row: 0, col: 0, colSpan: 2, text: '项目' },
      { row: 0, col: 2, colSpan: 3, text: '{year}年预算数' },
      { row: 1, col: 0, text: '科目编码' }, { row: 1, col: 1, text: '科目名称' }, { row: 1, col: 2, text: '合计' },
      { row: 1, col: 3, text: '基本支出' }, { row: 1, col: 4, text: '项目支出' },
    ],
    body: { kind: 'coded', totalLabel: '合计', hierarchyRule: 'W3.1' },
    rowIdentities: [{ rule: 'W3.2', target: 'total', parts: ['basic', 'project'] }],
  },
  {
    id: 't4', number: 4, label: '预算公开表4', sheetName: '表4 财政拨款收支总表',
    title: '{year}年财政拨款收支总表', titleKey: '财政拨款收支总表',
    columns: [
      { key: 'income_label', header: '项目', role: 'label', aliases: ['收入项目'], width: 26 },
      money('income', '金额', ['{year}年', '预算数']),
      { key: 'exp_label', header: '项目', role: 'label', aliases: ['支出项目'], width: 34 },
      money('subtotal', '小计', ['合计']),
      money('gpb', '一般公共预算', GPB),
      money('fund', '政府性基金预算', FUND),
      money('soe', '国有资本经营预算', SOE),
    ],
    headerRows: 3,
    header: [
      { row: 0, col: 0, colSpan: 2, text: '收入' },
      { row: 0, col: 2, colSpan: 5, text: '支出' },
      { row: 1, col: 0, rowSpan: 2, text: '项目' }, { row: 1, col: 1, rowSpan: 2, text: '金额' },
      { row: 1, col: 2, rowSpan: 2, text: '项目' }, { row: 1, col: 3, colSpan: 4, text: '金额' },
      { row: 2, col: 3, text: '小计' }, { row: 2, col: 4, text: '一般公共预算' }, { row: 2, col: 5, text: '政府性基金预算' },
      { row: 2, col: 6, text: '国有资本经营预算' },
    ],
    body: {
      kind: 'summary', rowCount: 36,
      income: {
        labelColumn: 'income_label', moneyColumns: ['income'],
        rows: [
          { key: 'gpb', label: '一、一般公共预算', at: 0 },
          { key: 'fund', label: '二、政府性基金预算', at: 1 },
          { key: 'soe', label: '三、国有资本经营预算', at: 2 },
          { key: 'income_total', label: '本年收入合计', at: 30, sum: { rule: 'W4.1', of: ['gpb', 'fund', 'soe'] } },
          { key: 'carry_in', label: '上年财政拨款结转', at: 31, aliases: ['上年结转'], sum: { rule: 'W4.1', of: ['carry_gpb', 'carry_fund', 'carry_soe'] } },
          { key: 'carry_gpb', label: '一、一般公共预算', at: 32 },
          { key: 'carry_fund', label: '二、政府性基金预算', at: 33 },
          { key: 'carry_soe', label: '三、国有资本经营预算', at: 34 },
          { key: 'income_grand', label: '收入总计', at: 35, sum: { rule: 'W4.1', of: ['income_total', 'carry_in'] } },
        ],
      },
      expenditure: {
        labelColumn: 'exp_label', moneyColumns: ['subtotal', 'gpb', 'fund', 'soe'], categories: true,
        rows: [
          { key: 'exp_total', label: '本年支出合计', at: 30, sum: { rule: 'W4.2', of: ['@categories'] } },
          { key: 'carry_out', label: '年终结转', at: 31 },
          { key: 'exp_grand', label: '支出总计', at: 35, sum: { rule: 'W4.4', of: ['exp_total', 'carry_out'] } },
        ],
      },
    },
    rowIdentities: [{ rule: 'W4.3', target: 'subtotal', parts: ['gpb', 'fund', 'soe'] }],
  },
  {
    id: 't5', number: 5, label: '预算公开表5', sheetName: '表5 一般公共预算支出表',
    title: '{year}年一般公共预算支出预算表（不含上年结转）', titleKey: '一般公共预算支出',
    titleAliases: ['{year}年一般公共预算支出表（不含上年结转）', '{year}年一般公共预算支出预算表'],
    columns: [codeCol(), nameCol(), money('total', '合计', ['小计']), money('basic', '基本支出'), money('project', '项目支出')],
    headerRows: 2,
    header: [
      { row: 0, col: 0, colSpan: 2, text: '项目' },
      { row: 0, col: 2, colSpan: 3, text: '{year}年预算数' },
      { row: 1, col: 0, text: '科目编码' }, { row: 1, col: 1, text: '科目名称' }, { row: 1, col: 2, text: '合计' },
      { row: 1, col: 3, text: '基本支出' }, { row: 1, col: 4, text: '项目支出' },
    ],
    body: { kind: 'coded', totalLabel: '合计', hierarchyRule: 'W5.1' },
    rowIdentities: [{ rule: 'W5.2', target: 'total', parts: ['basic', 'project'] }],
  },
  {
    id: 't6', number: 6, label: '预算公开表6', sheetName: '表6 基本支出经济科目表',
    title: '{year}年一般公共预算安排基本支出分经济科目表（不含上年结转）', titleKey: '基本支出分经济科目',
    columns: [
      { key: 'econ_name', header: '部门预算支出经济科目名称', role: 'label', aliases: ['部门经济科目名称', '经济科目名称'], width: 30 },
      { key: 'gov_name', header: '政府预算支出经济科目名称', role: 'label', aliases: ['政府经济科目名称'], width: 30 },
      money('total', '合计', ['小计']),
      money('personnel', '人员经费'),
      money('public', '公用经费'),
    ],
    headerRows: 2,
    header: [
      { row: 0, col: 0, rowSpan: 2, text: '部门预算支出经济科目名称' },
      { row: 0, col: 1, rowSpan: 2, text: '政府预算支出经济科目名称' },
      { row: 0, col: 2, colSpan: 3, text: '{year}年预算数' },
      { row: 1, col: 2, text: '合计' }, { row: 1, col: 3, text: '人员经费' }, { row: 1, col: 4, text: '公用经费' },
    ],
    body: { kind: 'economic', totalLabel: '合计', totalRule: 'W6.1', classRule: 'W6.2', sideRule: 'W6.4' },
    rowIdentities: [{ rule: 'W6.3', target: 'total', parts: ['personnel', 'public'] }],
  },
  {
    id: 't7', number: 7, label: '预算公开表7', sheetName: '表7 政府性基金收入表',
    title: '{year}年政府性基金预算收入表（不含上年结转）', titleKey: '政府性基金预算收入',
    titleAliases: ['{year}年政府性基金预算收入预算表（不含上年结转）'],
    columns: [
      codeCol('收入科目编码', ['科目编码', '科目代码', '编码']), nameCol(),
      money('fund_income', '政府性基金收入预算', ['合计', '金额']),
    ],
    headerRows: 2,
    header: [
      { row: 0, col: 0, colSpan: 2, text: '项目' },
      { row: 0, col: 2, rowSpan: 2, text: '政府性基金收入预算' },
      { row: 1, col: 0, text: '收入科目编码' }, { row: 1, col: 1, text: '科目名称' },
    ],
    body: { kind: 'coded', totalLabel: '合计', hierarchyRule: 'W7.1' },
  },
  {
    id: 't8', number: 8, label: '预算公开表8', sheetName: '表8 政府性基金支出表',
    title: '{year}年政府性基金预算支出表（不含上年结转）', titleKey: '政府性基金预算支出',
    titleAliases: ['{year}年政府性基金预算支出预算表（不含上年结转）'],
    columns: [codeCol(), nameCol(), money('total', '合计', ['小计']), money('basic', '基本支出'), money('project', '项目支出')],
    headerRows: 1,
    header: [
      { row: 0, col: 0, text: '科目编码' }, { row: 0, col: 1, text: '科目名称' }, { row: 0, col: 2, text: '合计' },
      { row: 0, col: 3, text: '基本支出' }, { row: 0, col: 4, text: '项目支出' },
    ],
    body: { kind: 'coded', totalLabel: '合计', hierarchyRule: 'W8.1' },
    rowIdentities: [{ rule: 'W8.2', target: 'total', parts: ['basic', 'project'] }],
  },
  {
    id: 't9', number: 9, label: '预算公开表9', labelAliases: ['部门公开表9'], sheetName: '表9 国有资本经营预算表',
    title: '{year}年国有资本经营预算收支预算表（不含上年结转）', titleKey: '国有资本经营预算收支',
    columns: [
      { key: 'inc_code', header: '收入科目编码', role: 'code', aliases: ['科目编码'], width: 12 },
      { key: 'inc_name', header: '科目名称', role: 'name', aliases: [], width: 24 },
      money('soe_income', '国有资本经营收入预算'),
      { key: 'code', header: '科目编码', role: 'code', aliases: [], width: 12 },
      { key: 'name', header: '科目名称', role: 'name', aliases: [], width: 24 },
      money('total', '合计'), money('basic', '基本支出'), money('project', '项目支出'),
    ],
    headerRows: 3,
    header: [
      { row: 0, col: 0, colSpan: 3, text: '国有资本经营预算收入' },
      { row: 0, col: 3, colSpan: 5, text: '国有资本经营预算支出' },
      { row: 1, col: 0, colSpan: 2, text: '项目' }, { row: 1, col: 2, rowSpan: 2, text: '国有资本经营收入预算' },
      { row: 1, col: 3, rowSpan: 2, text: '科目编码' }, { row: 1, col: 4, rowSpan: 2, text: '科目名称' },
      { row: 1, col: 5, rowSpan: 2, text: '合计' }, { row: 1, col: 6, rowSpan: 2, text: '基本支出' }, { row: 1, col: 7, rowSpan: 2, text: '项目支出' },
      { row: 2, col: 0, text: '收入科目编码' }, { row: 2, col: 1, text: '科目名称' },
    ],
    body: { kind: 'dualCoded', totalLabel: '合计' },
    rowIdentities: [{ rule: 'W9.1', target: 'total', parts: ['basic', 'project'] }],
  },
  {
    id: 't10', number: 10, label: '预算公开表10', sheetName: '表10 三公经费表',
    title: '{year}年财政拨款安排“三公”经费支出预算表', titleKey: '“三公”经费',
    titleAliases: ['{year}年一般公共预算“三公”经费支出预算表', '{year}年财政拨款安排“三公”经费预算表'],
    columns: [
      { key: 'label', header: '项目', role: 'label', aliases: [], width: 30 },
      money('total', '合计', ['小计']), money('gpb', '一般公共预算', GPB), money('fund', '政府性基金预算', FUND), money('soe', '国有资本经营预算', SOE),
    ],
    headerRows: 2,
    header: [
      { row: 0, col: 0, rowSpan: 2, text: '项目' },
      { row: 0, col: 1, colSpan: 4, text: '{year}年预算数' },
      { row: 1, col: 1, text: '合计' }, { row: 1, col: 2, text: '一般公共预算' }, { row: 1, col: 3, text: '政府性基金预算' }, { row: 1, col: 4, text: '国有资本经营预算' },
    ],
    body: {
      kind: 'fixed',
      side: {
        labelColumn: 'label', moneyColumns: ['total', 'gpb', 'fund', 'soe'],
        rows: [
          { key: 'abroad', label: '因公出国（境）费', aliases: ['因公出国（境）费用', '因公出国(境)费'], at: 0 },
          { key: 'reception', label: '公务接待费', at: 1 },
          { key: 'vehicle', label: '公务用车购置及运行费', at: 2, sum: { rule: 'W10.1', of: ['vehicle_purchase', 'vehicle_running'] } },
          { key: 'vehicle_purchase', label: '①公务用车购置费', aliases: ['公务用车购置费'], at: 3 },
          { key: 'vehicle_running', label: '②公务用车运行维护费', aliases: ['公务用车运行维护费'], at: 4 },
          { key: 'grand', label: '合计', at: 5, sum: { rule: 'W10.2', of: ['abroad', 'reception', 'vehicle'] } },
        ],
      },
    },
    rowIdentities: [{ rule: 'W10.3', target: 'total', parts: ['gpb', 'fund', 'soe'] }],
  },
  {
    id: 't11', number: 11, label: '预算公开表11', sheetName: '表11 机关运行经费表',
    title: '{year}年财政拨款安排机关运行经费预算表', titleKey: '机关运行经费',
    titleAliases: ['{year}年机关运行经费预算财政拨款情况统计表'],
    columns: [
      { key: 'unit_name', header: '单位名称', role: 'label', aliases: [], width: 34 },
      money('total', '合计', ['小计']), money('gpb', '一般公共预算', GPB), money('fund', '政府性基金预算', FUND), money('soe', '国有资本经营预算', SOE),
    ],
    headerRows: 2,
    header: [
      { row: 0, col: 0, rowSpan: 2, text: '单位名称' },
      { row: 0, col: 1, colSpan: 4, text: '{year}预算数' },
      { row: 1, col: 1, text: '合计' }, { row: 1, col: 2, text: '一般公共预算' }, { row: 1, col: 3, text: '政府性基金预算' }, { row: 1, col: 4, text: '国有资本经营预算' },
    ],
    body: { kind: 'units', totalLabel: '部门合计', totalAliases: ['单位合计', '合计'], totalRule: 'W11.1' },
    rowIdentities: [{ rule: 'W11.2', target: 'total', parts: ['gpb', 'fund', 'soe'] }],
    blankRows: 1,
  },
  {
    id: 't12', number: 12, label: '预算公开表12', sheetName: '表12 项目支出表(本年)',
    title: '{year}年项目支出预算表（本年预算）', titleKey: '项目支出预算表（本年',
    titleAliases: ['{year}年项目支出预算表(本年预算)'],
    columns: [
      { key: 'project_name', header: '项目名称', role: 'label', aliases: ['项目', '单位名称/项目名称'], width: 44 },
      money('total', '合计', ['小计']), money('gpb', '一般公共预算', GPB), money('fund', '政府性基金预算', FUND), money('soe', '国有资本经营预算', SOE),
      money('special', '财政专户管理资金'), money('unit', '单位资金'),
    ],
    headerRows: 3,
    header: [
      { row: 0, col: 0, rowSpan: 2, text: '项目名称' },
      { row: 0, col: 1, rowSpan: 2, text: '合计' },
      { row: 0, col: 2, colSpan: 3, text: '{year}年财政拨款' },
      { row: 0, col: 5, rowSpan: 2, text: '财政专户管理资金' },
      { row: 0, col: 6, rowSpan: 2, text: '单位资金' },
      { row: 1, col: 2, text: '一般公共预算' }, { row: 1, col: 3, text: '政府性基金预算' }, { row: 1, col: 4, text: '国有资本经营预算' },
      { row: 2, col: 0, text: '1' }, { row: 2, col: 1, text: '2' }, { row: 2, col: 2, text: '3' }, { row: 2, col: 3, text: '4' },
      { row: 2, col: 4, text: '5' }, { row: 2, col: 5, text: '6' }, { row: 2, col: 6, text: '7' },
    ],
    body: { kind: 'projects', totalRule: 'W12.1', columnNumberRow: true },
    rowIdentities: [{ rule: 'W12.2', target: 'total', parts: ['gpb', 'fund', 'soe', 'special', 'unit'] }],
    blankRows: 10,
  },
  {
    id: 't13', number: 13, label: '预算公开表13', sheetName: '表13 项目支出表(上年结转)',
    title: '{year}年项目支出预算表（上年结转）', titleKey: '项目支出预算表（上年结转',
    titleAliases: ['{year}年项目支出预算表(上年结转)'],
    columns: [
      { key: 'project_name', header: '项目名称', role: 'label', aliases: ['项目'], width: 44 },
      money('total', '合计', ['小计']), money('gpb', '一般公共预算', GPB), money('fund', '政府性基金预算', FUND), money('soe', '国有资本经营预算', SOE),
    ],
    headerRows: 3,
    header: [
      { row: 0, col: 0, rowSpan: 2, text: '项目名称' },
      { row: 0, col: 1, rowSpan: 2, text: '合计' },
      { row: 0, col: 2, colSpan: 3, text: '{year}年财政拨款' },
      { row: 1, col: 2, text: '一般公共预算' }, { row: 1, col: 3, text: '政府性基金预算' }, { row: 1, col: 4, text: '国有资本经营预算' },
      { row: 2, col: 0, text: '1' }, { row: 2, col: 1, text: '2' }, { row: 2, col: 2, text: '3' }, { row: 2, col: 3, text: '4' }, { row: 2, col: 4, text: '5' },
    ],
    body: { kind: 'projects', totalRule: 'W13.1', columnNumberRow: true },
    rowIdentities: [{ rule: 'W13.2', target: 'total', parts: ['gpb', 'fund', 'soe'] }],
    blankRows: 5,
  },
];

export const TABLES: readonly TableDef[] = raw.map((t) => TableDef.parse(t));

const byId = new Map(TABLES.map((t) => [t.id, t] as const));

export function tableDef(id: TableId): TableDef {
  const t = byId.get(id);
  if (!t) throw new Error(`未知的表：${id}`);
  return t;
}

export function withYear(text: string, year: number | string): string {
  return text.replace(/\{year\}/g, String(year));
}

/** The no-data footnote written under an empty table. */
export const NO_DATA_NOTE = '注：本表无数据';
export const UNIT_OF_MEASURE = '单位：万元';
/** Blank-zero money format (spec §0.2). */
export const MONEY_FORMAT = '#,##0.00;-#,##0.00;""';
