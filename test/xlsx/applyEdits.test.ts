import ExcelJS from 'exceljs';
import type { CellEdit } from '../../src/core/fixes';
import { MONEY_FORMAT } from '../../src/core/templates/tables';
import { applyEditsToExcel, editedWorkbook } from '../../src/xlsx/applyEdits';
import { readXlsx } from '../../src/xlsx/read';

const edit = (sheet: string, cell: string, value: CellEdit['new'], more: Partial<CellEdit> = {}): CellEdit => ({
  sheet,
  cell,
  old: null,
  new: value,
  reason: '测试',
  finding: 'T',
  ...more,
});

/** A small workbook with what a clerk's file carries: styles, merges, a hidden sheet, names, shared formulas. */
async function clerkBook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表2');
  ws.getCell('A1').value = '2024年预算收入总表';
  ws.mergeCells('A1:D1');
  ws.getCell('C3').value = '1,184.32';
  ws.getCell('C3').numFmt = '@';
  ws.getCell('C4').value = 41.76;
  ws.getCell('C4').font = { name: 'SimSun', bold: true, color: { argb: 'FFFF0000' } };
  ws.getCell('C4').numFmt = '#,##0.00';
  ws.getCell('D4').value = 11.93;
  ws.getCell('C5').value = { formula: 'C4+D4', result: 53.69 } as ExcelJS.CellFormulaValue;
  ws.getCell('C6').value = { formula: 'C4*2', result: 83.52, shareType: 'shared', ref: 'C6:D6' } as ExcelJS.CellValue;
  ws.getCell('D6').value = { sharedFormula: 'C6', result: 23.86 } as ExcelJS.CellValue;
  ws.getColumn(3).width = 18;
  const record = wb.addWorksheet('预填记录');
  record.getCell('A2').value = '局机关|项目A';
  record.state = 'hidden';
  wb.definedNames.add("'表2'!$A$1", 'BD_TABLE_t2');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('applying a plan to an exceljs copy', () => {
  it('changes only the listed cells and keeps styles, merges, hidden sheets, names and shared formulas', async () => {
    const input = await clerkBook();
    const grid = await readXlsx(input);
    const { book, rebuilt } = await editedWorkbook(input, grid, [
      edit('表2', 'C3', 1184.32, { numberFormat: MONEY_FORMAT }),
      edit('表2', 'D4', 11.94),
      edit('表2', 'C5', 53.7, { formula: 'C4+D4' }),
      edit('表2', 'C6', 83.53, { formula: 'C4*2' }),
    ]);
    expect(rebuilt).toBe(false);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const ws = again.getWorksheet('表2')!;
    expect(ws.getCell('C3').value).toBe(1184.32);
    expect(ws.getCell('C3').numFmt).toBe(MONEY_FORMAT);
    expect(ws.getCell('D4').value).toBe(11.94);
    expect(ws.getCell('C5').value).toEqual({ formula: 'C4+D4', result: 53.7 });
    expect(ws.getCell('C6').formula).toBe('C4*2');
    expect((ws.getCell('C6').value as { result: number }).result).toBe(83.53);
    expect(ws.getCell('D6').formula).toBe('D4*2');
    // Untouched: the styled cell, the merge, the column, the hidden record sheet and the tag.
    expect(ws.getCell('C4').value).toBe(41.76);
    expect(ws.getCell('C4').font).toMatchObject({ bold: true, color: { argb: 'FFFF0000' } });
    expect(ws.getCell('C4').numFmt).toBe('#,##0.00');
    expect((ws.model as { merges: string[] }).merges).toEqual(['A1:D1']);
    expect(ws.getColumn(3).width).toBe(18);
    expect(again.getWorksheet('预填记录')!.state).toBe('hidden');
    expect(again.getWorksheet('预填记录')!.getCell('A2').value).toBe('局机关|项目A');
    expect((await readXlsx(Buffer.from(await again.xlsx.writeBuffer()))).sheets[0].tag).toBe('t2');
  });

  it('keeps a number format the cell already has', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表3');
    ws.getCell('B2').value = '12.50';
    ws.getCell('B2').numFmt = '0.00';
    applyEditsToExcel(wb, [edit('表3', 'B2', 12.5, { numberFormat: MONEY_FORMAT })]);
    expect(ws.getCell('B2').numFmt).toBe('0.00');
  });

  it('refuses a sheet the copy does not have', () => {
    const wb = new ExcelJS.Workbook();
    expect(() => applyEditsToExcel(wb, [edit('没有这张表', 'A1', 1)])).toThrow('没有这张表');
  });
});
