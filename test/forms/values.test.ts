import Decimal from 'decimal.js';
import {
  isPartName,
  isPerUnitName,
  isWholeCostName,
  parseIndicatorValue,
  readAmount,
} from '../../src/core/forms/values';
import { agreesWithWan } from '../../src/core/forms/projects';
import { termMonths } from '../../src/core/forms/checks/funds';
import { parseFormDate } from '../../src/core/forms/rules';
import { formatMoney, formatWan, formatYuan } from '../../src/core/money';

describe('readAmount: every way an amount is written in 指标值 (issue 11 class 3)', () => {
  // [written, 元, step in 元, per unit]
  const cases: [string, string, string, boolean][] = [
    ['≤120万元', '1200000', '10000', false],
    ['≤120万', '1200000', '10000', false],
    ['120万', '1200000', '10000', false],
    ['<=120万元', '1200000', '10000', false],
    ['＜１２０万元', '1200000', '10000', false],
    ['≤ 120 万元', '1200000', '10000', false],
    ['≤\u3000120万元', '1200000', '10000', false],
    ['不超过120万元', '1200000', '10000', false],
    ['不高于1,200,000元', '1200000', '1', false],
    ['120万元以内', '1200000', '10000', false],
    ['120万以内', '1200000', '10000', false],
    ['控制在120万元以内', '1200000', '10000', false],
    ['1,200,000元', '1200000', '1', false],
    ['１，２００，０００元', '1200000', '1', false],
    ['1200000.00元', '1200000', '0.01', false],
    ['≤245.9511万元', '2459511', '1', false],
    ['245.95万元', '2459500', '100', false],
    ['≤2500元/次', '2500', '1', true],
    ['500元/人/月', '500', '1', true],
    ['3万元每年', '30000', '10000', true],
    ['每人500元', '500', '1', true],
    ['人均500元', '500', '1', true],
    ['120万元（含税）', '1200000', '10000', false],
  ];
  it.each(cases)('%s', (written, yuan, step, perUnit) => {
    const a = readAmount(written);
    expect(a?.yuan.toString()).toBe(yuan);
    expect(a?.step.toString()).toBe(step);
    expect(a?.perUnit).toBe(perUnit);
  });

  it.each(['≥95%', '2人', '按月发放', '2026年12月底前', '设备费80万元，培训费40万元', '1,2万元', '约5万人次', ''])(
    'reads no amount in %s',
    (written) => expect(readAmount(written)).toBeUndefined(),
  );

  it('takes the unit from the name when the value is a bare figure', () => {
    expect(readAmount('≤120', '预算控制数（万元）')?.yuan.toString()).toBe('1200000');
    expect(readAmount('≤120', '预算控制数')).toBeUndefined();
  });
});

describe('cost line vocabulary (issue 11 class 2)', () => {
  it.each([
    '单台设备购置成本',
    '每个站点运维费',
    '人均培训费',
    '每人每月补助',
    '单价',
    '补助标准',
    '遗属人员每月标准',
    '平均每次会议成本',
  ])('%s is a per-unit figure', (name) => expect(isPerUnitName(name)).toBe(true));
  it.each(['设备购置总成本', '运行成本', '单位运转成本', '预算控制数', '网络维护费用', '各项保险、公积金'])(
    '%s is not a per-unit figure',
    (name) => expect(isPerUnitName(name)).toBe(false),
  );
  it.each([
    '预算控制数',
    '项目总成本',
    '总成本',
    '项目成本',
    '成本',
    '2026年度项目总成本（万元）',
    '经济成本指标',
    '项目资金',
  ])('%s is the whole cost', (name) => expect(isWholeCostName(name)).toBe(true));
  it.each(['设备购置总成本', '运行成本', '信息维护成本', '绩效工资'])('%s is a part of the cost', (name) =>
    expect(isWholeCostName(name)).toBe(false),
  );
  it('`其中：…` is a part of the line above', () => {
    expect(isPartName('其中：软件开发费')).toBe(true);
    expect(isPartName('软件开发费')).toBe(false);
  });
});

describe('parseIndicatorValue', () => {
  it('tells a comparator without a figure from a word comparator', () => {
    expect(parseIndicatorValue('≥良好').malformed).toBe(true);
    expect(parseIndicatorValue('≥').malformed).toBe(true);
    expect(parseIndicatorValue('达到良好').malformed).toBe(false);
    expect(parseIndicatorValue('＞＝９５％')).toMatchObject({ comparator: '>=', unit: '%', malformed: false });
  });
});

describe('agreesWithWan (issue 14): 表12 is the form’s 元 figure rounded down or up to 0.01 万元', () => {
  const cases: [string, string, boolean][] = [
    ['1890489', '189.05', true],
    ['1890489', '189.04', true],
    ['1890489', '189.06', false],
    ['1890489', '189.03', false],
    ['290366.42', '29.04', true],
    ['290366.42', '29.03', true],
    ['35000', '3.50', true],
    ['35000', '3.51', false],
    ['35000', '3.49', false],
    ['2459511', '245.9511', true],
    ['2459511', '245.9512', false],
  ];
  it.each(cases)('%s 元 and %s 万元', (yuan, wan, ok) =>
    expect(agreesWithWan(new Decimal(yuan), new Decimal(wan))).toBe(ok),
  );
});

describe('termMonths and parseFormDate', () => {
  it.each([
    ['1年', 12],
    ['3年', 36],
    ['一年', 12],
    ['两年', 24],
    ['18个月', 18],
    ['1', 12],
  ])('项目期 %s is %i months', (t, m) => expect(termMonths(t)).toBe(m));
  it.each(['2024年度', '长期', '99年以上'])('项目期 %s is not a duration', (t) =>
    expect(termMonths(t)).toBeUndefined(),
  );

  it.each([
    ['20231024155101', '2023-10-24'],
    ['20231024', '2023-10-24'],
    ['2023-10-24', '2023-10-24'],
    ['2023/10/24', '2023-10-24'],
    ['2023.10.24', '2023-10-24'],
    ['2023年10月24日', '2023-10-24'],
    ['２０２３年１０月２４日', '2023-10-24'],
    ['2023-10-24 15:51:01', '2023-10-24'],
    ['45223', '2023-10-24'],
  ])('填报日期 %s', (raw, day) => expect(parseFormDate(raw)?.toISOString().slice(0, 10)).toBe(day));
  it.each(['20231345000000', '2023-02-30', 'abc', '12345'])('%s is not a date', (raw) =>
    expect(parseFormDate(raw)).toBeUndefined(),
  );
});

describe('one money formatter (issue 12)', () => {
  it('prints 万元 at fixed decimals and 元 with its own decimals, both grouped', () => {
    expect(formatWan(new Decimal('1184.3'))).toBe('1,184.30');
    expect(formatYuan(new Decimal('290366.42'))).toBe('290,366.42');
    expect(formatYuan(new Decimal('-365000'))).toBe('-365,000');
    expect(formatMoney(new Decimal('35000'))).toBe('35,000');
    expect(formatMoney(new Decimal('0.5'), 2)).toBe('0.50');
  });
});
