import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { renderTemplates } from '../../src/core/templates/layout';
import { plansToWorkbook } from '../../src/xlsx/write';
import { recalculateWithLibreOffice } from '../../src/xlsx/libreoffice';
import { numberAt, requireLibreOffice } from './helpers';

/**
 * 部门 layout of 表11/表12 (docs/domain.md § 部门与单位, shaped like seed 004): 部门 total = Σ unit subtotals,
 * subtotal = Σ its projects, including a project typed into the reserved row under the last unit.
 * Figures are 004's 表11 units (docs/domain.md § 表11 机关运行经费表) and made-up projects whose sums are worked out here.
 */
const units = ['晋城市人力资源和社会保障局', '晋城市社会保险中心', '晋城市劳动人事争议仲裁院', '晋城市人才服务中心'];
const plans = renderTemplates(
  { year: 2024, unit: '晋城市人力资源和社会保障局', level: '部门', units, tables: ['t11', 't12'] },
  { projectRows: 2 },
);
let back: ExcelJS.Workbook;

beforeAll(async () => {
  requireLibreOffice();
  const wb = plansToWorkbook(plans);
  const t11 = wb.getWorksheet('表11 机关运行经费表') as ExcelJS.Worksheet;
  // rows 7–10 = the four units (row 6 = 部门合计); 一般公共预算 = column C
  [96.34, 105.67, 14.01, 62.01].forEach((v, i) => (t11.getCell(7 + i, 3).value = v));
  const t12 = wb.getWorksheet('表12 项目支出表(本年)') as ExcelJS.Worksheet;
  // row 7 部门 total; unit k subtotal at 8 + 3k, its projects at 9 + 3k, 10 + 3k; reserved row 20
  const projects: [number, number, number][] = [
    [9, 3, 110],
    [10, 3, 1693.48], // unit 1: 一般公共预算
    [12, 3, 22.31],
    [13, 7, 7.19], // unit 2: one 一般, one 单位资金 (column G)
    [15, 3, 0.5],
    [18, 3, 950],
    [20, 3, 10267], // unit 4, the second typed into the reserved row
  ];
  for (const [row, col, v] of projects) t12.getCell(row, col).value = v;
  const dir = mkdtempSync(join(tmpdir(), 'bd-dept-'));
  const file = join(dir, 'dept.xlsx');
  await wb.xlsx.writeFile(file);
  back = new ExcelJS.Workbook();
  await back.xlsx.readFile(await recalculateWithLibreOffice(file, join(dir, 'out')));
});

test('表11 部门合计 = Σ units = 278.03 (seed 004)', () => {
  const ws = back.getWorksheet('表11 机关运行经费表') as ExcelJS.Worksheet;
  expect(numberAt(ws, 5, 1)).toBeCloseTo(278.03, 9);
  expect(numberAt(ws, 5, 2)).toBeCloseTo(278.03, 9);
});

test('表12 subtotals per unit and the 部门 total', () => {
  const ws = back.getWorksheet('表12 项目支出表(本年)') as ExcelJS.Worksheet;
  const total = (row1: number) => numberAt(ws, row1 - 1, 1);
  expect(total(8)).toBeCloseTo(1803.48, 9);
  expect(total(11)).toBeCloseTo(29.5, 9);
  expect(numberAt(ws, 10, 6)).toBeCloseTo(7.19, 9); // 单位资金 subtotal of unit 2
  expect(total(14)).toBeCloseTo(0.5, 9);
  expect(total(17)).toBeCloseTo(11217, 9);
  expect(total(7)).toBeCloseTo(1803.48 + 29.5 + 0.5 + 11217, 9);
});
