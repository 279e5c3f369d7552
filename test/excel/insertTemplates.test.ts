import { renderTemplates } from '../../src/core/templates/layout';
import type { SheetPlan } from '../../src/core/templates/plan';
import { insertTemplates } from '../../src/excel/insertTemplates';
import { readSnapshot, readWorkbook } from '../../src/excel/readWorkbook';
import { FakeExcel } from './fakeExcel';

const UNITS = Array.from({ length: 30 }, (_, i) => `下属单位${i + 1}`);

function allPlans(): SheetPlan[] {
  return renderTemplates({ year: 2026, unit: '大同市人力资源和社会保障局', level: '部门', units: UNITS });
}

function smallPlan(name: string, tag: string): SheetPlan {
  return {
    name,
    tag,
    cells: [
      { row: 0, col: 0, value: '预算公开表1', style: 'label' },
      { row: 1, col: 0, value: '2026年测试表', style: 'title' },
      { row: 2, col: 0, value: '2080101', style: 'code' },
      { row: 2, col: 1, value: 12.5, style: 'money' },
      { row: 3, col: 1, formula: 'SUM(B3:B3)', style: 'moneyTotal' },
    ],
    merges: [{ top: 1, left: 0, bottom: 1, right: 2 }],
    columnWidths: [12, 14, 14],
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true },
    freezeRows: 2,
  };
}

