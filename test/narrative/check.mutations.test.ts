import { checkNarrative } from '../../src/core/narrative/check';
import { NarrativeInputs } from '../../src/core/narrative/inputs';
import { seedDisclosure, seedNarrativeText } from './seedDisclosure';

/**
 * One wrong figure at a time in 000's clean narrative: each must be caught by its rule,
 * with the table's value as `expected` and the written one as `actual`.
 */
const d000 = seedDisclosure('000');
const text000 = seedNarrativeText('000');
const check = (text: string) => checkNarrative(d000, text, { formsCount: 14 });

function mutate(from: string, to: string, text = text000): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe('a wrong figure is found', () => {
  it.each([
    ['三 基本支出', '基本支出986.77万元，占83.32%', '基本支出986.70万元，占83.32%', 'N3', '986.77', '986.70'],
    ['二 收入总计', '预算收入1,184.32万元，主要包括', '预算收入1,184.23万元，主要包括', 'N2', '1184.32', '1184.23'],
    [
      '四 社会保障和就业',
      '社会保障和就业支出1,023.35万元、',
      '社会保障和就业支出1,032.35万元、',
      'N4',
      '1023.35',
      '1032.35',
    ],
    ['六 公用经费', '公用经费104.30万元', '公用经费140.30万元', 'N6', '104.30', '140.30'],
    ['七 三公 total', '“三公”经费预算3.50万元', '“三公”经费预算5.30万元', 'N7', '3.50', '5.30'],
    ['八 机关运行经费', '财政拨款预算104.30万元', '财政拨款预算10.43万元', 'N8', '104.30', '10.43'],
  ])('%s', (_, from, to, rule, expected, actual) => {
    const fs = check(mutate(from, to));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule, severity: 'error', expected, actual, table: 'narrative' });
    expect(fs[0].message).toContain(to.slice(0, 6));
  });

  it('a share that is off', () => {
    const fs = check(mutate('项目支出197.55万元，占16.68%', '项目支出197.55万元，占16.86%'));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'N3', severity: 'error', expected: '16.68', actual: '16.86' });
  });

  it('a rate that is not Δ / (本年 − Δ)', () => {
    const fs = check(
      mutate(
        '一般公共预算当年支出1,184.32万元，比上年减少83.12万元，下降6.56%',
        '一般公共预算当年支出1,184.32万元，比上年减少83.12万元，下降7.02%',
      ),
    );
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'N5', severity: 'error', expected: '6.56', actual: '7.02' });
  });

  it('a 增减额 that does not match last year when the inputs are known', () => {
    // 000 says 比上年减少83.12万元: last year's 收入总计 was 1,267.44.
    expect(
      checkNarrative(d000, text000, {
        inputs: NarrativeInputs.parse({ lastYear: { incomeTotal: '1267.44' } }),
        formsCount: 14,
      }),
    ).toEqual([]);
    const fs = checkNarrative(d000, text000, {
      inputs: NarrativeInputs.parse({ lastYear: { incomeTotal: '1,260.00' } }),
      formsCount: 14,
    });
    expect(fs.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([
      ['N1p', 'error', '-75.68', '-83.12'],
      ['N1p', 'error', '-75.68', '-83.12'],
    ]);
  });

  it('an item in 六 that 表6 does not have', () => {
    const fs = check(mutate('水费等。', '水费、会议费等。'));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'N6', severity: 'error' });
    expect(fs[0].message).toContain('会议费');
  });

  it('a category of 五(二) that 表5 does not have, and one left out', () => {
    const fs = check(mutate('住房保障支出106.68万元，占9.01%等', '教育支出106.68万元，占9.01%等'));
    expect(fs.map((f) => f.rule)).toEqual(['N5', 'N5']);
    expect(fs.map((f) => f.message).join()).toContain('教育支出');
    expect(fs.map((f) => f.message).join()).toContain('未列出表5 类级科目“住房保障支出”');
  });

  it('a project count that is not 表12', () => {
    const fs = check(mutate('二级项目14个', '二级项目15个'));
    expect(fs.some((f) => f.rule === 'N10' && f.severity === 'error' && f.expected === '14' && f.actual === '15')).toBe(
      true,
    );
  });

  it('a category split that does not add up', () => {
    const fs = check(mutate('特定目标类项目3个，涉及金额73.55万元', '特定目标类项目3个，涉及金额75.35万元'));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'N10', severity: 'error', expected: '199.35', actual: '197.55' });
  });

  it('vehicles by category that do not add up to 实有', () => {
    const fs = check(mutate('机要通信用车1辆', '机要通信用车2辆'));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'N11', severity: 'error', expected: '2', actual: '1' });
  });

  it('an 整体绩效 amount that matches no convention', () => {
    const fs = check(mutate('涉及资金1184.32万元', '涉及资金1100.00万元'));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'N10b', severity: 'error' });
    expect(fs[0].message).toContain('表1 收入总计1,184.32万元');
  });

  it("an 整体绩效 amount of another region's convention, when the local one is set (003 cites the 项目 total)", () => {
    const d3 = seedDisclosure('003');
    const t3 = seedNarrativeText('003');
    const local = (convention: 'incomeTotal' | 'projectTotal') =>
      checkNarrative(d3, t3, { formsCount: 14, inputs: NarrativeInputs.parse({ overall: { convention } }) }).filter(
        (f) => f.rule === 'N10b',
      );
    expect(local('projectTotal')).toEqual([]);
    const fs = local('incomeTotal');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'warning' });
    expect(fs[0].message).toContain('表1 收入总计2,712.37万元');
  });

  it('an attached 整体目标表 promised but not there (000, docs/domain.md § 样本中的已知错误)', () => {
    expect(checkNarrative(d000, text000, { formsCount: 14, overallFormAttached: true })).toEqual([]);
    const fs = checkNarrative(d000, text000, { formsCount: 14, overallFormAttached: false });
    expect(fs).toMatchObject([{ rule: 'N10b', severity: 'warning' }]);
    expect(fs[0].message).toContain('整体目标表公开情况见附件');
  });

  it('a missing paragraph', () => {
    const text = text000.replace(/九、政府采购情况\n[^\n]*\n/, '');
    const fs = check(text);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'N0', severity: 'warning' });
    expect(fs[0].message).toContain('九');
  });

  it('机关运行经费 claimed although 表11 is empty (003), and 无 claimed although it is not (000)', () => {
    const t3 = seedNarrativeText('003').replace('本单位无机关运行经费。', '本单位机关运行经费财政拨款预算5.00万元。');
    const f3 = checkNarrative(seedDisclosure('003'), t3, { formsCount: 14 }).filter((f) => f.rule === 'N8');
    expect(f3).toHaveLength(1);
    expect(f3[0]).toMatchObject({ severity: 'error', expected: '0.00', actual: '5.00' });
    const f0 = check(text000.replace(/本单位机关运行经费财政拨款预算[^\n]*/, '本单位无机关运行经费。'));
    expect(f0).toHaveLength(1);
    expect(f0[0]).toMatchObject({ rule: 'N8', severity: 'error' });
  });
});

