import { analyzeWorkbook } from '../../src/core/check';
import { locateTables } from '../../src/core/locate';
import type { Disclosure, LocatedTable } from '../../src/core/model/disclosure';
import type { Finding } from '../../src/core/model/finding';
import { parseAddr, type Workbook } from '../../src/core/model/grid';
import { SURFACE_NAMES, variantWorkbook } from '../rules/support/variants';

/**
 * Tables printed in 元 (docs/locator.md § 金额单位, docs/domain.md § 尾差): the unit each table
 * prints is recorded, its figures are read as 万元 exactly, and inside a table exact to the fen a
 * difference of a few 元 is an error, not a 尾差.
 */
const SOME = SURFACE_NAMES.find((s) => s.startsWith('some tables in 元'))!;
const EVERY = SURFACE_NAMES.find((s) => s.startsWith('every table in 元'))!;
const HEADER = SURFACE_NAMES.find((s) => s.startsWith('tables in 元 marked in the header'))!;

function cellOf(wb: Workbook, sheet: string, a1: string) {
  const { r, c } = parseAddr(a1);
  const s = wb.sheets.find((x) => x.name === sheet)!;
  return { row: (s.rows[r] ??= []), c };
}

function setNumber(wb: Workbook, sheet: string, a1: string, value: number): void {
  const { row, c } = cellOf(wb, sheet, a1);
  row[c] = { value };
}

function t12(d: Disclosure): LocatedTable {
  return d.tables.t12!;
}

/** The unit line of a table (`单位：万元` / `单位：元`), by its text. */
function unitLine(wb: Workbook, t: LocatedTable): { value: unknown } {
  const s = wb.sheets.find((x) => x.name === t.sheet)!;
  for (let r = 0; r < t.headerRow; r++)
    for (const c of s.rows[r] ?? []) if (c && typeof c.value === 'string' && /^单位[:：]/.test(c.value)) return c;
  throw new Error(`no unit line on ${t.sheet}`);
}

describe('the unit a table prints', () => {
  it('单位：元 under the title: 元, amounts read as 万元 exactly, the printed figure kept', () => {
    const d = locateTables(variantWorkbook('000', SOME, false));
    expect(d.tables.t2!.unit).toBe('元');
    expect(d.tables.t1!.unit).toBe('万元');
    const total = d.tables.t2!.rows.find((r) => r.kind === 'total')!.values.total!;
    const seed = locateTables(variantWorkbook('000', SURFACE_NAMES[0], false));
    const same = seed.tables.t2!.rows.find((r) => r.kind === 'total')!.values.total!;
    expect(total.unit).toBe('元');
    expect(total.printed!.toString()).toBe(same.value.times(10000).toString());
    expect(total.value.toString()).toBe(same.value.toString());
    expect(same.unit).toBeUndefined();
    expect(same.printed).toBeUndefined();
  });

  it('（元） in the header, no unit line: 元, and the columns are still found', () => {
    const d = locateTables(variantWorkbook('003', HEADER, false));
    for (const id of ['t1', 't3', 't5', 't12'] as const) expect(d.tables[id]!.unit).toBe('元');
    expect(d.tables.t2!.unit).toBe('万元');
    expect(d.tables.t3!.columns.total.header).toMatch(/（元）$/);
  });

  it('no unit line at all: 万元, as every seed prints', () => {
    const wb = variantWorkbook('001', SURFACE_NAMES[0], false);
    const before = locateTables(wb);
    unitLine(wb, t12(before)).value = '';
    const d = locateTables(wb);
    expect(t12(d).unit).toBe('万元');
    expect(t12(d).rows.map((r) => r.values.total?.value.toString())).toEqual(
      t12(before).rows.map((r) => r.values.total?.value.toString()),
    );
  });

  it('单位：万元 over a header marked （元）: ambiguous, stays 万元', () => {
    const wb = variantWorkbook('001', SURFACE_NAMES[0], false);
    const t = t12(locateTables(wb));
    const s = wb.sheets.find((x) => x.name === t.sheet)!;
    let marked = 0;
    for (const k of ['total', 'gpb'])
      for (let r = 0; r <= t.headerRow; r++) {
        const c = s.rows[r]?.[t.columns[k].col];
        if (c && c.value === t.columns[k].header) {
          c.value = `${c.value}（元）`;
          marked++;
        }
      }
    expect(marked).toBe(2);
    expect(unitLine(wb, t).value).toMatch(/万元/);
    const d = locateTables(wb);
    expect(t12(d).columns.total.header).toMatch(/（元）$/);
    expect(t12(d).unit).toBe('万元');
  });
});

