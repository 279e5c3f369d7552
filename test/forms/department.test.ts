import Decimal from 'decimal.js';
import type { Amount, Disclosure, TableRow } from '../../src/core/model/disclosure';
import { addr } from '../../src/core/model/grid';
import { projectsFromDisclosure } from '../../src/core/forms/projects';
import { renderForms } from '../../src/core/forms/layout';
import { planToSheet } from '../../src/core/forms/grid';
import { locateForms } from '../../src/core/forms/locate';
import { matchForms } from '../../src/core/forms/match';
import { checkForms } from '../../src/core/forms/rules';
import { planSync } from '../../src/core/forms/sync';
import { parseAddr, type Workbook } from '../../src/core/model/grid';
import { CodeTable } from '../../src/core/reference';

/**
 * A 部门 document shaped like 004 (docs/domain.md § 表12 项目支出表（本年）): projects under unit subtotals, the same name in
 * two units (遗属补助) and twice in one unit with different amounts.
 */
function departmentDisclosure(): Disclosure {
  const lines: [RowKindLite, string, string, string?][] = [
    ['total', '晋城市人力资源和社会保障局', '40.00'],
    ['unit', '晋城市人力资源和社会保障局', '29.50'],
    ['project', '遗属补助', '3.00', '晋城市人力资源和社会保障局'],
    ['project', '建国前老工人及企业抗美援朝老战士生活补贴', '22.31', '晋城市人力资源和社会保障局'],
    ['project', '建国前老工人及企业抗美援朝老战士生活补贴', '7.19', '晋城市人力资源和社会保障局'],
    ['unit', '晋城技师学院', '10.50'],
    ['project', '遗属补助', '1.50', '晋城技师学院'],
    ['project', '中央就业补助资金-见习补贴', '9.00', '晋城技师学院'],
  ];
  const rows: TableRow[] = lines.map(([kind, name, total, unit], i) => {
    const r = 3 + i;
    const amount = (v: string, c: number): Amount => ({
      value: new Decimal(v),
      blank: false,
      sheet: '表12',
      cell: addr(r, c),
      raw: Number(v),
    });
    return {
      kind,
      key: name,
      row: r,
      name,
      label: name,
      unit,
      level: kind === 'total' ? 0 : kind === 'unit' ? 1 : 2,
      values: { total: amount(total, 1), gpb: amount(total, 2) },
    };
  });
  return {
    meta: { year: 2024, unit: '晋城市人力资源和社会保障局', level: '部门' },
    tables: {
      t12: {
        id: 't12',
        sheet: '表12',
        range: 'A1:G11',
        columns: { project_name: { col: 0, header: '项目名称' } },
        headerRow: 2,
        rows,
        fromTemplate: false,
      },
    },
    findings: [],
  };
}
type RowKindLite = 'total' | 'unit' | 'project';

const settings = { year: 2024, place: '晋城', department: '144-晋城市人力资源和社会保障局' };

describe('部门 documents: forms per unit, repeated names', () => {
  const d = departmentDisclosure();
  const projects = projectsFromDisclosure(d);

  it('takes 实施单位 from the unit group and keeps repeated names apart', () => {
    expect(projects.map((p) => [p.name, p.unit, p.total.toFixed(2)])).toEqual([
      ['遗属补助', '晋城市人力资源和社会保障局', '3.00'],
      ['建国前老工人及企业抗美援朝老战士生活补贴', '晋城市人力资源和社会保障局', '22.31'],
      ['建国前老工人及企业抗美援朝老战士生活补贴', '晋城市人力资源和社会保障局', '7.19'],
      ['遗属补助', '晋城技师学院', '1.50'],
      ['中央就业补助资金-见习补贴', '晋城技师学院', '9.00'],
    ]);
    expect(new Set(projects.map((p) => p.key)).size).toBe(5);
    expect(projects[4].source).toBe('central');
  });

  it('pairs each form with its own project (unit, then amount) even in reverse sheet order', () => {
    const plans = renderForms(projects, settings).reverse();
    const forms = locateForms({ sheets: plans.map(planToSheet) });
    const m = matchForms(projects, forms);
    expect(m.missing).toEqual([]);
    expect(m.extra).toEqual([]);
    expect(m.duplicates).toEqual([]);
    for (const pair of m.pairs) {
      expect(pair.how).toBe('exact');
      expect(pair.form.implementingUnit).toBe(pair.project.unit);
      expect(pair.form.funds.annual.total.toString()).toBe(pair.project.total.times(10000).toString());
    }
    const central = forms.find((f) => f.projectName.startsWith('中央'));
    expect(central?.funds.annual.split.central.toString()).toBe('90000');
  });

  it('F9: a form under the wrong unit', () => {
    const plans = renderForms(projects, settings);
    const sheets = plans.map(planToSheet);
    const target = locateForms({ sheets: [sheets[1]] })[0];
    const { r, c } = parseAddr(target.cells.implementingUnit ?? 'A1');
    sheets[1].rows[r][c] = { value: '晋城技师学院' };
    const wb: Workbook = { sheets };
    const fs = checkForms({ disclosure: d, workbook: wb, codes: new CodeTable([]) }).filter((f) => f.rule === 'F9');
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain('晋城技师学院');
    expect(fs[0].message).toContain('晋城市人力资源和社会保障局');
    expect(fs[0].sheet).toBe(sheets[1].name);
    // The amounts still pair each form with its own project: no F2 from the unit typo.
    const all = checkForms({ disclosure: d, workbook: wb, codes: new CodeTable([]) });
    expect(all.filter((f) => f.rule === 'F2' || f.rule === 'F1')).toEqual([]);
  });
});

describe('部门 documents whose 表12 lists projects flat (issue 11 class 1)', () => {
  const grouped = departmentDisclosure();
  const flat: Disclosure = {
    ...grouped,
    tables: {
      t12: {
        ...(grouped.tables.t12 as NonNullable<Disclosure['tables']['t12']>),
        rows: (grouped.tables.t12?.rows ?? [])
          .filter((r) => r.kind !== 'unit')
          .map((r) => (r.kind === 'project' ? { ...r, unit: '晋城市人力资源和社会保障局' } : r)),
      },
    },
  };
  // The forms name each project's real unit, as the grouped 表12 says.
  const wb: Workbook = { sheets: renderForms(projectsFromDisclosure(grouped), settings).map(planToSheet) };

  it('knows a unit only from a subtotal row or a 单位 document', () => {
    expect(projectsFromDisclosure(grouped).map((p) => p.unitSource)).toEqual(Array(5).fill('group'));
    expect(projectsFromDisclosure(flat).map((p) => p.unitSource)).toEqual(Array(5).fill('default'));
    const single = { ...flat, meta: { ...flat.meta, level: '单位' as const } };
    expect(projectsFromDisclosure(single).map((p) => p.unitSource)).toEqual(Array(5).fill('document'));
  });

  it('F9 stays silent, with one 信息 line; the forms still pair with their projects', () => {
    // Generated forms wait for the clerk's indicators (F6) and date (F8.1); nothing else is reported.
    const fs = checkForms({ disclosure: flat, workbook: wb, codes: new CodeTable([]) }).filter(
      (f) => !['F6', 'F8.1'].includes(f.rule),
    );
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['F9.2', 'info']]);
    expect(fs[0].message).toContain('5张');
  });

  it('keeping in step leaves each form’s 实施单位 alone', () => {
    const sync = planSync(projectsFromDisclosure(flat), wb, settings);
    expect(sync.added).toEqual([]);
    expect([...sync.updates, ...sync.kept].filter((u) => u.field === 'implementingUnit')).toEqual([]);
  });
});
