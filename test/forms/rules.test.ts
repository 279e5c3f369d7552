import { CodeTable } from '../../src/core/reference';
import { FORM_RULES, checkForms } from '../../src/core/forms/rules';
import { projectsFromDisclosure } from '../../src/core/forms/projects';
import { renderForms } from '../../src/core/forms/layout';
import { planToSheet } from '../../src/core/forms/grid';
import type { Finding } from '../../src/core/model/finding';
import type { Sheet, Workbook } from '../../src/core/model/grid';
import { parseAddr } from '../../src/core/model/grid';
import { seedDisclosure, seedFormsSheet, seedWorkbookWithForms } from './seedForms';

const codes = new CodeTable([]);
const run = (seed: '000' | '001' | '003', wb: Workbook = seedWorkbookWithForms(seed)): Finding[] =>
  checkForms({ disclosure: seedDisclosure(seed), workbook: wb, codes });
const serious = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'error' || f.severity === 'warning');

function setCell(sheet: Sheet, a1: string, value: string | number | null): Sheet {
  const { r, c } = parseAddr(a1);
  const rows = sheet.rows.map((x) => (x ? [...x] : x));
  (rows[r] ??= [])[c] = { value };
  return { ...sheet, rows };
}

type Row = [rule: string, severity: Finding['severity'], row: string, cell: string | undefined];
const rows = (fs: Finding[]): Row[] => fs.map((f) => [f.rule, f.severity, f.row ?? '', f.cell]);

