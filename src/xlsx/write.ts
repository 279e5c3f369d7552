import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import type { CellStyle, SheetPlan } from '../core/templates/plan';
import { STYLES } from '../core/templates/styles';
import { tagToDefinedName } from '../core/templates/tags';
import { quoteSheet, TITLE_ROWS } from '../core/templates/layout';

/**
 * SheetPlan[] → .xlsx with exceljs. Only writes what the plan says (the Office.js writer reads
 * the same plan), plus file-level settings: 宋体 font, A4 print setup, recalculation on open.
 */
export const FONT_NAME = 'SimSun';
/** A4 in the OOXML paperSize enumeration. */
const PAPER_A4 = 9;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  cell.font = { name: FONT_NAME, size: s.size ?? 10, bold: s.bold ?? false, charset: 134 };
  cell.alignment = {
    horizontal: s.hAlign ?? 'left',
    vertical: s.vAlign ?? 'middle',
    wrapText: s.wrap ?? false,
    ...(s.indent ? { indent: s.indent } : {}),
  };
  if (s.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.numFmt) cell.numFmt = s.numFmt;
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + s.fill } };
}

export function planToWorksheet(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(plan.name, {
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: plan.print.orientation,
      fitToPage: plan.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    views: plan.freezeRows ? [{ state: 'frozen', xSplit: 0, ySplit: plan.freezeRows }] : [],
  });
  // Long tables (表2 with a full 科目表, 表6) run over pages: repeat the header rows on each.
  if (plan.freezeRows && plan.freezeRows > TITLE_ROWS)
    ws.pageSetup.printTitlesRow = `${TITLE_ROWS + 1}:${plan.freezeRows}`;
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [row, h] of Object.entries(plan.rowHeights ?? {})) ws.getRow(Number(row) + 1).height = h;
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula !== undefined) cell.value = { formula: c.formula };
    else if (c.value !== undefined && c.value !== null) cell.value = c.value;
    applyStyle(cell, STYLES[c.style]);
    // A cell may refine its style's number format (元 amounts with 分 in the forms).
    if (c.numFmt) cell.numFmt = c.numFmt;
  }
  for (const m of plan.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  wb.definedNames.add(`${quoteSheet(plan.name)}!$A$1`, tagToDefinedName(plan.tag));
  return ws;
}

export function plansToWorkbook(plans: readonly SheetPlan[]): ExcelJS.Workbook {
  const names = new Set<string>();
  for (const p of plans) {
    if (names.has(p.name)) throw new Error(`工作表名称重复：“${p.name}”`);
    names.add(p.name);
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = '预算公开助手';
  // Our totals are formulas without cached results: make Excel/WPS/LibreOffice compute on open.
  wb.calcProperties.fullCalcOnLoad = true;
  for (const p of plans) planToWorksheet(wb, p);
  return wb;
}

/** Writes the plans; returns the file bytes (and saves them to `file` when given). */
export async function writePlansToXlsx(plans: readonly SheetPlan[], file: string | undefined): Promise<Buffer> {
  if (plans.length === 0) throw new Error('没有要写入的表格');
  const wb = plansToWorkbook(plans);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  if (file) {
    try {
      await writeFile(file, buffer);
    } catch (e) {
      throw new Error(`无法写入文件“${file}”：${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
  return buffer;
}
