import { buildSeedWorkbook } from '../fixtures/seeds';
import { locateTables } from '../../src/core/locate';
import { newFormSettings, planNewForms } from '../../src/core/forms/plan';
import { updatesByForm, type CellUpdate } from '../../src/core/forms/sync';
import { planToSheet } from '../../src/core/forms/grid';
import type { Disclosure } from '../../src/core/model/disclosure';
import type { Workbook } from '../../src/core/model/grid';

const disclosure = (unit: string | undefined, year?: number): Disclosure => ({
  meta: { unit, year },
  tables: {},
  findings: [],
});

describe('newFormSettings', () => {
  it('a unit named after its city gets that city title', () => {
    expect(newFormSettings(disclosure('大同市人力资源和社会保障局', 2024))).toEqual({
      year: 2024,
      titleMode: 'city',
      place: '大同',
      department: '',
      documentUnit: '大同市人力资源和社会保障局',
    });
  });

  it('a unit name without 市 gets no title; a missing year falls back to this year', () => {
    const s = newFormSettings(disclosure('某县教育局'));
    expect(s.titleMode).toBe('none');
    expect(s.place).toBe('');
    expect(s.year).toBe(new Date().getFullYear());
    expect(newFormSettings(disclosure(undefined)).documentUnit).toBeUndefined();
  });

  it('what the existing forms imply wins over the unit name', () => {
    const s = newFormSettings(disclosure('大同市人力资源和社会保障局', 2024), {
      titleMode: 'county',
      place: '新绛',
      department: '121-某部门[部门]',
    });
    expect(s).toMatchObject({ titleMode: 'county', place: '新绛', department: '121-某部门[部门]' });
    // Existing forms without a title style still lend their 主管部门; the title comes from the unit.
    expect(
      newFormSettings(disclosure('大同市人力资源和社会保障局', 2024), { department: '121-某部门[部门]' }),
    ).toMatchObject({
      titleMode: 'city',
      place: '大同',
      department: '121-某部门[部门]',
    });
  });
});

describe('planNewForms', () => {
  const seed = (): { wb: Workbook; d: Disclosure } => {
    const wb = buildSeedWorkbook('000', 'published');
    return { wb, d: locateTables(wb) };
  };

  it('one form per 表12 project, titled after the unit’s city', () => {
    const { wb, d } = seed();
    const r = planNewForms(wb, d);
    expect(r.projects).toBe(14);
    expect(r.skipped).toBe(0);
    expect(r.plans).toHaveLength(14);
    expect(new Set(r.plans.map((p) => p.tag)).size).toBe(14);
    const texts = r.plans[0].cells.map((c) => c.value);
    expect(texts).toContain('大同市市级预算部门（单位）项目支出绩效目标表');
    expect(texts).toContain('（2024年度）');
  });

  it('new forms take the 主管部门 and title style of the forms already in the workbook', () => {
    const { wb, d } = seed();
    const first = planNewForms(wb, d).plans[0];
    // The clerk's existing form: filled-in 主管部门 and a 县 title instead of the city one.
    const sheet = planToSheet(first);
    for (const row of sheet.rows) {
      for (const c of row ?? []) {
        if (c?.value === '大同市市级预算部门（单位）项目支出绩效目标表')
          c.value = '新绛县县级预算部门（单位）项目支出绩效目标表';
      }
    }
    const deptRow = sheet.rows.findIndex((row) => row?.some((c) => c?.value === '主管部门及代码'));
    expect(deptRow).toBeGreaterThanOrEqual(0);
    // The value cell is the first planned cell right of the label (the label may be merged).
    const labelCol = sheet.rows[deptRow]!.findIndex((c) => c?.value === '主管部门及代码');
    const valueCol = Math.min(...first.cells.filter((c) => c.row === deptRow && c.col > labelCol).map((c) => c.col));
    sheet.rows[deptRow]![valueCol] = { value: '121-大同市人社局[部门]' };
    const r = planNewForms({ ...wb, sheets: [...wb.sheets, sheet] }, d);
    expect(r.skipped).toBe(1);
    const texts = r.plans[0].cells.map((c) => c.value);
    expect(texts).toContain('新绛县县级预算部门（单位）项目支出绩效目标表');
    expect(texts).toContain('121-大同市人社局[部门]');
  });

  it('a project whose form sheet is already tagged is skipped; new names avoid existing sheets', () => {
    const { wb, d } = seed();
    const [first, second] = planNewForms(wb, d).plans;
    // The clerk renamed the first form's sheet; its tag still identifies it.
    const existing = { ...planToSheet(first), name: '我的目标表' };
    // An untagged sheet that happens to hold the name the second form would get.
    const squatter = { ...planToSheet(second), name: second.name, tag: undefined };
    const withForms: Workbook = { ...wb, sheets: [...wb.sheets, existing, squatter] };
    const r = planNewForms(withForms, d);
    expect(r.projects).toBe(14);
    expect(r.skipped).toBe(1);
    expect(r.plans).toHaveLength(13);
    expect(r.plans.map((p) => p.tag)).not.toContain(first.tag);
    const again = r.plans.find((p) => p.tag === second.tag);
    expect(again).toBeDefined();
    expect(again?.name).not.toBe(second.name);
    const taken = new Set(withForms.sheets.map((s) => s.name.toLowerCase()));
    for (const p of r.plans) expect(taken.has(p.name.toLowerCase())).toBe(false);
  });
});

describe('updatesByForm', () => {
  const u = (sheet: string, projectName: string, field: CellUpdate['field'], cell: string): CellUpdate => ({
    sheet,
    cell,
    field,
    projectName,
    from: 1,
    to: 2,
  });

  it('groups the writes by form and leaves flags out', () => {
    const groups = updatesByForm([
      u('绩效-A', 'A', 'projectName', 'B4'),
      u('绩效-B', 'B', 'flag', 'J1'),
      u('绩效-A', 'A', 'funds.annual.total', 'F8'),
      // Two forms of the same project on different sheets are two forms.
      u('绩效-A(2)', 'A', 'projectName', 'B4'),
    ]);
    expect(groups.map((g) => g.map((x) => `${x.sheet}!${x.cell}`))).toEqual([
      ['绩效-A!B4', '绩效-A!F8'],
      ['绩效-A(2)!B4'],
    ]);
    expect(updatesByForm([u('绩效-B', 'B', 'flag', 'J1')])).toEqual([]);
  });
});
