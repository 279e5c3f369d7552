import Decimal from 'decimal.js';
import type { Amount, Disclosure, LocatedTable, TableRow } from '../../../src/core/model/disclosure';
import { CATEGORIES } from '../../../src/core/reference';
import type { TableId } from '../../../src/core/templates/schema';
import { NO_DATA_NOTE } from '../../../src/core/templates/tables';
import { addr } from '../../../src/core/model/grid';
import { colOf, coded, disclosure, table, type Money, type RowSpec } from './build';

/**
 * One consistent 部门 disclosure with every source of money in use (一般公共预算, 政府性基金,
 * 财政专户, 单位资金, 上年结转), two units in 表11 and 表12, and a 表13 project: every identity of
 * docs/rules.md holds exactly, so the engine reports no table finding at all. The rule tests break
 * it in one place each and expect exactly one rule to speak.
 *
 * The figures (万元), worked by hand:
 *   项 2080101 行政运行           一般 300            基本 300
 *   项 2080199 其他人社事务       一般 50, 专户 20, 单位 30, 结转 10   项目 110 (表5 项目 50)
 *   项 2080505 养老保险缴费       一般 40             基本 40
 *   项 2089999 其他社保就业支出   基金 25             项目 25
 *   项 2101101 行政单位医疗       一般 20             基本 20
 *   项 2210201 住房公积金         一般 30             基本 30
 *   本年 515 = 一般 440 + 基金 25 + 专户 20 + 单位 30; 结转 10 (财政拨款, 一般); 总计 525.
 *   基本 390 (all 一般) = 表6 合计: 人员 375 (工资福利 370 + 奖励金 5), 公用 15 (办公 6, 车 4, 接待 2, 出国 3).
 *   项目 135 = 表12 125 (局机关 75: 甲 30 一般, 乙 20 一般 + 25 基金; 执法队 50: 丙 20 专户, 丁 30 单位) + 表13 10.
 *   表10 三公 9 = 出国 3 + 接待 2 + 车 4; 表11 机关运行经费 15 = 局机关 10 + 执法队 5 = 表6 公用经费.
 */

type Row = [string | null, string, Record<string, Money>];

const T2: Row[] = [
  [null, '合计', { total: 515, gpb: 440, fund: 25, special: 20, unit: 30, carry: 10 }],
  ['208', '社会保障和就业支出', { total: 465, gpb: 390, fund: 25, special: 20, unit: 30, carry: 10 }],
  ['20801', '人力资源和社会保障管理事务', { total: 400, gpb: 350, special: 20, unit: 30, carry: 10 }],
  ['2080101', '行政运行', { total: 300, gpb: 300 }],
  ['2080199', '其他人力资源和社会保障管理事务支出', { total: 100, gpb: 50, special: 20, unit: 30, carry: 10 }],
  ['20805', '行政事业单位养老支出', { total: 40, gpb: 40 }],
  ['2080505', '机关事业单位基本养老保险缴费支出', { total: 40, gpb: 40 }],
  ['20899', '其他社会保障和就业支出', { total: 25, fund: 25 }],
  ['2089999', '其他社会保障和就业支出', { total: 25, fund: 25 }],
  ['210', '卫生健康支出', { total: 20, gpb: 20 }],
  ['21011', '行政事业单位医疗', { total: 20, gpb: 20 }],
  ['2101101', '行政单位医疗', { total: 20, gpb: 20 }],
  ['221', '住房保障支出', { total: 30, gpb: 30 }],
  ['22102', '住房改革支出', { total: 30, gpb: 30 }],
  ['2210201', '住房公积金', { total: 30, gpb: 30 }],
];

