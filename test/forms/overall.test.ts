import type { Cell, Sheet } from '../../src/core/model/grid';
import { checkOverallForm } from '../../src/core/forms/overall';
import { seedDisclosure } from './seedForms';

/** 004's 整体支出绩效目标申报表 年度预算情况 block (docs/domain.md § 整体支出绩效目标表), figures in 万元. */
function overallSheet(projectAmount: string, sourceTotal: string): Sheet {
  const row = (...v: (string | null)[]): (Cell | undefined)[] => v.map((x) => (x === null ? undefined : { value: x }));
  return {
    name: '整体目标表',
    merges: [],
    rows: [
      row('市级预算部门（单位）整体支出绩效目标申报表'),
      row('（2024）年度'),
      row('年度预算情况'),
      row('按资金来源划分', '资金总额（万元）', '按资金方向划分', '资金总额（万元）'),
      row('合 计', sourceTotal, '合 计', '197.55'),
      row('其中:一般公共预算资金', '197.55', '其中:基本支出', null),
      row('政府性基金预算资金', '0.00', '项目支出', projectAmount),
      row('单位资金', '0.00'),
      row('年度重点任务'),
    ],
  };
}

describe('F10 整体支出绩效目标表 (only when present)', () => {
  const d = seedDisclosure('000'); // 表12 合计 197.55

  it('finds nothing to check in a workbook without one', () => {
    expect(checkOverallForm({ sheets: [] }, d)).toEqual([]);
  });

  it('passes when sources, directions and 表12 agree', () => {
    expect(checkOverallForm({ sheets: [overallSheet('197.55', '197.55')] }, d)).toEqual([]);
  });

  it('reports a 项目支出 that differs from 表12 and a source total that does not add up', () => {
    const fs = checkOverallForm({ sheets: [overallSheet('190.00', '200.00')] }, d);
    const project = fs.find((f) => f.message.includes('项目支出与表12合计'));
    expect(project).toMatchObject({
      rule: 'F10',
      severity: 'error',
      sheet: '整体目标表',
      cell: 'D7',
      expected: '197.55',
      actual: '190.00',
    });
    expect(fs.find((f) => f.message.includes('按资金来源划分'))).toMatchObject({
      cell: 'B5',
      expected: '197.55',
      actual: '200.00',
    });
  });
});

describe('F10 reads the block in the unit its header prints', () => {
  const d = seedDisclosure('000');
  const inYuan = (projectAmount: string): Sheet => {
    const s = overallSheet(projectAmount, '1975500');
    const rows = s.rows.map((r) =>
      r.map((c) => (c && typeof c.value === 'string' ? { value: c.value.replace('万元', '元') } : c)),
    );
    // 元 figures: 197.55 万元 = 1,975,500 元.
    const yuan = (v: string | null) => (v === null ? undefined : { value: v });
    rows[4] = [yuan('合 计'), yuan('1975500'), yuan('合 计'), yuan('1975500')];
    rows[5] = [yuan('其中:一般公共预算资金'), yuan('1975500'), yuan('其中:基本支出'), undefined];
    rows[6] = [yuan('政府性基金预算资金'), yuan('0'), yuan('项目支出'), yuan(projectAmount)];
    return { ...s, rows };
  };

  it('a block in 元 agreeing with 表12 gives nothing', () => {
    expect(checkOverallForm({ sheets: [inYuan('1975500')] }, d)).toEqual([]);
  });

  it('a block in 元 that differs from 表12 is reported in 万元', () => {
    const fs = checkOverallForm({ sheets: [inYuan('1900000')] }, d);
    expect(fs.find((f) => f.message.includes('项目支出与表12合计'))).toMatchObject({
      severity: 'error',
      expected: '197.55',
      actual: '190.00',
    });
  });
});
