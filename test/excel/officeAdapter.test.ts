import { analyzeWorkbook } from '../../src/core/check';
import { projectsFromDisclosure } from '../../src/core/forms/projects';
import { renderTemplates } from '../../src/core/templates/layout';
import { buildSeedWorkbook, SEED_IDS } from '../fixtures/seeds';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { readWorkbook } from '../../src/excel/readWorkbook';
import { FakeExcel, rectAddr } from './fakeExcel';

const PARAMS = { year: 2026, unit: '大同市就业创业服务中心', level: '单位' as const };

function adapterOn(fake: FakeExcel, extra: Partial<ConstructorParameters<typeof OfficeWorkbookAdapter>[0]> = {}) {
  return new OfficeWorkbookAdapter({ run: fake.run, requirements: fake.requirements, ...extra });
}

describe('OfficeWorkbookAdapter over the fake', () => {
  test('inserts all 13 tables, then the real engine validates the workbook it reads back', async () => {
    const fake = new FakeExcel(14);
    const adapter = adapterOn(fake);
    const out = await adapter.insertTemplates({ params: PARAMS });
    expect(out.status).toBe('inserted');
    if (out.status === 'inserted')
      expect(out.sheets.map((s) => s.name)).toEqual(renderTemplates(PARAMS).map((p) => p.name));
    await adapter.live.idle();
    const summary = await adapter.validate();
    // Every table of the template is found again from the written workbook.
    expect([...summary.tables].sort()).toEqual(
      ['t1', 't10', 't11', 't12', 't13', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'].sort(),
    );
    for (const f of summary.findings) expect(typeof f.message).toBe('string');
  });

  test('listeners hear every pass, requested or live', async () => {
    jest.useFakeTimers();
    try {
      const fake = new FakeExcel(14);
      fake.loadWorkbook(buildSeedWorkbook('000', 'published'));
      const adapter = adapterOn(fake);
      const heard: number[] = [];
      const off = adapter.onFindingsChanged((s) => heard.push(s.tables.length));
      await adapter.start(); // subscribes and runs the first pass
      expect(heard).toHaveLength(1);
      expect(heard[0]).toBe(13);
      // Seed 000's real defects are marked: one conditional format per involved cell.
      const expected = new Set<string>();
      for (const f of analyzeWorkbook(buildSeedWorkbook('000', 'published')).findings) {
        if (f.severity === 'info') continue;
        for (const c of [...(f.sheet && f.cell ? [{ sheet: f.sheet, cell: f.cell }] : []), ...(f.cells ?? [])])
          expected.add(`${c.sheet}!${c.cell.replace(/\$/g, '')}`);
      }
      const marked = fake.sheets.flatMap((s) => s.cfs.map((cf) => `${s.name}!${rectAddr(cf.rect)}`));
      expect(new Set(marked)).toEqual(expected);
      expect(marked.length).toBe(expected.size);
      const t3 = fake.sheets.find((s) => s.name.includes('表3'))?.name ?? fake.sheets[2].name;
      await fake.edit(t3, 'C8', 99999);
      await jest.advanceTimersByTimeAsync(500);
      await adapter.live.idle();
      expect(heard).toHaveLength(2);
      off();
      await adapter.validate();
      expect(heard).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  test('a live pass that fails reaches the pane as a Chinese message', async () => {
    jest.useFakeTimers();
    try {
      const fake = new FakeExcel(14);
      fake.addSheet('表1', [
        ['项目', '金额'],
        ['合计', 1],
      ]);
      const adapter = adapterOn(fake);
      const errors: string[] = [];
      adapter.onLiveError((m) => errors.push(m));
      await adapter.start();
      expect(errors).toEqual([]);
      // The clerk pastes a huge text block; Excel on the web refuses a response that big.
      fake.payloadLimit = 2000;
      await fake.edit('表1', 'A3', '很长的说明文字'.repeat(400));
      await jest.advanceTimersByTimeAsync(500);
      await adapter.live.idle();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/工作簿太大/);
    } finally {
      jest.useRealTimers();
    }
  });

  test.each([4, 6])(
    'ExcelApi 1.%i (no live checks): 全部校验 still reads the workbook and finds its real defects',
    async (api) => {
      const wb = buildSeedWorkbook('000', 'published');
      const fake = new FakeExcel(api);
      fake.loadWorkbook(wb);
      const adapter = adapterOn(fake);
      expect(adapter.capabilities.liveValidation).toBe(false);
      await adapter.start(); // nothing to subscribe to: no pass, no error
      const summary = await adapter.validate();
      const direct = analyzeWorkbook(wb);
      expect(summary.tables.sort()).toEqual(Object.keys(direct.disclosure.tables).sort());
      expect(summary.tables).toHaveLength(13);
      // Seed 000's published mistakes (2210202 租房补贴/提租补贴 …) come back through the fake.
      expect(summary.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual(
        direct.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`),
      );
      expect(summary.findings.some((f) => f.severity === 'error')).toBe(true);
      expect(fake.sheets.every((s) => s.cfs.length === 0)).toBe(api < 6);
    },
  );

  test('conflict then the clerk’s name', async () => {
    const fake = new FakeExcel(14);
    fake.addSheet('表5 一般公共预算支出表', [['别动']]);
    const adapter = adapterOn(fake);
    const first = await adapter.insertTemplates({ params: PARAMS });
    expect(first.status).toBe('conflicts');
    expect(fake.sheets).toHaveLength(1);
    const second = await adapter.insertTemplates({
      params: PARAMS,
      renames: { '表5 一般公共预算支出表': '表5 一般公共预算支出表(新)' },
    });
    expect(second.status).toBe('inserted');
    expect(fake.cell('表5 一般公共预算支出表', 'A1')?.value).toBe('别动');
  });

  test('bad parameters are a clear Chinese error', async () => {
    const fake = new FakeExcel(14);
    await expect(adapterOn(fake).insertTemplates({ params: { ...PARAMS, unit: '' } })).rejects.toThrow(
      /单位名称不能为空/,
    );
  });

  test('selectCell activates the sheet and selects the cell; a missing sheet says so', async () => {
    const fake = new FakeExcel(14);
    fake.addSheet('表3 预算支出总表', [[1]]);
    const adapter = adapterOn(fake);
    await adapter.selectCell('表3 预算支出总表', 'D7');
    expect(fake.selection).toEqual({ sheet: '表3 预算支出总表', address: 'D7' });
    expect(fake.activeSheetId).toBe(fake.sheet('表3 预算支出总表').id);
    await expect(adapter.selectCell('不存在', 'A1')).rejects.toThrow(/找不到工作表“不存在”/);
  });

  test('a clerk’s seed workbook reads back into the same analysis as the grid it came from', async () => {
    for (const seed of SEED_IDS) {
      const wb = buildSeedWorkbook(seed, 'published');
      const fake = new FakeExcel(14);
      fake.loadWorkbook(wb);
      const read = await fake.run((ctx) => readWorkbook(ctx, { requirements: fake.requirements }));
      const direct = analyzeWorkbook(wb);
      const viaExcel = analyzeWorkbook(read);
      expect(Object.keys(viaExcel.disclosure.tables).sort()).toEqual(Object.keys(direct.disclosure.tables).sort());
      expect(viaExcel.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual(
        direct.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`),
      );
    }
  });

  test('buildForms makes one form per 表12 project, and never a second one for the same project', async () => {
    const wb = buildSeedWorkbook('003', 'published');
    const projects = projectsFromDisclosure(analyzeWorkbook(wb).disclosure).length;
    expect(projects).toBeGreaterThan(0);
    const fake = new FakeExcel(14);
    fake.loadWorkbook(wb);
    const adapter = adapterOn(fake);
    const out = await adapter.buildForms();
    expect(out.status).toBe('inserted');
    if (out.status === 'inserted') expect(out.sheets).toHaveLength(projects);
    expect(fake.names.filter((n) => n.name.startsWith('BD_FORM_'))).toHaveLength(projects);
    const again = await adapter.buildForms();
    expect(again.status).toBe('unavailable');
    if (again.status === 'unavailable') expect(again.message).toContain('已有绩效目标表');
  });

  test('buildForms on a workbook without projects says so', async () => {
    const fake = new FakeExcel(14);
    fake.addSheet('Sheet1', [['随便']]);
    const out = await adapterOn(fake).buildForms();
    expect(out.status).toBe('unavailable');
  });

  test('an injected planner is used', async () => {
    const fake = new FakeExcel(14);
    const withPlanner = adapterOn(fake, {
      planForms: () => ({
        projects: 1,
        skipped: 0,
        plans: [
          {
            name: '绩效目标表-甲项目',
            tag: 'form:甲项目',
            cells: [{ row: 0, col: 0, value: '项目支出绩效目标表', style: 'formTitle' }],
            merges: [],
            columnWidths: [10],
            print: { paper: 'A4', orientation: 'portrait', fitToWidth: true },
          },
        ],
      }),
    });
    const out = await withPlanner.buildForms();
    expect(out.status).toBe('inserted');
    const wb = await fake.run((ctx) => readWorkbook(ctx, { requirements: fake.requirements }));
    expect(wb.sheets.find((s) => s.name === '绩效目标表-甲项目')?.tag).toBe('form:甲项目');
  });
});
