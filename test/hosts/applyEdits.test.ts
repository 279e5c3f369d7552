import { analyzeWorkbook } from '../../src/core/check';
import { applyEditsToGrid, undoEdits, type CellEdit } from '../../src/core/fixes';
import type { Finding } from '../../src/core/model/finding';
import type { Workbook } from '../../src/core/model/grid';
import { locateTables } from '../../src/core/locate';
import { MONEY_FORMAT, NO_DATA_NOTE } from '../../src/core/templates/tables';
import { findingId, newFindings } from '../balance/support';
import { cellAt, copyOf, setCell } from '../fixes/support';
import { buildSeedWorkbook } from '../fixtures/seeds';
import { seedWorkbookWithForms } from '../forms/seedForms';
import { filledTemplate } from '../rules/support/template';
import { allDrivers, type HostSession } from './drivers';

/**
 * `WorkbookAdapter.applyEdits` (and the plans behind it) on every host, the same tests for the Excel
 * add-in over the Office.js fake and the WPS 加载项 over the ET fake: a plan is written where each
 * cell still holds the planned `old` value, a changed cell is skipped and reported, undo puts back
 * exactly what was there, the clerk's formatting stays, and our own write starts no live pass.
 */
const DRIVERS = allDrivers();

async function findingsOf(h: HostSession): Promise<Finding[]> {
  return analyzeWorkbook(await h.read()).findings;
}

/** Every sheet as the clerk sees it (values, formulas, number formats, fills …). */
function looksOf(h: HostSession): Map<string, string> {
  return new Map(h.sheetNames().map((n) => [n, h.looks(n)]));
}

/** Formulas the add-in writes compute what the plan says (the fakes do not calculate). */
function computesAsPlanned(h: HostSession, edits: readonly CellEdit[]): void {
  const planned = new Map(edits.filter((e) => e.formula !== undefined).map((e) => [`${e.sheet}!${e.cell}`, e.new]));
  h.computes((sheet, cell) => {
    const v = planned.get(`${sheet}!${cell}`);
    return v === null ? undefined : v;
  });
}

