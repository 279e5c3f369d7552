import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { textAt, type Workbook } from '../../src/core/model/grid';
import { writeGridToXlsx } from '../../src/xlsx/writeGrid';
import { readXlsx } from '../../src/xlsx/read';
import { displayValue as cellText } from '../../src/web/cellText';
import { webEngine, writePlansInto } from '../../src/web/engineImpl';
import { NO_FILE, XlsxFileAdapter } from '../../src/web/fileAdapter';
import { chooseNames } from '../../src/core/templates/sheetNames';
import { cellMarks, findingTargets, involvedCells } from '../../src/web/findingMarks';
import { outputName } from '../../src/web/download';
import { buildSeedWorkbook, loadFixture } from '../fixtures/seeds';
import { EXAMPLE } from './harness';

/**
 * The page's WorkbookAdapter over an .xlsx, without a browser: the same code the page runs,
 * on the bundled example (seed 000) and on variants of it. Expected values come from the
 * seed transcription and docs/domain.md § 样本中的已知错误, not from the engine.
 */
const fx = loadFixture('000');
const PROJECTS = fx.tables.t12.rows.filter((r: { kind: string }) => r.kind === 'project').length;

function adapter(): XlsxFileAdapter {
  return new XlsxFileAdapter(webEngine, writePlansInto);
}

async function bytesOf(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await writeGridToXlsx(wb));
}

test('before a file is opened every action explains what to do', async () => {
  const a = adapter();
  await expect(a.validate()).rejects.toThrow(NO_FILE);
  await expect(a.buildForms()).rejects.toThrow(NO_FILE);
  await expect(a.selectCell('表1', 'A1')).rejects.toThrow(NO_FILE);
});

test('opening the example reports the 2210202 name mismatch of seed 000 and notifies listeners', async () => {
  const a = adapter();
  const seen: number[] = [];
  a.onFindingsChanged((s) => seen.push(s.findings.length));
  const summary = await a.open('example.xlsx', new Uint8Array(readFileSync(EXAMPLE)));
  expect(summary.tables).toHaveLength(13);
  expect(seen).toEqual([summary.findings.length]);
  const mismatch = summary.findings.filter((f) => f.message.includes('2210202') && f.message.includes('提租补贴'));
  expect(mismatch.length).toBeGreaterThanOrEqual(1);
  expect(summary.findings.some((f) => f.severity === 'rounding' && f.row?.includes('21011'))).toBe(true);
});

test('selectCell reaches the page; an unknown sheet is a clear error', async () => {
  const a = adapter();
  await a.open('example.xlsx', new Uint8Array(readFileSync(EXAMPLE)));
  const got: string[] = [];
  a.onSelect(({ sheet, cell }) => got.push(`${sheet}!${cell}`));
  await a.selectCell('表5', 'B21');
  expect(got).toEqual(['表5!B21']);
  await expect(a.selectCell('不存在的表', 'A1')).rejects.toThrow('没有工作表“不存在的表”');
});

test('a non-xlsx name and garbage bytes are refused with Chinese messages', async () => {
  const a = adapter();
  await expect(a.open('预算.pdf', new Uint8Array([1, 2, 3]))).rejects.toThrow('不是 .xlsx 文件');
  // .xls is opened now (test/e2e/web.test.ts opens a real one); these bytes are not one.
  await expect(a.open('预算.xls', new Uint8Array([1, 2, 3]))).rejects.toThrow(/“预算\.xls”不是 Excel 工作簿/);
  await expect(a.open('坏.xlsx', new TextEncoder().encode('not a zip'))).rejects.toThrow(
    /“坏\.xlsx”.*不是 Excel 工作簿/,
  );
});

test('forms: one per 表12 project, a second run adds none', async () => {
  const a = adapter();
  await a.open('example.xlsx', new Uint8Array(readFileSync(EXAMPLE)));
  const first = await a.buildForms();
  expect(first.status).toBe('inserted');
  expect(first.status === 'inserted' && first.sheets.length).toBe(PROJECTS);
  const again = await a.buildForms();
  expect(again.status === 'inserted' && again.sheets).toEqual([]);
  const wb = await readXlsx(Buffer.from(await a.fileBytes()));
  expect(wb.sheets).toHaveLength(13 + PROJECTS + 1); // + the hidden 预填记录
  expect(wb.sheets.filter((s) => s.tag?.startsWith('form:'))).toHaveLength(PROJECTS);
});

test("a changed 表12 amount updates the prefilled cells of that project's form only", async () => {
  const a = adapter();
  await a.open('example.xlsx', new Uint8Array(readFileSync(EXAMPLE)));
  await a.buildForms();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await a.fileBytes()).buffer as ArrayBuffer);
  const t12 = book.getWorksheet('表12');
  if (!t12) throw new Error('example has no 表12');
  expect(t12.getCell('A7').value).toBe('Z网络运维服务费');
  t12.getCell('B7').value = 20;
  t12.getCell('C7').value = 20;
  const edited = new Uint8Array(await book.xlsx.writeBuffer());

  const b = adapter();
  await b.open('edited.xlsx', edited);
  const r = await b.syncForms();
  expect(r.status).toBe('done');
  if (r.status !== 'done') return;
  expect(r.added).toEqual([]);
  expect(r.updatedForms).toBe(1);
  const wb = await readXlsx(Buffer.from(await b.fileBytes()));
  const form = wb.sheets.find(
    (s) => s.tag?.startsWith('form:') && s.rows.some((_, i) => textAt(s, i, 2) === 'Z网络运维服务费'),
  );
  expect(form).toBeDefined();
  const values = form ? form.rows.flatMap((row) => row.map((c) => c?.value)) : [];
  expect(values).toContain(200000); // 20 万元 in 元
  expect(values).not.toContain(170500); // the old 17.05 万元
});

