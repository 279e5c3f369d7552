import { analyzeDisclosure } from '../../src/core/check';
import { checkProjects } from '../../src/core/rules/units';
import { checkRowIdentities } from '../../src/core/rules/rowIdentities';
import { disclosure, table } from './support/build';

/** docs/domain.md § 尾差: 尾差 when 0 < |Δ| ≤ max(0.01, 0.005 × n), n = number of addends. */
describe('尾差 tolerance', () => {
  const row = (total: string) =>
    disclosure(
      table('t3', [
        { kind: 'xiang', code: '2080101', name: '行政运行', values: { total, basic: '10.00', project: '5.00' } },
      ]),
    );

  it('two addends: 0.01 is 尾差', () => {
    const f = checkRowIdentities(row('15.01'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'W3.2',
      severity: 'rounding',
      expected: '15.00',
      actual: '15.01',
      diff: '0.01',
      cell: 'C5',
    });
  });

  it('two addends: 0.02 is an error', () => {
    const f = checkRowIdentities(row('14.98'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', diff: '-0.02' });
  });

  it('equal is silent', () => {
    expect(checkRowIdentities(row('15.00'))).toEqual([]);
  });

  // 21 projects of 1.00 each: tolerance 0.005 × 21 = 0.105.
  const projects = (total: string) =>
    table('t12', [
      { kind: 'total', key: 'total', label: '合计', values: { total, gpb: total } },
      ...Array.from({ length: 21 }, (_, i) => ({
        kind: 'project' as const,
        name: `项目${i + 1}`,
        values: { total: '1.00', gpb: '1.00' },
      })),
    ]);

  it('21 addends: 0.10 is still 尾差', () => {
    const f = checkProjects(projects('21.10'));
    expect(f.map((x) => x.severity)).toEqual(['rounding', 'rounding']);
    expect(f[0]).toMatchObject({ rule: 'W12.1', expected: '21.00', actual: '21.10', cell: 'B5' });
  });

  it('21 addends: 0.11 is an error', () => {
    const f = checkProjects(projects('20.89'));
    expect(f.map((x) => x.severity)).toEqual(['error', 'error']);
  });

  it('blank addends do not widen the tolerance (30 category rows, 3 filled)', () => {
    const cats = ['208', '210', '221'];
    const t1 = table('t1', [
      ...cats.map((c, i) => ({
        kind: 'fixed' as const,
        side: 'expenditure' as const,
        key: `cat:${c}`,
        label: c,
        values: { total: '10.00', current: '10.00' },
        at: 7 + i,
      })),
      ...Array.from({ length: 27 }, (_, i) => ({
        kind: 'fixed' as const,
        side: 'expenditure' as const,
        key: `cat:x${i}`,
        label: 'x',
        values: { total: null },
        at: 10 + i,
      })),
      {
        kind: 'fixed',
        side: 'expenditure',
        key: 'exp_total',
        label: '本年支出合计',
        values: { total: '30.02', current: '30.00' },
        at: 30,
      },
    ]);
    const f = analyzeDisclosure(disclosure(t1)).findings.filter((x) => x.rule === 'W1.3');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', diff: '0.02', column: '{year}年合计'.replace('{year}', '2024') });
  });
});
