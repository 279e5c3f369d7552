import type { Finding, Severity } from '../../src/core/model/finding';
import { checkNarrative, type CheckOptions } from '../../src/core/narrative/check';
import { NarrativeInputs, type NarrativeInputsInput } from '../../src/core/narrative/inputs';
import { extractFigures } from '../../src/core/narrative/parse';
import { NARRATIVE_RULE_SPECS } from '../../src/core/narrative/specs';
import { publishedInputs } from './publishedInputs';
import { loadSeed, seedDisclosure, seedNarrativeText, type Seed } from './seedDisclosure';
import { PARAGRAPHS, BUILDERS, narrative, render, slotsOf, variantCases } from './variants';

/**
 * Every finding the narrative checker gives is held to its entry in NARRATIVE_RULE_SPECS (its id
 * exists, its severity is one the entry allows); every severity an entry allows is shown to fire
 * on some text; and each rule's silent case is a test of its own.
 */
const SPEC = new Map(NARRATIVE_RULE_SPECS.map((s) => [s.id, s]));

const seedRun = (seed: Seed, text = seedNarrativeText(seed), extra: CheckOptions = {}) =>
  checkNarrative(seedDisclosure(seed), text, { formsCount: loadSeed(seed).forms.length, ...extra });
const inputs = (raw: NarrativeInputsInput) => NarrativeInputs.parse(raw);

/** Each figure of a seed's text changed by `step` (+1.11, +0.01), or written in 元. */
function seedVariants(seed: Seed): string[] {
  const lines = seedNarrativeText(seed).split('\n');
  const out: string[] = [];
  lines.forEach((line, li) => {
    for (const f of extractFigures(line)) {
      const at = (s: string, unitToo = false) =>
        [
          ...lines.slice(0, li),
          line.slice(0, f.index) + s + line.slice(f.index + (unitToo ? f.end - f.index : f.raw.length)),
          ...lines.slice(li + 1),
        ].join('\n');
      if (f.kind === 'count') out.push(at(f.value.plus(1).toString()));
      else {
        out.push(at(f.value.plus('1.11').toFixed(2)), at(f.value.plus('0.01').toFixed(2)));
        if (f.kind === 'wan') out.push(at(`${f.value.times(10000).toFixed(0)}元`, true));
        if (f.kind === 'pct' && !f.value.isZero()) out.push(at(f.value.toFixed(1)));
      }
    }
  });
  return out;
}

function corpus(): Finding[] {
  const all: Finding[] = [];
  for (const seed of ['000', '001', '003'] as const) {
    for (const text of [seedNarrativeText(seed), ...seedVariants(seed)]) all.push(...seedRun(seed, text));
    if (seed !== '001')
      for (const text of seedVariants(seed))
        all.push(...seedRun(seed, text, { inputs: inputs(publishedInputs(seed)) }));
  }
  for (const { values: v } of variantCases())
    for (const no of PARAGRAPHS)
      BUILDERS[no].forEach((_, k) => {
        const { before, pieces, after } = narrative(v, no, k);
        for (let i = -1; i < slotsOf(pieces).length; i++)
          for (const withInputs of [false, true])
            all.push(
              ...checkNarrative(v.d, before + render(pieces, i) + after, {
                formsCount: v.formsCount,
                ...(withInputs ? { inputs: v.inputs } : {}),
              }),
            );
      });
  all.push(...SCENARIOS.flatMap((s) => s()));
  return all;
}

