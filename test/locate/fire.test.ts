import { analyzeWorkbook } from '../../src/core/check';
import { locateTables } from '../../src/core/locate';
import type { Finding } from '../../src/core/model/finding';
import { parseAddr, type Workbook } from '../../src/core/model/grid';
import { buildSeedWorkbook } from '../fixtures/seeds';

/**
 * The reader's own findings (P1 text in a money column, P2 table not found, P3 row that fits no
 * row of its table), each proven to fire on a clean published workbook (seed 003 as printed: no
 * 错误) broken in one place, with nothing else at 错误, and to stay silent when its precondition
 * is not met. P9 (a reader that throws) is in locateCrash.test.ts.
 */
const clean = (): Workbook => buildSeedWorkbook('003', 'published');
const errors = (wb: Workbook) => analyzeWorkbook(wb).findings.filter((f) => f.severity === 'error');
const only = (fs: Finding[], rule: string) =>
  fs.filter((f) => f.rule === rule).map((f) => [f.severity, f.table, f.cell]);

function put(wb: Workbook, sheet: string, cell: string, value: string | number | null): void {
  const s = wb.sheets.find((x) => x.name === sheet)!;
  const { r, c } = parseAddr(cell);
  (s.rows[r] ??= [])[c] = { value };
}

/** Where the clean workbook prints 表2's 合计 row in the 国有资本经营预算 column (blank in 003). */
function blankT2Cell(wb: Workbook): { sheet: string; cell: string } {
  const t2 = locateTables(wb).tables.t2!;
  const a = t2.rows.find((r) => r.kind === 'total')!.values.soe!;
  expect(a.blank).toBe(true);
  return { sheet: a.sheet, cell: a.cell };
}

describe('reader findings on a clean published workbook', () => {
  it('the clean workbook has no error and no reader finding', () => {
    const wb = clean();
    expect(errors(wb)).toEqual([]);
    expect(locateTables(wb).findings).toEqual([]);
  });

  it('P1 fires on text in a money cell, as a 提示 at that cell, and nothing else is an error', () => {
    const wb = clean();
    const at = blankT2Cell(wb);
    put(wb, at.sheet, at.cell, '无法填写');
    const all = analyzeWorkbook(wb).findings;
    expect(only(all, 'P1')).toEqual([['warning', 't2', at.cell]]);
    expect(all.find((f) => f.rule === 'P1')!.message).toContain(`${at.sheet}!${at.cell}`);
    expect(errors(wb)).toEqual([]);
  });

  it('P1 is silent on the words clerks use for “nothing here”', () => {
    for (const word of ['-', '—', '——', '/']) {
      const wb = clean();
      const at = blankT2Cell(wb);
      put(wb, at.sheet, at.cell, word);
      expect(only(locateTables(wb).findings, 'P1')).toEqual([]);
    }
  });

  it('P2 fires on a table that is not there, as a 提示, and nothing else is an error', () => {
    const wb = clean();
    wb.sheets = wb.sheets.filter((s) => s.name !== '公开表9');
    const all = analyzeWorkbook(wb).findings;
    expect(only(all, 'P2')).toEqual([['warning', 't9', undefined]]);
    expect(all.find((f) => f.rule === 'P2')!.message).toBe('未找到表9 国有资本经营预算表');
    expect(errors(wb)).toEqual([]);
  });

  it('P2 is silent when the table is found on a sheet of any name', () => {
    const wb = clean();
    wb.sheets.find((s) => s.name === '公开表9')!.name = '随便起的名字';
    expect(only(locateTables(wb).findings, 'P2')).toEqual([]);
  });

  /** 表10 with one more body row, above its 合计 row, labelled `label` and holding `amount`. */
  function extraT10Row(label: string, amount: number | null): { wb: Workbook; cell: string } {
    const wb = clean();
    const t10 = locateTables(wb).tables.t10!;
    const grand = t10.rows.find((r) => r.key === 'grand')!;
    const sheet = wb.sheets.find((s) => s.name === t10.sheet)!;
    sheet.rows.splice(grand.row, 0, [{ value: label }, { value: amount }]);
    return { wb, cell: `A${grand.row + 1}` };
  }

  it('P3 fires on a body row with money that fits no row of the table, at its label, as a 提示', () => {
    const { wb, cell } = extraT10Row('其他费用', 1);
    const all = analyzeWorkbook(wb).findings;
    expect(only(all, 'P3')).toEqual([['warning', 't10', cell]]);
    expect(all.find((f) => f.rule === 'P3')!.message).toContain('其他费用');
    expect(errors(wb)).toEqual([]);
  });

  it('P3 is silent on such a row without money', () => {
    const { wb } = extraT10Row('其他费用', null);
    expect(only(locateTables(wb).findings, 'P3')).toEqual([]);
  });
});
