import { analyzeDisclosure, analyzeWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/model/finding';
import { buildSeedWorkbook, SEED_IDS } from '../fixtures/seeds';
import { seedWorkbookWithForms } from '../forms/seedForms';
import { mutate } from '../fuzz/mutate';
import { seedNarrativeText } from '../narrative/seedDisclosure';
import { catalogueViolations } from './support/catalogueCheck';
import { fixtureDisclosure } from './support/fromFixture';
import { SURFACE_NAMES, variantWorkbook } from './support/variants';

/**
 * The rule catalogue (catalogue.test.ts) held against what the engine really emits: every finding
 * on the seeds, the variants and the fuzz corpus has an entry and a severity the entry allows.
 */
describe('every finding has a catalogue entry and a severity it allows', () => {
  it.each(SEED_IDS)('seed %s: transcription, both layouts, with forms and narrative', (seed) => {
    const runs: Finding[][] = [
      analyzeDisclosure(fixtureDisclosure(seed)).findings,
      analyzeWorkbook(buildSeedWorkbook(seed, 'published')).findings,
      analyzeWorkbook(buildSeedWorkbook(seed, 'stacked')).findings,
      analyzeWorkbook(seedWorkbookWithForms(seed), { narrativeText: seedNarrativeText(seed) }).findings,
    ];
    expect(runs.flatMap(catalogueViolations)).toEqual([]);
  });

  // The variants and the whole fuzz corpus are held to the catalogue in test/rules/variants.test.ts
  // and test/fuzz/locate.test.ts (same check, `catalogueViolations`); here one variant per surface.
  it.each(SURFACE_NAMES)('variant of seed 001: %s', (surface) => {
    expect(catalogueViolations(analyzeWorkbook(variantWorkbook('001', surface, false)).findings)).toEqual([]);
  });

  it('a sample of the fuzz corpus (mutated seed workbooks with forms and narrative)', () => {
    const bases = SEED_IDS.map((s) => seedWorkbookWithForms(s));
    const bad: string[] = [];
    for (let seed = 1; seed <= 12 && bad.length < 10; seed++) {
      const { wb, applied } = mutate(bases[seed % bases.length], seed);
      const f = analyzeWorkbook(wb, { narrativeText: seedNarrativeText(SEED_IDS[seed % SEED_IDS.length]) }).findings;
      bad.push(...catalogueViolations(f).map((x) => `seed ${seed} (${applied.join(',')}): ${x}`));
    }
    expect(bad).toEqual([]);
  });
});