/** Texts for what neither the seeds nor the variants say. */
const t000 = seedNarrativeText('000');
const SCENARIOS: (() => Finding[])[] = [
  // N0: a paragraph missing; no heading at all.
  () => seedRun('000', t000.replace(/九、政府采购情况\n[^\n]*\n/, '')),
  () => seedRun('000', '没有段落标题的一段话。'),
  // N0u: 七's total written in words no vocabulary has.
  () => seedRun('000', t000.replace('“三公”经费预算3.50万元', '相关经费合计3.50万元')),
  // N1p: a 1-decimal rate.
  () =>
    seedRun(
      '000',
      t000.replace('比上年减少83.12万元，下降6.56%，主要原因是财政', '比上年减少83.12万元，下降6.6%，主要原因是财政'),
    ),
  // N2: a non-zero source not named (003 单位资金).
  () => seedRun('003', seedNarrativeText('003').replace('单位资金605.04万元，占22.31%；', '')),
  // N8: 表11 empty, nothing said; 无 said while 表11 has figures; the number of units.
  () => seedRun('003', seedNarrativeText('003').replace('本单位无机关运行经费。', '本单位机关运行经费情况如下。')),
  () => seedRun('000', t000.replace(/本单位机关运行经费财政拨款预算[^\n]*/, '本单位无机关运行经费。')),
  () => seedRun('001', seedNarrativeText('001').replace('1 家行政单位', '2 家行政单位')),
  // N10b: another region's convention; a promised 整体目标表 not attached; the split of 001.
  () => seedRun('003', undefined, { inputs: inputs({ overall: { convention: 'incomeTotal' } }) }),
  () => seedRun('000', undefined, { overallFormAttached: false }),
  () => seedRun('001', seedNarrativeText('001').replace('其中基本支出 235.93 万元', '其中基本支出 235.94 万元')),
  () => seedRun('001', seedNarrativeText('001').replace('其中基本支出 235.93 万元', '其中基本支出 245.93 万元')),
  () => seedRun('001', seedNarrativeText('001').replace('其中基本支出 235.93 万元', '其中基本支出 2359300 元')),
  // N11: 0 vehicles and a 运行维护费 in 表10.
  () =>
    seedRun(
      '000',
      t000.replace('实有1辆，其中：领导用车0辆，机要通信用车1辆', '实有0辆，其中：领导用车0辆，机要通信用车0辆'),
    ),
];

describe('NARRATIVE_RULE_SPECS', () => {
  const findings = corpus();

  it('has one entry per rule id', () => {
    expect(new Set(NARRATIVE_RULE_SPECS.map((s) => s.id)).size).toBe(NARRATIVE_RULE_SPECS.length);
    for (const s of NARRATIVE_RULE_SPECS) {
      expect(s.family).toBe('narrative');
      for (const k of ['title', 'why', 'appliesWhen', 'silentWhen'] as const) expect(s[k].length).toBeGreaterThan(5);
    }
  });

  it('every finding has its rule’s entry and one of its severities', () => {
    expect(findings.length).toBeGreaterThan(1000);
    const bad = findings.filter((f) => !SPEC.get(f.rule)?.severities.includes(f.severity));
    expect(bad.map((f) => `${f.rule} ${f.severity} ${f.message}`)).toEqual([]);
  });

  it('every severity an entry allows is given on some text', () => {
    const seen = new Set(findings.map((f) => `${f.rule} ${f.severity}`));
    const never = NARRATIVE_RULE_SPECS.flatMap((s) => s.severities.map((v: Severity) => `${s.id} ${v}`)).filter(
      (k) => !seen.has(k),
    );
    expect(never).toEqual([]);
  });
});

