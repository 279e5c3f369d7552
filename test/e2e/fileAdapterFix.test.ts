import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../../src/core/check';
import { undoEdits } from '../../src/core/fixes';
import { MONEY_FORMAT } from '../../src/core/templates/tables';
import { webEngine, writePlansInto } from '../../src/web/engineImpl';
import { XlsxFileAdapter } from '../../src/web/fileAdapter';
import { readXlsx } from '../../src/xlsx/read';
import { EXAMPLE } from './harness';

/**
 * The page's applyEdits without a browser, on the bundled example (seed 000): the edits land in the
 * bytes 下载 hands out, a cell changed after the preview is skipped, and undo restores every cell and
 * its number format exactly (the browser flow itself: test/e2e/webFix.test.ts).
 */
async function opened(): Promise<XlsxFileAdapter> {
  const a = new XlsxFileAdapter(webEngine, writePlansInto);
  await a.open('example.xlsx', new Uint8Array(readFileSync(EXAMPLE)));
  return a;
}

async function book(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const b = new ExcelJS.Workbook();
  await b.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return b;
}

test('fixes land in the downloaded bytes; a summary names the fixable findings', async () => {
  const a = await opened();
  const summary = await a.validate();
  const plan = await a.planFixes();
  expect([...(summary.fixable ?? [])].sort()).toEqual(plan.fixes.map((f) => f.key).sort());
  const r = await a.applyEdits(plan.edits);
  expect(r.skipped).toEqual([]);
  expect(r.applied).toHaveLength(plan.edits.length);
  const out = await readXlsx(Buffer.from(await a.fileBytes()));
  const left = analyzeWorkbook(out).findings.filter((f) => ['FI4', 'CN1', 'CN3'].includes(f.rule));
  expect(left).toEqual([]);
  const fi4 = plan.edits.find((e) => e.numberFormat)!;
  expect((await book(await a.fileBytes())).getWorksheet(fi4.sheet)!.getCell(fi4.cell).numFmt).toBe(MONEY_FORMAT);
});

test('a cell changed after the preview is skipped; undo restores values and number formats exactly', async () => {
  const a = await opened();
  const original = await book(await a.fileBytes());
  const plan = await a.planFixes();
  const r = await a.applyEdits(plan.edits);
  const back = await a.applyEdits(undoEdits(r.applied));
  expect(back.skipped).toEqual([]);
  const restored = await book(await a.fileBytes());
  for (const e of plan.edits) {
    const was = original.getWorksheet(e.sheet)!.getCell(e.cell);
    const now = restored.getWorksheet(e.sheet)!.getCell(e.cell);
    expect([now.value, now.numFmt || 'General']).toEqual([was.value, was.numFmt || 'General']);
  }
  // The plan again, but the clerk retyped one cell in between (the grid is what the page shows).
  const again = await a.planFixes();
  const first = again.edits[0];
  const stale = again.edits.map((e) => (e === first ? { ...e, old: '别的值' } : e));
  const r2 = await a.applyEdits(stale);
  expect(r2.skipped.map((s) => `${s.edit.sheet}!${s.edit.cell}`)).toEqual([`${first.sheet}!${first.cell}`]);
  expect(r2.skipped[0].why).toContain('在预览后已被修改');
});

test('尾差调平 on the page: the downloaded workbook has no 尾差 left', async () => {
  const a = await opened();
  const { edits, result } = await a.planBalance();
  expect(result.changes).toHaveLength(26);
  await a.applyEdits(edits);
  const out = await readXlsx(Buffer.from(await a.fileBytes()));
  expect(analyzeWorkbook(out).findings.filter((f) => f.severity === 'rounding')).toEqual([]);
});
