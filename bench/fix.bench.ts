import { applyEditsXl } from '../src/excel/applyEdits';
import { WpsWorkbookAdapter } from '../src/wps/adapter';
import { FakeExcel } from '../test/excel/fakeExcel';
import { manyEdits } from '../test/hosts/manyEdits';
import { FakeEt } from '../test/wps/fakeEt';

/**
 * Writing a plan of cell edits (a fix, 尾差调平, an undo) into the open workbook:
 * - `fix.syncs.500`: `context.sync()` calls for 500 cell edits on the Office.js fake (ExcelApi
 *   1.14): one read of every edited cell, one write. `fix.syncs.5000` shows it does not grow;
 *   `fix.syncs.500.api1_10` adds the sync that switches events back on (1.8–1.13).
 * - `fix.calls.wps.500`: ET object-model calls on the WPS fake for the same plan (per sheet one
 *   bounding read, then one `Formula` write per run of adjacent cells; grows with runs, not values).
 */
type Report = (name: string, value: number, unit: string) => void;

async function excelSyncs(n: number, api: number): Promise<number> {
  const fake = new FakeExcel(api);
  const { sheets, edits } = manyEdits(n);
  for (const s of sheets) fake.addSheet(s.name, s.rows);
  const before = fake.syncCount;
  const r = await fake.run((ctx) => applyEditsXl(ctx, edits, { requirements: fake.requirements }));
  if (r.applied.length !== n) throw new Error(`only ${r.applied.length} of ${n} edits applied`);
  return fake.syncCount - before;
}

export async function run(report: Report): Promise<void> {
  report('fix.syncs.500', await excelSyncs(500, 14), 'syncs');
  report('fix.syncs.5000', await excelSyncs(5000, 14), 'syncs');
  report('fix.syncs.500.api1_10', await excelSyncs(500, 10), 'syncs');

  const et = new FakeEt();
  const { sheets, edits } = manyEdits(500);
  for (const s of sheets) et.addSheet(s.name, s.rows);
  const adapter = new WpsWorkbookAdapter({ app: et.app });
  const before = et.calls;
  const r = await adapter.applyEdits(edits);
  if (r.applied.length !== 500) throw new Error(`only ${r.applied.length} of 500 edits applied on WPS`);
  report('fix.calls.wps.500', et.calls - before, 'calls');
}