const T3: Row[] = [
  [null, '合计', { total: 525, basic: 390, project: 135 }],
  ['208', '社会保障和就业支出', { total: 475, basic: 340, project: 135 }],
  ['20801', '人力资源和社会保障管理事务', { total: 410, basic: 300, project: 110 }],
  ['2080101', '行政运行', { total: 300, basic: 300 }],
  ['2080199', '其他人力资源和社会保障管理事务支出', { total: 110, project: 110 }],
  ['20805', '行政事业单位养老支出', { total: 40, basic: 40 }],
  ['2080505', '机关事业单位基本养老保险缴费支出', { total: 40, basic: 40 }],
  ['20899', '其他社会保障和就业支出', { total: 25, project: 25 }],
  ['2089999', '其他社会保障和就业支出', { total: 25, project: 25 }],
  ['210', '卫生健康支出', { total: 20, basic: 20 }],
  ['21011', '行政事业单位医疗', { total: 20, basic: 20 }],
  ['2101101', '行政单位医疗', { total: 20, basic: 20 }],
  ['221', '住房保障支出', { total: 30, basic: 30 }],
  ['22102', '住房改革支出', { total: 30, basic: 30 }],
  ['2210201', '住房公积金', { total: 30, basic: 30 }],
];

const T5: Row[] = [
  [null, '合计', { total: 440, basic: 390, project: 50 }],
  ['208', '社会保障和就业支出', { total: 390, basic: 340, project: 50 }],
  ['20801', '人力资源和社会保障管理事务', { total: 350, basic: 300, project: 50 }],
  ['2080101', '行政运行', { total: 300, basic: 300 }],
  ['2080199', '其他人力资源和社会保障管理事务支出', { total: 50, project: 50 }],
  ['20805', '行政事业单位养老支出', { total: 40, basic: 40 }],
  ['2080505', '机关事业单位基本养老保险缴费支出', { total: 40, basic: 40 }],
  ['210', '卫生健康支出', { total: 20, basic: 20 }],
  ['21011', '行政事业单位医疗', { total: 20, basic: 20 }],
  ['2101101', '行政单位医疗', { total: 20, basic: 20 }],
  ['221', '住房保障支出', { total: 30, basic: 30 }],
  ['22102', '住房改革支出', { total: 30, basic: 30 }],
  ['2210201', '住房公积金', { total: 30, basic: 30 }],
];

const T7: Row[] = [
  [null, '合计', { fund_income: 25 }],
  ['103', '非税收入', { fund_income: 25 }],
  ['10301', '政府性基金收入', { fund_income: 25 }],
  ['1030199', '其他政府性基金收入', { fund_income: 25 }],
];

const T8: Row[] = [
  [null, '合计', { total: 25, project: 25 }],
  ['208', '社会保障和就业支出', { total: 25, project: 25 }],
  ['20899', '其他社会保障和就业支出', { total: 25, project: 25 }],
  ['2089999', '其他社会保障和就业支出', { total: 25, project: 25 }],
];

const at = (code: string) => CATEGORIES.findIndex((c) => c.code === code);
const catLabel = (code: string) => CATEGORIES.find((c) => c.code === code)!.label;

function t1(): LocatedTable {
  const inc = (key: string, label: string, v: Money, pos: number): RowSpec & { at: number } => ({
    kind: 'fixed',
    side: 'income',
    key,
    label,
    values: { income: v },
    at: pos,
  });
  const exp = (key: string, label: string, v: [Money, Money, Money], pos: number): RowSpec & { at: number } => ({
    kind: 'fixed',
    side: 'expenditure',
    key,
    label,
    values: { total: v[0], current: v[1], carry: v[2] },
    at: pos,
  });
  return table('t1', [
    inc('gpb', '一、一般公共预算', 440, 0),
    inc('fund', '二、政府性基金预算', 25, 1),
    inc('soe', '三、国有资本经营预算', null, 2),
    inc('special', '四、财政专户管理资金', 20, 3),
    inc('unit', '五、单位资金', 30, 4),
    inc('income_total', '本年收入合计', 515, 30),
    inc('carry_in', '上年结转', 10, 31),
    inc('income_grand', '收入总计', 525, 32),
    exp('cat:208', catLabel('208'), [475, 465, 10], at('208')),
    exp('cat:210', catLabel('210'), [20, 20, null], at('210')),
    exp('cat:221', catLabel('221'), [30, 30, null], at('221')),
    exp('exp_total', '本年支出合计', [525, 515, 10], 30),
    exp('carry_out', '年终结转', [null, null, null], 31),
    exp('exp_grand', '支出总计', [525, 515, 10], 32),
  ]);
}

