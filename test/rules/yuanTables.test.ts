import { analyzeWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/model/finding';
import { locateTables } from '../../src/core/locate';
import { parseAddr, type Workbook } from '../../src/core/model/grid';
import type { TableId } from '../../src/core/templates/schema';
import { seedWorkbookWithForms } from '../forms/seedForms';
import { seedNarrativeText } from '../narrative/seedDisclosure';
import { tablesInYuan } from './support/variants';

/**
 * The forms (元) and the narrative (万元) against tables printed in 元 (docs/domain.md § 金额与单位):
 * the seeds with their forms and 情况说明, some or all tables rebuilt in 元, give the same form and
 * narrative findings (rule, cell, severity) as printed in 万元: no F2 from a 元 表12 read as 万元,
 * no N rule comparing the text's 万元 with 元.
 */
const ALL: TableId[] = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12', 't13'];

function formAndNarrative(wb: Workbook, seed: '000' | '001' | '003'): string[] {
  const fs: Finding[] = analyzeWorkbook(wb, { narrativeText: seedNarrativeText(seed) }).findings;
  return fs
    .filter((f) => /^[FN]\d/.test(f.rule))
    .map((f) => `${f.rule}|${f.sheet ?? ''}|${f.cell ?? ''}|${f.severity}`)
    .sort();
}

describe.each(['000', '001', '003'] as const)('seed %s with forms and narrative', (seed) => {
  const printed = formAndNarrative(seedWorkbookWithForms(seed), seed);

  it.each([
    ['表12 in 元', ['t12'] as TableId[]],
    ['表1, 表5, 表11, 表12 in 元', ['t1', 't5', 't11', 't12'] as TableId[]],
    ['every table in 元', ALL],
  ])('%s: the same F and N findings', (_name, ids) => {
    const wb = seedWorkbookWithForms(seed);
    tablesInYuan(wb, ids);
    expect(formAndNarrative(wb, seed)).toEqual(printed);
  });
});

describe('the narrative against a table exact to the fen', () => {
  // 537,003 元 is 53.7003 万元; a text that writes 万元 to the cent states it as 53.70, which is
  // right: the comparison rounds the table figure as the text does, instead of a 尾差 per figure.
  it('a 万元 figure written to the cent is the 元 figure rounded, not a 尾差', () => {
    const wb = seedWorkbookWithForms('000');
    const before = formAndNarrative(wb, '000');
    tablesInYuan(wb, ALL);
    const t1 = locateTables(wb).tables.t1!;
    const total = t1.rows.find((r) => r.key === 'income_total' && r.side === 'income')!;
    const a = Object.values(total.values).find((v) => v && !v.blank)!;
    const { r, c } = parseAddr(a.cell);
    const cell = wb.sheets.find((s) => s.name === a.sheet)!.rows[r]![c]!;
    cell.value = Number(String(cell.value).replace(/,/g, '')) + 3; // 3 元 more: 0.0003 万元, invisible at 0.01 万元
    expect(formAndNarrative(wb, '000')).toEqual(before);
  });
});
