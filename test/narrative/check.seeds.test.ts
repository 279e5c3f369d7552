import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkNarrative } from '../../src/core/narrative/check';
import type { Finding } from '../../src/core/model/finding';
import { NarrativeInputs } from '../../src/core/narrative/inputs';
import { publishedInputs } from './publishedInputs';
import { loadSeed, seedDisclosure, seedNarrativeText, type Seed } from './seedDisclosure';

/** The published seed texts, copied verbatim into the repo so tests do not depend on paths outside it. */
const SEEDS_DIR = join(__dirname, '..', 'fixtures', 'data', 'seeds');

/**
 * The published narratives against their own tables: the defects docs/domain.md § 样本中的已知错误 lists are found,
 * and nothing else is an error. Forms attached = forms printed in the seed (fixture).
 */
const run = (seed: Seed, text = seedNarrativeText(seed)) =>
  checkNarrative(seedDisclosure(seed), text, { formsCount: loadSeed(seed).forms.length });

const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity}`).sort();

describe('checker on the published seed narratives', () => {
  it('000 has no finding', () => {
    expect(run('000')).toEqual([]);
  });

  describe('001 新绛县', () => {
    const fs = run('001');

    it('finds the 8 公用经费 items of 六 that are not in 表6 (N6 error)', () => {
      const n6 = fs.filter((f) => f.rule === 'N6' && f.severity === 'error');
      expect(n6).toHaveLength(1);
      for (const item of [
        '印刷费',
        '手续费',
        '取暖费',
        '维修（护）费',
        '培训费',
        '劳务费',
        '委托业务费',
        '办公设备购置',
      ]) {
        expect(n6[0].message).toContain(item);
      }
      expect(n6[0].message).toContain('8项');
      expect(n6[0].message).toContain('六、一般公共预算基本支出情况说明');
      expect(n6[0].table).toBe('narrative');
    });

    it('finds 九 3.93 vs 2.42 + 0 + 1.50 = 3.92 as a 尾差', () => {
      const n9 = fs.filter((f) => f.rule === 'N9');
      expect(n9).toHaveLength(1);
      expect(n9[0]).toMatchObject({ severity: 'rounding', expected: '3.92', actual: '3.93', diff: '0.01' });
      expect(n9[0].message).toContain('采购预算总额 3.93 万元');
    });

    it('finds the `0 元` unit slip of 七 as a warning', () => {
      const n7 = fs.filter((f) => f.rule === 'N7');
      expect(n7).toHaveLength(1);
      expect(n7[0].severity).toBe('warning');
      expect(n7[0].message).toContain('公务用车购置费 0 元');
      expect(n7[0].message).toContain('万元');
    });

    it('has no other error; the one extra finding is the omitted 医疗费补助 (warning)', () => {
      // 表6 lists 医疗费补助 0.19 under 对个人和家庭的补助; the 人员经费 list ends with 等 but leaves it out.
      expect(brief(fs)).toEqual(['N6 error', 'N6 warning', 'N7 warning', 'N9 rounding'].sort());
      expect(fs.find((f) => f.rule === 'N6' && f.severity === 'warning')!.message).toContain('医疗费补助');
    });
  });

  describe('003 大同就业创业服务中心', () => {
    const fs = run('003');

    it('finds 十 claiming 14 published forms while 13 are attached', () => {
      const n10 = fs.filter((f) => f.rule === 'N10');
      expect(n10).toHaveLength(1);
      expect(n10[0]).toMatchObject({ severity: 'error', expected: '13', actual: '14' });
      expect(n10[0].message).toContain('公开项目绩效目标14个');
    });

    it('finds the 1-decimal rate of 五(一) as a warning', () => {
      const n5 = fs.filter((f) => f.rule === 'N5');
      expect(n5).toHaveLength(1);
      expect(n5[0]).toMatchObject({ severity: 'warning', expected: '0.60', actual: '0.6' });
    });

    it('finds the sub-explanation of 一 (−12.78 + 25.54 = 12.76 vs 12.75) as 尾差, income and expenditure half', () => {
      const n1 = fs.filter((f) => f.rule === 'N1p');
      expect(n1.map((f) => [f.severity, f.expected, f.actual])).toEqual([
        ['rounding', '12.75', '12.76'],
        ['rounding', '12.75', '12.76'],
      ]);
    });

    it('has no other finding', () => {
      expect(brief(fs)).toEqual(['N1p rounding', 'N1p rounding', 'N10 error', 'N5 warning'].sort());
    });
  });
});

describe('with the inputs the published texts state (last year, 政府采购, assets)', () => {
  it.each([
    ['000', []],
    ['003', ['N1p rounding', 'N1p rounding', 'N10 error', 'N5 warning']],
  ] as const)('seed %s gives exactly the findings it gives without them', (seed, expected) => {
    const inputs = NarrativeInputs.parse(publishedInputs(seed));
    const fs = checkNarrative(seedDisclosure(seed), seedNarrativeText(seed), {
      formsCount: loadSeed(seed).forms.length,
      inputs,
    });
    expect(brief(fs)).toEqual([...expected].sort());
  });
});

describe('checker on the whole published document (目录, tables, embedded forms, 名词解释, markup)', () => {
  const raw = (seed: Seed) => {
    const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(seed))!;
    return readFileSync(join(SEEDS_DIR, file), 'utf8');
  };

  it.each(['000', '001', '003'] as const)('seed %s gives the same findings as its transcribed 第三部分', (seed) => {
    // 001 breaks lines mid-word (`一般公` / `共预算`); 003 has `####`/`<b>` markup and a 目录 with page numbers.
    expect(brief(run(seed, raw(seed)))).toEqual(brief(run(seed)));
  });
});