function t4(): LocatedTable {
  const inc = (key: string, label: string, v: Money, pos: number): RowSpec & { at: number } => ({
    kind: 'fixed',
    side: 'income',
    key,
    label,
    values: { income: v },
    at: pos,
  });
  const exp = (key: string, label: string, v: [Money, Money, Money, Money], pos: number): RowSpec & { at: number } => ({
    kind: 'fixed',
    side: 'expenditure',
    key,
    label,
    values: { subtotal: v[0], gpb: v[1], fund: v[2], soe: v[3] },
    at: pos,
  });
  return table('t4', [
    inc('gpb', '一、一般公共预算', 440, 0),
    inc('fund', '二、政府性基金预算', 25, 1),
    inc('soe', '三、国有资本经营预算', null, 2),
    inc('income_total', '本年收入合计', 465, 30),
    inc('carry_in', '上年财政拨款结转', 10, 31),
    inc('carry_gpb', '一、一般公共预算', 10, 32),
    inc('carry_fund', '二、政府性基金预算', null, 33),
    inc('carry_soe', '三、国有资本经营预算', null, 34),
    inc('income_grand', '收入总计', 475, 35),
    // 208: 表2 一般 390 + 基金 25 + 结转 10 = 425; 一般公共预算 column = 表5 390 + 结转 10 = 400.
    exp('cat:208', catLabel('208'), [425, 400, 25, null], at('208')),
    exp('cat:210', catLabel('210'), [20, 20, null, null], at('210')),
    exp('cat:221', catLabel('221'), [30, 30, null, null], at('221')),
    exp('exp_total', '本年支出合计', [475, 450, 25, null], 30),
    exp('carry_out', '年终结转', [null, null, null, null], 31),
    exp('exp_grand', '支出总计', [475, 450, 25, null], 35),
  ]);
}

function t6(): LocatedTable {
  const cls = (name: string, v: [Money, Money, Money]): RowSpec => ({
    kind: 'class',
    name,
    values: { total: v[0], personnel: v[1], public: v[2] },
  });
  const item = (name: string, side: 'personnel' | 'public', v: number): RowSpec => ({
    kind: 'item',
    name,
    values: { total: v, [side]: v },
  });
  return table('t6', [
    { kind: 'total', key: 'total', label: '合计', values: { total: 390, personnel: 375, public: 15 } },
    cls('工资福利支出', [370, 370, null]),
    item('基本工资', 'personnel', 280),
    item('机关事业单位基本养老保险缴费', 'personnel', 40),
    item('职工基本医疗保险缴费', 'personnel', 20),
    item('住房公积金', 'personnel', 30),
    cls('商品和服务支出', [15, null, 15]),
    item('办公费', 'public', 6),
    item('公务用车运行维护费', 'public', 4),
    item('公务接待费', 'public', 2),
    item('因公出国（境）费用', 'public', 3),
    cls('对个人和家庭的补助', [5, 5, null]),
    item('奖励金', 'personnel', 5),
  ]);
}

function t10(): LocatedTable {
  const row = (key: string, label: string, v: Money): RowSpec => ({
    kind: 'fixed',
    key,
    label,
    values: { total: v, gpb: v },
  });
  return table('t10', [
    row('abroad', '因公出国（境）费', 3),
    row('reception', '公务接待费', 2),
    row('vehicle', '公务用车购置及运行费', 4),
    row('vehicle_purchase', '①公务用车购置费', null),
    row('vehicle_running', '②公务用车运行维护费', 4),
    row('grand', '合计', 9),
  ]);
}

function t11(): LocatedTable {
  return table('t11', [
    { kind: 'total', key: 'total', label: '部门合计', values: { total: 15, gpb: 15 } },
    { kind: 'unit', name: '测试局机关', values: { total: 10, gpb: 10 } },
    { kind: 'unit', name: '测试执法队', values: { total: 5, gpb: 5 } },
  ]);
}

function t12(): LocatedTable {
  return table('t12', [
    { kind: 'total', key: 'total', label: '测试局', values: { total: 125, gpb: 50, fund: 25, special: 20, unit: 30 } },
    { kind: 'unit', name: '测试局机关', values: { total: 75, gpb: 50, fund: 25 } },
    { kind: 'project', name: '甲项目', unit: '测试局机关', values: { total: 30, gpb: 30 } },
    { kind: 'project', name: '乙项目', unit: '测试局机关', values: { total: 45, gpb: 20, fund: 25 } },
    { kind: 'unit', name: '测试执法队', values: { total: 50, special: 20, unit: 30 } },
    { kind: 'project', name: '丙项目', unit: '测试执法队', values: { total: 20, special: 20 } },
    { kind: 'project', name: '丁项目', unit: '测试执法队', values: { total: 30, unit: 30 } },
  ]);
}

