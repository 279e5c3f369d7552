import { renderTemplates } from '../../src/core/templates/layout';
import type { Workbook } from '../../src/core/model/grid';
import { insertTemplates } from '../../src/excel/insertTemplates';
import { queueMarkScan } from '../../src/excel/live/marks';
import { LiveValidator } from '../../src/excel/live/LiveValidator';
import { isGeneralException, isTooBig, piecesOf, planReads, type SheetSize } from '../../src/excel/readPlan';
import { readSnapshot, WorkbookTooBigError } from '../../src/excel/readWorkbook';
import { FakeExcel } from './fakeExcel';

/**
 * Excel on the web fails a request whose response is over 5 MB. The fake enforces a (much
 * smaller) limit the same way, so a 30-unit 部门 workbook must be read in several syncs there,
 * and the result must be exactly what an unlimited read gives.
 */
async function thirtyUnits(): Promise<FakeExcel> {
  const fake = new FakeExcel(14);
  const plans = renderTemplates({
    year: 2026,
    unit: '测试部门',
    level: '部门',
    units: Array.from({ length: 30 }, (_, i) => `单位${i + 1}`),
  });
  await fake.run((ctx) => insertTemplates(ctx, plans, { requirements: fake.requirements }));
  return fake;
}

function sheetsOf(wb: Workbook): string {
  return JSON.stringify(wb.sheets.map((s) => ({ name: s.name, tag: s.tag, rows: s.rows, merges: s.merges })));
}

describe('planReads', () => {
  const size = (rows: number, bytes: number): SheetSize => ({ top: 2, left: 1, rows, cols: 5, bytes });

  test('sheets that fit together are one batch, in sheet order', () => {
    const batches = planReads(['a', 'b', 'c'], { a: size(10, 100), b: size(10, 200), c: size(10, 300) }, 1000);
    expect(batches.map((b) => b.map((p) => p.sheetId))).toEqual([['a', 'b', 'c']]);
  });

  test('a new batch starts where the next sheet would pass the limit', () => {
    const batches = planReads(['a', 'b', 'c'], { a: size(10, 600), b: size(10, 300), c: size(10, 300) }, 1000);
    expect(batches.map((b) => b.map((p) => p.sheetId))).toEqual([['a', 'b'], ['c']]);
  });

  test('a sheet bigger than the limit is cut into row bands that cover every row once', () => {
    const pieces = piecesOf('big', size(100, 3500), 1000);
    expect(pieces.length).toBe(4);
    expect(pieces.every((p) => p.bytes <= 1000)).toBe(true);
    expect(pieces[0].band?.top).toBe(2);
    let next = 2;
    for (const p of pieces) {
      expect(p.band?.top).toBe(next);
      expect(p.band?.left).toBe(1);
      expect(p.band?.cols).toBe(5);
      next += p.band!.rows;
    }
    expect(next).toBe(102);
    expect(pieces.filter((p) => p.withMerges)).toHaveLength(1);
  });

  test('a sheet never seen is read whole (its size is unknown)', () => {
    expect(planReads(['x'], {}, 10)).toEqual([[{ sheetId: 'x', bytes: 0, withMerges: true }]]);
  });
});

