import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import { recalculateWithLibreOffice } from '../../src/xlsx/libreoffice';
import { roundingTolerance } from '../../src/core/money';
import type { TableId } from '../../src/core/templates/schema';
import { columnOf, numberAt, requireLibreOffice } from './helpers';
import { YEAR, buildSeed000Workbook, findRow, fx, planOf, plans, projects, typed } from './seed000Workbook';

/**
 * THE end-to-end proof of the template: generate a 单位 workbook for seed 000, type ONLY the
 * primary figures of the published document, let LibreOffice compute every formula, and compare
 * every derived figure (表1, 表4, all 合计/类/款/class/unit/total rows) with what was published.
 * Published totals carry 尾差 (spec §5.1: 21011, 22102, 合计 off by 0.01), our sums are exact, so
 * figures are compared within max(0.01, 0.005 × n) 万元.
 */
let recalculated: ExcelJS.Workbook;

beforeAll(async () => {
  requireLibreOffice();
  const wb = buildSeed000Workbook();
  const dir = mkdtempSync(join(tmpdir(), 'bd-seed000-'));
  const input = join(dir, 'datong-2024.xlsx');
  await wb.xlsx.writeFile(input);
  const out = await recalculateWithLibreOffice(input, join(dir, 'recalc'));
  recalculated = new ExcelJS.Workbook();
  await recalculated.xlsx.readFile(out);
});

const ws = (id: TableId) => recalculated.getWorksheet(planOf(id).name) as ExcelJS.Worksheet;

function expectClose(id: TableId, row: number, col: number, published: string | null, addends: number): void {
  const got = new Decimal(numberAt(ws(id), row, col).toPrecision(15));
  const want = new Decimal(published ?? '0');
  const tol = roundingTolerance(addends);
  const where = `${planOf(id).name} row ${row + 1} col ${col + 1}`;
  expect(got.minus(want).abs().lte(tol) ? 'ok' : `${where}: got ${got.toFixed(2)}, published ${want.toFixed(2)}`).toBe('ok');
}

/** Number of typed cells in a table: the largest possible number of addends of any of its sums. */
const addendsIn = (id: TableId) => Math.max(2, typed.filter((t) => t.id === id).length);

test('only primary cells were typed (and there were many)', () => {
  // 000 has 8 项 rows, each with one 一般公共预算 amount; 24 表6 items, each one amount.
  expect(typed.filter((t) => t.id === 't2').length).toBe(8);
  expect(typed.filter((t) => t.id === 't6').length).toBe(24);
  expect(typed.filter((t) => t.id === 't12').length).toBe(28);
});

test.each(['t1', 't4'] as const)('%s is fully derived from 表2 and equals the published table', (id) => {
  const t = fx.tables[id];
  let after = -1;
  for (const r of t.income ?? []) {
    const row = findRow(id, 0, r.label, after);
    after = row;
    for (const [h, v] of Object.entries(r.values)) expectClose(id, row, columnOf(id, h, YEAR), v, addendsIn('t2'));
  }
  for (const r of t.expenditure ?? []) {
    const row = findRow(id, 2, r.label);
    for (const [h, v] of Object.entries(r.values)) expectClose(id, row, columnOf(id, h, YEAR), v, addendsIn('t2'));
  }
});

test.each(['t2', 't3', 't5'] as const)('%s: 合计, 类 and 款 rows equal the published figures', (id) => {
  for (const r of fx.tables[id].rows ?? []) {
    const row = r.code ? findRow(id, 0, r.code) : findRow(id, 0, '合计');
    for (const [h, v] of Object.entries(r.values)) expectClose(id, row, columnOf(id, h, YEAR), v, addendsIn(id));
  }
});

test('t6: 合计 and class rows equal the published figures', () => {
  let classRow = -1;
  for (const r of fx.tables.t6.rows ?? []) {
    let row: number;
    if (r.kind === 'total') row = findRow('t6', 0, '合计');
    else if (r.kind === 'class') row = classRow = findRow('t6', 0, r.econName as string);
    else row = findRow('t6', 0, r.econName as string, classRow);
    for (const [h, v] of Object.entries(r.values)) expectClose('t6', row, columnOf('t6', h, YEAR), v, addendsIn('t6'));
  }
});

test.each(['t10', 't11'] as const)('%s: every row equals the published figures', (id) => {
  for (const r of fx.tables[id].rows ?? []) {
    const row = findRow(id, 0, r.label as string);
    for (const [h, v] of Object.entries(r.values)) expectClose(id, row, columnOf(id, h, YEAR), v, addendsIn(id));
  }
});

test('t12: the unit total row and every project equal the published figures', () => {
  const rows = fx.tables.t12.rows ?? [];
  const totalRow = findRow('t12', 0, fx.unit);
  for (const [h, v] of Object.entries(rows[0].values)) expectClose('t12', totalRow, columnOf('t12', h, YEAR), v, addendsIn('t12'));
  projects.forEach((p, i) => {
    for (const [h, v] of Object.entries(p.values)) expectClose('t12', totalRow + 1 + i, columnOf('t12', h, YEAR), v, 2);
  });
});

test.each(['t7', 't8', 't9', 't13'] as const)('%s: the empty table computes to blank totals', (id) => {
  const plan = planOf(id);
  const formulas = plan.cells.filter((c) => c.formula);
  expect(formulas.length).toBeGreaterThan(0);
  for (const c of formulas) expect(numberAt(ws(id), c.row, c.col)).toBe(0);
});
