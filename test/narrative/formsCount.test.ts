import Decimal from 'decimal.js';
import type { Amount, Disclosure, TableRow } from '../../src/core/model/disclosure';
import { addr, parseAddr, type Sheet, type Workbook } from '../../src/core/model/grid';
import { projectsFromDisclosure } from '../../src/core/forms/projects';
import { renderForms } from '../../src/core/forms/layout';
import { planToSheet } from '../../src/core/forms/grid';
import { locateForms } from '../../src/core/forms/locate';
import { checkNarrative } from '../../src/core/narrative/check';
import { attachedFormsCount, countAttachedForms } from '../../src/core/narrative/formsCount';
import { NARRATIVE_RULES } from '../../src/core/narrative/rules';
import { DEFAULT_CODES } from '../../src/core/reference';
import { seedFormsSheet } from '../forms/seedForms';
import { loadSeed, seedDisclosure, seedNarrativeText } from './seedDisclosure';

/**
 * 十: `项目N个` against 表12's project count, and the `公开…N个` against the forms attached,
 * counted as forms — the same project name under two units is two forms, one form printed over
 * two pages is one.
 */
function departmentDisclosure(): Disclosure {
  const lines: ['total' | 'unit' | 'project', string, string, string?][] = [
    ['total', '某局', '52.00'],
    ['unit', '局机关', '38.00'],
    ['project', '遗属补助', '3.00', '局机关'],
    ['project', '业务工作经费', '20.00', '局机关'],
    ['project', '业务工作经费', '15.00', '局机关'],
    ['unit', '培训中心', '14.00'],
    ['project', '遗属补助', '2.00', '培训中心'],
    ['project', '信息系统运维费', '12.00', '培训中心'],
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
    meta: { year: 2024, unit: '某局', level: '部门' },
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

const d = departmentDisclosure();
const formSheets = (): Sheet[] =>
  renderForms(projectsFromDisclosure(d), { year: 2024, place: '某市', department: '101-某局' }).map(planToSheet);

const n10 = (text: string, formsCount?: number) =>
  checkNarrative(d, text, { formsCount }).filter((f) => f.rule.startsWith('N10'));

describe('forms counted as forms', () => {
  it('the same project under two units is two forms, the same name twice in one unit with other amounts two', () => {
    const forms = locateForms({ sheets: formSheets() });
    expect(forms).toHaveLength(5);
    // Distinct names (what was counted before) would say 3.
    expect(new Set(forms.map((f) => f.projectName)).size).toBe(3);
    expect(countAttachedForms(forms)).toBe(5);
  });

  it('one form printed over two sheets (the first page without its signature row) is one form', () => {
    const [first, ...rest] = formSheets();
    const page1: Sheet = { ...first, name: `${first.name}（续）`, rows: first.rows.map((r) => r.slice()) };
    const located = locateForms({ sheets: [first] })[0];
    const { r } = parseAddr(located.cells['signature.date']!);
    page1.rows[r] = [];
    const forms = locateForms({ sheets: [page1, first, ...rest] });
    expect(forms).toHaveLength(6);
    expect(countAttachedForms(forms)).toBe(5);
  });

  it('a block without a project name is no form; the seeds count as their printed forms', () => {
    const forms = locateForms({ sheets: formSheets() });
    expect(countAttachedForms([...forms, { ...forms[0], projectName: ' ' }])).toBe(5);
    for (const seed of ['000', '003'] as const)
      expect(attachedFormsCount({ sheets: [seedFormsSheet(seed)] })).toBe(loadSeed(seed).forms.length);
  });

  it('without forms in the workbook there is no count (tagged sheets are the fallback)', () => {
    expect(attachedFormsCount(undefined)).toBeUndefined();
    expect(attachedFormsCount({ sheets: [] })).toBeUndefined();
    expect(attachedFormsCount({ sheets: [{ name: 'x', tag: 'form:a', rows: [], merges: [] }] })).toBe(1);
  });
});

describe('十: the stated counts', () => {
  const text = (projects: number, published: number) =>
    `十、绩效管理情况\n本部门纳入绩效目标管理的项目共${projects}个，涉及资金52.00万元。随本预算公开的项目绩效目标表共${published}张。`;

  it('the 公开 count against the forms attached, naming both numbers', () => {
    const wb: Workbook = {
      sheets: [
        ...formSheets(),
        {
          name: '情况说明',
          rows: text(5, 3)
            .split('\n')
            .map((t) => [{ value: t }]),
          merges: [],
        },
      ],
    };
    const fs = NARRATIVE_RULES[0]
      .run({ disclosure: d, workbook: wb, codes: DEFAULT_CODES })
      .filter((f) => f.rule.startsWith('N10'));
    expect(fs.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([['N10', 'error', '5', '3']]);
    expect(fs[0].message).toContain('3张');
    expect(fs[0].message).toContain('所附项目支出绩效目标表为5张');
    expect(fs[0].sheet).toBe('情况说明');
    expect(n10(text(5, 5), 5)).toEqual([]);
  });

  it('the project count against 表12 (5 projects), in several wordings', () => {
    for (const t of [
      text(6, 5),
      '十、绩效管理情况\n纳入绩效目标管理的二级项目6个，共计金额52.00万元。',
      '十、绩效管理情况\n2、项目绩效目标\n共有6个项目编制了绩效目标，资金合计52.00万元。',
    ]) {
      expect(n10(t, 5).map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([['N10', 'error', '5', '6']]);
      expect(n10(t.replace('6', '5'), 5)).toEqual([]);
    }
  });

  it('a project count that cannot be placed is said, not passed in silence', () => {
    const fs = checkNarrative(d, '十、绩效管理情况\n本部门预算安排的各类事项共计六项，涉及资金52.00万元。').filter(
      (f) => f.rule === 'N0u',
    );
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'info' });
    expect(fs[0].message).toContain('表12 项目个数');
  });

  it('the seed 003 claims 14 published forms while 13 are attached', () => {
    const fs = checkNarrative(seedDisclosure('003'), seedNarrativeText('003'), {
      formsCount: attachedFormsCount({ sheets: [seedFormsSheet('003')] }),
    }).filter((f) => f.rule === 'N10');
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([['error', '13', '14']]);
  });
});
