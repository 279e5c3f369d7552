import type { Disclosure, LocatedTable } from '../../../src/core/model/disclosure';
import type { Workbook } from '../../../src/core/model/grid';
import { parseAddr } from '../../../src/core/model/grid';
import { locateTables } from '../../../src/core/locate';
import { renderTemplates } from '../../../src/core/templates/layout';
import { planToSheet } from '../../../src/core/templates/planToGrid';
import type { TableId } from '../../../src/core/templates/schema';
import { NO_DATA_NOTE } from '../../../src/core/templates/tables';
import { recalc } from './recalc';

/**
 * A generated template (单位, 2024) filled the way a clerk would: only input cells are typed, every
 * total is the template's own formula, recalculated. The numbers are chosen by hand to satisfy
 * every identity of docs/domain.md § 表间勾稽 and docs/rules.md (see the comments), so a clean check must report nothing.
 */
export const CODES = [
  { code: '208', name: '社会保障和就业支出' },
  { code: '20801', name: '人力资源和社会保障管理事务' },
  { code: '2080101', name: '行政运行' },
  { code: '2080102', name: '一般行政管理事务' },
  { code: '20805', name: '行政事业单位养老支出' },
  { code: '2080505', name: '机关事业单位基本养老保险缴费支出' },
  { code: '210', name: '卫生健康支出' },
  { code: '21011', name: '行政事业单位医疗' },
  { code: '2101101', name: '行政单位医疗' },
  { code: '221', name: '住房保障支出' },
  { code: '22102', name: '住房改革支出' },
  { code: '2210201', name: '住房公积金' },
];

/** 项 amounts (万元): [code, 一般公共预算 = 合计, 基本支出, 项目支出]. 基本 390.00, 项目 50.00. */
const XIANG: [string, number, number, number][] = [
  ['2080101', 300, 300, 0],
  ['2080102', 50, 0, 50],
  ['2080505', 40, 40, 0],
  ['2101101', 20, 20, 0],
  ['2210201', 30, 30, 0],
];

/** 表6 items: 人员经费 290 + 40 + 20 + 30 = 380, 公用经费 6 + 4 = 10, 合计 390 = 表5 基本支出. */
const ITEMS: [string, 'personnel' | 'public', number][] = [
  ['基本工资', 'personnel', 290],
  ['机关事业单位基本养老保险缴费', 'personnel', 40],
  ['职工基本医疗保险缴费', 'personnel', 20],
  ['住房公积金', 'personnel', 30],
  ['办公费', 'public', 6],
  ['公务用车运行维护费', 'public', 4],
];

export interface FilledTemplate {
  wb: Workbook;
  /** Where things are (located on the blank template). */
  layout: Disclosure;
}

export function cellOf(
  layout: Disclosure,
  id: TableId,
  rowKey: string,
  col: string,
): { sheet: string; r: number; c: number; cell: string } {
  const t = layout.tables[id] as LocatedTable;
  const row = t.rows.find((r) => r.key === rowKey || r.code === rowKey || r.name === rowKey);
  if (!row) throw new Error(`${id}: no row ${rowKey}`);
  const a = row.values[col];
  if (!a) throw new Error(`${id}: row ${rowKey} has no column ${col}`);
  const p = parseAddr(a.cell);
  return { sheet: a.sheet, r: p.r, c: p.c, cell: a.cell };
}

export function setValue(
  wb: Workbook,
  at: { sheet: string; r: number; c: number },
  value: string | number | null,
): void {
  const sheet = wb.sheets.find((s) => s.name === at.sheet)!;
  const row = (sheet.rows[at.r] ??= []);
  const cell = row[at.c];
  if (cell?.formula) throw new Error(`${at.sheet} r${at.r} c${at.c} is a formula cell`);
  row[at.c] = { value };
}

export function blankTemplate(): FilledTemplate {
  const plans = renderTemplates({ year: 2024, unit: '测试市人力资源和社会保障局', level: '单位', codes: CODES });
  const wb: Workbook = { sheets: plans.map(planToSheet) };
  return { wb, layout: locateTables(wb) };
}

export function filledTemplate(): FilledTemplate {
  const f = blankTemplate();
  const { wb, layout } = f;
  const set = (id: TableId, key: string, col: string, v: number) => setValue(wb, cellOf(layout, id, key, col), v);
  for (const [code, gpb, basic, project] of XIANG) {
    set('t2', code, 'gpb', gpb);
    for (const id of ['t3', 't5'] as const) {
      if (basic) set(id, code, 'basic', basic);
      if (project) set(id, code, 'project', project);
    }
  }
  for (const [name, side, v] of ITEMS) set('t6', name, side, v);
  // 表10: 公务用车运行维护费 4 = 表6 item (X13); 表11: 机关运行经费 10 = 表6 公用经费 (X14).
  set('t10', 'vehicle_running', 'gpb', 4);
  const t11 = layout.tables.t11!;
  const unitRow = t11.rows.find((r) => r.kind === 'unit')!;
  setValue(wb, { sheet: t11.sheet, ...rc(unitRow.values.gpb!.cell) }, 10);
  // 表12: one project 50 = 表3/表5 项目支出 (X15, X16).
  const t12 = layout.tables.t12!;
  const firstProject = t12.rows.find((r) => r.kind === 'project') ?? t12.rows.find((r) => r.kind !== 'total');
  const projectRow = firstProject ? firstProject.row : t12.rows[0].row + 1;
  setValue(wb, { sheet: t12.sheet, r: projectRow, c: 0 }, 'Z信息系统运维费');
  setValue(wb, { sheet: t12.sheet, r: projectRow, c: t12.columns.gpb.col }, 50);
  // Tables without data get the no-data note in the reserved row under the body.
  for (const id of ['t7', 't8', 't9', 't13'] as const) {
    const t = layout.tables[id]!;
    const last = Math.max(...t.rows.map((r) => r.row), t.headerRow);
    const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
    let r = last + 1;
    while (sheet.rows[r]?.some((c) => c && c.value !== null)) r++;
    setValue(wb, { sheet: t.sheet, r, c: 0 }, NO_DATA_NOTE);
  }
  recalc(wb);
  return f;
}

function rc(cell: string): { r: number; c: number } {
  return parseAddr(cell);
}
