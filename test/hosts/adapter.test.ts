import { analyzeWorkbook } from '../../src/core/check';
import { projectsFromDisclosure } from '../../src/core/forms/projects';
import { MARK_FILL } from '../../src/core/marks/markStyle';
import type { Finding } from '../../src/core/model/finding';
import { valueAt, type Workbook } from '../../src/core/model/grid';
import { renderTemplates } from '../../src/core/templates/layout';
import type { LiveAnalysis } from '../../src/wps/live';
import { buildSeedWorkbook, SEED_IDS } from '../fixtures/seeds';
import { allDrivers, type HostDriver } from './drivers';

/**
 * The behaviour both hosts promise the pane, run against each: the Excel add-in over the
 * Office.js fake and the WPS 加载项 over the ET fake — also with the answers the WPS documents
 * leave open (empty cells as null, errors as codes, own writes raising events at once, no
 * Application.EnableEvents). A behaviour one host loses fails here, named by host.
 */
const DRIVERS: HostDriver[] = allDrivers();

const PARAMS = { year: 2026, unit: '大同市就业创业服务中心', level: '单位' as const };
const ALL_TABLES = ['t1', 't10', 't11', 't12', 't13', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'];

/**
 * A stand-in rule independent of the engine: on sheet 表1, B2 must equal B3 + B4 (error, marking
 * B2 and B3), and C2 must equal C3 + C4 within 0.01 (尾差 when off by at most 0.01).
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
        cells: [{ sheet: '表1', cell: 'B3' }],
        message: '合计不等于各项之和',
      });
    const d = Math.abs(n(1, 2) - (n(2, 2) + n(3, 2)));
    if (d > 0 && d <= 0.0100001)
      findings.push({ rule: 'T2', severity: 'rounding', table: 't1', sheet: '表1', cell: 'C2', message: '尾差' });
  }
  return { findings, tables: s ? ['t1'] : [] };
}

const TABLE1: (string | number | null)[][] = [
  ['项目', '金额', '金额2'],
  ['合计', 30, 3],
  ['甲', 10, 1],
  ['乙', 20, 2],
];

function expectedMarks(wb: Workbook): Map<string, string> {
  const rank: Record<string, number> = { error: 3, warning: 2, rounding: 1 };
  const out = new Map<string, string>();
  for (const f of analyzeWorkbook(wb).findings) {
    if (f.severity === 'info') continue;
    for (const c of [...(f.sheet && f.cell ? [{ sheet: f.sheet, cell: f.cell }] : []), ...(f.cells ?? [])]) {
      const key = `${c.sheet}!${c.cell.replace(/\$/g, '').toUpperCase()}`;
      const had = out.get(key);
      if (!had || rank[f.severity] > rank[had]) out.set(key, f.severity);
    }
  }
  return out;
}

describe.each(DRIVERS)('$name', (driver) => {
  describe('insert', () => {
    test('the 13 tables go in as new sheets, tagged, and the engine finds each of them again', async () => {
      const h = driver.session();
      h.addSheet('Sheet1', [['clerk', 1]]);
      const out = await h.adapter.insertTemplates({ params: PARAMS });
      expect(out.status).toBe('inserted');
      const names = renderTemplates(PARAMS).map((p) => p.name);
      if (out.status === 'inserted') expect(out.sheets.map((s) => s.name)).toEqual(names);
      expect(h.sheetNames()).toEqual(['Sheet1', ...names]);
      expect(h.tagNames().sort()).toEqual(ALL_TABLES.map((t) => `BD_TABLE_${t}`).sort());
      expect(h.value('Sheet1', 'A1')).toBe('clerk');
      await h.idle();
      const summary = await h.adapter.validate();
      expect([...summary.tables].sort()).toEqual(ALL_TABLES);
    });

    test('a taken name is a conflict: nothing is written until the clerk chooses a name', async () => {
      const h = driver.session();
      h.addSheet('表5 一般公共预算支出表', [['别动']]);
      const first = await h.adapter.insertTemplates({ params: PARAMS });
      expect(first.status).toBe('conflicts');
      if (first.status === 'conflicts') {
        expect(first.conflicts.map((c) => c.wanted)).toEqual(['表5 一般公共预算支出表']);
        expect(first.conflicts[0].proposed).toBe('表5 一般公共预算支出表(2)');
      }
      expect(h.sheetNames()).toEqual(['表5 一般公共预算支出表']);
      const second = await h.adapter.insertTemplates({
        params: PARAMS,
        renames: { '表5 一般公共预算支出表': '表5 一般公共预算支出表(新)' },
      });
      expect(second.status).toBe('inserted');
      expect(h.sheetNames()).toContain('表5 一般公共预算支出表(新)');
      expect(h.value('表5 一般公共预算支出表', 'A1')).toBe('别动');
    });

    test('a second copy of the tables is inserted untagged and said so', async () => {
      const h = driver.session();
      await h.adapter.insertTemplates({ params: PARAMS });
      const renames = Object.fromEntries(renderTemplates(PARAMS).map((p) => [p.name, `${p.name.slice(0, 25)}-二`]));
      const again = await h.adapter.insertTemplates({ params: PARAMS, renames });
      expect(again.status).toBe('inserted');
      if (again.status === 'inserted') expect(again.notes.join()).toMatch(/与已有的表重复/);
      expect(h.tagNames()).toHaveLength(13);
    });

    test('bad parameters are a clear Chinese error', async () => {
      const h = driver.session();
      await expect(h.adapter.insertTemplates({ params: { ...PARAMS, unit: '' } })).rejects.toThrow(/单位名称不能为空/);
      expect(h.sheetNames()).toEqual([]);
    });
  });

  describe('validate', () => {
    test.each(SEED_IDS)('seed %s reads back into the same analysis as the grid it came from', async (seed) => {
      const wb = buildSeedWorkbook(seed, 'published');
      const h = driver.session();
      h.load(wb);
      const direct = analyzeWorkbook(wb);
      const viaHost = analyzeWorkbook(await h.read());
      expect(Object.keys(viaHost.disclosure.tables).sort()).toEqual(Object.keys(direct.disclosure.tables).sort());
      expect(viaHost.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual(
        direct.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`),
      );
      const summary = await h.adapter.validate();
      expect(summary.findings.map((f) => f.message)).toEqual(direct.findings.map((f) => f.message));
    });

    test('selectCell activates the sheet and selects the cell; a missing sheet says so', async () => {
      const h = driver.session();
      h.addSheet('表3 预算支出总表', [[1]]);
      h.addSheet('另一张', [[1]]);
      await h.adapter.selectCell('表3 预算支出总表', 'D7');
      expect(h.selection()).toEqual({ sheet: '表3 预算支出总表', address: 'D7' });
      await expect(h.adapter.selectCell('不存在', 'A1')).rejects.toThrow(/找不到工作表“不存在”/);
    });
  });

  describe('marks', () => {
    test('the first pass marks every cell of seed 000’s real defects, once, with the worst severity', async () => {
      const wb = buildSeedWorkbook('000', 'published');
      const h = driver.session();
      h.load(wb);
      await h.start();
      await h.idle();
      const expected = expectedMarks(wb);
      expect(expected.size).toBeGreaterThan(0);
      expect(h.marks()).toEqual(expected);
      h.stop();
    });

    describe('live', () => {
      beforeEach(() => jest.useFakeTimers());
      afterEach(() => jest.useRealTimers());
      const settle = async (h: { idle(): Promise<void> }): Promise<void> => {
        await jest.advanceTimersByTimeAsync(500);
        await h.idle();
      };

      test('a finding is marked without touching the cell, and fixing it leaves the sheet exactly as before', async () => {
        const h = driver.session({ analyze: stubAnalyze });
        h.addSheet('表1', TABLE1);
        h.styleCell('表1', 'B2');
        h.addClerkRule('表1', 'B2:B4');
        await h.start();
        const looks = h.looks('表1');
        const rules = h.clerkRules('表1');
        expect(h.marks().size).toBe(0);
        await h.edit('表1', 'B3', 11);
        await settle(h);
        expect(h.marks()).toEqual(
          new Map([
            ['表1!B2', 'error'],
            ['表1!B3', 'error'],
          ]),
        );
        // A mark changes nothing the clerk sees in the cell itself, nor the clerk's own rule.
        const marked = JSON.parse(h.looks('表1')) as { cells: unknown[][] };
        const before = JSON.parse(looks) as { cells: unknown[][] };
        expect(marked.cells.find((c) => c[0] === '1,1')).toEqual(before.cells.find((c) => c[0] === '1,1'));
        expect(h.clerkRules('表1')).toBe(rules);
        await h.edit('表1', 'B3', 10);
        await settle(h);
        expect(h.marks().size).toBe(0);
        expect(h.looks('表1')).toBe(looks);
        expect(h.clerkRules('表1')).toBe(rules);
        h.stop();
      });

      test('a change of severity swaps the mark, and the 尾差 colour is the shared one', async () => {
        const h = driver.session({ analyze: stubAnalyze });
        h.addSheet('表1', TABLE1);
        await h.start();
        await h.edit('表1', 'C3', 1.01);
        await settle(h);
        expect(h.marks()).toEqual(new Map([['表1!C2', 'rounding']]));
        expect(MARK_FILL.rounding).toBe('#DDEBF7');
        await h.edit('表1', 'C3', 1);
        await settle(h);
        expect(h.marks().size).toBe(0);
        h.stop();
      });

      test('a burst of 50 edits is one pass; edits during a pass give exactly one more', async () => {
        const h = driver.session({ analyze: stubAnalyze });
        h.addSheet('表1', TABLE1);
        await h.start();
        const start = h.passes();
        for (let i = 0; i < 50; i++) {
          await h.edit('表1', 'B3', 100 + i);
          await jest.advanceTimersByTimeAsync(50);
        }
        await settle(h);
        expect(h.passes()).toBe(start + 1);
        const running = h.adapter.validate();
        await h.edit('表1', 'B3', 5);
        await running;
        await settle(h);
        expect(h.passes()).toBe(start + 3);
        h.stop();
      });

      test('listeners hear every pass; the add-in’s own writes start none', async () => {
        const h = driver.session({ analyze: stubAnalyze });
        h.addSheet('表1', TABLE1);
        const heard: number[] = [];
        const off = h.adapter.onFindingsChanged((s) => heard.push(s.findings.length));
        await h.start();
        expect(heard).toEqual([0]);
        const passes = h.passes();
        await h.adapter.insertTemplates({ params: PARAMS });
        await settle(h);
        await jest.advanceTimersByTimeAsync(2000);
        await h.idle();
        // One pass after inserting (the pane shows what is left to fill), none from its writes.
        expect(h.passes()).toBe(passes + 1);
        // The clerk's next edit still counts.
        await h.edit('表1', 'B3', 11);
        await settle(h);
        expect(h.passes()).toBe(passes + 2);
        expect(heard.at(-1)).toBe(1);
        off();
        await h.adapter.validate();
        expect(heard).toHaveLength(3);
        h.stop();
      });

      test('a pass nobody asked for that fails reaches the pane as a Chinese message', async () => {
        const h = driver.session({ analyze: stubAnalyze });
        h.addSheet('表1', TABLE1);
        const errors: string[] = [];
        h.adapter.onLiveError?.((m) => errors.push(m));
        await h.start();
        h.breakReads();
        await h.edit('表1', 'A5', '很长的说明文字'.repeat(40));
        await settle(h);
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatch(/[\u4e00-\u9fff]/);
        h.stop();
      });
    });
  });

  describe('forms', () => {
    test('one form per 表12 project; never a second; a deleted form comes back alone', async () => {
      const wb = buildSeedWorkbook('003', 'published');
      const projects = projectsFromDisclosure(analyzeWorkbook(wb).disclosure).length;
      expect(projects).toBeGreaterThan(1);
      const h = driver.session();
      h.load(wb);
      const out = await h.adapter.buildForms();
      expect(out.status).toBe('inserted');
      if (out.status !== 'inserted') return;
      expect(out.sheets).toHaveLength(projects);
      expect(h.tagNames().filter((n) => n.startsWith('BD_FORM_'))).toHaveLength(projects);
      await h.idle();
      const again = await h.adapter.buildForms();
      expect(again).toEqual({
        status: 'unavailable',
        message: `表12 的 ${projects} 个项目都已有绩效目标表，未重复生成。`,
      });
      // The clerk deletes one form: the next build brings back that one only, under its tag.
      const gone = out.sheets[1];
      await h.deleteSheet(gone.name);
      await h.idle();
      const back = await h.adapter.buildForms();
      expect(back.status).toBe('inserted');
      if (back.status === 'inserted') {
        expect(back.sheets).toEqual([gone]);
        expect(back.notes).toContain(`${projects - 1} 个项目已有绩效目标表，未重复生成`);
      }
      expect(h.tagNames().filter((n) => n.startsWith('BD_FORM_'))).toHaveLength(projects);
      const read = await h.read();
      expect(read.sheets.find((s) => s.name === gone.name)?.tag).toBe(gone.tag);
    });

    test('a workbook without 表12 projects says so and writes nothing', async () => {
      const h = driver.session();
      h.addSheet('Sheet1', [['随便']]);
      const out = await h.adapter.buildForms();
      expect(out.status).toBe('unavailable');
      expect(h.sheetNames()).toEqual(['Sheet1']);
    });
  });
});
