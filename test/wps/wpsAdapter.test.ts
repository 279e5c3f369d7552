import { locateTables } from '../../src/core/locate';
import { MARK_FILL, markFormula } from '../../src/core/marks/markStyle';
import type { LocatedTable } from '../../src/core/model/disclosure';
import type { Finding } from '../../src/core/model/finding';
import type { Workbook } from '../../src/core/model/grid';
import { renderTemplates } from '../../src/core/templates/layout';
import { bgr } from '../../src/wps/et';
import { WpsWorkbookAdapter } from '../../src/wps/adapter';
import { NO_EVENTS_NOTICE, NO_MARKS_NOTICE, type LiveAnalysis } from '../../src/wps/live';
import { readWorkbookEt } from '../../src/wps/read';
import type { SheetStructure } from '../../src/wps/structure';
import { INDENTED_T12, INDENTED_T12_LEVELS } from '../fixtures/indentedT12';
import { FakeEt, type FakeEtOptions } from './fakeEt';

/** What only the WPS host has to get right: the ET model's answers, its missing features, its call counts. */
const oneFinding =
  (cell: string, severity: Finding['severity'] = 'error') =>
  (wb: Workbook): LiveAnalysis => ({
    findings: wb.sheets.some((s) => s.name === '表1')
      ? [{ rule: 'T', severity, table: 't1', sheet: '表1', cell, message: '合计不等于各项之和' }]
      : [],
    tables: [],
  });

function fakeWith(opts: FakeEtOptions = {}): FakeEt {
  const f = new FakeEt(opts);
  f.addSheet('表1', [
    ['项目', '金额'],
    ['合计', 30],
    ['甲', 10],
  ]);
  return f;
}

