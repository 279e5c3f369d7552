import { locateTables } from '../../src/core/locate';
import type { LocatedTable } from '../../src/core/model/disclosure';
import type { Cell, CellValue, Sheet, Workbook } from '../../src/core/model/grid';
import { renderTemplates } from '../../src/core/templates/layout';
import { planToSheet } from '../../src/core/templates/planToGrid';
import { buildSeedWorkbook } from '../fixtures/seeds';
import { INDENTED_T12, INDENTED_T12_LEVELS } from '../fixtures/indentedT12';

/** Hand-made sheets: each case is a small table typed the way clerks really type them. */
function sheet(name: string, rows: CellValue[][], extra: Partial<Sheet> = {}): Sheet {
  return {
    name,
    rows: rows.map((r) => r.map((v): Cell | undefined => (v === null ? undefined : { value: v }))),
    merges: [],
    ...extra,
  };
}
const wb = (...sheets: Sheet[]): Workbook => ({ sheets });

const T3_HEADER: CellValue[][] = [
  ['项目', null, '2024年预算数'],
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
];

function t3(rows: CellValue[][], title: CellValue = '2024年预算支出总表'): Sheet {
  return sheet('支出', [[title], ['单位名称：某某局', null, null, null, '单位：万元'], ...T3_HEADER, ...rows]);
}

describe('locateTables on hand-made layouts', () => {
  it('reads full-width digits, thousands separators and padded text as money', () => {
    const d = locateTables(wb(t3([['合计', null, '1,184.32', ' 5 ', '１２３'], ['２０８', '社会保障和就业支出', 1184.32, 5, 123]])));
    const [total, lei] = d.tables.t3?.rows ?? [];
    expect(total.values.total?.value.toString()).toBe('1184.32');
    expect(total.values.basic?.value.toString()).toBe('5');
    expect(total.values.project?.value.toString()).toBe('123');
    expect(lei).toMatchObject({ kind: 'lei', code: '208', name: '社会保障和就业支出' });
    expect(d.findings.filter((f) => f.rule === 'P1')).toEqual([]);
  });

  it('text in a money cell is a P1 error naming sheet and cell, never a throw', () => {
    const d = locateTables(wb(t3([['合计', null, 10, '12,3a', null]])));
    const p1 = d.findings.filter((f) => f.rule === 'P1');
    expect(p1).toHaveLength(1);
    expect(p1[0]).toMatchObject({ severity: 'error', table: 't3', sheet: '支出', cell: 'D5' });
    expect(p1[0].message).toBe('支出!D5 的“12,3a”不是数字');
    expect(d.tables.t3?.rows[0].values.basic?.value.toString()).toBe('0');
  });

  it('an Excel error value in a money cell is a P1 error', () => {
    const d = locateTables(wb(t3([['合计', null, { error: '#REF!' }, 1, null]])));
    const p1 = d.findings.find((f) => f.rule === 'P1');
    expect(p1?.cell).toBe('C5');
    expect(p1?.message).toContain('#REF!');
  });

  it('a missing table is a P2 warning with the table name', () => {
    const d = locateTables(wb(t3([['合计', null, 1, 1, null]])));
    const p2 = d.findings.filter((f) => f.rule === 'P2').map((f) => f.message);
    expect(p2).toContain('未找到表2 预算收入总表');
    expect(p2).not.toContain('未找到表3 预算支出总表');
    expect(p2).toHaveLength(12);
    const empty = locateTables(wb());
    expect(empty.findings.map((f) => f.message)).toContain('未找到表3 预算支出总表');
  });

  it('accepts wrapped labels, unit-prefixed titles with spaces, unmerged headers and a blank row inside the body', () => {
    const s = sheet('Sheet1', [
      ['某某局 2024 年\n预算支出\n总表'],
      ['单位:万元'],
      ['功能分类科目', null, '2024 年预算数'],
      ['科目\n编码', '科目名称', '合 计', '基本\n支出', '项目支出'],
      [208, '社会保障和就业支出', 3, 2, 1],
      [],
      ['20801', '人力资源和社会保障\n管理事务', 3, 2, 1],
      [' 2080101 ', '行政运行', 3, 2, 1],
      [null, '合计', 3, 2, 1],
    ]);
    const t = locateTables(wb(s)).tables.t3 as LocatedTable;
    expect(t.rows.map((r) => [r.kind, r.code ?? null])).toEqual([
      ['lei', '208'], ['kuan', '20801'], ['xiang', '2080101'], ['total', null],
    ]);
    expect(t.range).toBe('A1:E9');
    expect(t.columns.basic.col).toBe(3);
  });

  it('merged headers: a vertically merged 上年结转 header maps to its column', () => {
    const s = sheet('收入', [
      ['2024年预算收入总表'],
      ['项目', null, '本年收入', null, null, null, null, null, '上年结转'],
      ['科目编码', '科目名称', '合计', '一般公共预算', '政府性基金', '国有资本经营预算', '财政专户管理资金', '单位资金', null],
      ['合计', null, 5, 5, null, null, null, null, 7],
    ], { merges: [{ top: 1, left: 8, bottom: 2, right: 8 }, { top: 1, left: 0, bottom: 1, right: 1 }, { top: 1, left: 2, bottom: 1, right: 7 }] });
    const t = locateTables(wb(s)).tables.t2 as LocatedTable;
    expect(t.columns.carry.col).toBe(8);
    expect(t.rows[0].values.carry?.value.toString()).toBe('7');
    expect(t.rows[0].values.carry?.cell).toBe('I4');
  });

  it('表12 of a 部门 with U+3000 indentation: total, unit subtotals, projects', () => {
    const s = sheet('项目', INDENTED_T12);
    const flat = locateTables(wb(structuredClone(s))).tables.t12 as LocatedTable;
    expect(flat.rows.map((r) => r.kind)).toEqual(['project', 'project', 'project', 'project']);
    for (const [r, level] of Object.entries(INDENTED_T12_LEVELS)) (s.rows[Number(r)][0] as Cell).indent = level;
    const t = locateTables(wb(s)).tables.t12 as LocatedTable;
    expect(t.rows.map((r) => r.kind)).toEqual(['total', 'unit', 'project', 'project']);
  });
});

describe('locateTables: documents pasted whole', () => {
  it('a table of contents listing every title does not hide the real tables below it', () => {
    const toc = sheet('目录', [['目 录'], ...['2024年预算收支总表', '2024年预算收入总表', '2024年预算支出总表'].map((t, i) => [`表${'一二三'[i]}${t}`])]);
    const w = buildSeedWorkbook('000', 'stacked');
    const first = w.sheets[0];
    first.rows = [...toc.rows, [], ...first.rows];
    const d = locateTables(w);
    expect(d.findings).toEqual([]);
    expect(d.tables.t3?.rows.find((r) => r.kind === 'total')?.values.total?.value.toString()).toBe('1184.32');
  });
});

describe('locateTables: unit name in titles without year', () => {
  it('001 stacked: the unit is read from the text before the title key words', () => {
    expect(locateTables(buildSeedWorkbook('001', 'stacked')).meta.unit).toBe('新绛县人力资源和社会保障局');
  });
});
