import ExcelJS from 'exceljs';
import { renderTemplates } from '../../src/core/templates/layout';
import { plansToWorkbook } from '../../src/xlsx/write';
import type { SheetPlan } from '../../src/core/templates/plan';
import type { TableId } from '../../src/core/templates/schema';
import { columnOf, loadFixture, type Fixture, type Values } from './helpers';

/**
 * A published 单位 seed typed into a fresh template: ONLY primary cells (项 rows of 表2/3/5, 表6
 * items, 表10 ①②/出国/接待, 表11 unit rows, 表12 projects). Every other figure must come from the
 * template's formulas. Shared by the recalculation, row-insertion and rendering tests.
 */
export interface SeedCase {
  fx: Fixture;
  year: number;
  projects: NonNullable<Fixture['tables'][string]['rows']>;
  plans: SheetPlan[];
  planOf: (id: TableId) => SheetPlan;
  findRow: (id: TableId, col: number, text: string, after?: number) => number;
  /** Cells typed by the last build(). */
  typed: { id: TableId; row: number; col: number }[];
  build: () => ExcelJS.Workbook;
}

export function seedCase(file: string): SeedCase {
  const fx = loadFixture(file);
  const year = fx.year;

  const codes = (fx.tables.t2.rows ?? [])
    .filter((r) => r.code)
    .map((r) => ({ code: r.code as string, name: r.name as string }));
  const projects = (fx.tables.t12.rows ?? []).filter((r) => r.kind === 'project');
  const plans = renderTemplates({ year: year, unit: fx.unit, level: '单位', codes }, { projectRows: projects.length });
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
    if (planned?.formula)
      throw new Error(`${id} ${row},${col} is a formula cell (${planned.formula}); only primary cells may be typed`);
    ws.getCell(row + 1, col + 1).value = value;
    typed.push({ id, row, col });
  }

  function fillMoney(ws: ExcelJS.Worksheet, id: TableId, row: number, values: Values, skip: string[]): void {
    for (const [heading, v] of Object.entries(values)) {
      if (v === null || skip.includes(heading)) continue;
      type(ws, id, row, columnOf(id, heading, year), Number(v));
    }
  }

  function build(): ExcelJS.Workbook {
    typed.length = 0;
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
      if (r.kind === 'item')
        fillMoney(sheet('t6'), 't6', findRow('t6', 0, r.econName as string, classRow), r.values, ['合计']);
    }
    // 表10: the four primary rows.
    for (const r of fx.tables.t10.rows ?? []) {
      if (['因公出国（境）费', '公务接待费', '①公务用车购置费', '②公务用车运行维护费'].includes(r.label as string)) {
        fillMoney(sheet('t10'), 't10', findRow('t10', 0, r.label as string), r.values, ['合计']);
      }
    }
    // 表11: the unit row (the template pre-fills the unit's name).
    for (const r of fx.tables.t11.rows ?? []) {
      if (r.kind === 'unit')
        fillMoney(sheet('t11'), 't11', findRow('t11', 0, r.label as string, findRow('t11', 0, '部门合计')), r.values, [
          '合计',
        ]);
    }
    // 表12: project names and amounts into the blank project rows under the unit's total row.
    const totalRow = findRow('t12', 0, fx.unit);
    projects.forEach((p, i) => {
      type(sheet('t12'), 't12', totalRow + 1 + i, 0, p.name as string);
      fillMoney(sheet('t12'), 't12', totalRow + 1 + i, p.values, ['合计']);
    });

    return wb;
  }

  return { fx, year, projects, plans, planOf, findRow, typed, build };
}
