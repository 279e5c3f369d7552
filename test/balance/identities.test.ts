import { analyzeWorkbook } from '../../src/core/check';
import { identitiesOf, type Identity } from '../../src/core/identities';
import { classifyDiff, sum } from '../../src/core/money';
import { tolerance } from '../../src/core/rules/identity';
import { locateTables } from '../../src/core/locate';
import type { Finding } from '../../src/core/model/finding';
import type { Workbook } from '../../src/core/model/grid';
import { parseAddr } from '../../src/core/model/grid';
import { recalc } from '../rules/support/recalc';
import { filledTemplate } from '../rules/support/template';
import { exactWorkbook } from './exactWorkbook';

/**
 * The identities as data and the rules cannot drift apart: on a consistent workbook, nudge one
 * input by 0.01 at a time; every arithmetic finding the checker then reports is an identity of the
 * data whose two sides now differ, and every such identity is a finding of the checker.
 */
const ARITHMETIC = /^(W\d+\.\d+|X\d+)$/;

function residual(i: Identity) {
  return sum(i.terms.map((t) => t.amount.value.times(t.coef)));
}

function cells(i: Identity): Set<string> {
  return new Set(i.terms.map((t) => `${t.amount.sheet}!${t.amount.cell}`));
}

/** A copy with one input 0.01 higher and every formula recalculated, as Excel would show it. */
function nudged(wb: Workbook, sheet: string, cell: string): Workbook {
  const { r, c } = parseAddr(cell);
  const copy: Workbook = {
    sheets: wb.sheets.map((s) => ({ ...s, rows: s.rows.map((row) => (row ?? []).map((x) => x && { ...x })) })),
  };
  const target = copy.sheets.find((s) => s.name === sheet)!;
  const v = Number(target.rows[r][c]!.value);
  target.rows[r][c] = { value: Math.round((v + 0.01) * 10000) / 10000 };
  recalc(copy);
  return copy;
}

function compare(wb: Workbook): { findings: Finding[]; off: Identity[] } {
  const findings = analyzeWorkbook(wb).findings.filter((f) => ARITHMETIC.test(f.rule));
  const off = identitiesOf(locateTables(wb)).identities.filter((i) => !residual(i).isZero());
  for (const f of findings) {
    const hit = off.find((i) => i.rule === f.rule && cells(i).has(`${f.sheet}!${f.cell}`));
    if (!hit) throw new Error(`finding without identity: ${f.message}`);
  }
  for (const i of off) {
    const klass = classifyDiff(residual(i), tolerance(i.addends));
    const expected = i.mode === 'info' ? 'info' : klass === 'rounding' ? 'rounding' : undefined;
    if (!expected) continue; // beyond 尾差: error or warning by mode, not needed for the balancer
    const hit = findings.find(
      (f) => f.rule === i.rule && f.severity === expected && cells(i).has(`${f.sheet}!${f.cell}`),
    );
    if (!hit) throw new Error(`identity without finding: ${i.label} (Δ ${residual(i).toString()})`);
  }
  return { findings, off };
}

describe('identities as data = what the rules check', () => {
  it('a consistent template: no identity off, no arithmetic finding', () => {
    const { wb } = filledTemplate();
    const r = compare(wb);
    expect(r.findings).toEqual([]);
    expect(r.off).toEqual([]);
  });

  it('单位 template: nudging each input by 0.01 gives the same identities and findings', () => {
    const { wb } = filledTemplate();
    const inputs = Object.values(locateTables(wb).tables).flatMap((t) =>
      t!.rows.flatMap((row) => Object.values(row.values).filter((a) => a && !a.formula && !a.value.isZero())),
    );
    expect(inputs.length).toBeGreaterThan(10);
    let seen = 0;
    for (const a of inputs) {
      const r = compare(nudged(wb, a!.sheet, a!.cell));
      seen += r.findings.length;
      expect(r.off.length).toBeGreaterThan(0);
    }
    expect(seen).toBeGreaterThan(inputs.length);
  });

  it('部门 exact workbook: the same for a sample of inputs across 表2–表12', () => {
    const ex = exactWorkbook({ units: 2, perUnit: 3, seed: 3 });
    const keys = [...ex.inputs.keys()].filter((_, i) => i % 3 === 0);
    for (const k of keys) {
      const [sheet, cell] = k.split('!');
      compare(nudged(ex.wb, sheet, cell));
    }
  });
});
