import { analyzeWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/model/finding';
import type { Workbook } from '../../src/core/model/grid';
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