describe('reading the ET model', () => {
  test('a one-cell sheet (Value2 is a scalar) and an empty sheet (UsedRange is A1)', () => {
    const f = new FakeEt();
    f.addSheet('一格', [
      [null, null],
      [null, 42],
    ]);
    f.addSheet('空表');
    const wb = readWorkbookEt(f.app).workbook;
    expect(wb.sheets[0].rows[1]?.[1]).toEqual({ value: 42 });
    expect(wb.sheets[0].rows[0]).toBeUndefined();
    expect(wb.sheets[1].rows.filter(Boolean)).toEqual([]);
  });

  test.each(['text', 'code'] as const)(
    'errors arrive as %s; a typed number that looks like a code stays a number',
    (errorStyle) => {
      const f = new FakeEt({ errorStyle, emptyValue: null });
      const s = f.addSheet('表1', [[1, -2146826281]]);
      const c = f.cellFor(s, 0, 0);
      c.formula = '=1/0';
      c.error = '#DIV/0!';
      const rows = readWorkbookEt(f.app).workbook.sheets[0].rows;
      expect(rows[0]?.[0]).toEqual({ value: { error: '#DIV/0!' }, formula: '1/0' });
      expect(rows[0]?.[1]).toEqual({ value: -2146826281 });
    },
  );

  test('merged headers are found by halving, whatever a partly merged range answers', () => {
    for (const mixedMergeCells of [null, true] as const) {
      const f = new FakeEt({ mixedMergeCells });
      const s = f.addSheet('表', [['标题'], ['项目', '金额', null, '备注'], [null, '本年', '上年'], ['甲', 1, 2, 'x']]);
      s.merges = [
        { top: 0, left: 0, bottom: 0, right: 3 },
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 1, right: 2 },
        { top: 1, left: 3, bottom: 2, right: 3 },
      ];
      const merges = readWorkbookEt(f.app).workbook.sheets[0].merges;
      expect(merges).toEqual([...s.merges].sort((a, b) => a.top - b.top || a.left - b.left));
    }
  });

  test('a tall sheet of forms with a merge on every row: every merge found, at a few calls per merged row', () => {
    const f = new FakeEt();
    const s = f.addSheet(
      '目标表',
      Array.from({ length: 3000 }, (_, r) => [`指标${r}`, null, r]),
    );
    s.merges = Array.from({ length: 3000 }, (_, r) => ({ top: r, left: 0, bottom: r, right: 1 }));
    const before = f.calls;
    expect(readWorkbookEt(f.app).workbook.sheets[0].merges).toHaveLength(3000);
    // About 7 calls a merged row: the probe of the rest, the corner's area, the strip beside it.
    expect(f.calls - before).toBeLessThan(3000 * 8);
  });

  test('a sheet without merges costs one MergeCells probe, not one per cell', () => {
    const f = new FakeEt();
    f.addSheet(
      '大表',
      Array.from({ length: 500 }, (_, r) => Array.from({ length: 12 }, (_c, c) => r + c)),
    );
    const before = f.calls;
    readWorkbookEt(f.app);
    // ActiveWorkbook, Names, Count; Worksheets, Count, Item, Name; UsedRange, Row, Column, Count,
    // Value2, Formula; Range + MergeCells; Range + IndentLevel.
    expect(f.calls - before).toBe(17);
  });

  test('表12 levels shown by indent are read for the name columns, as the command line reads them', () => {
    const f = new FakeEt();
    const s = f.addSheet('项目', INDENTED_T12);
    for (const [r, level] of Object.entries(INDENTED_T12_LEVELS)) f.cellFor(s, Number(r), 0).format.indent = level;
    f.cellFor(s, 8, 0).format.indent = 3; // an indented blank cell means nothing
    f.cellFor(s, 5, 4).format.indent = 1; // right of the name columns: not read
    const wb = readWorkbookEt(f.app).workbook;
    const rows = wb.sheets[0].rows;
    expect(rows[4]?.[0]).toEqual({ value: '甲单位', indent: 1 });
    expect(rows[5]?.[0]).toEqual({ value: '项目一', indent: 2 });
    expect(rows[3]?.[0]).toEqual({ value: '某局' });
    expect(rows[8]).toBeUndefined();
    expect((locateTables(wb).tables.t12 as LocatedTable).rows.map((r) => r.kind)).toEqual([
      'total',
      'unit',
      'project',
      'project',
    ]);
  });

  test('layout is kept while the used range stays put, and read again when it moves or on request', () => {
    const f = fakeWith();
    const structure = new Map<string, SheetStructure>();
    readWorkbookEt(f.app, { structure });
    f.sheet('表1').merges.push({ top: 0, left: 0, bottom: 0, right: 1 });
    expect(readWorkbookEt(f.app, { structure }).workbook.sheets[0].merges).toEqual([]);
    expect(readWorkbookEt(f.app, { structure, rescan: true }).workbook.sheets[0].merges).toHaveLength(1);
    f.sheet('表1').merges.push({ top: 1, left: 0, bottom: 2, right: 0 });
    f.cellFor(f.sheet('表1'), 5, 0).value = '新行';
    expect(readWorkbookEt(f.app, { structure }).workbook.sheets[0].merges).toHaveLength(2);
  });

  test('a stray cell far away is refused with a message naming the sheet', () => {
    const f = fakeWith();
    f.cellFor(f.sheet('表1'), 400000, 20).value = 'x';
    expect(() => readWorkbookEt(f.app)).toThrow(/工作表“表1”的已用区域是 A1:U400001/);
  });

  test('no open workbook is a Chinese message, not a crash', async () => {
    const f = new FakeEt();
    f.noWorkbook = true;
    await expect(new WpsWorkbookAdapter({ app: f.app }).validate()).rejects.toThrow(/没有打开的工作簿/);
  });
});

