import { checkNarrative } from '../../src/core/narrative/check';
import { generateNarrative, narrativeToText } from '../../src/core/narrative/generate';
import { NarrativeInputs } from '../../src/core/narrative/inputs';
import { publishedInputs } from './publishedInputs';
import { seedDisclosure, type Seed } from './seedDisclosure';

/** What the generator writes, the checker accepts: no finding on its own output. */
describe.each([
  ['000', '单位'],
  ['003', '单位'],
  ['001', '单位'],
  ['003', '部门'],
] as const)('generated narrative of %s (%s) passes the checker', (seed: Seed, level) => {
  const inputs = NarrativeInputs.parse(seed === '001' ? { forms: { count: 9 } } : publishedInputs(seed));
  const d = seedDisclosure(seed);
  const text = narrativeToText(generateNarrative(d, inputs, level));

  it('with its inputs', () => {
    // 003's reason, typed by the clerk and copied verbatim, still splits Δ 12.75 into −12.78 + 25.54.
    const expected = seed === '003' ? ['N1p rounding', 'N1p rounding'] : [];
    expect(
      checkNarrative(d, text, { inputs, formsCount: inputs.forms?.count }).map((f) => `${f.rule} ${f.severity}`),
    ).toEqual(expected);
  });

  it('and a changed table is then found in the old text', () => {
    const t3 = d.tables.t3!;
    const total = t3.rows.find((r) => r.kind === 'total')!;
    const changed = {
      ...d,
      tables: {
        ...d.tables,
        t3: {
          ...t3,
          rows: t3.rows.map((r) =>
            r === total
              ? { ...r, values: { ...r.values, basic: { ...r.values.basic!, value: r.values.basic!.value.plus(1) } } }
              : r,
          ),
        },
      },
    };
    const fs = checkNarrative(changed, text, { inputs, formsCount: inputs.forms?.count });
    expect(fs.map((f) => f.rule)).toContain('N3');
  });
});
