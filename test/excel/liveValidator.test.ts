import type { Finding } from '../../src/core/model/finding';
import { valueAt, type Workbook } from '../../src/core/model/grid';
import type { SheetPlan } from '../../src/core/templates/plan';
import { insertTemplates } from '../../src/excel/insertTemplates';
import { LiveValidator, wantedMarks, type LiveAnalysis } from '../../src/excel/live/LiveValidator';
import { MARK_FILL, parseMarkFormula } from '../../src/core/marks/markStyle';
import { FakeExcel } from './fakeExcel';

/**
 * A stand-in rule independent of the engine: on sheet 表1, B2 must equal B3 + B4 (error),
 * and C2 must equal C3 + C4 within 0.01 (rounding when off by ≤ 0.01).
 */
function stubAnalyze(wb: Workbook): LiveAnalysis {
  const findings: Finding[] = [];
  const s = wb.sheets.find((x) => x.name === '表1');
  const n = (r: number, c: number): number => Number(s ? (valueAt(s, r, c) ?? 0) : 0);
  if (s) {
    if (n(1, 1) !== n(2, 1) + n(3, 1))
      findings.push({
        rule: 'T1',
        severity: 'error',
        table: 't1',
        sheet: '表1',
        cell: 'B2',
        cells: [
          { sheet: '表1', cell: 'B2' },
          { sheet: '表1', cell: 'B3' },
        ],
        message: '合计不等于各项之和',
      });
    const d = Math.abs(n(1, 2) - (n(2, 2) + n(3, 2)));
    if (d > 0 && d <= 0.0100001)
      findings.push({ rule: 'T2', severity: 'rounding', table: 't1', sheet: '表1', cell: 'C2', message: '尾差' });
  }
  return { findings, tables: s ? ['t1'] : [] };
}

