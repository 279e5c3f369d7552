import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { recalculateWithLibreOffice } from '../../src/xlsx/libreoffice';
import { requireLibreOffice } from './helpers';

/**
 * LibreOffice trusts cached formula results in .xlsx unless told otherwise. This writes a formula
 * whose cached value is WRONG (and does not ask for recalculation on load), and expects the
 * right value back: only a forced recalculation can produce it.
 */
beforeAll(() => requireLibreOffice());

test('a stale cached value is replaced by the recalculated one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-recalc-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表2 预算收入总表');
  ws.getCell('A1').value = 730.34;
  ws.getCell('A2').value = 197.55;
  ws.getCell('A3').value = { formula: 'SUM(A1:A2)', result: 99 };
  ws.getCell('B1').value = { formula: 'SUMPRODUCT((LEN(C1:C3)=7)*D1:D3)', result: 12345 };
  ws.getCell('D1').value = 730.34;
  ws.getCell('D2').value = 999;
  ws.getCell('D3').value = 197.55;
  ws.getCell('C1').value = '2080101';
  ws.getCell('C2').value = '20801';
  ws.getCell('C3').value = '2080102';
  const input = join(dir, 'stale.xlsx');
  await wb.xlsx.writeFile(input);
  // Guard against a false pass: the stale values really are in the file we hand to LibreOffice.
  expect(readFileSync(input).length).toBeGreaterThan(0);
  const check = new ExcelJS.Workbook();
  await check.xlsx.readFile(input);
  expect(check.worksheets[0].getCell('A3').value).toEqual({ formula: 'SUM(A1:A2)', result: 99 });

  const out = await recalculateWithLibreOffice(input, join(dir, 'out'));
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(out);
  const s = back.worksheets[0];
  const result = (addr: string) => {
    const v = s.getCell(addr).value;
    return typeof v === 'object' && v !== null && 'result' in v ? v.result : v;
  };
  expect(result('A3')).toBeCloseTo(927.89, 10);
  // 730.34 (2080101) + 197.55 (2080102); the 5-digit 20801 row (999) is not a 项.
  expect(result('B1')).toBeCloseTo(730.34 + 197.55, 10);
  // Codes stay text through LibreOffice.
  expect(s.getCell('C1').value).toBe('2080101');
});

test('refuses to convert into the folder of the source (it would overwrite the file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-recalc-'));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('x').getCell('A1').value = 1;
  const input = join(dir, 'a.xlsx');
  await wb.xlsx.writeFile(input);
  await expect(recalculateWithLibreOffice(input, dir)).rejects.toThrow('覆盖');
  await expect(recalculateWithLibreOffice(join(dir, 'missing.xlsx'), join(dir, 'o'))).rejects.toThrow('找不到文件');
});
