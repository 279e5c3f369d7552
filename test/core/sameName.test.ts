import { sameName, sameNameKey } from '../../src/core/text/sameName';

/** The one table of what counts as the same name (src/core/text/sameName.ts). */
const SAME: [string, string][] = [
  ['档案，数字化', '档案,数字化'],
  ['“三公”经费', '三公经费'],
  ['"三公"经费', '“三公”经费'],
  ['‘三公’经费', '三公经费'],
  ['「三公」经费', '三公经费'],
  ['行政运行（一般）', '行政运行(一般)'],
  ['单位：万元', '单位:万元'],
  ['社会保障和就业支出', '社会保障 和就业支出'],
  ['社会保障和就业支出', '社会保障\u3000和就业支出'],
  ['社会保障和就业支出', '社会保障\n和就业支出'],
  ['社会保障和就业支出', '\u00A0社会保障和就业支出 '],
  ['２０２４年项目', '2024年项目'],
  ['ＡＢＣ系统运维', 'ABC系统运维'],
  ['项目；其他', '项目;其他'],
];

const DIFFERENT: [string, string][] = [
  ['印刷费、手续费', '印刷费,手续费'],
  ['一、社会保障和就业支出', '社会保障和就业支出'],
  ['2024年合计', '2025年合计'],
  ['工作经费', '工作经历'],
  ['J物业费', 'j物业费'],
];

describe('sameName: one rule for every name comparison', () => {
  test.each(SAME)('%s ≡ %s', (a, b) => {
    expect(sameName(a, b)).toBe(true);
    expect(sameNameKey(a)).toBe(sameNameKey(b));
  });
  test.each(DIFFERENT)('%s ≢ %s', (a, b) => {
    expect(sameName(a, b)).toBe(false);
  });
  test('the key is stable (memoised or not)', () => {
    expect(sameNameKey('“三公”经费（合计）')).toBe('三公经费(合计)');
    expect(sameNameKey('“三公”经费（合计）')).toBe('三公经费(合计)');
  });
});
