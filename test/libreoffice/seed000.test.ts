import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import { renderTemplates } from '../../src/core/templates/layout';
import { plansToWorkbook } from '../../src/xlsx/write';
import { recalculateWithLibreOffice } from '../../src/xlsx/libreoffice';
import { roundingTolerance } from '../../src/core/money';
import type { SheetPlan } from '../../src/core/templates/plan';
import type { TableId } from '../../src/core/templates/schema';
import { columnOf, loadFixture, numberAt, requireLibreOffice, type Values } from './helpers';

/**
 * THE end-to-end proof of the template: generate a 单位 workbook for seed 000, type ONLY the
 * primary figures of the published document, let LibreOffice compute every formula, and compare
 * every derived figure (表1, 表4, all 合计/类/款/class/unit/total rows) with what was published.
 * Published totals carry 尾差 (spec §5.1: 21011, 22102, 合计 off by 0.01), our sums are exact, so
 * figures are compared within max(0.01, 0.005 × n) 万元.
 */
const fx = loadFixture('datong-2024.json');
const YEAR = fx.year;

const codes = (fx.tables.t2.rows ?? []).filter((r) => r.code).map((r) => ({ code: r.code as string, name: r.name as string }));
const projects = (fx.tables.t12.rows ?? []).filter((r) => r.kind === 'project');
const plans = renderTemplates({ year: YEAR, unit: fx.unit, level: '单位', codes }, { projectRows: projects.length });
const planOf = (id: TableId): SheetPlan => {
  const p = plans.find((x) => x.tag === id);
  if (!p) throw new Error(`no plan ${id}`);
  return p;
};

function plannedCell(id: TableId, row: number, col: number) {
  return planOf(id).cells.find((c) => c.row === row && c.col === col);
}

/** Rows whose text in `col` equals `text`, searched from `after` on (labels repeat in 表4). */
function findRow(id: TableId, col: number, text: string, after = -1): number {
  const hit = planOf(id)
    .cells.filter((c) => c.col === col && c.row > after && String(c.value ?? '').trim() === text)
    .sort((a, b) => a.row - b.row)[0];
  if (!hit) throw new Error(`${id}: no row “${text}” in column ${col} after row ${after}`);
  return hit.row;
}

const typed: { id: TableId; row: number; col: number }[] = [];
function type(ws: ExcelJS.Worksheet, id: TableId, row: number, col: number, value: string | number): void {
  const planned = plannedCell(id, row, col);
  // Typing over a formula would hide exactly the bugs this test is here to catch.
  if (planned?.formula) throw new Error(`${id} ${row},${col} is a formula cell (${planned.formula}); only primary cells may be typed`);
  ws.getCell(row + 1, col + 1).value = value;
  typed.push({ id, row, col });
}

function fillMoney(ws: ExcelJS.Worksheet, id: TableId, row: number, values: Values, skip: string[]): void {
  for (const [heading, v] of Object.entries(values)) {
    if (v === null || skip.includes(heading)) continue;
    type(ws, id, row, columnOf(id, heading, YEAR), Number(v));
  }
}

let recalculated: ExcelJS.Workbook;

beforeAll(async () => {
  requireLibreOffice();
  const wb = plansToWorkbook(plans);
  const sheet = (id: TableId) => wb.getWorksheet(planOf(id).name) as ExcelJS.Worksheet;

  // 表2/3/5: 项 rows only, every column except the row-identity 合计.
  for (const id of ['t2', 't3', 't5'] as const) {
    for (const r of fx.tables[id].rows ?? []) {
      if (!r.code || r.code.length !== 7) continue;
      fillMoney(sheet(id), id, findRow(id, 0, r.code), r.values, ['合计']);
    }
  }
  // 表6: items under their class (the same item name may sit under two classes in other seeds).
  let classRow = -1;
  for (const r of fx.tables.t6.rows ?? []) {
    if (r.kind === 'class') classRow = findRow('t6', 0, r.econName as string);
    if (r.kind === 'item') fillMoney(sheet('t6'), 't6', findRow('t6', 0, r.econName as string, classRow), r.values, ['合计']);
  }
  // 表10: the four primary rows.
  for (const r of fx.tables.t10.rows ?? []) {
    if (['因公出国（境）费', '公务接待费', '①公务用车购置费', '②公务用车运行维护费'].includes(r.label as string)) {
      fillMoney(sheet('t10'), 't10', findRow('t10', 0, r.label as string), r.values, ['合计']);
    }
  }
  // 表11: the unit row (the template pre-fills the unit's name).
  for (const r of fx.tables.t11.rows ?? []) {
    if (r.kind === 'unit') fillMoney(sheet('t11'), 't11', findRow('t11', 0, r.label as string, findRow('t11', 0, '部门合计')), r.values, ['合计']);
  }
  // 表12: project names and amounts into the blank project rows under the unit's total row.
  const totalRow = findRow('t12', 0, fx.unit);
  projects.forEach((p, i) => {
    type(sheet('t12'), 't12', totalRow + 1 + i, 0, p.name as string);
    fillMoney(sheet('t12'), 't12', totalRow + 1 + i, p.values, ['合计']);
  });

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
