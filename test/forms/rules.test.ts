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

describe('form rules on the seeds (docs/domain.md § 样本中的已知错误)', () => {
  it('exports one module per rule F1–F10', () => {
    expect(FORM_RULES.map((r) => r.id)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10']);
  });

  it('000: only the near-miss name 工作经历 ↔ 工作经费, naming both', () => {
    const fs = serious(run('000'));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'F1', severity: 'warning', sheet: '绩效目标表' });
    expect(fs[0].message).toContain('Z学术技术带头人评审工作经历、津贴经费');
    expect(fs[0].message).toContain('Z学术技术带头人评审工作经费、津贴经费');
    expect(fs[0].cell).toMatch(/^C\d+$/);
  });

  it('001: six F2 mismatches, 技能运城 F5 and F7, nothing else', () => {
    const fs = serious(run('001'));
    const f2 = fs.filter((f) => f.rule === 'F2');
    // Appendix C: 表12 万元 vs form 元 and the Δ it prints.
    const expected: [string, string, string][] = [
      ['信息化建设', '20000.00', '-365000.00'],
      ['公开招聘', '270000.00', '250000.00'],
      ['技能运城', '120000.00', '-150000.00'],
      ['劳动关系和维权', '50000.00', '-50000.00'],
      ['机关运行经费', '5000.00', '-45000.00'],
      ['推动就业社保服务全覆盖', '100000.00', '-100000.00'],
    ];
    expect(f2).toHaveLength(6);
    for (const [name, actual, diff] of expected) {
      const hit = f2.find((f) => f.row?.includes(name));
      expect(hit).toMatchObject({ severity: 'error', actual, diff });
      expect(hit?.cell).toMatch(/^G\d+$/);
    }
    const rest = fs.filter((f) => f.rule !== 'F2');
    expect(rest.map((f) => f.rule).sort()).toEqual(['F5', 'F7']);
    for (const f of rest) {
      expect(f.row).toContain('技能运城');
      expect(f.severity).toBe('error');
    }
    expect(rest.find((f) => f.rule === 'F5')).toMatchObject({ expected: '120000.00', actual: '200000.00' });
    expect(rest.find((f) => f.rule === 'F7')).toMatchObject({ actual: '200000.00', diff: '80000.00' });
  });

  it('003: missing form, two empty 成本指标, three 尾差 and no other error', () => {
    const fs = run('003');
    const errors = fs.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.rule} ${f.row}`).sort()).toEqual([
      'F1 ZY流动人员人事档案整理加工服务',
      'F6 J物业费',
      'F6 QT聘用人员经费',
    ]);
    expect(errors.find((f) => f.rule === 'F1')?.message).toContain('260.00万元');
    for (const f of errors.filter((x) => x.rule === 'F6')) expect(f.message).toContain('成本指标');
    const rounding = fs.filter((f) => f.severity === 'rounding');
    expect(rounding.map((f) => [f.rule, f.diff]).sort()).toEqual([
      ['F2', '-11.00'],
      ['F2', '-33.58'],
      ['F2', '11.00'],
    ]);
    // The broken layout of ZY档案数字化 (docs/domain.md § 样本中的已知错误, 003 item 2) is pointed out, as a warning only.
    const warnings = fs.filter((f) => f.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w.row).toBe('ZY流动人员人事档案馆档案数字化建设资金');
  });

  it('generated forms pass F1–F5, F7 and F9; F6 asks for the indicators the clerk must type', () => {
    const d = seedDisclosure('003');
    const plans = renderForms(projectsFromDisclosure(d), {
      year: 2026,
      place: '大同',
      department: '121-大同市人力资源和社会保障局[部门]',
    });
    const fs = checkForms({ disclosure: d, workbook: { sheets: plans.map(planToSheet) }, codes });
    expect(fs.filter((f) => !['F6', 'F8'].includes(f.rule))).toEqual([]);
    expect(fs.filter((f) => f.rule === 'F6' && f.severity === 'error').length).toBeGreaterThan(0);
    expect(fs.some((f) => f.rule === 'F6' && f.message.includes('成本指标'))).toBe(false);
  });

  it('F8: every 填报日期 of 000 and 003 lies in the filing period; 001 has none to check', () => {
    for (const seed of ['000', '001', '003'] as const) expect(run(seed).filter((f) => f.rule === 'F8')).toEqual([]);
  });

  it('reports nothing but one hint when a workbook has no forms at all', () => {
    const fs = checkForms({ disclosure: seedDisclosure('000'), workbook: { sheets: [] }, codes });
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'F1', severity: 'info' });
  });
});

describe('form rules on edited forms', () => {
  const sheet = seedFormsSheet('000');
  const d = seedDisclosure('000');
  const check = (wb: Workbook): Finding[] => serious(checkForms({ disclosure: d, workbook: wb, codes }));

  it('F1: a duplicated form and a form without a 表12 project', () => {
    const fs = check({ sheets: [sheet, { ...sheet, name: '副本' }] });
    const dup = fs.filter((f) => f.rule === 'F1' && f.message.includes('重复'));
    expect(dup).toHaveLength(14 + 1 - 1); // 13 exact copies + the near-miss copy
    expect(dup.every((f) => f.sheet === '副本')).toBe(true);
    const renamed = setCell(sheet, 'C3', '完全不同的项目');
    const fs2 = check({ sheets: [renamed] });
    // Same unit and amount: paired by amount, reported as a name mismatch.
    expect(
      fs2.some(
        (f) =>
          f.rule === 'F1' && f.message.includes('完全不同的项目') && f.message.includes('J2名选调生2024年到乡挂职补助'),
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
    const f4 = fs.filter((f) => f.rule === 'F4');
    expect(f4.map((f) => f.cell).sort()).toEqual(['G10', 'G9']);
  });

  it('F8 and F9: a bad date, another unit, a money indicator in %', () => {
    let s = setCell(sheet, 'G4', '大同市就业创业服务中心');
    const sigRow = sheet.rows.findIndex((r) => r?.[6]?.value === '填报日期:');
    s = setCell(s, `H${sigRow + 1}`, '20231345000000');
    const costRow = sheet.rows.findIndex((r) => r?.[3]?.value === '基层锻炼人员经费');
    s = setCell(s, `E${costRow + 1}`, '95%');
    const all = checkForms({ disclosure: d, workbook: { sheets: [s] }, codes });
    expect(all.find((f) => f.rule === 'F8')).toMatchObject({ severity: 'info', cell: `H${sigRow + 1}` });
    const f9 = all.filter((f) => f.rule === 'F9');
    expect(f9.find((f) => f.cell === 'G4')?.severity).toBe('error');
    expect(f9.find((f) => f.cell === `E${costRow + 1}`)?.severity).toBe('warning');
  });
});
