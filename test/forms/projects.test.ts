import { locateTables } from '../../src/core/locate';
import { projectsFromDisclosure } from '../../src/core/forms/projects';
import { FORM_RULES, checkForms } from '../../src/core/forms/rules';
import { analyzeWorkbook } from '../../src/core/check';
import { CodeTable } from '../../src/core/reference';
import { buildSeedWorkbook, loadFixture, type SeedId } from '../fixtures/seeds';
import { seedFormsSheet } from './seedForms';

describe('projects from the located 表12 (with the shared locator)', () => {
  for (const seed of ['000', '001', '003'] as SeedId[]) {
    it(`seed ${seed}: every 表12 project with its unit and amounts`, () => {
      const fx = loadFixture(seed);
      const d = locateTables(buildSeedWorkbook(seed, 'published'));
      const projects = projectsFromDisclosure(d);
      const expected = fx.tables.t12.rows.filter((r) => r.kind === 'project');
      expect(projects.map((p) => p.name.replace(/\s/g, ''))).toEqual(expected.map((r) => r.name.replace(/\s/g, '')));
      projects.forEach((p, i) => {
        expect(p.unit).toBe(expected[i].unit ?? fx.unit);
        expect(p.total.toFixed(2)).toBe(expected[i].values['合计']);
        expect(p.unitFunds.toFixed(2)).toBe(expected[i].values['单位资金'] ?? '0.00');
      });
    });
  }

  it('the form rules give the same seed results on the located disclosure', () => {
    const wb = buildSeedWorkbook('001', 'published');
    const withForms = { sheets: [...wb.sheets, seedFormsSheet('001')] };
    const fs = checkForms({ disclosure: locateTables(withForms), workbook: withForms, codes: new CodeTable([]) });
    const errors = fs.filter((f) => f.severity === 'error');
    expect(errors.filter((f) => f.rule === 'F2')).toHaveLength(6);
    expect(errors.map((f) => f.rule).sort()).toEqual(['F2', 'F2', 'F2', 'F2', 'F2', 'F2', 'F5', 'F7']);
    // F2 points at both cells: the form's and 表12's.
    const f2 = errors.find((f) => f.rule === 'F2');
    expect(f2?.cells?.length).toBe(2);
  });

  it('runs inside analyzeWorkbook as a rule family', () => {
    const wb = buildSeedWorkbook('003', 'published');
    const withForms = { sheets: [...wb.sheets, seedFormsSheet('003')] };
    const a = analyzeWorkbook(withForms, { modules: FORM_RULES });
    const errors = a.findings.filter((f) => f.rule.startsWith('F') && f.severity === 'error');
    // The two empty 成本指标 (F6) are 提示 under the severity policy: an incomplete form, not a contradiction.
    expect(errors.map((f) => f.rule).sort()).toEqual(['F1']);
    expect(a.findings.filter((f) => f.rule === 'F6' && f.severity === 'warning')).toHaveLength(4);
    // The form sheet does not disturb the table locator.
    expect(a.disclosure.tables.t12?.sheet).toBe(locateTables(wb).tables.t12?.sheet);
    expect(a.disclosure.findings.length).toBe(locateTables(wb).findings.length);
  });
});
