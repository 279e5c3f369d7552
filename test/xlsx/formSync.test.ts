import ExcelJS from 'exceljs';
import { RECORD_SHEET, recordPlan, type CellUpdate } from '../../src/core/forms/sync';
import { applyUpdates, writeRecord } from '../../src/xlsx/formSync';

const update = (sheet: string, cell: string, to: CellUpdate['to']): CellUpdate => ({
  sheet,
  cell,
  field: 'projectName',
  projectName: 'A',
  from: null,
  to,
});

describe('form sync writes into an exceljs workbook', () => {
  it('applyUpdates writes each cell and refuses a sheet the copy does not have', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('绩效-A').getCell('B4').value = '旧名称';
    applyUpdates(wb, [update('绩效-A', 'B4', '新名称'), update('绩效-A', 'F8', 1200)]);
    expect(wb.getWorksheet('绩效-A')?.getCell('B4').value).toBe('新名称');
    expect(wb.getWorksheet('绩效-A')?.getCell('F8').value).toBe(1200);
    expect(() => applyUpdates(wb, [update('没有这张表', 'A1', 1)])).toThrow('没有这张表');
  });

  it('writeRecord adds a hidden record sheet when there is none', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表1');
    writeRecord(wb, recordPlan([{ key: '局机关|项目A', field: 'projectName', value: '项目A' }]));
    const ws = wb.getWorksheet(RECORD_SHEET);
    expect(ws?.state).toBe('hidden');
    expect(ws?.getCell('A2').value).toBe('局机关|项目A');
  });

  it('writeRecord rewrites an existing record sheet in place', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表1');
    const old = wb.addWorksheet(RECORD_SHEET);
    old.getCell(1, 1).value = '旧表头';
    old.getCell(2, 1).value = '旧记录';
    wb.addWorksheet('表2');
    writeRecord(wb, recordPlan([{ key: '局机关|项目B', field: 'projectName', value: '项目B' }]));
    // Same sheet, same place: the defined name pointing at it stays valid.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表1', RECORD_SHEET, '表2']);
    const ws = wb.getWorksheet(RECORD_SHEET);
    expect(ws?.id).toBe(old.id);
    expect(ws?.state).toBe('hidden');
    expect(ws?.getCell('A2').value).toBe('局机关|项目B');
  });

  it('writeRecord leaves no row of a longer old record behind', () => {
    const wb = new ExcelJS.Workbook();
    writeRecord(
      wb,
      recordPlan(
        ['A', 'B', 'C', 'D', 'E'].map((p) => ({ key: `局机关|${p}`, field: 'projectName' as const, value: p })),
      ),
    );
    const rowsBefore = wb.getWorksheet(RECORD_SHEET)!.actualRowCount;
    writeRecord(wb, recordPlan([{ key: '局机关|A', field: 'projectName', value: 'A' }]));
    const ws = wb.getWorksheet(RECORD_SHEET)!;
    expect(rowsBefore).toBeGreaterThan(ws.actualRowCount);
    const keys: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.startsWith('局机关|')) keys.push(cell.value);
      }),
    );
    expect(keys).toEqual(['局机关|A']);
  });
});