function setup(apiVersion = 14) {
  const fake = new FakeExcel(apiVersion);
  const sheet = fake.addSheet('表1', [
    ['项目', '金额', '金额2'],
    ['合计', 30, 3],
    ['甲', 10, 1],
    ['乙', 20, 2],
  ]);
  // The clerk's own look, which marks must never disturb.
  const b2 = fake.cellFor(sheet, 1, 1);
  b2.format.fill = '#00B050';
  b2.format.bold = true;
  b2.numberFormat = '0.00';
  sheet.cfs.push({
    id: 'clerk-cf',
    rect: { top: 1, left: 1, bottom: 3, right: 1 },
    type: 'CellValue',
    formula: '>100',
    fill: '#FF0000',
    fontColor: '',
  });
  let passes = 0;
  const v = new LiveValidator({
    run: fake.run,
    requirements: fake.requirements,
    analyze: stubAnalyze,
    onPass: () => passes++,
  });
  return { fake, sheet, v, passes: () => passes };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

async function settle(v: LiveValidator): Promise<void> {
  await jest.advanceTimersByTimeAsync(500);
  await v.idle();
}

describe('LiveValidator', () => {
  test('an edit leads to one pass that marks the finding cells with a conditional format only', async () => {
    const { fake, v } = setup();
    expect(await v.start()).toBe(true);
    const before = fake.formatSnapshot('表1');
    await fake.edit('表1', 'B3', 11);
    expect(v.passes).toBe(0); // debounced
    await settle(v);
    expect(v.passes).toBe(1);
    const ours = fake.sheet('表1').cfs.filter((c) => c.id !== 'clerk-cf');
    // Each mark names its own cell and severity in its formula (how later passes recognise it).
    expect(ours.map((c) => [parseMarkFormula(c.formula), c.fill])).toEqual([
      [{ address: 'B2', severity: 'error' }, MARK_FILL.error],
      [{ address: 'B3', severity: 'error' }, MARK_FILL.error],
    ]);
    expect(ours.every((c) => c.type === 'Custom' && /ROW\(\)=\d+,COLUMN\(\)=2/.test(c.formula))).toBe(true);
    expect(ours.map((c) => `${c.rect.top},${c.rect.left}`).sort()).toEqual(['1,1', '2,1']);
    // Values and the clerk's own formats are untouched by marking.
    const afterEdit = JSON.parse(before);
    const now = JSON.parse(fake.formatSnapshot('表1'));
    expect(now.cells.find((c: unknown[]) => c[0] === '1,1')).toEqual(
      afterEdit.cells.find((c: unknown[]) => c[0] === '1,1'),
    );
  });

  test('fixing the value removes the marks and the sheet looks exactly as before', async () => {
    const { fake, v } = setup();
    await v.start();
    const formatsBefore = fake.formatSnapshot('表1');
    const cfsBefore = JSON.stringify(fake.sheet('表1').cfs);
    await fake.edit('表1', 'B3', 11);
    await settle(v);
    expect(fake.sheet('表1').cfs.length).toBe(3);
    await fake.edit('表1', 'B3', 10);
    await settle(v);
    expect(fake.formatSnapshot('表1')).toBe(formatsBefore);
    expect(JSON.stringify(fake.sheet('表1').cfs)).toBe(cfsBefore);
    expect(v.markedCells().size).toBe(0);
  });

  test('a change of severity swaps the mark colour', async () => {
    const { fake, v } = setup();
    await v.start();
    await fake.edit('表1', 'C3', 1.01);
    await settle(v);
    expect(fake.sheet('表1').cfs.find((c) => c.rect.left === 2)?.fill).toBe(MARK_FILL.rounding);
    await fake.edit('表1', 'C3', 1);
    await settle(v);
    expect(fake.sheet('表1').cfs.some((c) => c.rect.left === 2)).toBe(false);
  });

  test('a burst of 50 edits is one pass', async () => {
    const { fake, v, passes } = setup();
    await v.start();
    for (let i = 0; i < 50; i++) {
      await fake.edit('表1', 'B3', 100 + i);
      await jest.advanceTimersByTimeAsync(50);
    }
    await settle(v);
    expect(v.passes).toBe(1);
    expect(passes()).toBe(1);
  });

  test('edits during a running pass give exactly one more pass', async () => {
    const { fake, v } = setup();
    await v.start();
    const first = v.validateNow();
    await fake.edit('表1', 'B3', 5);
    await first;
    await settle(v);
    expect(v.passes).toBe(2);
  });

  const plan: SheetPlan = {
    name: '新表',
    tag: 't2',
    cells: [{ row: 0, col: 0, value: '预算公开表2', style: 'label' }],
    merges: [],
    columnWidths: [10],
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: true },
  };

  test.each([14, 9, 7])('the add-in’s own writes do not start a pass (ExcelApi 1.%i)', async (api) => {
    const { fake, v } = setup(api);
    await v.start();
    await v.asOwnWrite(() => fake.run((ctx) => insertTemplates(ctx, [plan], { requirements: fake.requirements })));
    await fake.flushEvents();
    await settle(v);
    expect(v.passes).toBe(0);
    if (api >= 9) {
      // The clerk's edit afterwards still counts.
      await jest.advanceTimersByTimeAsync(2000);
      await fake.edit('表1', 'B3', 9);
      await settle(v);
      expect(v.passes).toBe(1);
    }
  });

  test('activating a sheet re-validates', async () => {
    const { fake, v } = setup();
    await v.start();
    await fake.activate('表1');
    await settle(v);
    expect(v.passes).toBe(1);
  });

  test('a steady pass costs at most 2 syncs; one with no mark change costs 1', async () => {
    const { fake, v } = setup();
    await v.start();
    await v.validateNow(); // learns the sheets
    let before = fake.syncCount;
    await fake.edit('表1', 'B3', 11);
    await settle(v);
    expect(fake.syncCount - before).toBe(2);
    before = fake.syncCount;
    const r = await v.validateNow();
    expect(fake.syncCount - before).toBe(1);
    expect(r.syncs).toBe(1);
  });

  test('after start, even the first pass costs at most 2 syncs (one read, one mark write)', async () => {
    const { fake, v } = setup();
    await v.start();
    const before = fake.syncCount;
    await fake.edit('表1', 'B3', 11);
    await settle(v);
    expect(v.passes).toBe(1);
    expect(fake.syncCount - before).toBe(2);
    expect(v.markedCells().size).toBe(2);
  });

  test('a sheet the clerk adds is read in the pass it triggers, without an extra sync', async () => {
    const { fake } = setup();
    const seen: string[][] = [];
    const live = new LiveValidator({
      run: fake.run,
      requirements: fake.requirements,
      analyze: (wb) => {
        seen.push(wb.sheets.map((s) => s.name));
        return { findings: [], tables: [] };
      },
    });
    await live.start();
    await live.validateNow();
    const before = fake.syncCount;
    fake.addSheet('新加的表', [['项目', 1]]);
    await fake.flushEvents();
    await settle(live);
    expect(live.passes).toBe(2);
    expect(seen[1]).toEqual(['表1', '新加的表']);
    expect(fake.syncCount - before).toBe(1);
  });

  test('on hosts with per-sheet events only (1.7/1.8), edits on a sheet added later are seen too', async () => {
    const { fake, v } = setup(8);
    await v.start();
    fake.addSheet('新加的表', [['项目', 1]]);
    await fake.flushEvents();
    await settle(v);
    const passes = v.passes;
    await fake.edit('新加的表', 'B1', 2);
    await settle(v);
    expect(v.passes).toBe(passes + 1);
  });

  test('a sheet the clerk deletes is dropped before the next read: no failed sync, no retry', async () => {
    const { fake, v } = setup();
    fake.addSheet('临时', [[1]]);
    await v.start();
    await v.validateNow();
    const before = fake.syncCount;
    await fake.deleteSheet('临时');
    await settle(v);
    expect(v.passes).toBe(2);
    expect(fake.syncCount - before).toBe(1);
  });

  test('a pane opened again on the same workbook recognises the marks of the earlier session', async () => {
    const { fake, v } = setup();
    await v.start();
    await fake.edit('表1', 'B3', 11);
    await settle(v);
    expect(fake.sheet('表1').cfs).toHaveLength(3);
    v.stop();
    // The task pane is closed and reopened: a new validator without any memory of the marks.
    const again = new LiveValidator({ run: fake.run, requirements: fake.requirements, analyze: stubAnalyze });
    await again.start();
    const same = await again.validateNow();
    expect(same.marksAdded + same.marksRemoved).toBe(0); // still right: kept, not duplicated
    expect(fake.sheet('表1').cfs).toHaveLength(3);
    await fake.edit('表1', 'B3', 10);
    await settle(again);
    expect(fake.sheet('表1').cfs.map((c) => c.id)).toEqual(['clerk-cf']);
  });

  test('the clerk’s own conditional formats of any type are never touched, even a Custom one', async () => {
    const { fake, v } = setup();
    const s = fake.sheet('表1');
    s.cfs.push({
      id: 'clerk-custom',
      rect: { top: 1, left: 1, bottom: 1, right: 1 },
      type: 'Custom',
      formula: '=B2>100',
      fill: '#00FF00',
      fontColor: '',
    });
    await v.start();
    await fake.edit('表1', 'B3', 11);
    await settle(v);
    await fake.edit('表1', 'B3', 10);
    await settle(v);
    expect(s.cfs.map((c) => c.id)).toEqual(['clerk-cf', 'clerk-custom']);
  });

  test('when Excel cannot read the conditional formats, findings are still listed, without marks', async () => {
    const { fake } = setup();
    const notices: (string | undefined)[] = [];
    const v = new LiveValidator({
      run: fake.run,
      requirements: fake.requirements,
      analyze: stubAnalyze,
      onPass: (r) => notices.push(r.notice),
    });
    await v.start();
    fake.failConditionalFormatReads = true;
    await fake.edit('表1', 'B3', 11);
    await settle(v);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/条件格式/);
    const r = await v.validateNow();
    expect(r.findings.map((f) => f.rule)).toEqual(['T1']);
    expect(r.notice).toBeUndefined(); // said once, on the pass that switched marks off
    expect(fake.sheet('表1').cfs.map((c) => c.id)).toEqual(['clerk-cf']);
  });

  test('a mark the clerk deleted by hand does not break the next pass', async () => {
    const { fake, v } = setup();
    await v.start();
    await fake.edit('表1', 'B3', 11);
    await settle(v);
    fake.sheet('表1').cfs = fake.sheet('表1').cfs.filter((c) => c.id === 'clerk-cf');
    await fake.edit('表1', 'B3', 10);
    await settle(v);
    expect(v.markedCells().size).toBe(0);
    expect(fake.sheet('表1').cfs.map((c) => c.id)).toEqual(['clerk-cf']);
  });

  test('a mark moved by an inserted row is still removed when the finding clears', async () => {
    const { fake, v } = setup();
    await v.start();
    await fake.edit('表1', 'B3', 11);
    await settle(v);
    for (const cf of fake.sheet('表1').cfs)
      if (cf.id !== 'clerk-cf') cf.rect = { ...cf.rect, top: cf.rect.top + 5, bottom: cf.rect.bottom + 5 };
    await fake.edit('表1', 'B3', 10);
    await settle(v);
    expect(fake.sheet('表1').cfs.map((c) => c.id)).toEqual(['clerk-cf']);
  });

  test('a deleted sheet is forgotten and the pass still succeeds', async () => {
    const { fake, v } = setup();
    fake.addSheet('临时', [[1]]);
    await v.start();
    await v.validateNow();
    fake.sheets = fake.sheets.filter((s) => s.name !== '临时');
    const r = await v.validateNow();
    expect(r.tables).toEqual(['t1']);
  });

  test('hosts without change events (ExcelApi < 1.7) get no live checks but 全部校验 works', async () => {
    const { v } = setup(6);
    expect(await v.start()).toBe(false);
    const r = await v.validateNow();
    expect(r.findings).toHaveLength(0);
  });
});