describe('尾差 inside a table printed in 元', () => {
  const errorsOf = (fs: Finding[], rule: RegExp) => fs.filter((f) => rule.test(f.rule) && f.severity === 'error');

  /** 001, every table in 元: 表12's first project and the total changed by `project` / `total` 元. */
  function shifted(project: number, total: number): { findings: Finding[]; d: Disclosure } {
    const wb = variantWorkbook('001', EVERY, true);
    const d = locateTables(wb);
    const t = t12(d);
    const p = t.rows.find((r) => r.kind === 'project')!.values.total!;
    const sum = t.rows.find((r) => r.kind === 'total')!.values.total!;
    const gpbP = t.rows.find((r) => r.kind === 'project')!.values.gpb!;
    const gpbT = t.rows.find((r) => r.kind === 'total')!.values.gpb!;
    setNumber(wb, p.sheet, p.cell, p.printed!.plus(project).toNumber());
    setNumber(wb, gpbP.sheet, gpbP.cell, gpbP.printed!.plus(project).toNumber());
    setNumber(wb, sum.sheet, sum.cell, sum.printed!.plus(total).toNumber());
    setNumber(wb, gpbT.sheet, gpbT.cell, gpbT.printed!.plus(total).toNumber());
    return { findings: analyzeWorkbook(wb).findings, d: locateTables(wb) };
  }

  it('a total off by 3 元 is an error, printed in 元', () => {
    const { findings } = shifted(0, 3);
    const w = errorsOf(findings, /^W12\.1$/);
    expect(w.length).toBeGreaterThan(0);
    expect(w[0].message).toMatch(/相差 3\.00元（错误）/);
    expect(w[0].diff).toBe('0.0003');
  });

  it('exact sums to the fen: nothing inside the table', () => {
    const { findings, d } = shifted(3.47, 3.47);
    expect(t12(d).rows.every((r) => Object.values(r.values).every((a) => !a || a.exactToFen))).toBe(true);
    expect(findings.filter((f) => /^W12/.test(f.rule))).toEqual([]);
    expect(errorsOf(findings, /^[WX]/)).toEqual([]);
  });

  it('a 元 table on the 0.01 万元 grid keeps the 万元 尾差 (figures rounded in 万元, printed in 元)', () => {
    const { findings } = shifted(0, 100);
    const w = findings.filter((f) => f.rule === 'W12.1');
    expect(w.length).toBeGreaterThan(0);
    expect(w.every((f) => f.severity === 'rounding')).toBe(true);
    expect(w[0].message).toMatch(/相差 100\.00元（尾差）/);
  });

  it('between a 元 table exact to the fen and a 万元 table: the 万元 尾差, figures with their units', () => {
    const wb = variantWorkbook('001', SOME, true);
    const t = t12(locateTables(wb));
    const p = t.rows.find((r) => r.kind === 'project')!;
    const sum = t.rows.find((r) => r.kind === 'total')!;
    for (const k of ['total', 'gpb'] as const)
      for (const a of [p.values[k]!, sum.values[k]!]) setNumber(wb, a.sheet, a.cell, a.printed!.plus(3).toNumber());
    const findings = analyzeWorkbook(wb).findings.filter((f) => /^[WX]/.test(f.rule));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const x = findings.filter((f) => f.severity === 'rounding' && /^X/.test(f.rule));
    expect(x.length).toBeGreaterThan(0);
    expect(x[0].message).toMatch(/元/);
    expect(x[0].message).toMatch(/万元/);
  });
});