describe('reading under the payload limit', () => {
  test('a 30-unit workbook over the limit is read in bands, equal to an unlimited read, no response over the limit', async () => {
    const fake = await thirtyUnits();
    const reference = await fake.run((ctx) => readSnapshot(ctx, { requirements: fake.requirements }));
    const biggest = Math.max(...fake.responseBytes.slice(-2));
    // A limit a sixth of the whole workbook's response: several syncs are unavoidable.
    const limit = Math.floor(biggest / 6);
    fake.payloadLimit = limit;
    fake.responseBytes = [];

    // First read knows nothing: the optimistic read fails, then it measures and reads in bands.
    const first = await fake.run((ctx) => readSnapshot(ctx, { requirements: fake.requirements, payloadLimit: limit }));
    expect(sheetsOf(first.workbook)).toBe(sheetsOf(reference.workbook));
    const failed = fake.responseBytes.filter((b) => b > limit);
    expect(failed.length).toBeGreaterThan(0);
    // Every sync is counted, the failed one and the measuring ones too.
    expect(first.syncs).toBe(fake.responseBytes.length);

    // The next read plans from the sizes it learnt: no failed sync, same workbook.
    fake.responseBytes = [];
    const second = await fake.run((ctx) =>
      readSnapshot(ctx, {
        requirements: fake.requirements,
        payloadLimit: limit,
        knownSheetIds: Object.values(first.sheetIds),
        sizes: first.sizes,
      }),
    );
    expect(fake.responseBytes.every((b) => b <= limit)).toBe(true);
    expect(second.syncs).toBe(fake.responseBytes.length);
    expect(second.syncs).toBeGreaterThan(2);
    expect(sheetsOf(second.workbook)).toBe(sheetsOf(reference.workbook));
  });

  test('without a limit problem the same workbook is one sync when the sheets are known', async () => {
    const fake = await thirtyUnits();
    const first = await fake.run((ctx) => readSnapshot(ctx, { requirements: fake.requirements }));
    const before = fake.syncCount;
    const again = await fake.run((ctx) =>
      readSnapshot(ctx, {
        requirements: fake.requirements,
        knownSheetIds: Object.values(first.sheetIds),
        sizes: first.sizes,
      }),
    );
    expect(fake.syncCount - before).toBe(1);
    expect(again.syncs).toBe(1);
  });

  test('rows a clerk adds below a banded sheet are read too (nothing is lost)', async () => {
    const fake = await thirtyUnits();
    const t12 = fake.sheets.find((s) => s.name.startsWith('表12'))!;
    const known = await fake.run((ctx) => readSnapshot(ctx, { requirements: fake.requirements }));
    const limit = Math.ceil(known.sizes[t12.id].bytes / 3);
    fake.payloadLimit = limit * 4; // the whole workbook still needs several syncs, 表12 is banded
    const lastRow = known.sizes[t12.id].top + known.sizes[t12.id].rows - 1;
    fake.cellFor(t12, lastRow + 5, 0).value = '新增项目';
    fake.cellFor(t12, lastRow + 5, 3).value = 12.5;
    const snap = await fake.run((ctx) =>
      readSnapshot(ctx, {
        requirements: fake.requirements,
        payloadLimit: limit,
        knownSheetIds: Object.values(known.sheetIds),
        sizes: known.sizes,
      }),
    );
    const sheet = snap.workbook.sheets.find((s) => s.name === t12.name)!;
    expect(sheet.rows[lastRow + 5]?.[0]?.value).toBe('新增项目');
    expect(sheet.rows[lastRow + 5]?.[3]?.value).toBe(12.5);
    expect(snap.sizes[t12.id].rows).toBe(known.sizes[t12.id].rows + 5);
  });

  test('a sheet whose single rows are over the limit gets a clear Chinese error, not a crash', async () => {
    const fake = new FakeExcel(14);
    fake.addSheet('巨表', [['很长的文字'.repeat(200), '又一段很长的文字'.repeat(200)]]);
    // Big enough for the request (a few actions), far too small for one row's response.
    fake.payloadLimit = 2_000;
    await expect(
      fake.run((ctx) => readSnapshot(ctx, { requirements: fake.requirements, payloadLimit: 2_000 })),
    ).rejects.toThrow(WorkbookTooBigError);
    await expect(
      fake.run((ctx) => readSnapshot(ctx, { requirements: fake.requirements, payloadLimit: 2_000 })),
    ).rejects.toThrow(/工作簿太大/);
    expect(fake.requestBytes.every((b) => b <= 2_000)).toBe(true);
  });

  test('a used range reaching far beyond the tables is named in the error, not read cell by cell', async () => {
    const fake = new FakeExcel(8);
    fake.addSheet('表3 预算支出总表', [['2024年预算支出总表'], ['合计', 1]]);
    const stray = fake.addSheet('杂表', [['说明']]);
    fake.cellFor(stray, 999_999, 3).value = '遗留'; // D1000000: a used range of 4,000,000 cells
    fake.maxCellsPerRead = 100_000; // Excel's 5,000,000, scaled down so the fake stays quick
    const read = fake.run((ctx) => readSnapshot(ctx, { requirements: fake.requirements }));
    await expect(read).rejects.toThrow(WorkbookTooBigError);
    await expect(fake.run((ctx) => readSnapshot(ctx, { requirements: fake.requirements }))).rejects.toThrow(
      /“杂表”的已用区域是 A1:D1000000（1000000 行 × 4 列）/,
    );
  });

  test('Excel’s size error codes are recognised however they are spelt or nested', () => {
    expect(isTooBig({ code: 'ResponsePayloadSizeLimitExceeded' })).toBe(true);
    expect(isTooBig({ code: 'responsePayloadSizeLimitExceeded' })).toBe(true);
    expect(isTooBig({ code: 'GeneralException', innerError: { code: 'RequestPayloadSizeLimitExceeded' } })).toBe(true);
    expect(isTooBig({ code: 'ItemNotFound' })).toBe(false);
    expect(isTooBig(new Error('x'))).toBe(false);
    expect(isTooBig({ code: 'GeneralException' })).toBe(false);
    expect(isGeneralException({ code: 'generalException' })).toBe(true);
  });
});

