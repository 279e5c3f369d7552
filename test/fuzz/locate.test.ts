import { analyzeWorkbook } from '../../src/core/check';
import { locateTables } from '../../src/core/locate';
import type { Disclosure } from '../../src/core/model/disclosure';
import type { Finding } from '../../src/core/model/finding';
import type { Workbook } from '../../src/core/model/grid';
import { buildSeedWorkbook, SEED_IDS } from '../fixtures/seeds';
import { mutate } from './mutate';

/**
 * Thousands of seeded random mutations of the seed workbooks: the locator (and the whole
 * analysis, on a sample) must never throw and always return a well-formed result.
 */
const BASES: Workbook[] = SEED_IDS.flatMap((s) => [buildSeedWorkbook(s, 'published'), buildSeedWorkbook(s, 'stacked')]);
const LOCATE_CASES = 2000;
const ANALYZE_EVERY = 25;

function wellFormed(findings: Finding[]): boolean {
  return findings.every(
    (f) =>
      typeof f.rule === 'string' &&
      typeof f.message === 'string' &&
      f.message.length > 0 &&
      ['error', 'warning', 'rounding', 'info'].includes(f.severity),
  );
}

/** Plain checks, not expect(): millions of matcher calls would dominate the run time. */
function malformed(d: Disclosure): string | undefined {
  if (typeof d.tables !== 'object' || !Array.isArray(d.findings)) return 'no tables/findings';
  for (const t of Object.values(d.tables)) {
    if (!t || !/^[A-Z]+\d+:[A-Z]+\d+$/.test(t.range)) return `bad range ${t?.range}`;
    for (const row of t.rows)
      for (const a of Object.values(row.values)) if (a && !a.value.isFinite()) return `non-finite amount at ${a.cell}`;
  }
  return undefined;
}

describe('fuzz: mutated seed workbooks', () => {
  it(`locateTables never throws on ${LOCATE_CASES} mutations, analyzeWorkbook on every ${ANALYZE_EVERY}th`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= LOCATE_CASES; seed++) {
      const base = BASES[seed % BASES.length];
      const { wb, applied } = mutate(base, seed);
      try {
        const d = locateTables(wb);
        const bad = malformed(d);
        if (bad) failures.push(`seed ${seed} (${applied.join(',')}): ${bad}`);
        if (!wellFormed(d.findings)) failures.push(`seed ${seed} (${applied.join(',')}): malformed finding`);
        if (seed % ANALYZE_EVERY === 0) {
          const a = analyzeWorkbook(wb);
          if (!Array.isArray(a.findings) || !wellFormed(a.findings))
            failures.push(`seed ${seed} (${applied.join(',')}): malformed analysis`);
        }
      } catch (e) {
        failures.push(
          `seed ${seed} (${applied.join(',')}): ${e instanceof Error ? e.stack?.split('\n').slice(0, 3).join(' ') : String(e)}`,
        );
      }
      if (failures.length >= 10) break;
    }
    expect(failures).toEqual([]);
  });

  it('a table whose money cells were replaced with text still locates, with P1 findings', () => {
    const wb = structuredClone(BASES[0]);
    const s = wb.sheets[2];
    for (const row of s.rows)
      for (const cell of row ?? []) if (cell && typeof cell.value === 'number') cell.value = 'abc';
    const d = locateTables(wb);
    expect(d.tables.t3).toBeDefined();
    expect(d.findings.some((f) => f.rule === 'P1' && f.table === 't3')).toBe(true);
  });
});