describe('form rules on the seeds (docs/domain.md § 样本中的已知错误): every finding at every severity', () => {
  it('exports one module per rule F0–F10', () => {
    expect(FORM_RULES.map((r) => r.id)).toEqual(['F0', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10']);
  });

  it('000: only the near-miss name 工作经历 ↔ 工作经费 (提示), naming both', () => {
    const fs = run('000');
    expect(rows(fs)).toEqual([['F1.3', 'warning', 'Z学术技术带头人评审工作经费、津贴经费', 'C407']]);
    expect(fs[0].sheet).toBe('绩效目标表');
    expect(fs[0].message).toContain('Z学术技术带头人评审工作经历、津贴经费');
    expect(fs[0].message).toContain('Z学术技术带头人评审工作经费、津贴经费');
  });

  it('001: six F2 mismatches, 技能运城 F5 and F7, nothing else', () => {
    const fs = run('001');
    const skills = '2024年“技能运城”建设新绛行动工作经费';
    expect(rows(fs)).toEqual([
      ['F2', 'error', '2024年信息化建设工作经费', 'G32'],
      ['F2', 'error', '推动就业社保服务全覆盖', 'G61'],
      ['F2', 'error', '2024年公开招聘工作经费', 'G89'],
      ['F2', 'error', '2024年劳动关系和维权经费', 'G145'],
      ['F5', 'error', skills, 'D201'],
      ['F2', 'error', skills, 'G201'],
      ['F7', 'error', skills, 'H218'],
      ['F2', 'error', '2024年机关运行经费', 'G229'],
    ]);
    // Appendix C: 表12 万元 vs form 元 and the Δ it prints.
    const expected: [string, string, string][] = [
      ['信息化建设', '20000.00', '-365000.00'],
      ['公开招聘', '270000.00', '250000.00'],
      ['技能运城', '120000.00', '-150000.00'],
      ['劳动关系和维权', '50000.00', '-50000.00'],
      ['机关运行经费', '5000.00', '-45000.00'],
      ['推动就业社保服务全覆盖', '100000.00', '-100000.00'],
    ];
    for (const [name, actual, diff] of expected)
      expect(fs.find((f) => f.rule === 'F2' && f.row?.includes(name))).toMatchObject({ actual, diff });
    expect(fs.find((f) => f.rule === 'F5')).toMatchObject({ expected: '120000.00', actual: '200000.00' });
    expect(fs.find((f) => f.rule === 'F7')).toMatchObject({ actual: '200000.00', diff: '80000.00' });
    // 遗属补助及取暖费 prints `遗属人员每月标准 532元` as its cost: a rate, never compared.
    expect(fs.some((f) => f.row === '遗属补助及取暖费')).toBe(false);
  });

  it('003: the missing form; the empty 成本指标 and the broken layout are 提示; no 尾差', () => {
    const fs = run('003');
    const archive = 'ZY流动人员人事档案馆档案数字化建设资金';
    expect(rows(fs)).toEqual([
      ['F1', 'error', 'ZY流动人员人事档案整理加工服务', 'A10'],
      ['F6', 'warning', 'QT聘用人员经费', 'D61'],
      ['F6', 'warning', 'J物业费', 'D216'],
      ['F6', 'warning', archive, 'A336'],
      ['F6', 'warning', archive, 'A336'],
    ]);
    expect(fs[0].message).toContain('260.00万元');
    expect(fs[1].message).toContain('成本指标未填写');
    expect(fs[2].message).toContain('成本指标未填写');
    // docs/domain.md § 样本中的已知错误, 003 item 2: no 时效指标 row on either side, no 成本指标 label on the 实施期 side.
    expect(fs[3].message).toContain('两侧都缺少“时效指标”');
    expect(fs[4].message).toContain('实施期一侧缺少“成本指标”');
  });

  it('003: 表12 is the rounding of the forms’ exact 元 figures (issue 14): no F2 at all', () => {
    // 1,890,489 元 → 189.05 万元 (up), 2,459,511 → 245.95 (down), 290,366.42 → 29.04 (up).
    const fs = run('003');
    expect(fs.filter((f) => f.rule === 'F2')).toEqual([]);
  });

  it('generated forms pass every rule but F6 (indicators the clerk types) and F8.1 (no date yet)', () => {
    const d = seedDisclosure('003');
    const plans = renderForms(projectsFromDisclosure(d), {
      year: 2026,
      place: '大同',
      department: '121-大同市人力资源和社会保障局[部门]',
    });
    const fs = checkForms({ disclosure: d, workbook: { sheets: plans.map(planToSheet) }, codes });
    expect(fs.filter((f) => !['F6', 'F8.1'].includes(f.rule))).toEqual([]);
    expect(fs.filter((f) => f.rule === 'F6').every((f) => f.severity === 'warning')).toBe(true);
    expect(fs.filter((f) => f.rule === 'F6').length).toBeGreaterThan(0);
    expect(fs.some((f) => f.rule === 'F6' && f.message.includes('成本指标'))).toBe(false);
  });

  it('reports nothing but one hint when a workbook has no forms at all', () => {
    const fs = checkForms({ disclosure: seedDisclosure('000'), workbook: { sheets: [] }, codes });
    expect(rows(fs)).toEqual([['F1', 'info', '', undefined]]);
  });
});

describe('form rules on edited forms', () => {
  const sheet = seedFormsSheet('000');
  const d = seedDisclosure('000');
  const check = (wb: Workbook): Finding[] => serious(checkForms({ disclosure: d, workbook: wb, codes }));

  it('F1.2: a form printed more than once is one 错误 per project, naming how many copies', () => {
    const fs = check({ sheets: [sheet, { ...sheet, name: '副本' }, { ...sheet, name: '副本2' }] });
    const dup = fs.filter((f) => f.rule === 'F1.2');
    expect(dup).toHaveLength(14); // every project once, the near-miss one included
    for (const f of dup) {
      expect(f.severity).toBe('error');
      expect(f.sheet).toBe('副本');
      expect(f.message).toContain('重复出现3次');
      expect(f.cells?.map((c) => c.sheet)).toEqual(['绩效目标表', '副本', '副本2']);
    }
  });

  it('F1.3: a renamed form paired by unit and amount', () => {
    const renamed = setCell(sheet, 'C3', '完全不同的项目');
    const fs2 = check({ sheets: [renamed] });
    // Same unit and amount: paired by amount, reported as a name mismatch.
    expect(
      fs2.some(
        (f) =>
          f.rule === 'F1.3' &&
          f.severity === 'warning' &&
          f.message.includes('完全不同的项目') &&
          f.message.includes('J2名选调生2024年到乡挂职补助'),
      ),
    ).toBe(true);
  });

  it('F3/F4: splits that do not add up or sit in the wrong source', () => {
    // First form: 年度 市县 G9 = 35,000; move it to 单位自筹 G10 and break the 实施期 sum.
    let s = setCell(sheet, 'G9', 0);
    s = setCell(s, 'G10', 35000);
    s = setCell(s, 'D9', 30000);
    const fs = check({ sheets: [s] });
    expect(fs.find((f) => f.rule === 'F3')).toMatchObject({
      cell: 'D6',
      expected: '35000.00',
      actual: '30000.00',
      diff: '-5000.00',
    });
    // One defect, one finding: the 财政 part is 0 where 表12 has 3.50 万元 of 一般公共预算.
    expect(fs.filter((f) => f.rule.startsWith('F4')).map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ['F4', 'error', 'G9'],
    ]);
  });

  it('F8 and F9: a date outside the filing period, another unit, a money indicator in %', () => {
    let s = setCell(sheet, 'G4', '大同市就业创业服务中心');
    const sigRow = sheet.rows.findIndex((r) => r?.[6]?.value === '填报日期:');
    s = setCell(s, `H${sigRow + 1}`, '20240515000000');
    const costRow = sheet.rows.findIndex((r) => r?.[3]?.value === '基层锻炼人员经费');
    s = setCell(s, `E${costRow + 1}`, '95%');
    const all = checkForms({ disclosure: d, workbook: { sheets: [s] }, codes });
    expect(all.find((f) => f.rule === 'F8')).toMatchObject({ severity: 'warning', cell: `H${sigRow + 1}` });
    expect(all.find((f) => f.rule === 'F9')).toMatchObject({ severity: 'error', cell: 'G4' });
    expect(all.find((f) => f.rule === 'F9.3')).toMatchObject({ severity: 'warning', cell: `E${costRow + 1}` });
  });
});
