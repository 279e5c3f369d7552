import { checkCrossRules } from '../../src/core/rules/cross';
import { CROSS_RULES } from '../../src/core/rules/crossCatalogue';
import { coded, disclosure, table } from './support/build';

const only = (id: string) => CROSS_RULES.filter((r) => r.id === id);

describe('cross-table catalogue', () => {
  it('covers X1–X18 and X20 of docs/domain.md § 表间勾稽', () => {
    const ids = new Set(CROSS_RULES.map((r) => r.id));
    for (let i = 1; i <= 18; i++) expect(ids).toContain(`X${i}`);
    expect(ids).toContain('X20');
  });

  const t2 = coded('t2', [
    [null, '合计', { total: '30.00', gpb: '20.00', unit: '10.00' }],
    ['208', '社会保障和就业支出', { total: '30.00', gpb: '20.00', unit: '10.00' }],
    ['20801', '人力资源和社会保障管理事务', { total: '30.00', gpb: '20.00', unit: '10.00' }],
    ['2080101', '行政运行', { total: '20.00', gpb: '20.00' }],
    ['2080199', '其他人力资源和社会保障管理事务支出', { total: '10.00', unit: '10.00' }],
  ]);

  it('X5 per code: 表2 本年 + 上年结转 = 表3 合计, located at the 表3 code row', () => {
    const t3 = coded('t3', [
      [null, '合计', { total: '30.00', basic: '20.00', project: '10.00' }],
      ['208', '社会保障和就业支出', { total: '30.00', basic: '20.00', project: '10.00' }],
      ['20801', '人力资源和社会保障管理事务', { total: '30.00', basic: '20.00', project: '10.00' }],
      ['2080101', '行政运行', { total: '21.00', basic: '21.00' }],
      ['2080199', '其他人力资源和社会保障管理事务支出', { total: '10.00', project: '10.00' }],
    ]);
    const f = checkCrossRules(disclosure(t2, t3), only('X5'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'X5',
      severity: 'error',
      table: 't3',
      sheet: '表3 预算支出总表',
      cell: 'C8',
      actual: '21.00',
      expected: '20.00',
    });
    expect(f[0].cells).toEqual(expect.arrayContaining([{ sheet: '表2 预算收入总表', cell: 'C8' }]));
    expect(f[0].message).toContain('科目 2080101');
  });

  it('X5 set: a code in 表3 but not in 表2 is reported at its code cell', () => {
    const t3 = coded('t3', [
      [null, '合计', { total: '30.00', basic: '20.00', project: '10.00' }],
      ['208', '社会保障和就业支出', { total: '30.00', basic: '20.00', project: '10.00' }],
      ['20801', '人力资源和社会保障管理事务', { total: '30.00', basic: '20.00', project: '10.00' }],
      ['2080101', '行政运行', { total: '20.00', basic: '20.00' }],
      ['2080105', '劳动保障监察', { total: '10.00', project: '10.00' }],
    ]);
    const f = checkCrossRules(disclosure(t2, t3), only('X5'));
    const sets = f.filter((x) => x.message.includes('没有'));
    expect(sets.map((x) => [x.table, x.cell, x.row?.split(' ')[0]])).toEqual([
      ['t2', 'A9', '2080199'],
      ['t3', 'A9', '2080105'],
    ]);
  });

  it('X7: 表5 lists exactly the codes with 表2 一般公共预算 (003: 单位资金-only codes correctly absent)', () => {
    const t5 = coded('t5', [
      [null, '合计', { total: '20.00', basic: '20.00' }],
      ['208', '社会保障和就业支出', { total: '20.00', basic: '20.00' }],
      ['20801', '人力资源和社会保障管理事务', { total: '20.00', basic: '20.00' }],
      ['2080101', '行政运行', { total: '20.00', basic: '20.00' }],
    ]);
    expect(checkCrossRules(disclosure(t2, t5), only('X7'))).toEqual([]);
    const t5extra = coded('t5', [
      [null, '合计', { total: '30.00', basic: '20.00', project: '10.00' }],
      ['208', '社会保障和就业支出', { total: '30.00', basic: '20.00', project: '10.00' }],
      ['20801', '人力资源和社会保障管理事务', { total: '30.00', basic: '20.00', project: '10.00' }],
      ['2080101', '行政运行', { total: '20.00', basic: '20.00' }],
      ['2080199', '其他人力资源和社会保障管理事务支出', { total: '10.00', project: '10.00' }],
    ]);
    const f = checkCrossRules(disclosure(t2, t5extra), only('X7'));
    expect(f.some((x) => x.table === 't5' && x.row?.startsWith('2080199') && x.severity === 'error')).toBe(true);
  });

  const t6 = (running: string) =>
    table('t6', [
      { kind: 'total', key: 'total', label: '合计', values: { total: running, public: running } },
      { kind: 'class', name: '商品和服务支出', values: { total: running, public: running } },
      { kind: 'item', name: '公务用车运行维护费', values: { total: running, public: running } },
    ]);
  const t10 = (running: string) =>
    table('t10', [
      { kind: 'fixed', key: 'abroad', label: '因公出国（境）费', values: { total: null } },
      { kind: 'fixed', key: 'reception', label: '公务接待费', values: { total: null } },
      { kind: 'fixed', key: 'vehicle_running', label: '②公务用车运行维护费', values: { total: running, gpb: running } },
    ]);

  it('X13 ⚠: 表10 below 表6 is an error, above is a warning', () => {
    expect(checkCrossRules(disclosure(t6('3.50'), t10('3.50')), only('X13'))).toEqual([]);
    const below = checkCrossRules(disclosure(t6('3.50'), t10('2.00')), only('X13'));
    expect(below.map((x) => [x.severity, x.table, x.cell])).toEqual([['error', 't10', 'B7']]);
    const above = checkCrossRules(disclosure(t6('3.50'), t10('5.00')), only('X13'));
    expect(above.map((x) => x.severity)).toEqual(['warning']);
  });

  const t11 = (v: string | null) =>
    table('t11', [
      { kind: 'total', key: 'total', label: '部门合计', values: { total: v, gpb: v } },
      { kind: 'unit', name: '某局', values: { total: v, gpb: v } },
    ]);

  it('X14: 表11 > 表6 公用经费 is an error; < is information; blank (事业单位) is silent', () => {
    expect(checkCrossRules(disclosure(t6('25.29'), t11('25.29')), only('X14'))).toEqual([]);
    expect(checkCrossRules(disclosure(t6('25.29'), t11('30.00')), only('X14')).map((x) => x.severity)).toEqual([
      'error',
    ]);
    expect(checkCrossRules(disclosure(t6('25.29'), t11('20.00')), only('X14')).map((x) => x.severity)).toEqual([
      'info',
    ]);
    expect(checkCrossRules(disclosure(t6('25.29'), t11(null)), only('X14'))).toEqual([]);
  });

  it('X20 is information only, never an error', () => {
    const t6b = table('t6', [
      { kind: 'class', name: '工资福利支出', values: { total: '9.32', personnel: '9.32' } },
      { kind: 'item', name: '职工基本医疗保险缴费', values: { total: '9.32', personnel: '9.32' } },
    ]);
    const t3 = coded('t3', [
      [null, '合计', { total: '9.48', basic: '9.48' }],
      ['210', '卫生健康支出', { total: '9.48', basic: '9.48' }],
      ['21011', '行政事业单位医疗', { total: '9.48', basic: '9.48' }],
      ['2101101', '行政单位医疗', { total: '9.48', basic: '9.48' }],
    ]);
    const f = checkCrossRules(disclosure(t6b, t3), only('X20'));
    expect(f.map((x) => [x.severity, x.diff])).toEqual([['info', '-0.16']]);
  });

  it('X15: 表3 项目支出 = 表12 + 表13, where 表13 without rows counts as 0', () => {
    const t3 = coded('t3', [[null, '合计', { total: '197.55', project: '197.55' }]]);
    const t12 = table('t12', [
      { kind: 'unit', name: '大同市人力资源和社会保障局', values: { total: '197.55', gpb: '197.55' } },
      { kind: 'project', name: 'Z网络运维服务费', values: { total: '197.55', gpb: '197.55' } },
    ]);
    const t13 = table('t13', [], { note: '注：本表无数据' });
    expect(checkCrossRules(disclosure(t3, t12, t13), only('X15'))).toEqual([]);
    const t3b = coded('t3', [[null, '合计', { total: '200.00', project: '200.00' }]]);
    const f = checkCrossRules(disclosure(t3b, t12, t13), only('X15'));
    expect(f.map((x) => [x.severity, x.table, x.cell, x.expected, x.actual])).toEqual([
      ['error', 't3', 'E5', '197.55', '200.00'],
    ]);
  });

  it('a rule whose table is absent is skipped, not guessed', () => {
    expect(checkCrossRules(disclosure(t2), only('X5'))).toEqual([]);
  });
});

