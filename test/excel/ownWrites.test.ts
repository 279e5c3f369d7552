import type { Workbook } from '../../src/core/model/grid';
import { valueAt } from '../../src/core/model/grid';
import { renderTemplates } from '../../src/core/templates/layout';
import { insertTemplates } from '../../src/excel/insertTemplates';
import { LiveValidator, type LiveAnalysis } from '../../src/excel/live/LiveValidator';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { FakeExcel } from './fakeExcel';

/**
 * The add-in's own writes raise change events like the clerk's (office-js-docs-pr,
 * docs/excel/excel-add-ins-events.md, "Event triggers"). Hosts with `triggerSource` (1.14) label
 * them; between 1.8 and 1.13 events are switched off around them with `runtime.enableEvents`;
 * below 1.8 the guard flag and its grace window remain. The fake drops every event raised while
 * events are off, as the docs say Excel does.
 */
const PLANS = renderTemplates({ year: 2026, unit: '测试单位', level: '单位' });

/** 表1!B2 must equal B3 + B4. */
function stub(wb: Workbook): LiveAnalysis {
  const s = wb.sheets.find((x) => x.name === '表1');
  const n = (r: number): number => Number(s ? (valueAt(s, r, 1) ?? 0) : 0);
  const bad = s && n(1) !== n(2) + n(3);
  return {
    findings: bad
      ? [{ rule: 'T1', severity: 'error', table: 't1', sheet: '表1', cell: 'B2', message: '合计不等于各项之和' }]
      : [],
    tables: s ? ['t1'] : [],
  };
}

function setup(api: number) {
  const fake = new FakeExcel(api);
  fake.addSheet('表1', [
    ['项目', '金额'],
    ['合计', 30],
    ['甲', 10],
    ['乙', 20],
  ]);
  const v = new LiveValidator({ run: fake.run, requirements: fake.requirements, analyze: stub });
  return { fake, v };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

async function settle(v: LiveValidator): Promise<void> {
  await jest.advanceTimersByTimeAsync(500);
  await v.idle();
}

describe('events around the add-in’s own writes', () => {
  test.each([8, 9, 13])(
    'ExcelApi 1.%i: an insert switches events off and on again, raises nothing, and stays at 3 syncs',
    async (api) => {
      const { fake, v } = setup(api);
      await v.start();
      const res = await v.asOwnWrite(() =>
        fake.run((ctx) => insertTemplates(ctx, PLANS, { requirements: fake.requirements })),
      );
      expect(res.syncs).toBeLessThanOrEqual(3);
      expect(fake.enableEventsLog).toEqual([false, true]);
      expect(fake.eventsEnabled).toBe(true);
      // Nothing reached a handler: not even the delayed delivery a guard would have to wait for.
      expect(fake.pendingEvents).toHaveLength(0);
      await settle(v);
      expect(v.passes).toBe(0);
    },
  );

  test.each([7, 14])('ExcelApi 1.%i leaves runtime.enableEvents alone', async (api) => {
    const { fake, v } = setup(api);
    await v.start();
    await v.asOwnWrite(() => fake.run((ctx) => insertTemplates(ctx, PLANS, { requirements: fake.requirements })));
    expect(fake.enableEventsLog).toEqual([]);
    await fake.flushEvents();
    await settle(v);
    expect(v.passes).toBe(0); // triggerSource (1.14) or the guard (1.7) recognised them
  });

  test('a mark write switches events off around itself (ExcelApi 1.9)', async () => {
    const { fake, v } = setup(9);
    await v.start();
    await fake.edit('表1', 'B3', 11);
    await settle(v);
    expect(v.markedCells().size).toBe(1);
    expect(fake.enableEventsLog).toEqual([false, true]);
    expect(fake.eventsEnabled).toBe(true);
  });

  test('ExcelApi 1.9: an edit right after a mark write is not swallowed (no grace window)', async () => {
    const { fake, v } = setup(9);
    await v.start();
    await fake.edit('表1', 'B3', 11);
    await settle(v);
    expect(v.passes).toBe(1);
    await fake.edit('表1', 'B3', 10); // well within the 1.5 s a guard would ignore
    await settle(v);
    expect(v.passes).toBe(2);
    expect(v.markedCells().size).toBe(0);
  });

  test('events come back on when the write fails', async () => {
    const { fake, v } = setup(9);
    await v.start();
    fake.payloadLimit = 50_000; // the writer is told 4 MB: its big write sync is refused
    await expect(
      v.asOwnWrite(() => fake.run((ctx) => insertTemplates(ctx, PLANS, { requirements: fake.requirements }))),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.eventsEnabled).toBe(true);
    expect(fake.enableEventsLog.at(-1)).toBe(true);
  });

  test('ExcelApi 1.8 (per-sheet events): tables inserted while events were off are still watched', async () => {
    const fake = new FakeExcel(8);
    const adapter = new OfficeWorkbookAdapter({ run: fake.run, requirements: fake.requirements });
    await adapter.start();
    const out = await adapter.insertTemplates({ params: { year: 2026, unit: '测试单位', level: '单位' } });
    expect(out.status).toBe('inserted');
    await adapter.live.idle(); // the pass that follows an insert subscribes the new sheets
    await settle(adapter.live);
    const passes = adapter.live.passes;
    await fake.edit(PLANS[2].name, 'C8', 123);
    await settle(adapter.live);
    expect(adapter.live.passes).toBe(passes + 1);
  });
});
