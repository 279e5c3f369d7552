import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import { recalculateWithLibreOffice } from '../../src/xlsx/libreoffice';
import { roundingTolerance } from '../../src/core/money';
import type { TableId } from '../../src/core/templates/schema';
import { columnOf, numberAt, requireLibreOffice } from './helpers';
import { seedCase, type SeedCase } from './seedWorkbook';

/**
 * THE end-to-end proof of the template: generate a 单位 workbook for a published seed, type ONLY
 * its primary figures, let LibreOffice compute every formula, and compare every derived figure
 * (表1, 表4, all 合计/类/款/class/unit/total rows) with what was published. Published totals carry
 * 尾差 (docs/domain.md § 样本中的已知错误: 000 21011/22102/合计, 003 20805/21011/合计 off by 0.01), our sums are exact,
 * so figures are compared within max(0.01, 0.005 × n) 万元, n = cells typed into the table.
 */
describe.each([
  ['000 大同市人社局 2024', 'datong-2024.json'],
  ['003 大同市就业创业服务中心 2026 (单位资金, 表11 empty)', 'datong-jiuye-2026.json'],
])('seed %s', (_label, file) => {
  const seed: SeedCase = seedCase(file);
  const { fx, year, projects, planOf, findRow, typed } = seed;
  let recalculated: ExcelJS.Workbook;

  beforeAll(async () => {
    requireLibreOffice();
    const wb = seed.build();
    const dir = mkdtempSync(join(tmpdir(), 'bd-seed-'));
    const input = join(dir, file.replace(/\.json$/, '.xlsx'));
    await wb.xlsx.writeFile(input);
    recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(await recalculateWithLibreOffice(input, join(dir, 'recalc')));
  });

  const ws = (id: TableId) => recalculated.getWorksheet(planOf(id).name) as ExcelJS.Worksheet;
  /** Number of typed cells in a table: the largest possible number of addends of any of its sums. */
  const addendsIn = (id: TableId) => Math.max(2, typed.filter((t) => t.id === id).length);

  function expectClose(id: TableId, row: number, col: number, published: string | null, addends: number): void {
    const got = new Decimal(numberAt(ws(id), row, col).toPrecision(15));
    const want = new Decimal(published ?? '0');
    const where = `${planOf(id).name} row ${row + 1} col ${col + 1}`;
    expect(
      got.minus(want).abs().lte(roundingTolerance(addends))
        ? 'ok'
        : `${where}: got ${got.toFixed(2)}, published ${want.toFixed(2)}`,
    ).toBe('ok');
  }

  test('primary cells were typed: every 项 amount of 表2, every 表6 item, every project', () => {
    const t2Amounts = (fx.tables.t2.rows ?? [])
      .filter((r) => r.code?.length === 7)
      .flatMap((r) => Object.entries(r.values).filter(([h, v]) => h !== '合计' && v !== null));
    expect(typed.filter((t) => t.id === 't2').length).toBe(t2Amounts.length);
    expect(typed.filter((t) => t.id === 't6').length).toBe(
      (fx.tables.t6.rows ?? []).filter((r) => r.kind === 'item').length,
    );
    expect(typed.filter((t) => t.id === 't12' && t.col === 0).length).toBe(projects.length);
  });

  test.each(['t1', 't4'] as const)('%s is fully derived from 表2 and equals the published table', (id) => {
    const t = fx.tables[id];
    let after = -1;
    for (const r of t.income ?? []) {
      const row = findRow(id, 0, r.label, after);
      after = row;
      for (const [h, v] of Object.entries(r.values)) expectClose(id, row, columnOf(id, h, year), v, addendsIn('t2'));
    }
    for (const r of t.expenditure ?? []) {
      const row = findRow(id, 2, r.label);
      for (const [h, v] of Object.entries(r.values)) expectClose(id, row, columnOf(id, h, year), v, addendsIn('t2'));
    }
  });

  test.each(['t2', 't3', 't5'] as const)('%s: 合计, 类 and 款 rows equal the published figures', (id) => {
    for (const r of fx.tables[id].rows ?? []) {
      const row = r.code ? findRow(id, 0, r.code) : findRow(id, 0, '合计');
      for (const [h, v] of Object.entries(r.values)) expectClose(id, row, columnOf(id, h, year), v, addendsIn(id));
    }
  });

  test('t6: 合计 and class rows equal the published figures', () => {
    let classRow = -1;
    for (const r of fx.tables.t6.rows ?? []) {
      let row: number;
      if (r.kind === 'total') row = findRow('t6', 0, '合计');
      else if (r.kind === 'class') row = classRow = findRow('t6', 0, r.econName as string);
      else row = findRow('t6', 0, r.econName as string, classRow);
      for (const [h, v] of Object.entries(r.values))
        expectClose('t6', row, columnOf('t6', h, year), v, addendsIn('t6'));
    }
  });

  test.each(['t10', 't11'] as const)('%s: every row equals the published figures', (id) => {
    for (const r of fx.tables[id].rows ?? []) {
      const row = findRow(id, 0, r.label as string);
      for (const [h, v] of Object.entries(r.values)) expectClose(id, row, columnOf(id, h, year), v, addendsIn(id));
    }
  });

  test('t12: the unit total row and every project equal the published figures', () => {
    const rows = fx.tables.t12.rows ?? [];
    const totalRow = findRow('t12', 0, fx.unit);
    for (const [h, v] of Object.entries(rows[0].values))
      expectClose('t12', totalRow, columnOf('t12', h, year), v, addendsIn('t12'));
    projects.forEach((p, i) => {
      for (const [h, v] of Object.entries(p.values))
        expectClose('t12', totalRow + 1 + i, columnOf('t12', h, year), v, 2);
    });
  });

  test.each(['t7', 't8', 't9', 't13'] as const)('%s: the empty table computes to blank totals', (id) => {
    const formulas = planOf(id).cells.filter((c) => c.formula);
    expect(formulas.length).toBeGreaterThan(0);
    for (const c of formulas) expect(numberAt(ws(id), c.row, c.col)).toBe(0);
  });
});

test('seed 000 typed counts, worked out by hand from the fixture', () => {
  const s = seedCase('datong-2024.json');
  s.build();
  // 8 项 rows with one 一般公共预算 amount each; 24 表6 items; 14 project names + 14 amounts
  expect(s.typed.filter((t) => t.id === 't2').length).toBe(8);
  expect(s.typed.filter((t) => t.id === 't6').length).toBe(24);
  expect(s.typed.filter((t) => t.id === 't12').length).toBe(28);
});