describe('marks in WPS', () => {
  test('a mark is a formula rule put first, in the shared colour; the clerk’s rules of any type stay', async () => {
    const f = fakeWith();
    const s = f.sheet('表1');
    s.cfs.push({ id: -1, rect: { top: 0, left: 0, bottom: 9, right: 1 }, type: 3, formula1: '' });
    s.cfs.push({ id: -2, rect: { top: 1, left: 1, bottom: 1, right: 1 }, type: 2, formula1: '=B2>100', fill: 1 });
    const adapter = new WpsWorkbookAdapter({ app: f.app, analyze: oneFinding('B2') });
    await adapter.validate();
    expect(s.cfs[0]).toMatchObject({ type: 2, formula1: markFormula('error', 1, 1), fill: bgr(MARK_FILL.error!) });
    expect(s.cfs.slice(1).map((c) => c.id)).toEqual([-1, -2]);
    expect(bgr('#FFC7CE')).toBe(255 + 199 * 256 + 206 * 65536);
  });

  test('marks written by the Excel host are recognised: kept while wanted, removed after', async () => {
    const f = fakeWith();
    const s = f.sheet('表1');
    // What Office.js leaves in the file: the same formula on the same cell.
    s.cfs.push({
      id: -5,
      rect: { top: 1, left: 1, bottom: 1, right: 1 },
      type: 2,
      formula1: markFormula('error', 1, 1),
    });
    s.cfs.push({
      id: -6,
      rect: { top: 2, left: 1, bottom: 2, right: 1 },
      type: 2,
      formula1: markFormula('warning', 2, 1),
    });
    let wanted = true;
    const adapter = new WpsWorkbookAdapter({
      app: f.app,
      analyze: (wb) => (wanted ? oneFinding('B2')(wb) : { findings: [], tables: [] }),
    });
    const r = await adapter.live.validateNow();
    expect([r.marksAdded, r.marksRemoved]).toEqual([0, 1]);
    expect(s.cfs.map((c) => c.id)).toEqual([-5]);
    wanted = false;
    await adapter.live.validateNow();
    expect(s.cfs).toEqual([]);
  });

  test('without SetFirstPriority marks are still written', async () => {
    const f = fakeWith({ setFirstPriority: false });
    await new WpsWorkbookAdapter({ app: f.app, analyze: oneFinding('B3') }).validate();
    expect(f.sheet('表1').cfs.map((c) => c.formula1)).toEqual([markFormula('error', 2, 1)]);
  });

  test('a WPS without conditional formats lists the findings and says why nothing is marked', async () => {
    const f = fakeWith({ conditionalFormats: false });
    const adapter = new WpsWorkbookAdapter({ app: f.app, analyze: oneFinding('B2') });
    const s = await adapter.validate();
    expect(s.findings).toHaveLength(1);
    expect(s.notice).toBe(NO_MARKS_NOTICE);
    expect(s.notice).toMatch(/条件格式/);
    const again = await adapter.validate();
    expect(again.findings).toHaveLength(1);
  });

  test('a steady pass costs the same calls for a 1-unit and a 30-unit 部门 template', async () => {
    const cost = async (units: number): Promise<number> => {
      const f = new FakeEt();
      const adapter = new WpsWorkbookAdapter({ app: f.app });
      const params = {
        year: 2026,
        unit: '测试部门',
        level: '部门' as const,
        units: Array.from({ length: units }, (_, i) => `单位${i + 1}`),
      };
      await adapter.insertTemplates({ params });
      await adapter.live.idle();
      await adapter.validate();
      const t3 = f.sheets.find((x) => x.name.startsWith('表3'))!.name;
      await f.edit(t3, 'C7', 123.45);
      const before = f.calls;
      await adapter.live.validateNow();
      return f.calls - before;
    };
    const one = await cost(1);
    expect(one).toBeGreaterThan(100);
    expect(await cost(30)).toBe(one);
  });
});