function t13(): LocatedTable {
  return table('t13', [
    { kind: 'total', key: 'total', label: '测试局', values: { total: 10, gpb: 10 } },
    { kind: 'unit', name: '测试局机关', values: { total: 10, gpb: 10 } },
    { kind: 'project', name: '戊结转项目', unit: '测试局机关', values: { total: 10, gpb: 10 } },
  ]);
}

/** A fresh copy every call: the tests change it in place. */
export function cleanDisclosure(): Disclosure {
  const d = disclosure(
    t1(),
    coded('t2', T2),
    coded('t3', T3),
    t4(),
    coded('t5', T5),
    t6(),
    coded('t7', T7),
    coded('t8', T8),
    table('t9', [], { note: NO_DATA_NOTE }),
    t10(),
    t11(),
    t12(),
    t13(),
  );
  d.meta = { year: 2024, unit: '测试局', level: '部门' };
  return d;
}

/** The row of a table by key, code or name (fixed-row keys are 'gpb', 'cat:208' …). */
export function rowOf(d: Disclosure, t: TableId, key: string, side?: 'income' | 'expenditure'): TableRow {
  const table = d.tables[t];
  if (!table) throw new Error(`${t} is not in the disclosure`);
  const row = table.rows.find((r) => (r.key === key || r.code === key || r.name === key) && (!side || r.side === side));
  if (!row) throw new Error(`${t}: no row ${key}`);
  return row;
}

/** Changes one printed figure, keeping its cell: what a clerk's typo does. */
export function setAmount(
  d: Disclosure,
  t: TableId,
  key: string,
  col: string,
  value: number | null,
  side?: 'income' | 'expenditure',
): Amount {
  const row = rowOf(d, t, key, side);
  const old = row.values[col] ?? blankCell(d, t, row, col);
  const next: Amount = {
    ...old,
    value: new Decimal(value ?? 0),
    blank: value === null,
    raw: value,
  };
  row.values[col] = next;
  return next;
}

/** The blank cell of a row in a column the fixture left out. */
function blankCell(d: Disclosure, t: TableId, row: TableRow, col: string): Amount {
  const table = d.tables[t]!;
  if (!table.columns[col]) throw new Error(`${t} has no column ${col}`);
  return { value: new Decimal(0), blank: true, sheet: table.sheet, cell: addr(row.row, colOf(t, col)), raw: null };
}

/** Adds to a printed figure. */
export function addTo(
  d: Disclosure,
  t: TableId,
  key: string,
  col: string,
  delta: number,
  side?: 'income' | 'expenditure',
): void {
  const a = rowOf(d, t, key, side).values[col];
  setAmount(d, t, key, col, (a ? a.value.toNumber() : 0) + delta, side);
}

export function drop(d: Disclosure, ...ids: TableId[]): void {
  for (const id of ids) delete d.tables[id];
}

/** A row the table does not print. */
export function dropRow(d: Disclosure, t: TableId, key: string): void {
  const table = d.tables[t]!;
  const row = rowOf(d, t, key);
  table.rows = table.rows.filter((r) => r !== row);
}

/** A column the table does not print. */
export function dropColumn(d: Disclosure, t: TableId, col: string): void {
  const table = d.tables[t]!;
  delete table.columns[col];
  for (const r of table.rows) delete r.values[col];
}

/** Gives a printed figure a formula (the cached value stays). */
export function setFormula(d: Disclosure, t: TableId, key: string, col: string, formula: string): void {
  const row = rowOf(d, t, key);
  row.values[col] = { ...row.values[col]!, formula };
}

/** Replaces what a cell holds (text, an error value) and the value it counts as. */
export function setRaw(d: Disclosure, t: TableId, key: string, col: string, raw: Amount['raw'], value = 0): void {
  const row = rowOf(d, t, key);
  row.values[col] = { ...(row.values[col] ?? blankCell(d, t, row, col)), raw, value: new Decimal(value), blank: false };
}