test('插入缺少的表 adds exactly the tables the workbook lacks', async () => {
  const seed = buildSeedWorkbook('000', 'published');
  seed.sheets = seed.sheets.filter((s) => s.name !== '表9' && s.name !== '表10');
  const a = adapter();
  const before = await a.open('缺表.xlsx', await bytesOf(seed));
  expect(before.tables).not.toContain('t9');
  const { inserted } = await a.insertMissingTables();
  expect(inserted).toHaveLength(2);
  const after = await a.validate();
  expect(after.tables).toEqual(expect.arrayContaining(['t9', 't10']));
  expect((await a.insertMissingTables()).inserted).toEqual([]);
});

test('insertTemplates reports a clash with a clerk sheet, and a rename answer resolves it', async () => {
  const a = adapter();
  await a.open('example.xlsx', new Uint8Array(readFileSync(EXAMPLE)));
  const params = { year: 2024, unit: '大同市人力资源和社会保障局', level: '单位' as const, tables: ['t1' as const] };
  const first = await a.insertTemplates({ params });
  expect(first.status).toBe('inserted');
  const second = await a.insertTemplates({ params });
  expect(second.status).toBe('conflicts');
  if (second.status !== 'conflicts') return;
  const renames = Object.fromEntries(second.conflicts.map((c) => [c.template, c.proposed]));
  const third = await a.insertTemplates({ params, renames });
  expect(third.status).toBe('inserted');
});

test('写入情况说明 writes the heading of the seed document and twelve numbered paragraphs', async () => {
  const a = adapter();
  await a.open('example.xlsx', new Uint8Array(readFileSync(EXAMPLE)));
  await a.writeNarrative();
  const wb = await readXlsx(Buffer.from(await a.fileBytes()));
  const s = wb.sheets.find((x) => x.name === '情况说明');
  expect(s).toBeDefined();
  if (!s) return;
  expect(textAt(s, 0, 0)).toBe(fx.narrative.heading);
  const titles = s.rows.map((_, r) => textAt(s, r, 0)).filter((t) => /^[一二三四五六七八九十]+、/.test(t));
  expect(titles.map((t) => t.split('、')[0])).toEqual([
    '一',
    '二',
    '三',
    '四',
    '五',
    '六',
    '七',
    '八',
    '九',
    '十',
    '十一',
    '十二',
  ]);
});

test('helpers: marks, targets, names', () => {
  const marks = cellMarks([
    { rule: 'A', severity: 'rounding', sheet: '表2', cell: 'C15', message: '' },
    { rule: 'B', severity: 'error', sheet: '表2', cell: '$C$15', message: '' },
    {
      rule: 'C',
      severity: 'warning',
      sheet: '表1',
      cell: 'D36:E36',
      cells: [{ sheet: '表1', cell: 'D7' }],
      message: '',
    },
  ]);
  expect(marks.get('表2')?.get('C15')).toBe('error');
  expect(marks.get('表1')?.get('D36')).toBe('warning');
  expect(marks.get('表1')?.has('D7')).toBe(false);
  expect(findingTargets({ rule: 'N', severity: 'info', table: 'narrative', message: '' })).toEqual([]);
  expect(findingTargets({ rule: 'X', severity: 'info', sheet: 'S', cell: '不是地址', message: '' })).toEqual([]);
  const sum = {
    rule: 'W1.3',
    severity: 'rounding' as const,
    sheet: '表1',
    cell: 'D36',
    cells: [
      { sheet: '表1', cell: 'D36' },
      { sheet: '表1', cell: 'D6' },
      { sheet: '表1', cell: 'D7' },
      { sheet: '表4', cell: 'D6' },
    ],
    message: '',
  };
  expect([...involvedCells([sum], '表1', { row: 35, col: 3 })].sort()).toEqual(['D6', 'D7']);
  expect(involvedCells([sum], '表1', { row: 5, col: 3 }).size).toBe(0);
  expect(outputName('大同2024.XLSX')).toBe('大同2024-已处理.xlsx');
  expect(cellText(1184.3200000000002)).toBe('1184.32');
  expect(cellText(103.3)).toBe('103.30');
  expect(cellText(35000)).toBe('35000');
  const wb: Workbook = { sheets: [{ name: '表1 预算收支总表', rows: [], merges: [] }] };
  const plan = {
    name: '表1 预算收支总表',
    tag: 't1',
    cells: [],
    merges: [],
    columnWidths: [],
    print: { paper: 'A4' as const, orientation: 'portrait' as const, fitToWidth: true },
  };
  expect(
    chooseNames(
      [plan],
      wb.sheets.map((x) => x.name),
      {},
    ).conflicts[0]?.proposed,
  ).toBe('表1 预算收支总表(2)');
});
