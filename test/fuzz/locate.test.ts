import { analyzeDisclosure, analyzeWorkbook } from '../../src/core/check';
import { locateTables } from '../../src/core/locate';
import type { Disclosure, LocatedTable, RowKind } from '../../src/core/model/disclosure';
import type { Finding } from '../../src/core/model/finding';
import type { Workbook } from '../../src/core/model/grid';
import { RULE_MODULES } from '../../src/core/rules/registry';
import type { RuleModule } from '../../src/core/rules/types';
import { buildSeedWorkbook, SEED_IDS, type SeedId } from '../fixtures/seeds';
import { seedWorkbookWithForms } from '../forms/seedForms';
import { seedNarrativeText } from '../narrative/seedDisclosure';
import { catalogueViolations, crashMarkers } from '../rules/support/catalogueCheck';
import { mutate, prng } from './mutate';

/**
 * Thousands of seeded random mutations of the seed workbooks (tables in both layouts, and with
 * their forms): the locator, and the whole analysis on a sample (with the seed's narrative), must
 * never throw, never leave a crash marker (a rule module that threw, a reader that failed, a form
 * rule that gave up: `runModules` would otherwise turn those into quiet findings), and every
 * finding must be well formed and allowed by the rule catalogue.
 */
const BASES: { wb: Workbook; seed: SeedId }[] = SEED_IDS.flatMap((seed) => [
  { seed, wb: buildSeedWorkbook(seed, 'published') },
  { seed, wb: buildSeedWorkbook(seed, 'stacked') },
  { seed, wb: seedWorkbookWithForms(seed) },
]);
const NARRATIVE = new Map(SEED_IDS.map((s) => [s, seedNarrativeText(s)]));
const LOCATE_CASES = 2000;
const ANALYZE_EVERY = 20;

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

/** What is wrong with one analysis, or undefined. */
function problems(findings: Finding[]): string | undefined {
  if (!Array.isArray(findings) || !wellFormed(findings)) return 'malformed analysis';
  const crashed = crashMarkers(findings);
  if (crashed.length > 0) return `crash: ${crashed[0].rule} ${crashed[0].message}`;
  const bad = catalogueViolations(findings);
  return bad.length > 0 ? bad[0] : undefined;
}

describe('fuzz: mutated seed workbooks', () => {
  it(`locateTables never throws on ${LOCATE_CASES} mutations; analyzeWorkbook on every ${ANALYZE_EVERY}th never crashes`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= LOCATE_CASES; seed++) {
      const base = BASES[seed % BASES.length];
      const { wb, applied } = mutate(base.wb, seed);
      try {
        const d = locateTables(wb);
        const bad = malformed(d);
        if (bad) failures.push(`seed ${seed} (${applied.join(',')}): ${bad}`);
        if (!wellFormed(d.findings)) failures.push(`seed ${seed} (${applied.join(',')}): malformed finding`);
        if (seed % ANALYZE_EVERY === 0) {
          const p = problems(analyzeWorkbook(wb, { narrativeText: NARRATIVE.get(base.seed) }).findings);
          if (p) failures.push(`seed ${seed} (${applied.join(',')}): ${p}`);
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

  it('a rule that throws is caught as a failure, not passed as a finding', () => {
    const thrower: RuleModule = {
      id: 'thrower',
      description: '故意出错的规则',
      run: () => {
        throw new Error('boom');
      },
    };
    const { findings } = analyzeWorkbook(BASES[0].wb, { modules: [...RULE_MODULES, thrower] });
    expect(wellFormed(findings)).toBe(true);
    expect(problems(findings)).toMatch(/^crash: thrower /);
  });

  it('a table whose money cells were replaced with text still locates, with P1 findings', () => {
    const wb = structuredClone(BASES[0].wb);
    const s = wb.sheets[2];
    for (const row of s.rows)
      for (const cell of row ?? []) if (cell && typeof cell.value === 'number') cell.value = 'abc';
    const d = locateTables(wb);
    expect(d.tables.t3).toBeDefined();
    expect(d.findings.some((f) => f.rule === 'P1' && f.table === 't3')).toBe(true);
  });
});

/**
 * The rules on their own, on located disclosures cut up the way no reader would hand them over
 * (columns, rows or values missing, kinds and codes changed): a rule that cannot find what it
 * needs says nothing; it never throws.
 */
describe('fuzz: rules on mangled disclosures', () => {
  const KINDS: RowKind[] = ['total', 'lei', 'kuan', 'xiang', 'class', 'item', 'fixed', 'unit', 'project'];
  const CODES = ['2', '20', '208', '2080', '20801', '2080101', 'x', ''];
  it('no rule module throws on 300 of them', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 300 && failures.length < 10; seed++) {
      const rnd = prng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
      // A fresh read each time: the rules index tables by object, and Decimals do not clone.
      const d = locateTables(BASES[seed % BASES.length].wb);
      const tables = Object.values(d.tables).filter((t): t is LocatedTable => !!t);
      const ops: string[] = [];
      for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++) {
        const t = pick(tables);
        const row = t.rows.length > 0 ? pick(t.rows) : undefined;
        const op = Math.floor(rnd() * 6);
        ops.push(`${t.id}:${op}`);
        if (op === 0) delete t.columns[pick(Object.keys(t.columns))];
        else if (op === 1) t.rows.splice(Math.floor(rnd() * t.rows.length), 1 + Math.floor(rnd() * 5));
        else if (op === 2 && row) row.kind = pick(KINDS);
        else if (op === 3 && row) row.code = pick(CODES);
        else if (op === 4 && row) {
          row.values = {};
          row.name = undefined;
        } else if (op === 5) t.rows = [];
      }
      const p = problems(analyzeDisclosure(d, { workbook: BASES[seed % BASES.length].wb }).findings);
      if (p) failures.push(`seed ${seed} (${ops.join(',')}): ${p}`);
    }
    expect(failures).toEqual([]);
  });
});
