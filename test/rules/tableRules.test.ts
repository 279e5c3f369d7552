import { checkCodedHierarchy } from '../../src/core/rules/hierarchy';
import { checkEconomic } from '../../src/core/rules/economic';
import { checkFixedRowSums } from '../../src/core/rules/fixedRowSums';
import { checkNoData, isNoDataNote } from '../../src/core/rules/noData';
import { checkProjects, checkUnits } from '../../src/core/rules/units';
import { coded, disclosure, table } from './support/build';

describe('coded hierarchy (W2.1 …)', () => {
  const t2 = (kuan: string, total = '100.00') =>
    coded('t2', [
      [null, '合计', { total, gpb: total }],
      ['210', '卫生健康支出', { total: '54.30', gpb: '54.30' }],
      ['21011', '行政事业单位医疗', { total: kuan, gpb: kuan }],
      ['2101101', '行政单位医疗', { total: '41.76', gpb: '41.76' }],
      ['2101103', '公务员医疗补助', { total: '11.93', gpb: '11.93' }],
      ['221', '住房保障支出', { total: '45.70', gpb: '45.70' }],
      ['22102', '住房改革支出', { total: '45.70', gpb: '45.70' }],
      ['2210201', '住房公积金', { total: '45.70', gpb: '45.70' }],
    ]);

  it('passes when 类 = Σ款, 款 = Σ项, 合计 = Σ类', () => {
    // 21011 = 41.76 + 11.93 = 53.69; 210 must then be 53.69 too: use a consistent variant.
    const t = coded('t2', [
      [null, '合计', { total: '99.39', gpb: '99.39' }],
      ['210', '卫生健康支出', { total: '53.69', gpb: '53.69' }],
      ['21011', '行政事业单位医疗', { total: '53.69', gpb: '53.69' }],
      ['2101101', '行政单位医疗', { total: '41.76', gpb: '41.76' }],
      ['2101103', '公务员医疗补助', { total: '11.93', gpb: '11.93' }],
      ['221', '住房保障支出', { total: '45.70', gpb: '45.70' }],
      ['22102', '住房改革支出', { total: '45.70', gpb: '45.70' }],
      ['2210201', '住房公积金', { total: '45.70', gpb: '45.70' }],
    ]);
    expect(checkCodedHierarchy(t)).toEqual([]);
  });

  it('reports the 000 款 21011 尾差 (53.70 vs 41.76 + 11.93) in each money column, at the 款 cell', () => {
    const f = checkCodedHierarchy(t2('53.70')).filter((x) => x.row?.startsWith('21011'));
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.expected, x.actual])).toEqual([
      ['W2.1', 'rounding', 'C7', '53.69', '53.70'],
      ['W2.1', 'rounding', 'D7', '53.69', '53.70'],
    ]);
    expect(f[0].message).toBe(
      '表2 预算收入总表 C7（21011 行政事业单位医疗·合计）为 53.70，其下各项合计 53.69，相差 0.01（尾差）',
    );
    expect(f[0].cells).toEqual([
      { sheet: '表2 预算收入总表', cell: 'C7' },
      { sheet: '表2 预算收入总表', cell: 'C8' },
      { sheet: '表2 预算收入总表', cell: 'C9' },
    ]);
  });

  it('reports 类 ≠ Σ款 as an error and 合计 ≠ Σ类', () => {
    const f = checkCodedHierarchy(t2('50.00', '120.00'));
    const byRow = f.map((x) => `${x.row?.split(' ')[0]}:${x.severity}`);
    expect(byRow).toEqual(expect.arrayContaining(['210:error', '21011:error', '合计:error']));
  });

  it('reports a 款 whose 类 row is missing, once, as a 提示, and checks no sum above it', () => {
    const t = coded('t3', [
      [null, '合计', { total: '10.00', basic: '10.00' }],
      ['20801', '人力资源和社会保障管理事务', { total: '10.00', basic: '10.00' }],
      ['2080101', '行政运行', { total: '10.00', basic: '10.00' }],
    ]);
    const f = checkCodedHierarchy(t);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'W3.1', severity: 'warning', cell: 'A6' });
    expect(f[0].message).toContain('208');
  });
});