describe('tolerant reading', () => {
  it('half-width punctuation, no thousands separators, full-width digits and spaces change nothing', () => {
    const loose = text000
      .replace(/，/g, ',')
      .replace(/：/g, ':')
      .replace(/；/g, ';')
      .replace(/1,184\.32/g, '1184.32')
      .replace(/986\.77/g, '９８６.７７')
      .replace(/万元/g, ' 万元');
    expect(check(loose)).toEqual([]);
    expect(
      check(loose.replace('基本支出９８６.７７ 万元,占83.32%', '基本支出９８６.７０ 万元,占83.32%')),
    ).toMatchObject([{ rule: 'N3', expected: '986.77', actual: '986.70' }]);
  });

  it('a heading and its first sentence on one line', () => {
    const joined = text000.replace('三、支出预算情况说明\n', '三、支出预算情况说明 ');
    expect(check(joined)).toEqual([]);
    expect(check(mutate('基本支出986.77万元', '基本支出986.70万元', joined))).toMatchObject([{ rule: 'N3' }]);
  });

  it('text that is no narrative gives one clear warning, not a crash', () => {
    expect(check('随便写的一段话，没有段落标题。')).toMatchObject([{ rule: 'N0', severity: 'warning' }]);
    expect(check('')).toMatchObject([{ rule: 'N0' }]);
  });

  it('a disclosure without tables checks nothing but does not throw', () => {
    const empty = { meta: {}, tables: {}, findings: [] };
    expect(() => checkNarrative(empty, text000)).not.toThrow();
  });
});

describe('lists', () => {
  it('a category written with 0万元 that the table leaves blank is not an error', () => {
    const text = text000.replace('住房保障支出106.68万元等。', '住房保障支出106.68万元、教育支出0万元等。');
    expect(text).not.toBe(text000);
    expect(check(text)).toEqual([]);
  });
});
