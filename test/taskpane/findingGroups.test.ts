import type { Finding } from '../../src/core/model/finding';
import { countBySeverity, findingPlace, groupBySeverity, shownNew, shownValue } from '../../src/taskpane/findingGroups';

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

  test('groups by severity (错误, 提示, 尾差, 信息), then by table in table order', () => {
    const g = groupBySeverity(list);
    expect(g.map((x) => x.severity)).toEqual(['error', 'warning', 'rounding', 'info']);
    expect(g[0].byTable.map((x) => [x.title, x.findings.map((f) => f.rule)])).toEqual([
      ['表1 预算收支总表', ['W1.3']],
      ['表3 预算支出总表', ['W2.1']],
    ]);
    expect(g[3].byTable.map((x) => x.title)).toEqual(['情况说明']);
    expect(g.flatMap((x) => x.findings)).toHaveLength(5);
  });

  test('a filter keeps its severity alone; severities without findings are left out', () => {
    expect(groupBySeverity(list, 'warning').map((x) => x.findings.map((f) => f.rule))).toEqual([['X1']]);
    expect(groupBySeverity(list.filter((f) => f.severity !== 'warning')).map((x) => x.severity)).toEqual([
      'error',
      'rounding',
      'info',
    ]);
  });

  test('the preview shows texts in quotes, blanks as （空）, a formula with what it computes', () => {
    expect(shownValue('1,184.32')).toBe('“1,184.32”');
    expect(shownValue(null)).toBe('（空）');
    expect(shownValue(1184.32)).toBe('1184.32');
    const e = { sheet: '表2', cell: 'C7', old: 10, new: 12, formula: 'SUM(C8:C9)', reason: '', finding: 'FI1' };
    expect(shownNew(e)).toBe('公式 =SUM(C8:C9)（计算值 12）');
  });

  test('place names sheet and cell', () => {
    expect(findingPlace(list[0])).toBe('表3 预算支出总表!C7');
    expect(findingPlace(list[4])).toBe('');
  });
});
