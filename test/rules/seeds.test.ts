import { analyzeDisclosure, analyzeWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/model/finding';
import { addr, type Workbook } from '../../src/core/model/grid';
import { buildSeedWorkbook, type SeedId } from '../fixtures/seeds';
import { FORMS_SHEET, seedWorkbookWithForms } from '../forms/seedForms';
import { catalogueViolations, crashMarkers } from './support/catalogueCheck';
import { distinct, EXPECTED, ours } from './support/seedExpectations';
import { fixtureDisclosure } from './support/fromFixture';

/** Cells of the workbook's tables holding a number typed as text with separators (“1,184.32”); the
 *  forms sheet (元 amounts, the form rules' business) aside. */
function textNumberCells(wb: Workbook | undefined): string[] {
  if (!wb) return [];
  const out: string[] = [];
  for (const s of wb.sheets.filter((x) => x.name !== FORMS_SHEET))
    s.rows.forEach((row, r) =>
      (row ?? []).forEach((c, col) => {
        if (typeof c?.value === 'string' && /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(c.value))
          out.push(`${s.name}!${addr(r, col)}`);
      }),
    );
  return out.sort();
}

function expectSeed(seed: SeedId, all: Finding[], wb?: Workbook): void {
  const e = EXPECTED[seed];
  const findings = all.filter(ours);
  expect(distinct(findings, 'error')).toEqual([...e.errors].sort());
  expect(distinct(findings, 'rounding')).toEqual([...e.rounding].sort());
  expect(distinct(findings, 'warning')).toEqual([...e.warnings].sort());
  expect(distinct(findings, 'info')).toEqual([...e.info].sort());
  expect(
    findings
      .filter((f) => f.rule === 'FI4')
      .map((f) => `${f.sheet}!${f.cell}`)
      .sort(),
  ).toEqual(textNumberCells(wb));
  // No crash marker from any family (a module that throws, a reader that fails, a form rule that gives up).
  expect(crashMarkers(all)).toEqual([]);
  expect(catalogueViolations(all)).toEqual([]);
  // Every finding points at a cell and speaks Chinese.
  for (const f of findings) {
    expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    if (/^(W|X|CN|FI)/.test(f.rule)) expect(f.cell).toMatch(/^[A-Z]+\d+$/);
  }
}

describe.each(['000', '001', '003'] as const)('seed %s', (seed) => {
  it('from the transcription (no locator): every known table defect at its severity, and nothing else', () => {
    expectSeed(seed, analyzeDisclosure(fixtureDisclosure(seed)).findings);
  });

  it.each(['published', 'stacked'] as const)('rebuilt as a workbook (%s layout) and located', (layout) => {
    const wb = buildSeedWorkbook(seed, layout);
    expectSeed(seed, analyzeWorkbook(wb).findings, wb);
  });

  it('rebuilt with its forms appended: the same table findings', () => {
    const wb = seedWorkbookWithForms(seed);
    expectSeed(seed, analyzeWorkbook(wb).findings, wb);
  });
});

describe('seed 000 messages', () => {
  it('the 21011 尾差 in 表2 reads like docs/domain.md § 尾差 asks', () => {
    const f = analyzeDisclosure(fixtureDisclosure('000')).findings.find(
      (x) => x.rule === 'W2.1' && x.row?.startsWith('21011') && x.column === '合计',
    );
    expect(f?.message).toMatch(
      /^表2 预算收入总表 C\d+（21011 行政事业单位医疗·合计）为 53\.70，其下各项合计 53\.69，相差 0\.01（尾差）$/,
    );
    expect(f).toMatchObject({ expected: '53.69', actual: '53.70', diff: '0.01' });
  });
});
