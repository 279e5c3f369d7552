import { renderTemplates } from '../../src/core/templates/layout';
import { planFormsFor } from '../../src/excel/formPlanner';
import { insertTemplates } from '../../src/excel/insertTemplates';
import { readWorkbook } from '../../src/excel/readWorkbook';
import { buildSeedWorkbook } from '../fixtures/seeds';
import { FakeExcel, REQUEST_BYTES_PER_ACTION } from './fakeExcel';

/**
 * Excel on the web refuses a request over 5 MB as it refuses a response (office-js-docs-pr,
 * docs/excel/performance.md). The fake counts each sync's request (every queued action and the
 * data it writes) and refuses one over `payloadLimit`, applying nothing. The writer is told the
 * same limit: no sync of a template insert or a form build may pass it.
 */
const THIRTY_UNITS = Array.from({ length: 30 }, (_, i) => `下属单位${i + 1}`);

describe('writes under the request limit', () => {
  test('the fake refuses an oversized request as a whole: nothing of it is applied', async () => {
    const fake = new FakeExcel(14);
    fake.addSheet('表1', [['原值']]);
    fake.payloadLimit = 5_000;
    const ctx = fake.context();
    const ws = ctx.workbook.worksheets.getItem('表1');
    ws.getRange('A1').values = [['新值']];
    ws.getRange('A2:A201').values = Array.from({ length: 200 }, () => ['很长的一段说明文字']);
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.cell('表1', 'A1')?.value).toBe('原值');
    expect(fake.requestBytes.at(-1)).toBeGreaterThan(5_000);
  });

  test('13 tables of a 30-unit 部门: every sync stays under a small limit, and everything lands', async () => {
    const plans = renderTemplates({ year: 2026, unit: '测试部门', level: '部门', units: THIRTY_UNITS });
    const limit = 60_000;
    const fake = new FakeExcel(14);
    fake.payloadLimit = limit;
    const res = await fake.run((ctx) =>
      insertTemplates(ctx, plans, { requirements: fake.requirements, maxPayloadBytes: limit }),
    );
    expect(res.status).toBe('inserted');
    expect(Math.max(...fake.requestBytes)).toBeLessThanOrEqual(limit);
    expect(fake.requestBytes.length).toBeGreaterThan(3); // the limit forced extra syncs
    // Same result as without a limit.
    fake.payloadLimit = undefined;
    const free = new FakeExcel(14);
    await free.run((ctx) => insertTemplates(ctx, plans, { requirements: free.requirements }));
    const read = async (f: FakeExcel) =>
      JSON.stringify((await f.run((ctx) => readWorkbook(ctx, { requirements: f.requirements }))).sheets);
    expect(await read(fake)).toBe(await read(free));
    for (const name of plans.map((p) => p.name)) expect(fake.formatSnapshot(name)).toBe(free.formatSnapshot(name));
  });

  test('a form build for the 14 projects of seed 000 stays under the limit', async () => {
    const wb = buildSeedWorkbook('000', 'published');
    const { plans } = planFormsFor(wb);
    expect(plans).toHaveLength(14);
    const limit = 20_000;
    const fake = new FakeExcel(14);
    fake.loadWorkbook(wb);
    fake.payloadLimit = limit;
    const res = await fake.run((ctx) =>
      insertTemplates(ctx, plans, { requirements: fake.requirements, maxPayloadBytes: limit }),
    );
    expect(res.status).toBe('inserted');
    expect(Math.max(...fake.requestBytes)).toBeLessThanOrEqual(limit);
    expect(fake.sheets.length).toBe(wb.sheets.length + plans.length);
  });

  test('the default limit keeps an ordinary insert at 3 syncs', async () => {
    const plans = renderTemplates({ year: 2026, unit: '测试部门', level: '部门', units: THIRTY_UNITS });
    const fake = new FakeExcel(14);
    fake.payloadLimit = 5 * 1024 * 1024;
    const res = await fake.run((ctx) => insertTemplates(ctx, plans, { requirements: fake.requirements }));
    expect(res.syncs).toBe(3);
    expect(Math.max(...fake.requestBytes)).toBeGreaterThan(REQUEST_BYTES_PER_ACTION * 100);
  });
});