describe.each(DRIVERS)('$name', (driver) => {
  describe('applyEdits', () => {
    test('尾差调平 of seed 000: every planned cell is written; the workbook then has no 尾差 and no new finding', async () => {
      const wb = buildSeedWorkbook('000', 'published');
      const h = driver.session();
      h.load(wb);
      const before = await findingsOf(h);
      const plan = await h.adapter.planBalance();
      expect(plan.edits).toHaveLength(26);
      const r = await h.adapter.applyEdits(plan.edits);
      expect(r.skipped).toEqual([]);
      expect(r.applied.map((a) => a.edit)).toEqual(plan.edits);
      for (const e of plan.edits) expect(h.value(e.sheet, e.cell)).toBe(e.new);
      const after = await findingsOf(h);
      expect(after.filter((f) => f.severity === 'rounding').map((f) => f.message)).toEqual([]);
      expect(newFindings(before, after).map((f) => f.message)).toEqual([]);
      // The host wrote what the grid applier writes: the same findings either way.
      const onGrid = analyzeWorkbook(applyEditsToGrid(wb, plan.edits)).findings;
      expect(after.map(findingId).sort()).toEqual(onGrid.map(findingId).sort());
    });

    test('a cell the clerk changed after the preview is skipped and reported, and keeps the clerk’s value', async () => {
      const h = driver.session();
      h.load(buildSeedWorkbook('000', 'published'));
      const plan = await h.adapter.planBalance();
      const changed = plan.edits[3];
      await h.edit(changed.sheet, changed.cell, 999);
      const r = await h.adapter.applyEdits(plan.edits);
      expect(r.skipped).toEqual([
        {
          edit: changed,
          now: 999,
          why: expect.stringMatching(new RegExp(`^${changed.sheet}!${changed.cell} 在预览后已被修改.*现为 999`)),
        },
      ]);
      expect(h.value(changed.sheet, changed.cell)).toBe(999);
      expect(r.applied).toHaveLength(plan.edits.length - 1);
      for (const a of r.applied) expect(h.value(a.edit.sheet, a.edit.cell)).toBe(a.edit.new);
    });

    test('undo puts back exactly what was there: values, texts, formulas and number formats', async () => {
      // Seed 000: numbers typed as text (FI4, the money format is set) and a non-standard 科目 name (CN1/CN3).
      const h = driver.session();
      h.load(buildSeedWorkbook('000', 'published'));
      const looks = looksOf(h);
      const plan = await h.adapter.planFixes();
      expect(new Set(plan.fixes.map((f) => f.finding.rule))).toEqual(new Set(['FI4', 'CN1', 'CN3']));
      const r = await h.adapter.applyEdits(plan.edits);
      expect(r.skipped).toEqual([]);
      const fi4 = plan.edits.find((e) => e.numberFormat)!;
      expect(h.value(fi4.sheet, fi4.cell)).toBe(fi4.new);
      expect(h.cellState(fi4.sheet, fi4.cell).numberFormat).toBe(MONEY_FORMAT);
      expect(looksOf(h)).not.toEqual(looks);
      const back = await h.adapter.applyEdits(undoEdits(r.applied));
      expect(back.skipped).toEqual([]);
      expect(looksOf(h)).toEqual(looks);
      // The texts are texts again (a '1,184.32' typed as text did not turn back into a number).
      expect(typeof h.value(fi4.sheet, fi4.cell)).toBe('string');
      expect((await findingsOf(h)).filter((f) => f.rule === 'FI4')).toHaveLength(
        plan.fixes.filter((f) => f.finding.rule === 'FI4').length,
      );
    });

    test('undo skips a cell the clerk changed after the fix, and restores the rest', async () => {
      const h = driver.session();
      h.load(buildSeedWorkbook('000', 'published'));
      const plan = await h.adapter.planBalance();
      const r = await h.adapter.applyEdits(plan.edits);
      const mine = r.applied[0].edit;
      await h.edit(mine.sheet, mine.cell, 7);
      const back = await h.adapter.applyEdits(undoEdits(r.applied));
      expect(back.skipped.map((s) => `${s.edit.sheet}!${s.edit.cell}`)).toEqual([`${mine.sheet}!${mine.cell}`]);
      expect(h.value(mine.sheet, mine.cell)).toBe(7);
      for (const a of r.applied.slice(1)) expect(h.value(a.edit.sheet, a.edit.cell)).toBe(a.before.value);
    });

    test('the clerk’s formatting of a written cell stays: fill, bold and number format', async () => {
      const h = driver.session();
      h.load(buildSeedWorkbook('000', 'published'));
      const plan = await h.adapter.planBalance();
      const target = plan.edits[0];
      h.styleCell(target.sheet, target.cell);
      const before = JSON.parse(h.looks(target.sheet)) as { cells: unknown[][] };
      await h.adapter.applyEdits(plan.edits);
      const after = JSON.parse(h.looks(target.sheet)) as { cells: unknown[][] };
      // Everything but the values is as it was, cell for cell.
      const withoutValues = (x: { cells: unknown[][] }) => ({ ...x, cells: x.cells.map((c) => [c[0], ...c.slice(2)]) });
      expect(withoutValues(after)).toEqual(withoutValues(before));
      expect(h.cellState(target.sheet, target.cell).numberFormat).toBe('0.00');
    });

    test('edits on a sheet renamed after the preview are skipped with its name; the others are written', async () => {
      const h = driver.session();
      h.load(buildSeedWorkbook('000', 'published'));
      const plan = await h.adapter.planBalance();
      const gone = plan.edits[0].sheet;
      h.renameSheet(gone, `${gone}（旧）`);
      const r = await h.adapter.applyEdits(plan.edits);
      const onGone = plan.edits.filter((e) => e.sheet === gone);
      expect(r.skipped.map((s) => s.edit)).toEqual(onGone);
      expect(r.skipped[0].why).toContain(`找不到工作表“${gone}”`);
      expect(r.applied).toHaveLength(plan.edits.length - onGone.length);
    });

    describe('live', () => {
      beforeEach(() => jest.useFakeTimers());
      afterEach(() => jest.useRealTimers());
      // Late events of a write arrive soon after it (WPS 'async'), then any debounced pass runs.
      const settle = async (h: HostSession): Promise<void> => {
        await jest.advanceTimersByTimeAsync(100);
        await h.idle();
        await jest.advanceTimersByTimeAsync(2000);
        await h.idle();
      };

      test('our own write starts no live pass; the clerk’s next edit does', async () => {
        const h = driver.session();
        h.load(buildSeedWorkbook('000', 'published'));
        await h.start();
        await settle(h);
        const passes = h.passes();
        const plan = await h.adapter.planBalance();
        const r = await h.adapter.applyEdits(plan.edits);
        expect(r.applied).toHaveLength(plan.edits.length);
        await settle(h);
        expect(h.passes()).toBe(passes);
        await h.adapter.applyEdits(undoEdits(r.applied));
        await settle(h);
        expect(h.passes()).toBe(passes);
        // Even on a cell we just wrote, the clerk's edit counts.
        await h.edit(plan.edits[0].sheet, 'A1', '某某单位');
        await settle(h);
        expect(h.passes()).toBe(passes + 1);
        h.stop();
      });
    });
  });

  describe('each fix kind through the host: its finding disappears, nothing else changes', () => {
    const template = filledTemplate().wb;
    const t2 = locateTables(template).tables.t2!;
    const total = t2.rows.find((r) => r.kind === 'total')!.values.total!;
    const t8 = locateTables(template).tables.t8!;
    const noteRow = template.sheets
      .find((s) => s.name === t8.sheet)!
      .rows.findIndex((row) => row?.some((c) => c?.value === NO_DATA_NOTE));

    const cases: [string, string[], () => Workbook][] = [
      ['FI4 text → number', ['FI4'], () => buildSeedWorkbook('000', 'published')],
      ['CN1/CN3 standard 科目 name', ['CN1', 'CN3'], () => buildSeedWorkbook('000', 'published')],
      [
        'FI1 template formula back',
        ['FI1'],
        () => {
          const wb = copyOf(template);
          setCell(wb, total.sheet, total.cell, { value: cellAt(template, total.sheet, total.cell)!.value });
          return wb;
        },
      ],
      [
        'W7 no-data note',
        ['W7'],
        () => {
          const wb = copyOf(template);
          setCell(wb, t8.sheet, `A${noteRow + 1}`, undefined);
          return wb;
        },
      ],
      ['F2/F4 form funds from 表12', ['F2', 'F4'], () => seedWorkbookWithForms('001')],
      ['F1.3 near-miss form name', ['F1.3'], () => seedWorkbookWithForms('000')],
    ];

    test.each(cases)('%s', async (_name, rules, build) => {
      const h = driver.session();
      h.load(build());
      const before = await findingsOf(h);
      const plan = await h.adapter.planFixes();
      const kind = (f: Finding) =>
        (rules.includes('W7') && f.rule.startsWith('W') && f.table === 't8') || rules.includes(f.rule);
      const fixes = plan.fixes.filter((x) => kind(x.finding));
      expect(fixes.length).toBeGreaterThan(0);
      const edits = [...new Map(fixes.flatMap((x) => x.edits).map((e) => [`${e.sheet}!${e.cell}`, e])).values()];
      computesAsPlanned(h, edits);
      const r = await h.adapter.applyEdits(edits);
      expect(r.skipped).toEqual([]);
      for (const e of edits) {
        expect(h.value(e.sheet, e.cell)).toBe(e.new);
        if (e.formula !== undefined) expect(h.cellState(e.sheet, e.cell).formula).toBe(e.formula);
      }
      const fixed = new Set(fixes.map((x) => findingId(x.finding)));
      const expected = before.filter((f) => !fixed.has(findingId(f))).map(findingId);
      expect((await findingsOf(h)).map(findingId).sort()).toEqual(expected.sort());
    });
  });
});
