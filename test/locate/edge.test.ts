import { analyzeWorkbook } from '../../src/core/check';
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
    const d = locateTables(
      wb(
        t3([
          ['合计', null, '1,184.32', ' 5 ', '１２３'],
          ['２０８', '社会保障和就业支出', 1184.32, 5, 123],
        ]),
      ),
    );
    const [total, lei] = d.tables.t3?.rows ?? [];
    expect(total.values.total?.value.toString()).toBe('1184.32');
    expect(total.values.basic?.value.toString()).toBe('5');
    expect(total.values.project?.value.toString()).toBe('123');
    expect(lei).toMatchObject({ kind: 'lei', code: '208', name: '社会保障和就业支出' });
    expect(d.findings.filter((f) => f.rule === 'P1')).toEqual([]);
  });

  it('text in a money cell is a P1 提示 naming sheet and cell, counted as 0, never a throw', () => {
    const d = locateTables(wb(t3([['合计', null, 10, '12,3a', null]])));
    const p1 = d.findings.filter((f) => f.rule === 'P1');
    expect(p1).toHaveLength(1);
    expect(p1[0]).toMatchObject({ severity: 'warning', table: 't3', sheet: '支出', cell: 'D5' });
    expect(p1[0].message).toBe('支出!D5 的“12,3a”不是数字，按 0 计算；请填写数字（无金额请留空）');
    expect(d.tables.t3?.rows[0].values.basic?.value.toString()).toBe('0');
  });

  it('an Excel error value in a money cell counts as 0 and is left to FI3 (one report per cell)', () => {
    const wbk = wb(t3([['合计', null, { error: '#REF!' }, 1, null]]));
    const d = locateTables(wbk);
    expect(d.findings.filter((f) => f.rule === 'P1')).toEqual([]);
    expect(d.tables.t3?.rows[0].values.total?.value.toString()).toBe('0');
    const all = analyzeWorkbook(wbk).findings.filter((f) => f.cell === 'C5');
    expect(all.map((f) => [f.rule, f.severity])).toEqual([['FI3', 'error']]);
  });

  it('a table printed over two pages: the repeated header, unit line and 续表 mark are not rows', () => {
    const rows: CellValue[][] = [
      ['合计', null, 15, 15, null],
      ['208', '社会保障和就业支出', 15, 15, null],
      ['20801', '人力资源和社会保障管理事务', 15, 15, null],
      ['2080101', '行政运行', 10, 10, null],
      [null, null, null, null, null],
      ['续表', null, null, null, null],
      [null, null, null, null, '单位：万元'],
      ...T3_HEADER,
      ['2080102', '一般行政管理事务', 5, 5, null],
    ];
    const d = locateTables(wb(t3(rows)));
    expect(d.tables.t3?.rows.map((r) => [r.kind, r.code ?? r.label, r.name])).toEqual([
      ['total', '合计', undefined],
      ['lei', '208', '社会保障和就业支出'],
      ['kuan', '20801', '人力资源和社会保障管理事务'],
      ['xiang', '2080101', '行政运行'],
      ['xiang', '2080102', '一般行政管理事务'],
    ]);
    expect(d.findings.filter((f) => f.table === 't3')).toEqual([]);
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
      ['lei', '208'],
      ['kuan', '20801'],
      ['xiang', '2080101'],
      ['total', null],
    ]);
    expect(t.range).toBe('A1:E9');
    expect(t.columns.basic.col).toBe(3);
  });

  it('merged headers: a vertically merged 上年结转 header maps to its column', () => {
    const s = sheet(
      '收入',
      [
        ['2024年预算收入总表'],
        ['项目', null, '本年收入', null, null, null, null, null, '上年结转'],
        [
          '科目编码',
          '科目名称',
          '合计',
          '一般公共预算',
          '政府性基金',
          '国有资本经营预算',
          '财政专户管理资金',
          '单位资金',
          null,
        ],
        ['合计', null, 5, 5, null, null, null, null, 7],
      ],
      {
        merges: [
          { top: 1, left: 8, bottom: 2, right: 8 },
          { top: 1, left: 0, bottom: 1, right: 1 },
          { top: 1, left: 2, bottom: 1, right: 7 },
        ],
      },
    );
    const t = locateTables(wb(s)).tables.t2 as LocatedTable;
    expect(t.columns.carry.col).toBe(8);
    expect(t.rows[0].values.carry?.value.toString()).toBe('7');
    expect(t.rows[0].values.carry?.cell).toBe('I4');
  });

  it('表12 of a 部门 with U+3000 indentation: total, unit subtotals, projects', () => {
    const s = sheet('项目', [
      ['2024年项目支出预算表（本年预算）'],
      ['部门名称：晋城市人力资源和社会保障局 单位：万元'],
      ['项目名称', '合计', '2024年财政拨款', null, null, '财政专户管理资金', '单位资金'],
      [null, null, '一般公共预算', '政府性基金预算', '国有资本经营预算'],
      [1, 2, 3, 4, 5, 6, 7],
      ['晋城市人力资源和社会保障局', 30, 30],
      ['\u3000晋城市人力资源和社会保障局', 10, 10],
      ['\u3000\u3000遗属补助', 10, 10],
      ['\u3000晋城技师学院', 20, 20],
      ['\u3000\u3000遗属补助', 20, 20],
    ]);
    const d = locateTables(wb(s));
    const t = d.tables.t12 as LocatedTable;
    expect(t.rows.map((r) => [r.kind, r.level, r.unit ?? null])).toEqual([
      ['total', 0, null],
      ['unit', 1, '晋城市人力资源和社会保障局'],
      ['project', 2, '晋城市人力资源和社会保障局'],
      ['unit', 1, '晋城技师学院'],
      ['project', 2, '晋城技师学院'],
    ]);
    expect(new Set(t.rows.map((r) => r.key)).size).toBe(5);
    expect(d.meta).toMatchObject({ unit: '晋城市人力资源和社会保障局', level: '部门', year: 2024 });
  });

  it('表12 of a 部门 without indentation: unit subtotals found by their sums, 尾差 tolerated', () => {
    const s = sheet('项目', [
      ['2024年项目支出预算表（上年结转）'],
      ['项目名称', '合计', '2024年财政拨款'],
      [null, null, '一般公共预算', '政府性基金预算', '国有资本经营预算'],
      ['某局', 624.44],
      ['甲单位', 10],
      ['项目一', 4],
      ['项目二', 6],
      ['乙单位', 614.44],
      ['项目三', 600],
      ['项目四', 14.43],
    ]);
    const t = locateTables(wb(s)).tables.t13 as LocatedTable;
    expect(t.rows.map((r) => r.kind)).toEqual(['total', 'unit', 'project', 'project', 'unit', 'project', 'project']);
    expect(t.rows[6].unit).toBe('乙单位');
  });

  it('表12 flat list with no total row: all projects', () => {
    const s = sheet('项目', [
      ['2023年项目支出预算表（本年预算）'],
      ['项目名称', '合计', '2023年财政拨款'],
      [null, null, '一般公共预算', '政府性基金预算', '国有资本经营预算'],
      ['项目一', 4, 4],
      ['项目二', 6, 6],
      ['项目三', 3, 3],
    ]);
    const t = locateTables(wb(s)).tables.t12 as LocatedTable;
    expect(t.rows.map((r) => r.kind)).toEqual(['project', 'project', 'project']);
  });

  it('a tagged sheet is found without its title and marked fromTemplate', () => {
    const s = sheet('我改过名字', [...T3_HEADER, ['合计', null, 3, 2, 1]], { tag: 't3' });
    const t = locateTables(wb(s)).tables.t3 as LocatedTable;
    expect(t.fromTemplate).toBe(true);
    expect(t.rows[0].values.total?.value.toString()).toBe('3');
  });

  it('a row with amounts but no code or known label is reported (P3), not dropped silently', () => {
    const d = locateTables(
      wb(
        t3([
          ['合计', null, 3, 2, 1],
          ['', '不知道是什么', 3, 2, 1],
        ]),
      ),
    );
    const p3 = d.findings.find((f) => f.rule === 'P3');
    expect(p3?.sheet).toBe('支出');
    expect(p3?.message).toContain('不知道是什么');
  });

  it('an empty template as Excel shows it (every formula computing 0) has no unplaced rows', () => {
    const plans = renderTemplates({ year: 2026, unit: '测试部门', level: '部门', units: ['单位1', '单位2'] });
    const w: Workbook = { sheets: plans.map(planToSheet) };
    let formulas = 0;
    for (const s of w.sheets)
      for (const row of s.rows)
        for (const c of row ?? [])
          if (c?.formula) {
            c.value = 0;
            formulas++;
          }
    expect(formulas).toBeGreaterThan(100);
    const d = locateTables(w);
    expect(d.findings.filter((f) => f.rule === 'P3')).toEqual([]);
  });

  it('a nameless row whose formula shows a non-zero amount is still reported (P3)', () => {
    const s = t3([
      ['合计', null, 3, 2, 1],
      ['', '', 3, 2, 1],
    ]);
    s.rows[5]![2] = { value: 3, formula: 'D6+E6' };
    const d = locateTables(wb(s));
    expect(d.findings.filter((f) => f.rule === 'P3')).toHaveLength(1);
  });

  it('表1 side by side: categories keyed cat:<类 code>, totals by label', () => {
    const t1 = locateTables(buildSeedWorkbook('001', 'published')).tables.t1 as LocatedTable;
    const exp = t1.rows.filter((r) => r.side === 'expenditure');
    expect(exp.find((r) => r.key === 'cat:208')?.values.total?.value.toString()).toBe('324.47');
    expect(t1.rows.find((r) => r.key === 'income_grand')?.values.income?.value.toString()).toBe('351.16');
  });

  it('seed layouts without any merges are still read', () => {
    const w = buildSeedWorkbook('000', 'published');
    for (const s of w.sheets) s.merges = [];
    const d = locateTables(w);
    expect(Object.keys(d.tables)).toHaveLength(13);
    expect(d.findings).toEqual([]);
  });

  it.each(['单位', '部门'] as const)(
    'our own %s template (renderTemplates + planToSheet) is located table by table',
    (level) => {
      const plans = renderTemplates({
        year: 2026,
        unit: '大同市就业创业服务中心',
        level,
        units: level === '部门' ? ['甲单位', '乙单位'] : [],
      });
      const d = locateTables({ sheets: plans.map(planToSheet) });
      expect(d.findings).toEqual([]);
      for (const p of plans) {
        const t = d.tables[p.tag as 't1'];
        expect([p.tag, t?.sheet, t?.fromTemplate]).toEqual([p.tag, p.name, true]);
      }
      expect(d.meta).toEqual({ year: 2026, unit: '大同市就业创业服务中心', level });
      const t12 = d.tables.t12 as LocatedTable;
      expect(t12.rows.map((r) => r.kind)).toEqual(level === '部门' ? ['total', 'unit', 'unit'] : ['total']);
    },
  );
});

describe('locateTables: meta and Excel indentation', () => {
  it('stacked layout (titles without year) takes the year from the header bands', () => {
    expect(locateTables(buildSeedWorkbook('003', 'stacked')).meta.year).toBe(2026);
    expect(locateTables(buildSeedWorkbook('001', 'stacked')).meta.year).toBe(2024);
  });

  it('表12 hierarchy shown with Excel cell indent instead of typed spaces', () => {
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
    const toc = sheet('目录', [
      ['目 录'],
      ...['2024年预算收支总表', '2024年预算收入总表', '2024年预算支出总表'].map((t, i) => [`表${'一二三'[i]}${t}`]),
    ]);
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
