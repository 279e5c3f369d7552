import { checkNarrative } from '../../src/core/narrative/check';
import type { Finding } from '../../src/core/model/finding';
import type { ParagraphNo } from '../../src/core/narrative/generate';
import { BUILDERS, PARAGRAPHS, narrative, render, slotsOf, variantCases } from './variants';

/**
 * The 情况说明 reworded the way other counties write it (test/narrative/variants.ts): the
 * unchanged texts give no finding at all; each checked figure changed in turn gives an error of
 * its paragraph's rule; a change against last year is checked only when last year is known.
 */
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

const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity} ${f.message}`);

describe.each(variantCases().map((c) => [c.name, c] as const))('reworded narratives of %s', (_, { values: v }) => {
  const run = (text: string, withInputs: boolean) =>
    checkNarrative(v.d, text, { formsCount: v.formsCount, ...(withInputs ? { inputs: v.inputs } : {}) });

  const cases = PARAGRAPHS.flatMap((no) => BUILDERS[no].map((_b, k) => [no, k] as const));

  describe.each(cases)('paragraph %s, wording %i', (no, k) => {
    const { before, pieces, after } = narrative(v, no, k);
    const text = (wrongAt = -1) => before + render(pieces, wrongAt) + after;

    it('unchanged: no finding, with or without inputs', () => {
      expect(brief(run(text(), false))).toEqual([]);
      expect(brief(run(text(), true))).toEqual([]);
    });

    const slots = slotsOf(pieces);
    if (!slots.length) return;
    it.each(slots.map((s, i) => [s.what, s.text, s.wrong, s.checked, i] as const))(
      '%s %s → %s (%s)',
      (_w, _from, _to, checked, i) => {
        const hit = (fs: Finding[]) => fs.some((f) => FAMILY[no].includes(f.rule) && f.severity === 'error');
        const without = run(text(i), false);
        const withIn = run(text(i), true);
        if (checked === 'always') {
          expect(hit(without)).toBe(true);
          expect(hit(withIn)).toBe(true);
        } else if (checked === 'inputs') {
          expect(brief(without)).toEqual([]);
          expect(hit(withIn)).toBe(true);
        } else {
          expect(brief(without)).toEqual([]);
          expect(brief(withIn)).toEqual([]);
        }
      },
    );
  });
});