describe('insertTemplates', () => {
  test('13 tables of a 30-unit 部门 go in with at most 3 syncs, tagged by defined names', async () => {
    const fake = new FakeExcel(14);
    const plans = allPlans();
    expect(plans).toHaveLength(13);
    const res = await fake.run((ctx) => insertTemplates(ctx, plans, { requirements: fake.requirements }));
    expect(res.status).toBe('inserted');
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(res.syncs).toBe(fake.syncCount);
    expect(fake.sheets.map((s) => s.name)).toEqual(plans.map((p) => p.name));
    for (let t = 1; t <= 13; t++) {
      const n = fake.names.find((x) => x.name === `BD_TABLE_t${t}`);
      expect(n).toBeDefined();
      expect(fake.sheets.find((s) => s.id === n?.sheetId)?.name).toBe(plans[t - 1].name);
    }
    // Whole-sheet array writes, not cell by cell: one formulas write per sheet.
    expect(fake.writes.filter((w) => w.kind === 'formulas')).toHaveLength(13);
  });

  test('every planned value, formula and merge lands where the plan says', async () => {
    const fake = new FakeExcel(14);
    const plans = allPlans();
    await fake.run((ctx) => insertTemplates(ctx, plans, { requirements: fake.requirements }));
    for (const plan of plans) {
      const s = fake.sheet(plan.name);
      for (const cell of plan.cells) {
        const got = s.cells.get(`${cell.row},${cell.col}`);
        if (cell.formula) expect(got?.formula).toBe('=' + cell.formula);
        // Excel reads written strings as typed input: the 栏次 "1" … "7" of 表12/13 (General cells) become numbers.
        else if (typeof cell.value === 'string' && got?.numberFormat !== '@' && /^\d+$/.test(cell.value))
          expect(got?.value).toBe(Number(cell.value));
        else if (cell.value !== undefined && cell.value !== null) expect(got?.value).toBe(cell.value);
      }
      expect(s.merges).toEqual(plan.merges);
    }
  });

  test('codes are written as text, formulas never into a text cell, widths in points', async () => {
    const fake = new FakeExcel(14);
    await fake.run((ctx) => insertTemplates(ctx, [smallPlan('测试', 't1')], { requirements: fake.requirements }));
    expect(fake.cell('测试', 'A3')?.numberFormat).toBe('@');
    expect(fake.cell('测试', 'A3')?.value).toBe('2080101');
    expect(fake.cell('测试', 'B4')?.formula).toBe('=SUM(B3:B3)');
    expect(fake.cell('测试', 'B4')?.numberFormat).not.toBe('@');
    expect(fake.cell('测试', 'A2')?.format.bold).toBe(true);
    expect(fake.cell('测试', 'B3')?.format.borders.EdgeTop).toBe('Continuous');
    // 12 characters → trunc(12*7+5)=89 px → 66.75 pt
    expect(fake.sheet('测试').columnWidths.get(0)).toBeCloseTo(66.75, 2);
    expect(fake.sheet('测试').freezeRows).toBe(2);
    expect(fake.sheet('测试').pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4' });
  });

  test('a taken sheet name is a conflict: nothing is written until the clerk agrees', async () => {
    const fake = new FakeExcel(14);
    const plans = allPlans();
    const mine = fake.addSheet(plans[0].name, [['我的数据', 123]]);
    const before = fake.formatSnapshot(mine.name);
    const first = await fake.run((ctx) => insertTemplates(ctx, plans, { requirements: fake.requirements }));
    expect(first.status).toBe('conflicts');
    if (first.status !== 'conflicts') return;
    expect(first.conflicts).toEqual([
      expect.objectContaining({ tag: 't1', wanted: '表1 预算收支总表', proposed: '表1 预算收支总表(2)' }),
    ]);
    expect(fake.writes).toHaveLength(0);
    expect(fake.sheets).toHaveLength(1);

    const second = await fake.run((ctx) =>
      insertTemplates(ctx, plans, {
        requirements: fake.requirements,
        renames: { [plans[0].name]: first.conflicts[0].proposed },
      }),
    );
    expect(second.status).toBe('inserted');
    expect(fake.sheetByName('表1 预算收支总表(2)')).toBeDefined();
    expect(fake.formatSnapshot(mine.name)).toBe(before);
    const t1 = fake.names.find((n) => n.name === 'BD_TABLE_t1');
    expect(fake.sheets.find((s) => s.id === t1?.sheetId)?.name).toBe('表1 预算收支总表(2)');
  });

  test('a rename the clerk picks that is itself taken or invalid comes back as a conflict', async () => {
    const fake = new FakeExcel(14);
    fake.addSheet('甲');
    fake.addSheet('乙');
    const res = await fake.run((ctx) =>
      insertTemplates(ctx, [smallPlan('甲', 't1')], { requirements: fake.requirements, renames: { 甲: '乙' } }),
    );
    expect(res.status).toBe('conflicts');
    const bad = await fake.run((ctx) =>
      insertTemplates(ctx, [smallPlan('甲', 't1')], { requirements: fake.requirements, renames: { 甲: '表:1' } }),
    );
    expect(bad.status).toBe('conflicts');
    if (bad.status === 'conflicts') expect(bad.conflicts[0].reason).toContain('不允许的字符');
  });

  test('a second copy of a table stays untagged; the first keeps the tag', async () => {
    const fake = new FakeExcel(14);
    await fake.run((ctx) => insertTemplates(ctx, [smallPlan('表A', 't1')], { requirements: fake.requirements }));
    const res = await fake.run((ctx) =>
      insertTemplates(ctx, [smallPlan('表A', 't1')], { requirements: fake.requirements, renames: { 表A: '表A(2)' } }),
    );
    expect(res.status).toBe('inserted');
    if (res.status === 'inserted') expect(res.sheets[0].definedName).toBeUndefined();
    expect(fake.names.filter((n) => n.name === 'BD_TABLE_t1')).toHaveLength(1);
  });

  test('old hosts (ExcelApi 1.4) get the tables without freeze panes or print setup', async () => {
    const fake = new FakeExcel(4);
    const res = await fake.run((ctx) =>
      insertTemplates(ctx, [smallPlan('旧版', 't2')], { requirements: fake.requirements }),
    );
    expect(res.status === 'inserted' && res.printSetup).toBe('unsupported');
    expect(fake.syncCount).toBe(2);
    expect(fake.sheet('旧版').freezeRows).toBe(0);
  });

  test('writes bigger than the request limit are split by rows, data intact', async () => {
    const fake = new FakeExcel(14);
    const plans = allPlans();
    const t12 = plans.find((p) => p.tag === 't12') as SheetPlan;
    await fake.run((ctx) => insertTemplates(ctx, [t12], { requirements: fake.requirements, maxPayloadBytes: 20_000 }));
    expect(fake.syncCount).toBeGreaterThan(3);
    expect(fake.writes.filter((w) => w.kind === 'formulas').length).toBeGreaterThan(1);
    for (const cell of t12.cells) {
      if (cell.formula)
        expect(fake.sheet(t12.name).cells.get(`${cell.row},${cell.col}`)?.formula).toBe('=' + cell.formula);
    }
  });

  test('progress reaches the total', async () => {
    const fake = new FakeExcel(14);
    const seen: number[] = [];
    await fake.run((ctx) =>
      insertTemplates(ctx, allPlans(), { requirements: fake.requirements, onProgress: (p) => seen.push(p.done) }),
    );
    expect(Math.max(...seen)).toBe(13);
  });
});

describe('readWorkbook', () => {
  test('reads any workbook in at most 2 syncs, values and formulas at their absolute position', async () => {
    const fake = new FakeExcel(14);
    const s = fake.addSheet('别人的表');
    fake.cellFor(s, 4, 2).value = '2080101';
    fake.cellFor(s, 4, 3).value = 12.34;
    const f = fake.cellFor(s, 5, 3);
    f.formula = '=D5*2';
    f.value = 24.68;
    fake.cellFor(s, 6, 3).value = '#REF!';
    fake.cellFor(s, 6, 3).error = '#REF!';
    const wb = await fake.run((ctx) => readWorkbook(ctx, { requirements: fake.requirements }));
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    const sheet = wb.sheets[0];
    expect(sheet.name).toBe('别人的表');
    expect(sheet.tag).toBeUndefined();
    expect(sheet.rows[4]?.[2]).toEqual({ value: '2080101' });
    expect(sheet.rows[4]?.[3]).toEqual({ value: 12.34 });
    expect(sheet.rows[5]?.[3]).toEqual({ value: 24.68, formula: 'D5*2' });
    expect(sheet.rows[6]?.[3]).toEqual({ value: { error: '#REF!' } });
    expect(sheet.rows[0]).toBeUndefined();
  });

  test('sync count does not grow with the number or size of sheets', async () => {
    const fake = new FakeExcel(14);
    await fake.run((ctx) => insertTemplates(ctx, allPlans(), { requirements: fake.requirements }));
    for (let i = 0; i < 20; i++) fake.addSheet(`其他${i}`, [[1, 2, 3]]);
    const before = fake.syncCount;
    const snap = await fake.run((ctx) => readSnapshot(ctx, { requirements: fake.requirements }));
    expect(fake.syncCount - before).toBe(2);
    expect(snap.workbook.sheets).toHaveLength(33);
  });

  test('tags come from BD_* names, so a renamed sheet is still found', async () => {
    const fake = new FakeExcel(14);
    await fake.run((ctx) => insertTemplates(ctx, allPlans(), { requirements: fake.requirements }));
    fake.rename('表3 预算支出总表', '支出 总表');
    fake.addSheet('说明', [['随便']]);
    const wb = await fake.run((ctx) => readWorkbook(ctx, { requirements: fake.requirements, onlyTagged: true }));
    expect(wb.sheets).toHaveLength(13);
    expect(wb.sheets.find((s) => s.tag === 't3')?.name).toBe('支出 总表');
  });

  test('merges read where ExcelApi 1.13 exists, none before', async () => {
    const plan = smallPlan('合并', 't1');
    const modern = new FakeExcel(14);
    await modern.run((ctx) => insertTemplates(ctx, [plan], { requirements: modern.requirements }));
    const a = await modern.run((ctx) => readWorkbook(ctx, { requirements: modern.requirements }));
    expect(a.sheets[0].merges).toEqual(plan.merges);
    expect(a.sheets[0].tag).toBe('t1');

    const old = new FakeExcel(12);
    await old.run((ctx) => insertTemplates(ctx, [plan], { requirements: old.requirements }));
    const b = await old.run((ctx) => readWorkbook(ctx, { requirements: old.requirements }));
    expect(b.sheets[0].merges).toEqual([]);
  });
});
