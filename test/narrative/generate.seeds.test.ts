import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNarrativeInputs } from '../../src/core/narrative/inputs';
import { generateNarrative, narrativeToText } from '../../src/core/narrative/generate';
import { extractFigures, figureKey, splitNarrative } from '../../src/core/narrative/parse';
import { loadSeed, seedDisclosure, seedNarrativeText, type Seed } from './seedDisclosure';
import { publishedInputs } from './publishedInputs';

/**
 * The must-show: from the tables of a seed plus the inputs its published text states (last
 * year's figures, reasons, 政府采购, assets), the generator writes the same figures — every
 * amount, share, rate and count — paragraph by paragraph, as the published 第三部分.
 */
const keys = (text: string) => extractFigures(text).map(figureKey).sort();

function figuresByParagraph(text: string): Map<string, string[]> {
  return new Map(splitNarrative(text).sections.map((s) => [s.no, keys(s.text)]));
}

function compare(seed: Seed, inputs = publishedInputs(seed)) {
  const published = figuresByParagraph(seedNarrativeText(seed));
  const generated = figuresByParagraph(narrativeToText(generateNarrative(seedDisclosure(seed), inputs, '单位')));
  return { published, generated };
}

describe.each(['000', '003'] as const)('generated narrative of seed %s', (seed) => {
  const { published, generated } = compare(seed);

  it('has the twelve paragraphs of the published text', () => {
    expect([...generated.keys()]).toEqual([...published.keys()]);
    expect(published.size).toBe(12);
  });

  it.each(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'])(
    'paragraph %s carries the published figures',
    (no) => {
      expect(generated.get(no)).toEqual(published.get(no));
    },
  );

  it('states real figures, not only zeros (the comparison is not vacuous)', () => {
    const all = [...published.values()].flat();
    expect(all.length).toBeGreaterThan(60);
    expect(all.filter((k) => k.startsWith('pct:')).length).toBeGreaterThan(8);
  });
});

describe('generated wording', () => {
  const d = seedDisclosure('000');
  const g = generateNarrative(d, publishedInputs('000'), '单位');
  const byNo = new Map(g.paragraphs.map((p) => [p.no, p]));

  it('uses the 单位 heading and titles of the seeds', () => {
    expect(g.heading).toBe(loadSeed('000').narrative.heading);
    expect(byNo.get('一')!.title).toBe('单位预算收支数据变动情况及原因');
  });

  it('writes amounts with thousands separators and zero as 0万元 / 0%', () => {
    expect(byNo.get('二')!.text).toContain(
      '一般公共预算拨款收入1,184.32万元，占100.00%；政府性基金预算拨款收入0万元，占0%',
    );
  });

  it('words a fall as 减少/下降 with the rate Δ / (本年 − Δ)', () => {
    expect(byNo.get('一')!.text).toContain('比上年减少83.12万元，下降6.56%');
    expect(byNo.get('八')!.text).toBe(
      '本单位机关运行经费财政拨款预算104.30万元，比2023年预算减少7.74万元，下降6.91%，原因是自然减员。',
    );
  });

  it('lists exactly the 表6 items of each side in 六', () => {
    const text = byNo.get('六')!.text;
    const personnel = /人员经费[^：]*主要包括：([^；]*)等；/.exec(text)![1].split('、').sort();
    expect(personnel).toEqual(
      [
        '其他社会保障缴费',
        '公务员医疗补助缴费',
        '基本工资',
        '奖金',
        '住房公积金',
        '机关事业单位基本养老保险缴费',
        '奖励金',
        '津贴补贴',
        '职工基本医疗保险缴费',
      ].sort(),
    );
    const pub = /公用经费[^：]*主要包括：([^。]*)等。/.exec(text)![1].split('、');
    expect(pub).toHaveLength(15);
    expect(pub).toContain('办公设备购置');
  });

  it('writes 本单位无机关运行经费 when 表11 is empty (003)', () => {
    const g3 = generateNarrative(seedDisclosure('003'), {}, '单位');
    expect(g3.paragraphs.find((p) => p.no === '八')!.text).toBe('本单位无机关运行经费。');
  });

  it('uses 部门 wording at 部门 level', () => {
    const gd = generateNarrative(seedDisclosure('003'), {}, '部门');
    expect(gd.heading).toBe('第三部分 2026年度部门预算情况说明');
    expect(gd.paragraphs[0].title).toBe('部门预算收支数据变动情况及原因');
    expect(gd.paragraphs.find((p) => p.no === '八')!.text).toBe('本部门无机关运行经费。');
  });
});

