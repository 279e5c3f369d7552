import type ExcelJS from 'exceljs';
import { locateTables } from '../src/core/locate';
import { draftForm } from '../src/core/forms/draft';
import { renderFormContents } from '../src/core/forms/layout';
import { FormSettings } from '../src/core/forms/model';
import { newFormSettings } from '../src/core/forms/plan';
import { projectsFromDisclosure } from '../src/core/forms/projects';
import type { Workbook } from '../src/core/model/grid';
import { renderTemplates } from '../src/core/templates/layout';
import type { SheetPlan } from '../src/core/templates/plan';
import { planToSheet } from '../src/core/templates/planToGrid';
import { plansToWorkbook } from '../src/xlsx/write';
import { recalc } from '../test/rules/support/recalc';

/**
 * A 部门-sized workbook as a reviewer receives it: the 13 tables of a 部门 with several units
 * (the shipped 科目 list), every input cell filled, every total a formula with its saved result
 * (as Excel or WPS leaves it), and one filled-in 项目支出绩效目标表 per 表12 project — about 2,000
 * rows of forms, 150–180 KB on disk. Styles, merges and tags are the template's own. Amounts are
 * arbitrary, so the cross-table rules find dozens of errors: a workload, not a correct disclosure.
 */
export interface DeptSize {
  units: number;
  projectsPerUnit: number;
}

export const DEPT_SIZE: DeptSize = { units: 7, projectsPerUnit: 10 };

function filledTemplates(size: DeptSize): SheetPlan[] {
  const units = Array.from({ length: size.units }, (_, i) => `测试单位${i + 1}`);
  const plans = renderTemplates(
    { year: 2026, unit: '测试市测试局', level: '部门', units },
    { projectRows: size.projectsPerUnit },
  );
  let n = 0;
  for (const p of plans) {
    for (const c of p.cells) {
      if (c.style === 'money' && c.formula === undefined) c.value = ((n++ % 97) + 1) / 4;
      if (c.style === 'text' && (p.tag === 't12' || p.tag === 't13') && c.col === 0 && c.value == null)
        c.value = `项目${n++}`;
    }
  }
  return plans;
}

/** The tables and forms as plans, and the grid with every formula's result. */
export function deptWorkbook(size: DeptSize = DEPT_SIZE): { plans: SheetPlan[]; grid: Workbook } {
  const tables = filledTemplates(size);
  const tableGrid: Workbook = { sheets: tables.map(planToSheet) };
  recalc(tableGrid);
  const d = locateTables(tableGrid);
  const settings = FormSettings.parse(newFormSettings(d));
  // Forms as a clerk hands them in: goals and every 三级指标 written, not the blank draft.
  const contents = projectsFromDisclosure(d).map((p) => {
    const content = draftForm(p, settings);
    for (const k of Object.keys(content.texts) as (keyof typeof content.texts)[]) content.texts[k] = `${p.name}的说明`;
    for (const ind of content.indicators) {
      if (!ind.level3) ind.level3 = `${ind.level2 || ind.level1}完成率`;
      if (!ind.value) ind.value = '≥95%';
    }
    return { key: p.key, content };
  });
  const forms = renderFormContents(contents, settings);
  const plans = [...tables, ...forms];
  return { plans, grid: { sheets: [...tableGrid.sheets, ...forms.map(planToSheet)] } };
}

/** The .xlsx bytes: the template's styles, with the recalculated results saved next to the formulas. */
export async function deptWorkbookXlsx(size: DeptSize = DEPT_SIZE): Promise<Buffer> {
  const { plans, grid } = deptWorkbook(size);
  const book = plansToWorkbook(plans);
  for (const sheet of grid.sheets) {
    const ws = book.getWorksheet(sheet.name);
    if (!ws) continue;
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell?.formula === undefined) return;
        // A sum over blanks is 0, and Excel saves it so.
        const result = typeof cell.value === 'number' ? cell.value : 0;
        ws.getCell(r + 1, c + 1).value = { formula: cell.formula, result } as ExcelJS.CellFormulaValue;
      }),
    );
  }
  // Results are saved: a reader sees them as Excel would, no recalculation on open needed.
  book.calcProperties.fullCalcOnLoad = false;
  return Buffer.from(await book.xlsx.writeBuffer());
}
