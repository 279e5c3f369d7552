import { checkCodeNames } from '../../src/core/rules/codeNames';
import { DEFAULT_CODES } from '../../src/core/reference';
import { coded, disclosure } from './support/build';

const rows = (
  name2210202: string,
  name20805 = '行政事业单位养老支出',
): [string | null, string, Record<string, string>][] => [
  ['208', '社会保障和就业支出', { total: '1.00' }],
  ['20805', name20805, { total: '1.00' }],
  ['2080505', '机关事业单位基本养老保险缴费支出', { total: '1.00' }],
  ['221', '住房保障支出', { total: '1.00' }],
  ['22102', '住房改革支出', { total: '1.00' }],
  ['2210202', name2210202, { total: '1.00' }],
];

describe('code ↔ name', () => {
  it('000: 2210202 租房补贴 (表2/表3) vs 提租补贴 (表5) is one CN1 error at 表2, plus one CN3 warning', () => {
    const d = disclosure(coded('t2', rows('租房补贴')), coded('t3', rows('租房补贴')), coded('t5', rows('提租补贴')));
    const f = checkCodeNames(d, DEFAULT_CODES);
    expect(f.map((x) => [x.rule, x.severity, x.table, x.cell])).toEqual([
      ['CN1', 'error', 't2', 'B10'],
      ['CN3', 'warning', 't2', 'B10'],
    ]);
    expect(f[0].cells).toHaveLength(3);
    expect(f[0].message).toContain('标准名称为“提租补贴”');
  });

  it('001: an outdated name is a CN2 warning, not an error', () => {
    const d = disclosure(
      coded('t2', rows('提租补贴', '行政事业单位离退休')),
      coded('t3', rows('提租补贴', '行政事业单位离退休')),
    );
    const f = checkCodeNames(d, DEFAULT_CODES);
    expect(f.map((x) => [x.rule, x.severity, x.row])).toEqual([['CN2', 'warning', '20805']]);
    expect(f[0].message).toContain('旧科目名称');
  });

  it('an unknown code is information', () => {
    const d = disclosure(coded('t2', [['2089901', '自编科目', { total: '1.00' }]]));
    expect(checkCodeNames(d, DEFAULT_CODES).map((x) => [x.rule, x.severity])).toEqual([['CN4', 'info']]);
  });

  it('consistent standard names give nothing', () => {
    expect(
      checkCodeNames(disclosure(coded('t2', rows('提租补贴')), coded('t5', rows('提租补贴'))), DEFAULT_CODES),
    ).toEqual([]);
  });
});
