import { locateForms } from '../../src/core/forms/locate';
import { checkForms } from '../../src/core/forms/rules';
import type { Cell, Sheet } from '../../src/core/model/grid';
import { CodeTable } from '../../src/core/reference';
import { PROJECT, baseDisclosure, baseSheet, edit } from './scenarios';

/**
 * Form layouts the seeds do not print but other counties do: a one-sided form (年度 only), money in
 * 万元, source rows under other labels. The reader reads them and the rules stay honest about them.
 */
const codes = new CodeTable([]);
const row = (...v: (string | number | null)[]): (Cell | undefined)[] =>
  v.map((x) => (x === null ? undefined : { value: x }));

function oneSided(): Sheet {
  return {
    name: '年度目标表',
    merges: [],
    rows: [
      row('项目支出绩效目标表'),
      row('项目名称', PROJECT),
      row('主管部门及代码', '121-大同市人力资源和社会保障局', '实施单位', '大同市人力资源和社会保障局'),
      row('项目属性', '一次性项目', '项目期', '1年'),
      row('项目资金（元）', '年度资金总额', 35000),
      row(null, '其中：中央财政资金', 0),
      row(null, '省级财政资金', 0),
      row(null, '市县（区）财政资金', 35000),
      row(null, '单位自筹', 0),
      row(null, '其他资金', null),
      row('绩效指标', '一级指标', '二级指标', '三级指标', '指标值'),
      row(null, '产出指标', '数量指标', '选调生人数', '2人'),
      row(null, null, '质量指标', '保障率', '100%'),
      row(null, null, '时效指标', '发放时间', '按月'),
      row(null, null, '成本指标', '预算控制数', '≤3.5万'),
      row(null, '效益指标', '社会效益指标', '促进基层工作', '促进'),
      row(null, '满意度指标', '服务对象满意度指标', '满意度', '≥95%'),
      row('负责人：', null, '填报日期：', '2023年10月24日'),
    ],
  };
}

describe('a one-sided form (年度 only)', () => {
  it('is read as the 年度 side', () => {
    const [f] = locateForms({ sheets: [oneSided()] });
    expect(f.funds.annual.total.toString()).toBe('35000');
    expect(f.funds.annual.split.local.toString()).toBe('35000');
    expect(f.cells['funds.period.total']).toBeUndefined();
    expect(f.printedLevel2.period).toEqual([]);
    expect(f.indicators.every((i) => i.side === 'annual')).toBe(true);
    expect(f.indicators.find((i) => i.level2 === '成本指标')?.value).toBe('≤3.5万');
  });

  it('gives no finding when complete: no 实施期 side is asked for', () => {
    expect(checkForms({ disclosure: baseDisclosure(), workbook: { sheets: [oneSided()] }, codes })).toEqual([]);
  });

  it('still finds a cost above the funds on its one side', () => {
    const s = edit(oneSided(), { E15: '≤4.5万' });
    const fs = checkForms({ disclosure: baseDisclosure(), workbook: { sheets: [s] }, codes });
    expect(fs.map((f) => [f.rule, f.severity, f.cell])).toEqual([['F7', 'error', 'E15']]);
  });
});

describe('a form printing its money in 万元', () => {
  const wan = edit(baseSheet(), { A6: '项目资金（万元）', D6: 3.5, D9: 3.5, G6: 3.5, G9: 3.5 });

  it('is read in 元', () => {
    const [f] = locateForms({ sheets: [wan] });
    expect(f.fundsUnit).toBe('万元');
    expect(f.funds.annual.total.toString()).toBe('35000');
    expect(f.funds.period.split.local.toString()).toBe('35000');
  });

  it('agrees with 表12 (no F2 comparing 3.5 元 with 35,000 元)', () => {
    expect(checkForms({ disclosure: baseDisclosure(), workbook: { sheets: [wan] }, codes })).toEqual([]);
  });
});

describe('source rows under other labels', () => {
  it('reads 本级财政资金 and 自筹资金 as 市县 and 单位自筹', () => {
    const s = edit(baseSheet(), { C9: '本级财政资金', F9: '本级财政资金', C10: '自筹资金', F10: '自筹资金' });
    const [f] = locateForms({ sheets: [s] });
    expect(f.funds.annual.split.local.toString()).toBe('35000');
    expect(f.unknownFundsRows).toEqual([]);
    expect(checkForms({ disclosure: baseDisclosure(), workbook: { sheets: [s] }, codes })).toEqual([]);
  });

  it('reads a project named like a source label as its name', () => {
    const [f] = locateForms({ sheets: [edit(baseSheet(), { C3: '中央补助资金' })] });
    expect(f.projectName).toBe('中央补助资金');
  });

  it('keeps money under an unknown label apart instead of losing it', () => {
    const s = edit(baseSheet(), { F8: '上级补助资金', G8: 35000, G9: 0 });
    const [f] = locateForms({ sheets: [s] });
    expect(f.unknownFundsRows).toEqual([{ side: 'annual', cell: 'G8', label: '上级补助资金' }]);
  });
});