describe('coded hierarchy: incomplete tables are a 提示, never a false 错误', () => {
  it('a 类 whose 项 are printed without their 款: one 提示 for the missing 款, no “nothing under it”, no sum', () => {
    const t = coded('t3', [
      [null, '合计', { total: '30.00', basic: '30.00' }],
      ['221', '住房保障支出', { total: '30.00', basic: '30.00' }],
      ['2210201', '住房公积金', { total: '20.00', basic: '20.00' }],
      ['2210202', '提租补贴', { total: '9.00', basic: '9.00' }],
    ]);
    const f = checkCodedHierarchy(t);
    expect(f.map((x) => [x.rule, x.severity, x.cell])).toEqual([['W3.1', 'warning', 'A7']]);
    expect(f[0].cells).toEqual([
      { sheet: '表3 预算支出总表', cell: 'A7' },
      { sheet: '表3 预算支出总表', cell: 'A8' },
    ]);
    expect(f[0].message).toBe(
      '表3 预算支出总表 A7（2210201 住房公积金）等 2 行的上级款科目 22102 不在表中，无法核对款级合计，请补上 22102 行',
    );
  });

  it('a missing 款 silences the 合计 = Σ类 check too, while complete 类 are still checked', () => {
    const t = coded('t3', [
      [null, '合计', { total: '99.00', basic: '99.00' }],
      ['208', '社会保障和就业支出', { total: '12.00', basic: '12.00' }],
      ['20801', '人力资源和社会保障管理事务', { total: '10.00', basic: '10.00' }],
      ['2080101', '行政运行', { total: '10.00', basic: '10.00' }],
      ['221', '住房保障支出', { total: '30.00', basic: '30.00' }],
      ['2210201', '住房公积金', { total: '30.00', basic: '30.00' }],
    ]);
    const f = checkCodedHierarchy(t);
    expect(f.map((x) => [x.severity, x.row?.split(' ')[0], x.cell])).toEqual([
      ['warning', '2210201', 'A10'],
      ['error', '208', 'C6'],
      ['error', '208', 'D6'],
    ]);
  });
});

describe('fixed-row sums (W1.1, W10.1 …)', () => {
  it('表1 本年收入合计 = Σ income rows: 003 尾差 2712.37 vs 2107.34 + 605.04', () => {
    const t1 = table('t1', [
      { kind: 'fixed', side: 'income', key: 'gpb', label: '一、一般公共预算', values: { income: '2107.34' }, at: 0 },
      { kind: 'fixed', side: 'income', key: 'unit', label: '五、单位资金', values: { income: '605.04' }, at: 4 },
      {
        kind: 'fixed',
        side: 'income',
        key: 'income_total',
        label: '本年收入合计',
        values: { income: '2712.37' },
        at: 30,
      },
    ]);
    const f = checkFixedRowSums(disclosure(t1));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'W1.1',
      severity: 'rounding',
      cell: 'B35',
      expected: '2712.38',
      actual: '2712.37',
      diff: '-0.01',
    });
  });

  it('表10 公务用车购置及运行费 = ① + ②', () => {
    const t10 = (v: string) =>
      table('t10', [
        { kind: 'fixed', key: 'vehicle', label: '公务用车购置及运行费', values: { total: v, gpb: v } },
        { kind: 'fixed', key: 'vehicle_purchase', label: '①公务用车购置费', values: { total: null } },
        { kind: 'fixed', key: 'vehicle_running', label: '②公务用车运行维护费', values: { total: '3.50', gpb: '3.50' } },
      ]);
    expect(checkFixedRowSums(disclosure(t10('3.50')))).toEqual([]);
    const f = checkFixedRowSums(disclosure(t10('4.50')));
    expect(f.map((x) => [x.rule, x.severity, x.cell])).toEqual([
      ['W10.1', 'error', 'B5'],
      ['W10.1', 'error', 'C5'],
    ]);
  });
});

