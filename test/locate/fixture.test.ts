import { loadFixture, SEED_IDS, fixtureForms, fixtureNarrative } from '../fixtures/fixture';

describe('seed fixtures', () => {
  it.each(SEED_IDS)('seed %s parses with the zod schema', (seed) => {
    const f = loadFixture(seed);
    expect(f.tables.t2.rows.length).toBeGreaterThan(0);
    expect(fixtureForms(seed).length).toBeGreaterThan(0);
    expect(fixtureNarrative(seed).paragraphs.length).toBeGreaterThan(5);
  });
});
