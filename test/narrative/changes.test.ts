import { checkNarrative } from '../../src/core/narrative/check';
import { NarrativeInputs, type NarrativeInputsInput } from '../../src/core/narrative/inputs';
import type { Finding } from '../../src/core/model/finding';
import { seedDisclosure, seedNarrativeText } from './seedDisclosure';

/**
 * A figure after 比上年/较上年/与上年相比/同比 + 增加/减少/下降/增长 is a change, and a
 * percentage after it a rate: never an amount or a share. A change is checked against
 * 本年 − 上年 only when last year's figure is known (inputs, or printed as last year's amount).
 */
const d000 = seedDisclosure('000');
const text000 = seedNarrativeText('000');
const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity} ${f.expected ?? ''}/${f.actual ?? ''}`);

function check(text: string, inputs?: NarrativeInputsInput) {
  return checkNarrative(d000, text, { formsCount: 14, ...(inputs ? { inputs: NarrativeInputs.parse(inputs) } : {}) });
}
function replace(from: string | RegExp, to: string, text = text000): string {
  const out = text.replace(from, to);
  expect(out).not.toBe(text);
  return out;
}

describe('七: `公务接待费比上年下降2万元` — 2 is the change (表10 公务接待费 is 0)', () => {
  // The total falls by the same 2万元, so the parts' changes still add up to the total's.
  const base = replace('3.50万元与2023年预算数相同', '3.50万元，比2023年减少2万元');
  const text = replace('公务接待费0万元，与上年预算数相同', '公务接待费比上年下降2万元', base);

  it('is not an amount: no finding without last year', () => {
    expect(brief(check(text))).toEqual([]);
  });

  it('is checked against 本年 − 上年 when last year is known', () => {
    expect(brief(check(text, { threePublic: { reception: { lastYear: '2' } } }))).toEqual([]);
    const fs = check(text, { threePublic: { reception: { lastYear: '3.00' } } });
    expect(brief(fs)).toEqual(['N7 error -3.00/-2.00']);
    expect(fs[0].message).toContain('比上年下降2万元');
    expect(fs[0].message).toContain('本年0 − 上年3.00');
  });

  it('and the amount that follows it is the amount (`…下降2万元，预算0.50万元`)', () => {
    const fs = check(replace('公务接待费0万元，与上年预算数相同', '公务接待费比上年下降2万元，预算0.50万元', base));
    expect(brief(fs)).toEqual(['N7 error 0.00/0.50']);
  });

  it('`同比`, `与上年相比…下降`, `较2023年减少` and a change in 元 read the same way', () => {
    for (const w of ['同比下降2万元', '与上年相比下降2万元', '较2023年减少2万元', '比上年减少20000元']) {
      const t = replace('公务接待费0万元，与上年预算数相同', `公务接待费${w}`, base);
      expect(brief(check(t)).filter((x) => !x.startsWith('N7 warning'))).toEqual([]);
      expect(
        brief(check(t, { threePublic: { reception: { lastYear: '2' } } })).filter((x) => !x.startsWith('N7 warning')),
      ).toEqual([]);
    }
  });

  it('`与上年持平` is a change of 0, wrong when last year differs', () => {
    expect(brief(check(text000, { threePublic: { reception: { lastYear: '0' } } }))).toEqual([]);
    expect(brief(check(text000, { threePublic: { reception: { lastYear: '1.20' } } }))).toEqual([
      'N7 error -1.20/0.00',
    ]);
  });
});

describe('一: a change is never the amount of the item before it', () => {
  it('`上年结转0万元，比上年减少83.12万元`: 83.12 is the total’s change, not 上年结转', () => {
    // Before: without inputs nothing; with last year 1,267.44 nothing; with 1,260.00 both halves.
    expect(brief(check(text000))).toEqual([]);
    expect(brief(check(text000, { lastYear: { incomeTotal: '1267.44' } }))).toEqual([]);
    expect(brief(check(text000, { lastYear: { incomeTotal: '1260.00' } }))).toEqual([
      'N1p error -75.68/-83.12',
      'N1p error -75.68/-83.12',
    ]);
  });

  it('last year printed as an amount (`较上年预算数1,267.44万元减少83.12万元`) is last year, and checks the change', () => {
    const ok = replace(
      '比上年减少83.12万元，下降6.56%，主要原因是财政拨款收入减少',
      '较上年预算数1,267.44万元减少83.12万元，下降6.56%，主要原因是财政拨款收入减少',
    );
    expect(brief(check(ok))).toEqual([]);
    const bad = replace('较上年预算数1,267.44万元', '较上年预算数1,270.00万元', ok);
    expect(brief(check(bad))).toEqual(['N1p error -85.68/-83.12']);
  });

  it('a rate is a rate (`增长6.56%`), not a share', () => {
    const t = replace('占100.00%；政府性基金', '比上年下降6.56%；政府性基金');
    expect(brief(check(t))).toEqual([]);
  });
});

describe('五 / 八: the change and its rate', () => {
  it('a rate is Δ / (本年 − Δ) of the printed change, with or without inputs', () => {
    const t = replace('比2023年预算减少7.74万元，下降6.91%', '比2023年预算减少7.74万元，下降7.42%');
    expect(brief(check(t))).toEqual(['N8 error 6.91/7.42']);
  });

  it('the change against inputs only when they are given', () => {
    const t = replace('比2023年预算减少7.74万元，下降6.91%', '比2023年预算减少8.74万元，下降7.73%');
    expect(brief(check(t))).toEqual([]);
    expect(brief(check(t, { lastYear: { adminCost: '112.04' } }))).toEqual(['N8 error -7.74/-8.74']);
  });

  it('`比上年增加/减少` a count is not a count (`实有1辆，比上年减少1辆`)', () => {
    const t = replace('实有1辆，', '实有1辆，比上年减少1辆，');
    expect(brief(check(t))).toEqual([]);
  });

  it('`占比` after an amount is its share, `增幅` after a change its rate', () => {
    const t = replace(
      '一般公共预算当年支出1,184.32万元，比上年减少83.12万元，下降6.56%',
      '一般公共预算当年支出1,184.32万元，占比100%，比上年减少83.12万元，降幅为6.65%',
    );
    expect(brief(check(t))).toEqual(['N5 error 6.56/6.65']);
  });
});
