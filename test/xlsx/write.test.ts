import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
// exceljs's own zip library (its dependency): exceljs does not read calcPr back, so we look at the XML.
import JSZip from 'jszip';
import { renderTemplates } from '../../src/core/templates/layout';
import { writePlansToXlsx } from '../../src/xlsx/write';
import { definedNameToTag, tagToDefinedName, TAG_NAME_PREFIX } from '../../src/core/templates/tags';

/** Round trip through exceljs: what we planned is what a spreadsheet program will open. */
const plans = renderTemplates({ year: 2024, unit: '大同市人力资源和社会保障局', level: '单位' });
let wb: ExcelJS.Workbook;
let file: string;

beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'bd-write-')), 'out.xlsx');
  const buffer = await writePlansToXlsx(plans, file);
  expect(readFileSync(file).equals(buffer)).toBe(true);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
});

test('sheets in order, recalculation on open requested', async () => {
  expect(wb.worksheets.map((w) => w.name)).toEqual(plans.map((p) => p.name));
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
});

test('each sheet is tagged by a defined name BD_TABLE_<id> on its A1', () => {
  const model = wb.definedNames.model as { name: string; ranges: string[] }[];
  for (const p of plans) {
    const entry = model.find((m) => m.name === `BD_TABLE_${p.tag}`);
    expect(entry?.ranges).toEqual([`'${p.name}'!$A$1`]);
  }
  expect(model.filter((m) => m.name.startsWith(TAG_NAME_PREFIX)).length).toBe(13);
});

test('codes are text cells with the text format; money cells carry the blank-zero format', () => {
  const t2 = wb.getWorksheet('表2 预算收入总表') as ExcelJS.Worksheet;
  const codeCells: ExcelJS.Cell[] = [];
  t2.getColumn(1).eachCell((c) => {
    if (typeof c.value === 'string' && /^\d+$/.test(c.value)) codeCells.push(c);
  });
  expect(codeCells.length).toBe(41);
  for (const c of codeCells) expect(c.numFmt).toBe('@');
  expect(t2.getCell('C6').numFmt).toBe('#,##0.00;-#,##0.00;""'); // docs/domain.md § 金额与单位
  expect(t2.getCell('C6').font.bold).toBe(true);
  expect(t2.getCell('C6').border.top?.style).toBe('thin');
});

test('formulas survive the round trip', () => {
  for (const p of plans) {
    const ws = wb.getWorksheet(p.name) as ExcelJS.Worksheet;
    for (const c of p.cells.filter((x) => x.formula)) {
      const v = ws.getCell(c.row + 1, c.col + 1).value as { formula?: string } | null;
      expect(v?.formula).toBe(c.formula);
    }
  }
});

test('merges, widths, heights, print setup and frozen header', () => {
  const t4 = wb.getWorksheet('表4 财政拨款收支总表') as ExcelJS.Worksheet;
  const merges = (t4.model as unknown as { merges: string[] }).merges;
  expect(merges).toEqual(expect.arrayContaining(['A2:G2', 'A4:B4', 'C4:G4', 'A5:A6', 'D5:G5']));
  expect(t4.getCell('B4').isMerged).toBe(true);
  expect(t4.getColumn(3).width).toBe(34);
  expect(t4.getRow(2).height).toBeGreaterThan(20);
  expect(t4.pageSetup.paperSize).toBe(9);
  expect(t4.pageSetup.fitToPage).toBe(true);
  expect(t4.pageSetup.fitToWidth).toBe(1);
  expect(t4.pageSetup.fitToHeight).toBe(0);
  expect(t4.pageSetup.orientation).toBe('landscape');
  expect(t4.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
  expect(t4.pageSetup.printTitlesRow).toBe('4:6'); // the 3 header rows repeat on every printed page
  expect(t4.getCell('A2').font.name).toBe('SimSun');
  expect(t4.getCell('A2').font.size).toBeGreaterThanOrEqual(16);
});

test('writing to a folder that does not exist is a clear error', async () => {
  await expect(writePlansToXlsx(plans, '/nonexistent-dir/x.xlsx')).rejects.toThrow('无法写入文件');
  await expect(writePlansToXlsx([], undefined)).rejects.toThrow('没有要写入的表格');
});

describe('tags ⇄ defined names', () => {
  test('tables', () => {
    expect(tagToDefinedName('t3')).toBe('BD_TABLE_t3');
    expect(definedNameToTag('BD_TABLE_t13')).toBe('t13');
  });
  test('forms with Chinese and punctuation round-trip and stay valid names', () => {
    for (const tag of ['form:1', 'form:J仲裁委业务费', 'form:a_b:c-d（1）']) {
      const name = tagToDefinedName(tag);
      expect(name).toMatch(/^BD_FORM_[A-Za-z0-9_]+$/);
      expect(definedNameToTag(name)).toBe(tag);
    }
  });
  test('foreign names are not ours; bad tags are refused', () => {
    expect(definedNameToTag('Print_Area')).toBeUndefined();
    expect(definedNameToTag('BD_FORM_x_zz')).toBeUndefined();
    expect(() => tagToDefinedName('表 1')).toThrow('无效的表格标记');
    expect(() => tagToDefinedName('form:')).toThrow('缺少项目编号');
  });
});