describe('each rule stays silent where its entry says', () => {
  const d000 = seedDisclosure('000');
  const rules = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity}`);
  const wrong = t000
    .replace('预算收入总计1,184.32万元', '预算收入总计1,100.00万元')
    .replace('预算收入1,184.32万元，主要包括', '预算收入1,100.00万元，主要包括')
    .replace('支出预算1184.32万元', '支出预算1100.00万元')
    .replace('财政拨款收支总预算1,184.32万元', '财政拨款收支总预算1,100.00万元')
    .replace('当年支出1,184.32万元，比上年', '当年支出1,100.00万元，比上年')
    .replace('基本支出986.77万元，其中', '基本支出900.00万元，其中')
    .replace('“三公”经费预算3.50万元', '“三公”经费预算5.00万元')
    .replace('财政拨款预算104.30万元', '财政拨款预算100.00万元')
    .replace('二级项目14个', '二级项目15个');

  it('N1–N8, N10: no table, no check (the table rules report a missing table)', () => {
    const none = { meta: { year: 2024 }, tables: {}, findings: [] };
    expect(checkNarrative(none, wrong, { formsCount: 14 }).filter((f) => f.rule !== 'N9')).toEqual([]);
    expect(rules(checkNarrative(d000, wrong, { formsCount: 14 }))).toEqual(
      expect.arrayContaining([
        'N1 error',
        'N2 error',
        'N3 error',
        'N4 error',
        'N5 error',
        'N6 error',
        'N7 error',
        'N8 error',
        'N10 error',
      ]),
    );
  });

  it('N0: all twelve paragraphs found', () => {
    expect(rules(seedRun('000')).filter((r) => r.startsWith('N0 '))).toEqual([]);
  });

  it('N0u: an item simply not named, with every amount of the paragraph placed, is not "unplaced"', () => {
    const t = t000.replace('因公出国（境）费0万元，与上年预算数相同；', '');
    expect(rules(seedRun('000', t))).toEqual([]);
  });

  it('N1p / N5 / N7 / N8: a change without last year’s figure is not checked', () => {
    const t = t000
      .replace('比2023年预算减少7.74万元，下降6.91%', '比2023年预算减少9.74万元，下降8.54%')
      .replace('比上年减少83.12万元，下降6.56%。', '比上年减少93.12万元，下降7.29%。');
    expect(rules(seedRun('000', t))).toEqual([]);
    expect(rules(seedRun('000', t, { inputs: inputs(publishedInputs('000')) }))).toEqual(['N5 error', 'N8 error']);
  });

  it('N1p: one part in a reason is no breakdown', () => {
    const t = t000.replace('主要原因是财政拨款收入减少；', '主要原因是一般公共预算较上年减少80.00万元；');
    expect(rules(seedRun('000', t))).toEqual([]);
  });

  it('N2: a zero source not named, or sources named together as 财政拨款', () => {
    expect(rules(seedRun('000', t000.replace('政府性基金预算拨款收入0万元，占0%；', '')))).toEqual([]);
    const t = t000.replace('一般公共预算拨款收入1,184.32万元，占100.00%', '财政拨款收入1,184.32万元，占100.00%');
    expect(rules(seedRun('000', t))).toEqual([]);
  });

  it('N4 / N5: no category named at all is not a list left incomplete (nor unplaced, unless amounts are left)', () => {
    const t = t000.replace(/支出包括：[^\n]*/, '');
    expect(rules(seedRun('000', t))).toEqual([]);
    const unknown = t000.replace(/支出包括：[^\n]*/, '支出包括：社会事务方面1,023.35万元。');
    expect(rules(seedRun('000', unknown))).toEqual(['N0u info']);
  });

  it('N6: no list after 人员经费 / 公用经费', () => {
    const t = t000.replace(/，主要包括：[^；\n]*；/, '；');
    expect(rules(seedRun('000', t))).toEqual([]);
  });

  it('N7: the parts’ changes are summed only when every part states one', () => {
    const t = t000.replace('公务接待费0万元，与上年预算数相同', '公务接待费0万元');
    expect(rules(seedRun('000', t))).toEqual([]);
  });

  it('N8: no unit rows in 表11, no count of units; 无 said and 表11 empty', () => {
    const t = t000.replace('本单位机关运行经费', '本单位所属3家单位机关运行经费');
    expect(rules(seedRun('000', t))).toEqual(['N8 error']);
    const d = seedDisclosure('000');
    const t11 = d.tables.t11!;
    const totalOnly = {
      ...d,
      tables: { ...d.tables, t11: { ...t11, rows: t11.rows.filter((r) => r.kind === 'total') } },
    };
    expect(rules(checkNarrative(totalOnly, t, { formsCount: 14 }))).toEqual([]);
    expect(rules(seedRun('003')).filter((r) => r.startsWith('N8'))).toEqual([]);
  });

  it('N9: a part not stated, no sum; no inputs, no comparison with them', () => {
    expect(rules(seedRun('000', t000.replace('、政府采购工程预算0万元', '')))).toEqual([]);
    const t = t000
      .replace('政府采购货物预算7.00万元', '政府采购货物预算7.00万元')
      .replace('28.00万元。其中', '28.00万元。其中');
    expect(
      rules(seedRun('000', t, { inputs: inputs({ procurement: { goods: '7', works: '0', services: '21' } }) })),
    ).toEqual([]);
    expect(
      rules(seedRun('000', t, { inputs: inputs({ procurement: { goods: '8', works: '0', services: '20' } }) })),
    ).toEqual(['N9 error', 'N9 error']);
  });

  it('N10: forms attached unknown, no check of the 公开 count', () => {
    const fs = checkNarrative(seedDisclosure('003'), seedNarrativeText('003'));
    expect(rules(fs)).not.toContain('N10 error');
  });

  it('N10b: no local convention, any of them is accepted; the promise only when the form is known missing', () => {
    expect(rules(seedRun('003')).filter((r) => r.startsWith('N10b'))).toEqual([]);
    expect(rules(seedRun('000')).filter((r) => r.startsWith('N10b'))).toEqual([]);
    expect(rules(seedRun('000', undefined, { overallFormAttached: true }))).toEqual([]);
  });

  it('N11: no inputs, no comparison of 编制, area, equipment', () => {
    const t = t000.replace('编制1辆', '编制2辆').replace('2400平方米', '2500平方米');
    expect(rules(seedRun('000', t))).toEqual([]);
    expect(rules(seedRun('000', t, { inputs: inputs(publishedInputs('000')) }))).toEqual(['N11 error', 'N11 error']);
  });
});