describe('wantedMarks', () => {
  const ids = { 表1: 'S1', 表2: 'S2' };
  const finding = (severity: Finding['severity'], cell: string, sheet = '表1'): Finding => ({
    rule: 'T',
    severity,
    table: 't1',
    sheet,
    cell,
    message: 'x',
  });

  test('one mark per cell with the worst severity touching it; info and unknown sheets unmarked', () => {
    const m = wantedMarks(
      [
        finding('rounding', 'B2'),
        finding('error', 'b2'),
        finding('info', 'C3'),
        finding('error', 'A1', '别的表'),
        { ...finding('warning', 'D4'), cells: [{ sheet: '表2', cell: 'E5' }] },
      ],
      ids,
    );
    expect([...m.get('S1')!]).toEqual([
      ['B2', 'error'],
      ['D4', 'warning'],
    ]);
    expect([...m.get('S2')!]).toEqual([['E5', 'warning']]);
    expect(m.has('别的表')).toBe(false);
  });

  test('a flood of findings marks at most the cap, errors first', () => {
    const findings: Finding[] = [];
    for (let r = 1; r <= 30; r++) findings.push(finding('warning', `A${r}`));
    for (let r = 1; r <= 20; r++) findings.push(finding('error', `B${r}`));
    const m = wantedMarks(findings, ids, 25);
    const all = [...m.get('S1')!];
    expect(all).toHaveLength(25);
    expect(all.filter(([, s]) => s === 'error')).toHaveLength(20);
    expect(all.filter(([, s]) => s === 'warning').map(([a]) => a)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
  });
});
