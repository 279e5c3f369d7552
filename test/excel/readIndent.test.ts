import { locateTables } from '../../src/core/locate';
import type { LocatedTable } from '../../src/core/model/disclosure';
import type { Workbook } from '../../src/core/model/grid';
import { readSnapshot } from '../../src/excel/readWorkbook';
import { INDENTED_T12, INDENTED_T12_LEVELS } from '../fixtures/indentedT12';
import { FakeExcel } from './fakeExcel';

/**
 * Excel's cell indent is read with the values (ExcelApi 1.9), so the add-in sees a clerk's 表12
 * hierarchy the way the command line does from the .xlsx file.
 */
function clerkWorkbook(apiVersion: number): FakeExcel {
  const fake = new FakeExcel(apiVersion);
  const s = fake.addSheet('项目', INDENTED_T12);
  for (const [r, level] of Object.entries(INDENTED_T12_LEVELS)) fake.cellFor(s, Number(r), 0).format.indent = level;
  // An indented blank cell and an indent far right of the name columns carry no meaning.
  fake.cellFor(s, 8, 0).format.indent = 3;
  fake.cellFor(s, 5, 4).format.indent = 1;
  return fake;
}

async function read(fake: FakeExcel, known?: Awaited<ReturnType<typeof readSnapshot>>) {
  return fake.run((ctx) =>
    readSnapshot(ctx, {
      requirements: fake.requirements,
      knownSheetIds: known && Object.values(known.sheetIds),
      sizes: known?.sizes,
    }),
  );
}

const kinds = (wb: Workbook): string[] => (locateTables(wb).tables.t12 as LocatedTable).rows.map((r) => r.kind);

describe('reading Excel cell indent', () => {
  test('indents arrive in the same syncs as the values, first read and later reads alike', async () => {
    const fake = clerkWorkbook(14);
    const first = await read(fake);
    expect(first.syncs).toBe(2);
    const rows = first.workbook.sheets[0].rows;
    expect(rows[4]?.[0]).toEqual({ value: '甲单位', indent: 1 });
    expect(rows[5]?.[0]).toEqual({ value: '项目一', indent: 2 });
    expect(rows[3]?.[0]).toEqual({ value: '某局' });
    expect(rows[8]).toBeUndefined();
    const again = await read(fake, first);
    expect(again.syncs).toBe(1);
    expect(again.workbook.sheets[0].rows[6]?.[0]).toEqual({ value: '项目二', indent: 2 });
  });

  test('the add-in reads the 表12 levels the indent shows, as the command line does', async () => {
    const snap = await read(clerkWorkbook(14));
    expect(kinds(snap.workbook)).toEqual(['total', 'unit', 'project', 'project']);
  });

  test('hosts before ExcelApi 1.9 read no indent and fall back to sums, without an error', async () => {
    const snap = await read(clerkWorkbook(8));
    expect(snap.workbook.sheets[0].rows[4]?.[0]).toEqual({ value: '甲单位' });
    expect(kinds(snap.workbook)).toEqual(['project', 'project', 'project', 'project']);
  });

  test('a sheet read in bands gets its indents too', async () => {
    const fake = clerkWorkbook(14);
    const s = fake.sheet('项目');
    for (let r = 7; r < 400; r++) {
      fake.cellFor(s, r, 0).value = `项目${r}`;
      fake.cellFor(s, r, 1).value = 1;
      fake.cellFor(s, r, 0).format.indent = 2;
    }
    const first = await read(fake);
    const limit = Math.ceil(first.sizes[s.id].bytes / 4);
    const banded = await fake.run((ctx) =>
      readSnapshot(ctx, {
        requirements: fake.requirements,
        payloadLimit: limit,
        knownSheetIds: [s.id],
        sizes: first.sizes,
      }),
    );
    expect(banded.syncs).toBeGreaterThan(2);
    const rows = banded.workbook.sheets[0].rows;
    expect(rows[4]?.[0]?.indent).toBe(1);
    expect(rows[399]?.[0]).toEqual({ value: '项目399', indent: 2 });
    expect(JSON.stringify(rows)).toBe(JSON.stringify(first.workbook.sheets[0].rows));
  });
});
