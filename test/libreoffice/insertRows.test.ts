import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { numberAt, requireLibreOffice } from './helpers';
import { applyClerkEdits } from './clerkEdits';
import { buildSeed000Workbook, findRow, fx, planOf, plans } from './seed000Workbook';

/**
 * The reason totals are SUMPRODUCTs keyed on codes: the clerk inserts 项 rows into the filled
 * seed 000 workbook — one inside the 20801 block, one at the very bottom of the list — types a
 * code and an amount, and every total (表2 款/类/合计, 表1 and 表4 via 表2) includes them.
 * Expected figures = published 000 figures + the typed amounts.
 */
let back: ExcelJS.Workbook;
const t2Index = plans.findIndex((p) => p.tag === 't2');
const NEW_INSIDE = 100;
const NEW_AT_BOTTOM = 5;

beforeAll(async () => {
  requireLibreOffice();
  const dir = mkdtempSync(join(tmpdir(), 'bd-insert-'));
  const input = join(dir, 'filled.xlsx');
  await buildSeed000Workbook().xlsx.writeFile(input);
  const inside = findRow('t2', 0, '2080102'); // new row lands between 2080101 and 2080102
  const bottom = findRow('t2', 0, '2210202') + 1 + 1; // under the last code, after the first insertion
  const gpb = 3; // column D 一般公共预算
  const output = join(dir, 'edited.xlsx');
  await applyClerkEdits(input, output, [
    {
      sheetIndex: t2Index,
      insertAt: inside,
      cells: [
        { col: 0, text: '2080199' },
        { col: gpb, value: NEW_INSIDE },
      ],
    },
    {
      sheetIndex: t2Index,
      insertAt: bottom,
      cells: [
        { col: 0, text: '2210203' },
        { col: gpb, value: NEW_AT_BOTTOM },
      ],
    },
  ]);
  back = new ExcelJS.Workbook();
  await back.xlsx.readFile(output);
});

const published = (id: 't2', code: string | null, column: string) =>
  Number((fx.tables[id].rows ?? []).find((r) => (r.code ?? null) === code)?.values[column] ?? 0);

function rowOfCode(ws: ExcelJS.Worksheet, code: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === code) return r - 1;
  throw new Error(`no row ${code} in ${ws.name}`);
}

test('表2: the inserted rows are counted in their 款, 类 and 合计', () => {
  const ws = back.getWorksheet(planOf('t2').name) as ExcelJS.Worksheet;
  const d = (code: string) => numberAt(ws, code === '合计' ? rowOfCode(ws, '合计') : rowOfCode(ws, code), 3);
  expect(d('20801')).toBeCloseTo(published('t2', '20801', '一般公共预算') + NEW_INSIDE, 6);
  expect(d('208')).toBeCloseTo(published('t2', '208', '一般公共预算') + NEW_INSIDE, 6);
  expect(d('22102')).toBeCloseTo(97.49 + 9.18 + NEW_AT_BOTTOM, 6); // published 106.68 carries 尾差
  expect(
    Math.abs(d('合计') - (published('t2', null, '一般公共预算') + NEW_INSIDE + NEW_AT_BOTTOM)),
  ).toBeLessThanOrEqual(0.0100001);
  // the new rows have no 合计 formula (nobody wrote one); totals do not need it: every 合计 cell is its own row's Σ sources
  expect(Math.abs(numberAt(ws, rowOfCode(ws, '合计'), 2) - d('合计'))).toBeLessThan(1e-9);
});

test('表1 and 表4 follow through their links to 表2', () => {
  const t1 = back.getWorksheet(planOf('t1').name) as ExcelJS.Worksheet;
  const t4 = back.getWorksheet(planOf('t4').name) as ExcelJS.Worksheet;
  const body1 = planOf('t1').freezeRows ?? 0;
  const body4 = planOf('t4').freezeRows ?? 0;
  expect(Math.abs(numberAt(t1, body1, 1) - (1184.32 + NEW_INSIDE + NEW_AT_BOTTOM))).toBeLessThanOrEqual(0.0100001);
  // 八、社会保障和就业支出 is category 8, 二十、住房保障支出 category 20
  expect(numberAt(t1, body1 + 7, 4)).toBeCloseTo(1023.35 + NEW_INSIDE, 6);
  expect(numberAt(t4, body4 + 19, 4)).toBeCloseTo(97.49 + 9.18 + NEW_AT_BOTTOM, 6);
});