describe('two-sided 表1 identities and scalar X rules', () => {
  const t1 = (expGrand: string, carryIn: string | null = null) =>
    table('t1', [
      { kind: 'fixed', side: 'income', key: 'gpb', label: '一、一般公共预算', values: { income: '100.00' }, at: 0 },
      {
        kind: 'fixed',
        side: 'income',
        key: 'income_total',
        label: '本年收入合计',
        values: { income: '100.00' },
        at: 30,
      },
      { kind: 'fixed', side: 'income', key: 'carry_in', label: '上年结转', values: { income: carryIn }, at: 31 },
      { kind: 'fixed', side: 'income', key: 'income_grand', label: '收入总计', values: { income: '100.00' }, at: 32 },
      {
        kind: 'fixed',
        side: 'expenditure',
        key: 'exp_total',
        label: '本年支出合计',
        values: { total: '100.00', current: '100.00' },
        at: 30,
      },
      {
        kind: 'fixed',
        side: 'expenditure',
        key: 'exp_grand',
        label: '支出总计',
        values: { total: expGrand, current: expGrand },
        at: 32,
      },
    ]);

  it('W1.7 收入总计 = 支出总计', () => {
    expect(checkCrossRules(disclosure(t1('100.00')), only('W1.7'))).toEqual([]);
    const f = checkCrossRules(disclosure(t1('90.00')), only('W1.7'));
    expect(f.map((x) => [x.severity, x.cell, x.expected, x.actual])).toEqual([['error', 'D37', '100.00', '90.00']]);
  });

  it('W1.6 本年支出合计[上年结转安排] = 上年结转', () => {
    const f = checkCrossRules(disclosure(t1('100.00', '5.00')), only('W1.6'));
    expect(f.map((x) => [x.severity, x.diff])).toEqual([['error', '-5.00']]);
  });

  it('X8: 表5 合计 = 表1 一般公共预算', () => {
    const t5 = coded('t5', [[null, '合计', { total: '100.01', basic: '100.01' }]]);
    const f = checkCrossRules(disclosure(t1('100.00'), t5), only('X8'));
    expect(f.map((x) => [x.severity, x.table, x.cell])).toEqual([['rounding', 't5', 'C5']]);
  });

  it('X18: 表2 上年结转 = 表1 上年结转', () => {
    const t2 = coded('t2', [[null, '合计', { total: '100.00', gpb: '100.00', carry: '3.00' }]]);
    const f = checkCrossRules(disclosure(t1('100.00'), t2), only('X18'));
    expect(f.map((x) => [x.severity, x.table, x.cell, x.expected])).toEqual([['error', 't2', 'I5', '0.00']]);
  });
});
