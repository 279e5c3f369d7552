import { undoEdits } from '../../src/core/fixes';
import { applyEditsXl } from '../../src/excel/applyEdits';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { manyEdits } from '../hosts/manyEdits';
import { FakeExcel } from './fakeExcel';

/**
 * Office.js specifics of writing a plan of cell edits (the behaviour shared with WPS is in
 * test/hosts/applyEdits.test.ts): a fixed number of syncs however many cells change, the request
 * limit respected, events switched off around the write on ExcelApi 1.8–1.13 only, and no live
 * pass from our own write on any host.
 */
function loaded(n: number, api = 14): { fake: FakeExcel; edits: ReturnType<typeof manyEdits>['edits'] } {
  const fake = new FakeExcel(api);
  const { sheets, edits } = manyEdits(n);
  for (const s of sheets) fake.addSheet(s.name, s.rows);
  return { fake, edits };
}

describe('applyEditsXl', () => {
  test.each([10, 500, 5000])('%i edits: 2 syncs (read every cell, write every edit)', async (n) => {
    const { fake, edits } = loaded(n);
    const r = await fake.run((ctx) => applyEditsXl(ctx, edits, { requirements: fake.requirements }));
    expect(r.syncs).toBe(2);
    expect(fake.syncCount).toBe(2);
    expect(r.applied).toHaveLength(n);
    for (const e of edits) expect(fake.cell(e.sheet, e.cell)?.value).toBe(e.new);
    // Nothing near Excel on the web's 5 MB: one write per cell, no whole-sheet arrays.
    expect(Math.max(...fake.requestBytes)).toBeLessThan(n * 1000);
  });

  test('ExcelApi 1.8–1.13: events off ahead of the writes and back on in a sync of their own (3 syncs)', async () => {
    const { fake, edits } = loaded(500, 10);
    const r = await fake.run((ctx) => applyEditsXl(ctx, edits, { requirements: fake.requirements }));
    expect(r.syncs).toBe(3);
    expect(fake.syncCount).toBe(3);
    expect(fake.enableEventsLog).toEqual([false, true]);
    expect(fake.eventsEnabled).toBe(true);
  });

  test.each([7, 14])(
    'ExcelApi 1.%i: nothing switched off (guard flag below 1.8, triggerSource from 1.14)',
    async (api) => {
      const { fake, edits } = loaded(50, api);
      const r = await fake.run((ctx) => applyEditsXl(ctx, edits, { requirements: fake.requirements }));
      expect(r.syncs).toBe(2);
      expect(fake.enableEventsLog).toEqual([]);
    },
  );

  test('under a small request limit every sync stays below it and every edit lands', async () => {
    const { fake, edits } = loaded(500);
    const limit = 40_000;
    fake.payloadLimit = limit;
    const r = await fake.run((ctx) =>
      applyEditsXl(ctx, edits, { requirements: fake.requirements, maxPayloadBytes: limit }),
    );
    expect(Math.max(...fake.requestBytes)).toBeLessThanOrEqual(limit);
    expect(r.syncs).toBeGreaterThan(2);
    expect(r.applied).toHaveLength(500);
    for (const e of edits) expect(fake.cell(e.sheet, e.cell)?.value).toBe(e.new);
  });

  test('a failing write switches events back on (1.8–1.13) and leaves the error to the caller', async () => {
    const { fake, edits } = loaded(20, 10);
    fake.payloadLimit = 4_100; // the read (20 loads) fits, the write (20 writes and the events switch) does not
    await expect(
      fake.run((ctx) => applyEditsXl(ctx, edits, { requirements: fake.requirements, maxPayloadBytes: 1_000_000 })),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.eventsEnabled).toBe(true);
    for (const e of edits) expect(fake.cell(e.sheet, e.cell)?.value).toBe(e.old);
  });
});

describe.each([7, 10, 14])('OfficeWorkbookAdapter on ExcelApi 1.%i', (api) => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('applying and undoing a plan starts no live pass; the clerk’s edit right after does', async () => {
    const { fake, edits } = loaded(120, api);
    const adapter = new OfficeWorkbookAdapter({
      run: fake.run,
      requirements: fake.requirements,
      analyze: () => ({ findings: [], tables: [] }),
    });
    await adapter.start();
    await jest.advanceTimersByTimeAsync(2000);
    await adapter.live.idle();
    const passes = adapter.live.passes;
    const r = await adapter.applyEdits(edits);
    await fake.flushEvents();
    await adapter.applyEdits(undoEdits(r.applied));
    await fake.flushEvents();
    await jest.advanceTimersByTimeAsync(2000);
    await adapter.live.idle();
    expect(adapter.live.passes).toBe(passes);
    for (const e of edits) expect(fake.cell(e.sheet, e.cell)?.value).toBe(e.old);
    await fake.edit(edits[0].sheet, 'A1', '说明');
    await jest.advanceTimersByTimeAsync(2000);
    await adapter.live.idle();
    expect(adapter.live.passes).toBe(passes + 1);
  });
});
