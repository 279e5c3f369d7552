import { titleOf } from '../../src/core/locate/findTitles';
import { TABLES } from '../../src/core/templates/tables';

/**
 * Table titles as other places print them: the 部门/收支预算 wordings of the standard sets, word
 * orders (`上年结转项目支出预算表`), `…预算表`/`…情况表` endings. Which table each is comes from what
 * the table holds (docs/domain.md), not from running the code.
 */
const TITLES: [string, string][] = [
  ['2025年部门收支预算总表', 't1'],
  ['收支预算总表', 't1'],
  ['部门收支总表', 't1'],
  ['部门收入预算总表', 't2'],
  ['收入预算总表', 't2'],
  ['部门支出预算总表', 't3'],
  ['支出预算总表', 't3'],
  ['财政拨款收支预算总表', 't4'],
  ['财政拨款收支总表', 't4'],
  ['一般公共预算支出情况表', 't5'],
  ['一般公共预算基本支出预算表', 't6'],
  ['一般公共预算基本支出经济分类表', 't6'],
  ['政府性基金收入预算表', 't7'],
  ['政府性基金支出预算表', 't8'],
  ['国有资本经营预算支出预算表', 't9'],
  ['一般公共预算“三公”经费支出情况表', 't10'],
  ['机关运行经费支出表', 't11'],
  ['项目支出表', 't12'],
  ['上年结转项目支出预算表', 't13'],
  ['项目支出预算表（上年结转）', 't13'],
];

describe('titleOf: other places’ wordings of the 13 titles', () => {
  test.each(TITLES)('%s → %s', (title, id) => {
    expect(titleOf(title, TABLES)).toBe(id);
  });

  // Silent: tables that are not among the 13 are no table's title.
  test.each(['项目支出绩效目标表', '部门整体支出绩效目标表', '政府采购预算表', '国有资产占用情况表'])(
    '%s → none',
    (t) => {
      expect(titleOf(t, TABLES)).toBeUndefined();
    },
  );
});
