import { checkNarrative } from '../../src/core/narrative/check';
import { PARAGRAPH_NUMBERS, type ParagraphNo } from '../../src/core/narrative/generate';
import { NarrativeInputs } from '../../src/core/narrative/inputs';
import { extractFigures } from '../../src/core/narrative/parse';
import { Decimal } from '../../src/core/money';
import { publishedInputs } from './publishedInputs';
import { loadSeed, seedDisclosure, seedNarrativeText, type Seed } from './seedDisclosure';

/**
 * Every figure of each seed's published 第三部分, changed in turn (amounts and percentages +1.11,
 * amounts in 元 +11,100, counts +1): each gives an error of its own paragraph, except the figures listed below, which
 * no table or input holds (and which must then give no finding at all).
 */
interface Unchecked {
  no: ParagraphNo;
  unit?: string;
  before?: RegExp;
  why: string;
}
const ALWAYS_UNCHECKED: Unchecked[] = [
  { no: '十一', before: /价值\s*$/, why: 'the 50/100万元 thresholds are words of the sentence' },
  { no: '一', before: /(人员类资金增加|压缩预算减少|结余资金项目)$/, why: '003: a reason’s own breakdown of a part' },
  { no: '七', unit: '辆', why: '003: vehicles scrapped, in a reason' },
];
/** Figures only the inputs hold (编制, 办公用房, 大额设备): unchecked without them. */
const INPUTS_ONLY: Unchecked[] = [
  { no: '十一', before: /编制\s*$/, why: '公务用车编制' },
  { no: '十一', unit: '平方米', why: '办公用房面积' },
  { no: '十一', unit: '台', why: '大额设备' },
];

const FAMILY: Record<ParagraphNo, string[]> = {
  一: ['N1', 'N1p'],
  二: ['N2'],
  三: ['N3'],
  四: ['N4'],
  五: ['N5'],
  六: ['N6'],
  七: ['N7'],
  八: ['N8'],
  九: ['N9'],
  十: ['N10', 'N10b'],
  十一: ['N11'],
  十二: [],
};

interface Mutation {
  no: ParagraphNo;
  label: string;
  text: string;
  unchecked: (withInputs: boolean) => boolean;
}

function mutations(seed: Seed): Mutation[] {
  const lines = seedNarrativeText(seed).split('\n');
  const out: Mutation[] = [];
  let no: ParagraphNo | undefined;
  lines.forEach((line, li) => {
    const h = /^(十[一二]|[一二三四五六七八九十])、/.exec(line);
    if (h && PARAGRAPH_NUMBERS.includes(h[1] as ParagraphNo) && line.length < 30) {
      no = h[1] as ParagraphNo;
      return;
    }
    if (!no) return;
    const para = no;
    for (const f of extractFigures(line)) {
      // 1.11元 would still be 0万元 to two decimals: an amount in 元 moves by 1.11万元.
      const step = f.kind === 'yuan' ? '11100' : '1.11';
      const wrong = f.kind === 'count' ? f.value.plus(1).toString() : f.value.plus(new Decimal(step)).toFixed(2);
      const changed = line.slice(0, f.index) + wrong + line.slice(f.index + f.raw.length);
      const before = line.slice(Math.max(0, f.index - 12), f.index);
      const matches = (u: Unchecked) =>
        u.no === para && (!u.unit || u.unit === f.unit) && (!u.before || u.before.test(before));
      out.push({
        no: para,
        label: `${para} L${li} “${before}${f.raw}${f.unit}” → ${wrong}`,
        text: [...lines.slice(0, li), changed, ...lines.slice(li + 1)].join('\n'),
        unchecked: (withInputs) => ALWAYS_UNCHECKED.some(matches) || (!withInputs && INPUTS_ONLY.some(matches)),
      });
    }
  });
  return out;
}

describe.each([
  ['000', false],
  ['000', true],
  ['001', false],
  ['003', false],
  ['003', true],
] as const)('seed %s published wording (inputs: %s)', (seed, withInputs) => {
  const d = seedDisclosure(seed);
  const opts = {
    formsCount: loadSeed(seed).forms.length,
    ...(withInputs ? { inputs: NarrativeInputs.parse(publishedInputs(seed)) } : {}),
  };
  const base = new Set(checkNarrative(d, seedNarrativeText(seed), opts).map((f) => f.message));
  const all = mutations(seed);

  it('changes every figure it prints', () => {
    expect(all.length).toBeGreaterThan(60);
  });

  it.each(all.map((m) => [m.label, m] as const))('%s', (_, m) => {
    const fresh = checkNarrative(d, m.text, opts).filter((f) => !base.has(f.message));
    if (m.unchecked(withInputs)) expect(fresh.map((f) => f.message)).toEqual([]);
    else expect(fresh.filter((f) => FAMILY[m.no].includes(f.rule) && f.severity === 'error').length).toBeGreaterThan(0);
  });
});
