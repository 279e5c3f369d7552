import { analyzeDisclosure } from '../../src/core/check';
import { RULE_MODULES } from '../../src/core/rules/registry';
import { sortFindings } from '../../src/core/rules/run';
import type { RuleModule } from '../../src/core/rules/types';
import type { Finding } from '../../src/core/model/finding';
import { coded, disclosure } from './support/build';

describe('analyzeDisclosure', () => {
  const d = () =>
    disclosure(
      coded('t3', [
        [null, '合计', { total: '10.00', basic: '10.00' }],
        ['208', '社会保障和就业支出', { total: '10.00', basic: '10.00' }],
        ['20801', '人力资源和社会保障管理事务', { total: '10.00', basic: '10.00' }],
        ['2080101', '行政运行', { total: '10.00', basic: '10.00' }],
      ]),
    );

  it('a rule module that throws becomes one warning naming it; the others still run', () => {
    const broken: RuleModule = {
      id: 'broken',
      description: '故意出错的规则',
      run: () => {
        throw new Error('boom');
      },
    };
    const echo: RuleModule = {
      id: 'echo',
      description: '回显',
      run: () => [{ rule: 'E1', severity: 'info', message: '信息' }],
    };
    const { findings } = analyzeDisclosure(d(), { modules: [broken, echo] });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['broken', 'warning'],
      ['E1', 'info'],
    ]);
    expect(findings[0].message).toContain('故意出错的规则');
    expect(findings[0].message).toContain('boom');
  });

  it('registers every rule family once', () => {
    const ids = RULE_MODULES.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'row-identities',
        'fixed-row-sums',
        'coded-hierarchy',
        'economic-classes',
        'unit-and-project-totals',
        'no-data-note',
        'cross-table',
        'code-names',
        'formula-integrity',
      ]),
    );
  });

  it('keeps locator findings and sorts by severity, table, row', () => {
    const dd = d();
    dd.findings.push({ rule: 'P2', severity: 'warning', table: 't7', message: '未找到表7' });
    const { findings } = analyzeDisclosure(dd, { modules: [] });
    expect(findings.map((f) => f.rule)).toEqual(['P2']);
    const unsorted: Finding[] = [
      { rule: 'a', severity: 'info', table: 't1', cell: 'A1', message: '' },
      { rule: 'b', severity: 'error', table: 't10', cell: 'C9', message: '' },
      { rule: 'c', severity: 'error', table: 't2', cell: 'C12', message: '' },
      { rule: 'd', severity: 'error', table: 't2', cell: 'C9', message: '' },
      { rule: 'e', severity: 'rounding', table: 't1', cell: 'B2', message: '' },
    ];
    expect(sortFindings(unsorted).map((f) => f.rule)).toEqual(['d', 'c', 'b', 'e', 'a']);
  });
});
