import { Decimal } from '../../src/core/money';
import { amountText, changeRate, distributeShares, pctText } from '../../src/core/narrative/format';
import { extractFigures, splitNarrative } from '../../src/core/narrative/parse';
import { parseNarrativeInputs } from '../../src/core/narrative/inputs';

const D = (s: string) => new Decimal(s);
const strs = (ds: Decimal[]) => ds.map((d) => d.toFixed(2));

describe('distributeShares', () => {
  it('adds up to 100.00 where plain rounding gives 99.99 (000 三: 83.32 / 16.68)', () => {
    // 986.77 / 1184.32 = 83.3196…, 197.55 / 1184.32 = 16.6804…: rounded each 83.32 + 16.68, floors 83.31 + 16.68.
    expect(strs(distributeShares([D('986.77'), D('197.55')], D('1184.32')))).toEqual(['83.32', '16.68']);
  });

  it('absorbs a 1-cent 尾差 between Σ parts and the total (003 二: 2107.34 + 605.04 = 2712.38 vs 2712.37)', () => {
    expect(strs(distributeShares([D('2107.34'), D('605.04')], D('2712.37')))).toEqual(['77.69', '22.31']);
  });

  it("gives the seeds' 五(二) shares (000: 86.41 / 4.58 / 9.01; 003: 96.50 / 1.32 / 2.18)", () => {
    expect(strs(distributeShares([D('1023.35'), D('54.30'), D('106.68')], D('1184.32')))).toEqual([
      '86.41',
      '4.58',
      '9.01',
    ]);
    expect(strs(distributeShares([D('2033.49'), D('27.85'), D('46.00')], D('2107.34')))).toEqual([
      '96.50',
      '1.32',
      '2.18',
    ]);
  });

  it('keeps zero parts at 0 and survives a zero total', () => {
    expect(strs(distributeShares([D('1184.32'), D('0'), D('0')], D('1184.32')))).toEqual(['100.00', '0.00', '0.00']);
    expect(strs(distributeShares([D('0'), D('0')], D('0')))).toEqual(['0.00', '0.00']);
  });
});

describe('changeRate and number text', () => {
  it('rate = Δ / (本年 − Δ) × 100 to 2 decimals (the seeds: 6.56, 0.47, 10.16, 6.91)', () => {
    expect(changeRate(D('1184.32'), D('-83.12'))!.toFixed(2)).toBe('6.56');
    expect(changeRate(D('2712.37'), D('12.75'))!.toFixed(2)).toBe('0.47');
    expect(changeRate(D('351.16'), D('-39.72'))!.toFixed(2)).toBe('10.16');
    expect(changeRate(D('104.30'), D('-7.74'))!.toFixed(2)).toBe('6.91');
    expect(changeRate(D('5'), D('5'))).toBeUndefined();
  });

  it('writes 0 for zero and thousands separators otherwise', () => {
    expect(amountText(D('0'))).toBe('0');
    expect(amountText(D('2224.49'))).toBe('2,224.49');
    expect(amountText(D('3.5'))).toBe('3.50');
    expect(pctText(D('0'))).toBe('0');
    expect(pctText(D('100'))).toBe('100.00');
  });
});

describe('extractFigures', () => {
  it('reads amounts, percentages and counts, but not years, dates or document numbers', () => {
    const f = extractFigures(
      '截至2023年12月31日，实有1辆；2,224.49万元，占 22.31 %；0 元；晋财综【2024】37号；2级项目14个；2400平方米',
    );
    expect(f.map((x) => `${x.kind}:${x.raw}`)).toEqual([
      'count:1',
      'wan:2,224.49',
      'pct:22.31',
      'yuan:0',
      'count:14',
      'count:2400',
    ]);
  });
});

describe('splitNarrative', () => {
  it('splits by headings in order and ignores a numbered line whose title does not fit', () => {
    const p = splitNarrative(
      '第三部分 2024年度单位预算情况说明\n一、单位预算收支数据变动情况及原因\n正文一\n一、这不是标题\n二、收入预算情况说明\n正文二',
    );
    expect(p.heading).toBe('第三部分 2024年度单位预算情况说明');
    expect(p.sections.map((s) => [s.no, s.text])).toEqual([
      ['一', '正文一\n一、这不是标题'],
      ['二', '正文二'],
    ]);
  });

  it('accepts 十一/十二 and half-width separators', () => {
    const p = splitNarrative('十、绩效管理情况\na\n十一.国有资产占有使用情况\nb\n十二，其他说明\nc');
    expect(p.sections.map((s) => s.no)).toEqual(['十', '十一', '十二']);
  });
});

describe('parseNarrativeInputs', () => {
  it('accepts 1,184.32 and numbers, and names a bad field', () => {
    const ok = parseNarrativeInputs({ lastYear: { incomeTotal: '1,267.44', gpbCurrent: 1267.44 } });
    expect(ok.ok && ok.inputs.lastYear).toEqual({ incomeTotal: '1267.44', gpbCurrent: '1267.44' });
    const bad = parseNarrativeInputs({ lastYear: { incomeTotal: '一千' } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]).toContain('lastYear.incomeTotal');
  });
});