describe('live validation in WPS', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('a WPS without ApiEvent: no live checks, a notice that says what is missing, 全部校验 works', async () => {
    const f = fakeWith({ events: false });
    const adapter = new WpsWorkbookAdapter({ app: f.app, analyze: oneFinding('B2') });
    const heard: (string | undefined)[] = [];
    adapter.onFindingsChanged((s) => heard.push(s.notice));
    await adapter.start();
    expect(adapter.capabilities.liveValidation).toBe(false);
    expect(heard).toEqual([NO_EVENTS_NOTICE]);
    expect(NO_EVENTS_NOTICE).toMatch(/SheetChange/);
    expect((await adapter.validate()).findings).toHaveLength(1);
  });

  test('an ApiEvent that refuses the listeners is the same as none', async () => {
    const f = fakeWith();
    f.app.ApiEvent!.AddApiEventListener = () => {
      throw new Error('not supported');
    };
    const adapter = new WpsWorkbookAdapter({ app: f.app, analyze: oneFinding('B2') });
    await adapter.start();
    expect(adapter.capabilities.liveValidation).toBe(false);
    expect((await adapter.validate()).notice).toBe(NO_EVENTS_NOTICE);
  });

  test('while new sheets settle, a late event on them is ignored but an edit elsewhere counts at once', async () => {
    const f = fakeWith({ enableEvents: false, ownWriteEvents: 'async' });
    const adapter = new WpsWorkbookAdapter({ app: f.app, analyze: oneFinding('B2') });
    await adapter.start();
    const passes = adapter.live.passes;
    const [plan] = renderTemplates({ year: 2026, unit: '某单位', level: '单位' });
    await adapter.insertTemplates({ params: { year: 2026, unit: '某单位', level: '单位' } });
    await f.flushEvents();
    await jest.advanceTimersByTimeAsync(500);
    await adapter.live.idle();
    expect(adapter.live.passes).toBe(passes + 1); // the pass after inserting, none from its events
    await f.edit(plan.name, 'B8', 5); // within the grace window, on a new sheet: taken as ours
    await f.edit('表1', 'B3', 11); // on the clerk's sheet: counts
    await jest.advanceTimersByTimeAsync(500);
    await adapter.live.idle();
    expect(adapter.live.passes).toBe(passes + 2);
  });

  test('stop removes every listener', async () => {
    const f = fakeWith();
    const adapter = new WpsWorkbookAdapter({ app: f.app, analyze: oneFinding('B2') });
    await adapter.start();
    expect(f.listenerCount()).toBe(3);
    adapter.stop();
    expect(f.listenerCount()).toBe(0);
  });
});

describe('inserting in WPS', () => {
  test('codes stay text, widths are in characters, print setup and frozen headers are applied', async () => {
    const f = new FakeEt();
    const params = { year: 2026, unit: '某单位', level: '单位' as const };
    const out = await new WpsWorkbookAdapter({ app: f.app }).insertTemplates({ params });
    expect(out).toMatchObject({ status: 'inserted', notes: [] });
    const plans = renderTemplates(params);
    const t3 = plans.find((p) => p.tag === 't3')!;
    const s = f.sheet(t3.name);
    const code = t3.cells.find((c) => c.style === 'code' && typeof c.value === 'string' && /^\d+$/.test(c.value))!;
    expect(s.cells.get(`${code.row},${code.col}`)?.value).toBe(code.value);
    t3.columnWidths.forEach((w, c) => expect(s.colWidths.get(c)).toBe(w));
    expect(s.pageSetup).toMatchObject({ PaperSize: 9, FitToPagesWide: 1, Zoom: false });
    expect(s.freeze).toEqual({ row: t3.freezeRows ?? 0, col: 0, frozen: (t3.freezeRows ?? 0) > 0 });
    expect(s.merges).toHaveLength(t3.merges.length);
    expect(f.activeSheet?.name).toBe(plans[0].name);
    // Events and screen updating are back on after the write.
    expect([f.enableEvents, f.screenUpdating]).toEqual([true, true]);
  });
});
