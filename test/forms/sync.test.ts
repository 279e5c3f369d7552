import Decimal from 'decimal.js';
import { applySyncToGrid, planSync, RECORD_SHEET } from '../../src/core/forms/sync';
import { projectsFromDisclosure, type ProjectLine } from '../../src/core/forms/projects';
import { locateForms, type LocatedForm } from '../../src/core/forms/locate';
import { parseAddr, type Workbook } from '../../src/core/model/grid';
import { seedDisclosure, seedFormsSheet } from './seedForms';

const settings = { year: 2024, place: '大同', department: '121-大同市人力资源和社会保障局[部门]' };

function edit(wb: Workbook, sheet: string, a1: string, value: string | number): Workbook {
  const { r, c } = parseAddr(a1);
  return {
    sheets: wb.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const rows = s.rows.map((x) => (x ? [...x] : x));
      (rows[r] ??= [])[c] = { value };
      return { ...s, rows };
    }),
  };
}

/** What the clerk typed into a form: texts and every indicator except our 预算控制数 row. */
function typed(f: LocatedForm): unknown {
  return {
    texts: f.texts,
    indicators: f.indicators.filter((i) => i.level3 !== '预算控制数').map((i) => [i.side, i.level2, i.level3, i.value]),
  };
}

describe('keeping forms in step with 表12', () => {
  const projects0 = projectsFromDisclosure(seedDisclosure('000'));
  const empty: Workbook = { sheets: [] };
  const first = planSync(projects0, empty, settings);
  let wb = applySyncToGrid(empty, first, settings);

  it('builds one form per project and a record of what was prefilled', () => {
    expect(first.added).toHaveLength(14);
    expect(locateForms(wb)).toHaveLength(14);
    expect(wb.sheets.some((s) => s.name === RECORD_SHEET)).toBe(true);
  });

  it('after rename, amount change, addition and removal in 表12: updates prefilled cells only and keeps every typed text and indicator', () => {
    // The clerk fills in every form …
    for (const f of locateForms(wb)) {
      wb = edit(wb, f.sheet, f.cells.overview ?? '', `${f.projectName}的概况`);
      wb = edit(wb, f.sheet, f.cells.goalsPeriod ?? '', '目标1：按时完成');
      wb = edit(wb, f.sheet, f.cells.goalsAnnual ?? '', '目标1：年内完成');
      const qty = f.indicators.filter((i) => i.level2 === '数量指标');
      for (const q of qty) {
        wb = edit(wb, f.sheet, q.level3Cell ?? '', '服务人次');
        wb = edit(wb, f.sheet, q.valueCell ?? '', '≥100人次');
      }
    }
    // … and overrides two prefilled cells on purpose.
    const social = locateForms(wb).find((f) => f.projectName === 'J社会保障业务费') as LocatedForm;
    const socialCostPeriod = social.indicators.find((i) => i.side === 'period' && i.level3 === '预算控制数');
    wb = edit(wb, social.sheet, socialCostPeriod?.valueCell ?? '', '≤40万元');
    const labour = locateForms(wb).find((f) => f.projectName === 'Z劳动能力鉴定费') as LocatedForm;
    wb = edit(wb, labour.sheet, labour.cells['funds.period.total'] ?? '', 320000);
    const before = new Map(locateForms(wb).map((f) => [f.sheet, typed(f)]));

    // 表12 changes: J仲裁委业务费 renamed, J社会保障业务费 and Z劳动能力鉴定费 amounts change,
    // J法律顾问费 removed, a new project added.
    const changed: ProjectLine[] = projects0
      .filter((p) => p.name !== 'J法律顾问费')
      .map((p) => {
        if (p.name === 'J仲裁委业务费') return { ...p, name: 'J仲裁委员会业务费' };
        if (p.name === 'J社会保障业务费') return { ...p, total: new Decimal('52.30'), gpb: new Decimal('52.30') };
        if (p.name === 'Z劳动能力鉴定费') return { ...p, total: new Decimal('31.00'), gpb: new Decimal('31.00') };
        return p;
      });
    changed.push({
      ...projects0[0],
      key: 'new',
      name: 'J新增培训经费',
      total: new Decimal('3.00'),
      gpb: new Decimal('3.00'),
    });

    const sync = planSync(changed, wb, settings);
    const next = applySyncToGrid(wb, sync, settings);
    const after = locateForms(next);

    expect(sync.added.map((p) => p.name)).toEqual(['J新增培训经费']);
    expect(sync.flagged.map((x) => x.form.projectName)).toEqual(['J法律顾问费']);
    expect(after).toHaveLength(15); // removed project's form is flagged, not deleted
    const legal = after.find((f) => f.projectName === 'J法律顾问费') as LocatedForm;
    const flagSheet = next.sheets.find((s) => s.name === legal.sheet);
    expect(JSON.stringify(flagSheet?.rows[legal.firstRow])).toContain('表12中已没有项目');

    // Every typed text and indicator survives.
    for (const f of after) if (before.has(f.sheet)) expect(typed(f)).toEqual(before.get(f.sheet));

    const renamed = after.find((f) => f.projectName === 'J仲裁委员会业务费');
    expect(renamed?.sheet).toBe(locateForms(wb).find((f) => f.projectName === 'J仲裁委业务费')?.sheet);

    const s2 = after.find((f) => f.projectName === 'J社会保障业务费') as LocatedForm;
    expect(s2.funds.annual.total.toString()).toBe('523000');
    expect(s2.funds.annual.split.local.toString()).toBe('523000');
    expect(s2.funds.period.total.toString()).toBe('523000');
    const cost = (f: LocatedForm, side: 'period' | 'annual') =>
      f.indicators.find((i) => i.side === side && i.level3 === '预算控制数')?.value;
    expect(cost(s2, 'annual')).toBe('≤52.3万元'); // untouched prefill follows 表12
    expect(cost(s2, 'period')).toBe('≤40万元'); // the clerk's own value stays

    const l2 = after.find((f) => f.projectName === 'Z劳动能力鉴定费') as LocatedForm;
    expect(l2.funds.annual.total.toString()).toBe('310000');
    expect(l2.funds.period.total.toString()).toBe('320000'); // clerk-edited: kept …
    expect(sync.kept.some((k) => k.projectName === 'Z劳动能力鉴定费' && k.keptBecause === 'clerkEdited')).toBe(false);
    // … because a 实施期 that differs from 年度 belongs to the project list, not to 表12.

    const added = after.find((f) => f.projectName === 'J新增培训经费');
    expect(added?.funds.annual.total.toString()).toBe('30000');

    // A second sync with nothing changed writes nothing but the flag again.
    const again = planSync(changed, next, settings);
    expect(again.updates.filter((u) => u.field !== 'flag')).toEqual([]);
    expect(again.added).toEqual([]);
  });

  it('never overwrites a prefilled cell the clerk changed, unless forced for that cell', () => {
    const base = applySyncToGrid(empty, planSync(projects0, empty, settings), settings);
    const f = locateForms(base).find((x) => x.projectName === 'J人力资源事务') as LocatedForm;
    const cell = f.cells['funds.annual.local'] ?? '';
    const edited = edit(base, f.sheet, cell, 170000);
    const changed = projects0.map((p) =>
      p.name === 'J人力资源事务' ? { ...p, total: new Decimal('19.00'), gpb: new Decimal('19.00') } : p,
    );
    const sync = planSync(changed, edited, settings);
    expect(sync.kept).toEqual([
      expect.objectContaining({ sheet: f.sheet, cell, keptBecause: 'clerkEdited', from: 170000, to: 190000 }),
    ]);
    expect(sync.updates.some((u) => u.cell === f.cells['funds.annual.total'] && u.to === 190000)).toBe(true);
    const forced = planSync(changed, edited, settings, { force: [`${f.sheet}!${cell}`] });
    expect(forced.kept).toEqual([]);
    expect(forced.updates.some((u) => u.cell === cell && u.to === 190000)).toBe(true);
  });

  it('reports forms it did not write (seed 001) as out of date without touching them', () => {
    const wb001: Workbook = { sheets: [seedFormsSheet('001')] };
    const projects = projectsFromDisclosure(seedDisclosure('001'));
    const sync = planSync(projects, wb001, {
      year: 2024,
      titleMode: 'none',
      department: '203-新绛县人力资源和社会保障局',
    });
    expect(sync.updates).toEqual([]);
    expect(sync.outOfDate).toHaveLength(6);
    expect(sync.kept.every((k) => k.keptBecause === 'notOurs')).toBe(true);
    const forced = planSync(projects, wb001, { year: 2024, titleMode: 'none' }, { force: true });
    const fixed = locateForms(applySyncToGrid(wb001, forced, { year: 2024, titleMode: 'none' }));
    const info = fixed.find((x) => x.projectName === '2024年信息化建设工作经费');
    expect(info?.funds.annual.total.toString()).toBe('385000');
    expect(info?.texts.overview).toContain('网络通讯维护'); // texts untouched even when forced
  });
});

describe('matching forms to projects when writing', () => {
  it('does not carry one short project’s form to another with a similar name and another amount', () => {
    const settings2 = { year: 2026, place: '大同' };
    const base = projectsFromDisclosure(seedDisclosure('003'));
    const empty: Workbook = { sheets: [] };
    const wb = applySyncToGrid(empty, planSync(base, empty, settings2), settings2);
    const swapped = base.map((p) =>
      p.name === 'J物业费' ? { ...p, name: 'J餐饮费', total: new Decimal('12.00'), gpb: new Decimal('12.00') } : p,
    );
    const sync = planSync(swapped, wb, settings2);
    expect(sync.added.map((p) => p.name)).toEqual(['J餐饮费']);
    expect(sync.flagged.map((f) => f.form.projectName)).toEqual(['J物业费']);
  });
});
