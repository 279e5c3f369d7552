import { analyzeWorkbook } from '../../src/core/check';
import { buildSeedWorkbook } from '../fixtures/seeds';

// The safety net under test: a table reader that throws. Only the coded reader (表2/3/5/7/8) breaks.
jest.mock('../../src/core/locate/readCoded', () => ({
  readCoded: () => {
    throw new Error('测试：读取器故障');
  },
}));

describe('P9: a reader that throws', () => {
  it('becomes one 提示 per attempt naming the table and sheet; the other tables are still read', () => {
    const { disclosure, findings } = analyzeWorkbook(buildSeedWorkbook('003', 'published'));
    const p9 = findings.filter((f) => f.rule === 'P9');
    expect(p9.map((f) => [f.severity, f.table, f.sheet])).toEqual([
      ['warning', 't2', '公开表2'],
      ['warning', 't3', '公开表3'],
      ['warning', 't5', '公开表5'],
      ['warning', 't7', '公开表7'],
      ['warning', 't8', '公开表8'],
    ]);
    expect(p9[0].message).toContain('测试：读取器故障');
    expect(Object.keys(disclosure.tables).sort()).toEqual(['t1', 't10', 't11', 't12', 't13', 't4', 't6', 't9']);
    // What the other rules can still check holds: the crash adds no 错误.
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