describe('表6 economic classes', () => {
  const t6 = (opts: { officeIn?: 'personnel' | 'public'; classSplit?: boolean } = {}) => {
    const side = opts.officeIn ?? 'public';
    const split = opts.classSplit ?? true;
    return table('t6', [
      {
        kind: 'total',
        key: 'total',
        label: '合计',
        values: { total: '12.00', personnel: split ? '10.00' : null, public: split ? '2.00' : null },
      },
      { kind: 'class', name: '工资福利支出', values: { total: '10.00', personnel: split ? '10.00' : null } },
      { kind: 'item', name: '基本工资', values: { total: '6.00', personnel: '6.00' } },
      { kind: 'item', name: '津贴补贴', values: { total: '4.00', personnel: '4.00' } },
      {
        kind: 'class',
        name: '商品和服务支出',
        values: {
          total: '2.00',
          public: split && side === 'public' ? '2.00' : null,
          personnel: split && side === 'personnel' ? '2.00' : null,
        },
      },
      { kind: 'item', name: '办公费', values: { total: '2.00', [side]: '2.00' } },
    ]);
  };

  it('passes on a correct split', () => {
    expect(checkEconomic(t6())).toEqual([]);
  });

  it('W6.4: a 商品和服务 item in 人员经费 is an error at that cell', () => {
    const f = checkEconomic(t6({ officeIn: 'personnel' })).filter((x) => x.rule === 'W6.4');
    expect(f.map((x) => x.cell)).toEqual(['D9', 'D10']);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
    expect(f[1].message).toContain('商品和服务支出属于公用经费');
  });

  it('W6.3 (via row identities) is the only report when class rows leave the split blank (001)', () => {
    const f = checkEconomic(t6({ classSplit: false }));
    expect(f).toEqual([]);
  });

  it('W6.2: class ≠ Σ items', () => {
    const t = table('t6', [
      { kind: 'class', name: '工资福利支出', values: { total: '10.01', personnel: '10.01' } },
      { kind: 'item', name: '基本工资', values: { total: '10.00', personnel: '10.00' } },
    ]);
    expect(checkEconomic(t).map((x) => [x.rule, x.severity])).toEqual([
      ['W6.2', 'rounding'],
      ['W6.2', 'rounding'],
    ]);
  });
});

describe('表11, 表12/13 totals', () => {
  it('W11.1 部门合计 = Σ units', () => {
    const t = table('t11', [
      { kind: 'total', key: 'total', label: '部门合计', values: { total: '100.00', gpb: '100.00' } },
      { kind: 'unit', name: '甲', values: { total: '60.00', gpb: '60.00' } },
      { kind: 'unit', name: '乙', values: { total: '30.00', gpb: '30.00' } },
    ]);
    const f = checkUnits(t);
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.expected])).toEqual([
      ['W11.1', 'error', 'B5', '90.00'],
      ['W11.1', 'error', 'C5', '90.00'],
    ]);
  });

  it('W12.1 部门: unit subtotal = Σ its projects; total = Σ subtotals', () => {
    const t = table('t12', [
      { kind: 'total', key: 'total', label: '某局', values: { total: '30.00', gpb: '30.00' } },
      { kind: 'unit', name: '某局机关', values: { total: '10.00', gpb: '10.00' } },
      { kind: 'project', name: '甲项目', values: { total: '10.00', gpb: '10.00' } },
      { kind: 'unit', name: '某中心', values: { total: '20.00', gpb: '20.00' } },
      { kind: 'project', name: '乙项目', values: { total: '15.00', gpb: '15.00' } },
      { kind: 'project', name: '丙项目', values: { total: '4.00', gpb: '4.00' } },
    ]);
    const f = checkProjects(t);
    expect(f.map((x) => [x.row, x.cell, x.severity])).toEqual([
      ['某中心', 'B8', 'error'],
      ['某中心', 'C8', 'error'],
    ]);
  });
});

describe('W7 no-data note', () => {
  const empty = (note?: string) => coded('t7', [[null, '合计', { fund_income: null }]], { note });
  it('accepts the standard note and the county 备注 variants', () => {
    expect(checkNoData(empty('注：本表无数据'))).toEqual([]);
    expect(checkNoData(empty('备注：我单位本年度无政府性基金预算收入。'))).toEqual([]);
    expect(isNoDataNote('备注：我单位无上年财政拨款结转安排的其他运转类和特定目标类项目支出（二级项目）。')).toBe(true);
    expect(isNoDataNote('注：本套报表因取数时四舍五入，部分金额可能存在尾差')).toBe(false);
  });
  it('warns on an empty table without a note, and on a note over data', () => {
    expect(checkNoData(empty())).toEqual([expect.objectContaining({ rule: 'W7', severity: 'warning', table: 't7' })]);
    const withData = coded('t7', [[null, '合计', { fund_income: '5.00' }]], { note: '注：本表无数据' });
    expect(checkNoData(withData)).toEqual([expect.objectContaining({ rule: 'W7', severity: 'warning' })]);
  });
});
