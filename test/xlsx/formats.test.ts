import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeWorkbook } from '../../src/core/check';
import { locateTables } from '../../src/core/locate';
import type { Workbook } from '../../src/core/model/grid';
import { saveWithLibreOffice } from '../../src/xlsx/libreoffice';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { writeGridToXlsx } from '../../src/xlsx/writeGrid';
import { deptWorkbookXlsx } from '../../bench/deptWorkbook';
import { buildSeedWorkbook } from '../fixtures/seeds';
import { INDENTED_T12, INDENTED_T12_LEVELS } from '../fixtures/indentedT12';
import { requireLibreOffice } from '../libreoffice/helpers';

/**
 * The same workbook saved by LibreOffice as .xlsx, .xls (Excel 97-2003) and .ods, plus the .xls
 * under WPS's .et name (WPS writes .et in the same BIFF8 layout): each must give the same located
 * tables and the same findings as the .xlsx — the reader, not the format, decides nothing.
 */
jest.setTimeout(600_000);

const dir = mkdtempSync(join(tmpdir(), 'bd-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Format = 'xlsx' | 'xls' | 'et' | 'ods';
const FORMATS: Format[] = ['xlsx', 'xls', 'et', 'ods'];

/** `source` saved in every format; .et is the .xls renamed. */
async function savedAs(source: string, name: string): Promise<Record<Format, Workbook>> {
  const out = join(dir, name);
  const files: Record<Format, string> = {
    xlsx: await saveWithLibreOffice(source, out, 'xlsx'),
    xls: await saveWithLibreOffice(source, out, 'xls'),
    ods: await saveWithLibreOffice(source, out, 'ods'),
    et: join(out, `${name}.et`),
  };
  copyFileSync(files.xls, files.et);
  const read = await Promise.all(FORMATS.map((f) => readWorkbookFile(files[f])));
  return Object.fromEntries(FORMATS.map((f, i) => [f, read[i]])) as Record<Format, Workbook>;
}

/**
 * The located tables as data. LibreOffice itself writes some absolute markers differently per
 * format (`$D$8:$D$8` in .xlsx, `$D8:$D$8` in .ods): `$` does not change what a formula sums at
 * its own cell, so formulas are compared without it.
 */
function located(wb: Workbook) {
  const d = locateTables(wb);
  const json = JSON.stringify({ meta: d.meta, tables: d.tables, findings: d.findings }, (key, v: unknown) =>
    key === 'formula' && typeof v === 'string' ? v.replace(/\$/g, '') : v,
  );
  return JSON.parse(json) as unknown;
}

function findings(wb: Workbook) {
  return JSON.parse(JSON.stringify(analyzeWorkbook(wb).findings)) as { rule: string }[];
}

beforeAll(() => requireLibreOffice());

it('seed 000 as published (amounts typed as text, 尾差, the 2210202 name): same tables and findings', async () => {
  const source = join(dir, 'seed000.xlsx');
  await writeGridToXlsx(buildSeedWorkbook('000', 'published'), source);
  const wb = await savedAs(source, 'seed000');
  const expected = findings(wb.xlsx);
  expect(expected.length).toBeGreaterThan(5);
  for (const f of ['xls', 'et', 'ods'] as const) {
    expect(located(wb[f])).toEqual(located(wb.xlsx));
    expect(findings(wb[f])).toEqual(expected);
  }
});

it('a 部门 workbook with units, formulas and 绩效目标表: same tables, forms and findings', async () => {
  const source = join(dir, 'dept.xlsx');
  writeFileSync(source, await deptWorkbookXlsx({ units: 2, projectsPerUnit: 3 }));
  const wb = await savedAs(source, 'dept');
  const expected = findings(wb.xlsx);
  expect(expected.some((f) => f.rule.startsWith('F'))).toBe(true);
  for (const f of ['xls', 'et', 'ods'] as const) {
    expect(located(wb[f])).toEqual(located(wb.xlsx));
    expect(findings(wb[f])).toEqual(expected);
  }
});

it('表12 levels shown only by Excel indent survive .xls and .ods', async () => {
  const source = join(dir, 'indented.xlsx');
  const rows = INDENTED_T12.map((row, r) =>
    row.map((v, c) =>
      v === null
        ? undefined
        : { value: v, ...(c === 0 && INDENTED_T12_LEVELS[r] ? { indent: INDENTED_T12_LEVELS[r] } : {}) },
    ),
  );
  await writeGridToXlsx({ sheets: [{ name: '表12', rows, merges: [] }] }, source);
  const wb = await savedAs(source, 'indented');
  for (const f of FORMATS) {
    const indents = Object.keys(INDENTED_T12_LEVELS).map((r) => wb[f].sheets[0].rows[Number(r)][0]?.indent);
    expect(indents).toEqual(Object.values(INDENTED_T12_LEVELS));
    expect(located(wb[f])).toEqual(located(wb.xlsx));
  }
  // The unit row is a subtotal only because of its indent: the levels really were read.
  const t12 = locateTables(wb.ods).tables.t12;
  expect(t12?.rows.map((r) => r.kind)).toEqual(locateTables(wb.xlsx).tables.t12?.rows.map((r) => r.kind));
});