describe('older Excel on the web: GeneralException for an oversized payload', () => {
  test('a first read answered with GeneralException is measured and read in bands, equal to an unlimited read', async () => {
    const fake = await thirtyUnits();
    const reference = await fake.run((ctx) => readSnapshot(ctx, { requirements: fake.requirements }));
    const limit = Math.floor(Math.max(...fake.responseBytes.slice(-2)) / 6);
    fake.payloadLimit = limit;
    fake.payloadErrorCode = 'GeneralException';
    fake.responseBytes = [];
    const snap = await fake.run((ctx) => readSnapshot(ctx, { requirements: fake.requirements, payloadLimit: limit }));
    expect(sheetsOf(snap.workbook)).toBe(sheetsOf(reference.workbook));
    expect(fake.responseBytes.filter((b) => b > limit)).toHaveLength(1); // the one optimistic read
  });

  test('a GeneralException on a read of known, small sheets is not about size: thrown at once', async () => {
    const fake = new FakeExcel(14);
    fake.addSheet('表1', [['合计', 1]]);
    const known = await fake.run((ctx) => readSnapshot(ctx, { requirements: fake.requirements }));
    fake.failConditionalFormatReads = true;
    const before = fake.syncCount;
    const read = fake.run((ctx) =>
      readSnapshot(ctx, {
        requirements: fake.requirements,
        knownSheetIds: Object.values(known.sheetIds),
        sizes: known.sizes,
        alongRead: (ids) => queueMarkScan(ctx, ids),
      }),
    );
    await expect(read).rejects.toMatchObject({ code: 'GeneralException' });
    expect(fake.syncCount - before).toBe(1);
  });

  test('taken for "too big" once only: a second GeneralException ends in a clear Chinese error', async () => {
    const fake = new FakeExcel(14);
    fake.addSheet('表1', [['合计', 1]]);
    fake.failConditionalFormatReads = true;
    const read = fake.run((ctx) =>
      readSnapshot(ctx, { requirements: fake.requirements, alongRead: (ids) => queueMarkScan(ctx, ids) }),
    );
    await expect(read).rejects.toThrow(WorkbookTooBigError);
    // the optimistic read (sheet list, then the sheets), two measuring syncs, one measured read: no loop
    expect(fake.syncCount).toBe(5);
  });

  test('the live validator still switches marks off when the GeneralException came from them', async () => {
    const fake = new FakeExcel(14);
    fake.addSheet('表1', [['合计', 1]]);
    fake.failConditionalFormatReads = true;
    const v = new LiveValidator({
      run: fake.run,
      requirements: fake.requirements,
      analyze: () => ({ findings: [], tables: [] }),
    });
    const r = await v.validateNow();
    expect(r.notice).toMatch(/条件格式/);
  });
});