describe('十 with the forms actually attached to seed 003', () => {
  // 003 claims 14 published forms but prints 13 (no form for ZY流动人员人事档案整理加工服务 260.00).
  const inputs = {
    ...publishedInputs('003'),
    forms: { count: 13, projectNames: loadSeed('003').forms.map((f) => f.projectName) },
  };
  const { published, generated } = compare('003', inputs);

  it('differs from the published paragraph exactly in the 公开 figures', () => {
    const pub = published.get('十')!;
    const gen = generated.get('十')!;
    const minus = (a: string[], b: string[]) => {
      const rest = [...b];
      return a.filter((k) => {
        const i = rest.indexOf(k);
        if (i < 0) return true;
        rest.splice(i, 1);
        return false;
      });
    };
    // Published: 14个 / 2,224.49 / 100% / 其他运转类14个 2,224.49; attached: 13 forms, 2224.49 − 260.00.
    expect(minus(pub, gen).sort()).toEqual(
      ['count:14.00', 'count:14.00', 'pct:100.00', 'wan:2224.49', 'wan:2224.49'].sort(),
    );
    expect(minus(gen, pub).sort()).toEqual(
      ['count:13.00', 'count:13.00', 'pct:88.31', 'wan:1964.49', 'wan:1964.49'].sort(),
    );
  });
});

describe('seed 001 (county layout, broken 表6) regenerated', () => {
  // Inputs typed from 001's published text: 比上年减少39.72 (351.16 + 39.72 = 390.88), 机关运行经费
  // 比2023年增加0.53 (16.42 − 0.53 = 15.89), 三公 0 vs 0.99 last year, 政府采购 2.42 + 0 + 1.50,
  // 整体 = 表5 合计 split, all 9 projects 特定目标类, 0 vehicles, 4272.84 平方米.
  const inputs = {
    subject: '本单位',
    lastYear: { incomeTotal: '390.88', gpbCurrent: '390.88', adminCost: '15.89' },
    procurement: { goods: '2.42', works: '0', services: '1.50' },
    overall: { convention: 'gpbSplit' as const },
    projects: { defaultCategory: '特定目标类' as const },
    forms: { count: 9 },
    threePublic: {
      lastYearTotal: '0.99',
      abroad: { lastYear: '0' },
      reception: { lastYear: '0' },
      vehicleRunning: { lastYear: '0.99' },
      vehiclePurchase: { lastYear: '0' },
    },
    assets: { officeArea: '4272.84' },
  };
  const published = figuresByParagraph(seedNarrativeText('001'));
  const generated = figuresByParagraph(narrativeToText(generateNarrative(seedDisclosure('001'), inputs, '单位')));
  const differing = [...published.keys()].filter(
    (no) => JSON.stringify(published.get(no)) !== JSON.stringify(generated.get(no)),
  );

  it('differs only where the published text is wrong or adds a unit count', () => {
    // 七: `公务用车购置费 0 元` (unit slip); 九: 3.93 printed for 2.42 + 0 + 1.50 = 3.92;
    // 八: 001 also writes `所属…1家行政单位`, a sentence the generator keeps for 部门 documents.
    expect(differing).toEqual(['七', '八', '九']);
    expect(published.get('九')).toContain('wan:3.93');
    expect(generated.get('九')).toContain('wan:3.92');
    expect(published.get('七')).toContain('yuan:0.00');
  });

  it('writes 六 from class sums when 表6 leaves 人员/公用 blank (219.51 / 16.42, as printed)', () => {
    expect(generated.get('六')).toEqual(published.get('六'));
    expect(generated.get('六')).toEqual(expect.arrayContaining(['wan:219.51', 'wan:16.42', 'wan:235.93']));
  });
});

describe('odd input', () => {
  it('a disclosure without tables still gives 12 paragraphs with 0万元, not a crash', () => {
    const g = generateNarrative({ meta: {}, tables: {}, findings: [] }, {});
    expect(g.paragraphs).toHaveLength(12);
    expect(g.paragraphs[1].text).toContain('本单位预算收入0万元');
    expect(g.paragraphs[7].text).toBe('本单位无机关运行经费。');
  });

  it('a source that was 0 last year is stated without a rate (no division by zero)', () => {
    const g = generateNarrative(seedDisclosure('000'), { lastYear: { incomeTotal: '0', adminCost: '0' } });
    expect(g.paragraphs[0].text).toContain('上年结转0万元，比上年增加1,184.32万元；');
    expect(g.paragraphs[7].text).toBe('本单位机关运行经费财政拨款预算104.30万元，比2023年预算增加104.30万元。');
  });

  it('rejects inputs that are not figures with a clear message', () => {
    expect(() => generateNarrative(seedDisclosure('000'), { lastYear: { incomeTotal: 'abc' } })).toThrow(/不是金额/);
  });

  it('the inputs.json example of docs/narrative.md is valid', () => {
    const md = readFileSync(join(__dirname, '../../docs/narrative.md'), 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(md)![1];
    const r = parseNarrativeInputs(JSON.parse(json));
    expect(r.ok).toBe(true);
    const text = narrativeToText(generateNarrative(seedDisclosure('000'), r.ok ? r.inputs : {}));
    expect(text).toContain('比上年减少83.12万元，下降6.56%');
    expect(text).toContain('特定目标类项目1个，涉及金额17.05万元');
  });
});
