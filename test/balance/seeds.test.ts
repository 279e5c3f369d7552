import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { balanceEdits, balanceWorkbook } from '../../src/core/balance';
import { readXlsx } from '../../src/xlsx/read';
import { buildSeedWorkbook, SEED_IDS } from '../fixtures/seeds';
import { seedWorkbookWithForms } from '../forms/seedForms';
import { balance, newFindings, roundingLeft } from './support';
import type { Workbook } from '../../src/core/model/grid';

/**
 * Issue 14 "Done when": the bundled example and the open-seed workbooks, balanced, check with zero
 * 尾差 and no new finding; every changed figure moved by exactly 0.01 from what it printed; the
 * same input twice gives byte-identical change lists.
 */
const EXAMPLE = join(__dirname, '../../assets/example/datong-2024.xlsx');

const cases: [string, () => Promise<Workbook> | Workbook][] = [
  ['bundled example', () => readXlsx(readFileSync(EXAMPLE))],
  ...SEED_IDS.flatMap((s): [string, () => Workbook][] => [
    [`seed ${s} published`, () => buildSeedWorkbook(s, 'published')],
    [`seed ${s} stacked`, () => buildSeedWorkbook(s, 'stacked')],
    [`seed ${s} with its forms`, () => seedWorkbookWithForms(s)],
  ]),
];

describe.each(cases)('%s, balanced', (_name, load) => {
  let wb: Workbook;
  beforeAll(async () => {
    wb = await load();
  });

  it('checks with zero 尾差 and no new finding', () => {
    const b = balance(wb);
    expect(roundingLeft(b.after).map((f) => f.message)).toEqual([]);
    expect(newFindings(b.before, b.after).map((f) => f.message)).toEqual([]);
    expect(b.result.residuals).toEqual([]);
    expect(b.result.conflicts).toEqual([]);
  });

  it('moves every changed figure by exactly 0.01 (these figures are printed at 0.01: no exact value)', () => {
    const r = balanceWorkbook(wb);
    for (const c of r.changes) {
      expect(c.exact).toBeUndefined();
      expect(Math.abs(c.steps)).toBe(1);
      const old = new Decimal(String(c.old).replace(/,/g, ''));
      expect(new Decimal(c.value).minus(old).abs().toString()).toBe('0.01');
      expect(c.balances.length).toBeGreaterThan(0);
    }
    expect(new Set(r.changes.map((c) => c.figure)).size).toBe(r.moved);
  });

  it('gives byte-identical change lists for the same input twice', () => {
    const a = JSON.stringify(balanceEdits(balanceWorkbook(wb)));
    const b = JSON.stringify(balanceEdits(balanceWorkbook(wb)));
    expect(a).toBe(b);
  });
});

describe('what balancing changes on the seeds', () => {
  it('example: 26 尾差 become 0 by moving 3 figures, the 类/款 221 total printed in five tables once', async () => {
    const wb = await readXlsx(readFileSync(EXAMPLE));
    const b = balance(wb);
    expect(b.before.filter((f) => f.severity === 'rounding')).toHaveLength(26);
    expect(b.result.moved).toBe(3);
    const moved221 = b.result.changes.filter((c) => c.old === 106.68);
    expect(new Set(moved221.map((c) => c.figure)).size).toBe(1);
    expect(new Set(moved221.map((c) => c.sheet))).toEqual(new Set(['表1', '表2', '表3', '表4', '表5']));
    expect(moved221.every((c) => c.value === '106.67')).toBe(true);
  });

  it('seed 001 (no 尾差, real errors) is left exactly as it is', () => {
    const r = balanceWorkbook(buildSeedWorkbook('001', 'published'));
    expect(r.changes).toEqual([]);
  });

  it('000 published keeps amounts typed as text as text, in their print style', () => {
    const r = balanceWorkbook(buildSeedWorkbook('000', 'published'));
    const edits = balanceEdits(r);
    const text = edits.filter((e) => typeof e.old === 'string');
    for (const e of text) {
      expect(typeof e.new).toBe('string');
      expect(/,/.test(String(e.old))).toBe(/,/.test(String(e.new)));
    }
  });
});
