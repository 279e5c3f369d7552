import type { Finding } from '../../src/core/model/finding';
import { countBySeverity, findingPlace, groupFindings } from '../../src/taskpane/findingGroups';

const f = (rule: string, severity: Finding['severity'], table?: string, sheet?: string, cell?: string): Finding => ({
  rule,
  severity,
  table,
  sheet,
  cell,
  message: rule,
});

describe('findingGroups', () => {
  const list = [
    f('X1', 'warning', 't3', '表3 预算支出总表', 'C7'),
    f('W2.1', 'error', 't3', '表3 预算支出总表', 'D7'),
    f('W1.1', 'rounding', 't1', '表1 预算收支总表', 'B35'),
    f('W1.3', 'error', 't1', '表1 预算收支总表', 'D35'),
    f('N6', 'info', 'narrative'),
  ];

  test('counts every severity', () => {
    expect(countBySeverity(list)).toEqual({ error: 2, warning: 1, rounding: 1, info: 1 });
  });

  test('groups by table in table order, errors first, 尾差 apart', () => {
    const g = groupFindings(list);
    expect(g.byTable.map((x) => x.title)).toEqual(['表1 预算收支总表', '表3 预算支出总表', '情况说明']);
    expect(g.byTable[1].findings.map((x) => x.rule)).toEqual(['W2.1', 'X1']);
    expect(g.rounding.map((x) => x.rule)).toEqual(['W1.1']);
    expect(g.byTable.flatMap((x) => x.findings)).toHaveLength(4);
  });

  test('place names sheet and cell', () => {
    expect(findingPlace(list[0])).toBe('表3 预算支出总表!C7');
    expect(findingPlace(list[4])).toBe('');
  });
});
