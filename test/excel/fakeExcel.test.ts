import { FakeExcel } from './fakeExcel';

describe('the Excel fake behaves like Office.js batching', () => {
  test('reading a property before load + sync throws', async () => {
    const fake = new FakeExcel(14);
    fake.addSheet('表', [[1]]);
    const ctx = fake.context();
    const r = ctx.workbook.worksheets.getItem('表').getRange('A1');
    expect(() => r.values).toThrow(/load/);
    r.load('values');
    expect(() => r.values).toThrow(/load/);
    await ctx.sync();
    expect(r.values).toEqual([[1]]);
    expect(() => r.formulas).toThrow(/load/);
  });

  test('writes happen at sync, in order, and count', async () => {
    const fake = new FakeExcel(14);
    fake.addSheet('表');
    const ctx = fake.context();
    ctx.workbook.worksheets.getItem('表').getRange('A1:B1').values = [[1, 2]];
    expect(fake.cell('表', 'A1')).toBeUndefined();
    await ctx.sync();
    expect(fake.cell('表', 'B1')?.value).toBe(2);
    expect(fake.syncCount).toBe(1);
  });

  test('a missing sheet fails the sync; the null-object variant does not', async () => {
    const fake = new FakeExcel(14);
    const ctx = fake.context();
    ctx.workbook.worksheets.getItem('没有');
    await expect(ctx.sync()).rejects.toThrow(/找不到/);
    const ws = ctx.workbook.worksheets.getItemOrNullObject('没有');
    expect(() => ws.isNullObject).toThrow();
    await ctx.sync();
    expect(ws.isNullObject).toBe(true);
  });

  test('array size must match the range', async () => {
    const fake = new FakeExcel(14);
    fake.addSheet('表');
    const ctx = fake.context();
    ctx.workbook.worksheets.getItem('表').getRange('A1:B2').values = [[1, 2]];
    await expect(ctx.sync()).rejects.toThrow(/不一致/);
  });

  test('own writes raise onChanged with triggerSource ThisLocalAddin (1.14), none before', async () => {
    for (const v of [14, 9]) {
      const fake = new FakeExcel(v);
      fake.addSheet('表');
      const seen: (string | undefined)[] = [];
      const ctx = fake.context();
      ctx.workbook.worksheets.onChanged.add(async (e) => {
        seen.push(e.triggerSource);
      });
      ctx.workbook.worksheets.getItem('表').getRange('A1').values = [[1]];
      await ctx.sync();
      await fake.flushEvents();
      await fake.edit('表', 'B2', 5);
      expect(seen).toEqual(v === 14 ? ['ThisLocalAddin', 'Unknown'] : [undefined, undefined]);
    }
  });
});
