import { renderTemplates, resolveCodes, UNIT_INDENT } from '../../src/core/templates/layout';
import { planToSheet } from '../../src/core/templates/planToGrid';
import { STYLES } from '../../src/core/templates/styles';
import type { PlannedCell, SheetPlan } from '../../src/core/templates/plan';
import { parseAddr, rangeAddr, textAt } from '../../src/core/model/grid';

/** Expected values below are taken from the printed documents (docs/domain.md § 13张公开表), not from the renderer. */
const unitPlans = renderTemplates({ year: 2026, unit: '大同市就业创业服务中心', level: '单位' });
const planOf = (plans: SheetPlan[], tag: string): SheetPlan => {
  const p = plans.find((x) => x.tag === tag);
  if (!p) throw new Error(`missing ${tag}`);
  return p;
};
const cellAt = (p: SheetPlan, a1: string): PlannedCell | undefined => {
  const { r, c } = parseAddr(a1);
  return p.cells.find((x) => x.row === r && x.col === c);
};

// standard sheet names (docs/domain.md § 13张公开表)
const SHEET_NAMES = [
  '表1 预算收支总表',
  '表2 预算收入总表',
  '表3 预算支出总表',
  '表4 财政拨款收支总表',
  '表5 一般公共预算支出表',
  '表6 基本支出经济科目表',
  '表7 政府性基金收入表',
  '表8 政府性基金支出表',
  '表9 国有资本经营预算表',
  '表10 三公经费表',
  '表11 机关运行经费表',
  '表12 项目支出表(本年)',
  '表13 项目支出表(上年结转)',
];
// printed titles with {Y} = 2026 (docs/domain.md § 13张公开表)
const TITLES = [
  '2026年预算收支总表',
  '2026年预算收入总表',
  '2026年预算支出总表',
  '2026年财政拨款收支总表',
  '2026年一般公共预算支出预算表（不含上年结转）',
  '2026年一般公共预算安排基本支出分经济科目表（不含上年结转）',
  '2026年政府性基金预算收入表（不含上年结转）',
  '2026年政府性基金预算支出表（不含上年结转）',
  '2026年国有资本经营预算收支预算表（不含上年结转）',
  '2026年财政拨款安排“三公”经费支出预算表',
  '2026年财政拨款安排机关运行经费预算表',
  '2026年项目支出预算表（本年预算）',
  '2026年项目支出预算表（上年结转）',
];
// docs/domain.md § 表1 预算收支总表: the 30 category labels, in order
const CATEGORY_LABELS = [
  '一、一般公共服务支出',
  '二、外交支出',
  '三、国防支出',
  '四、公共安全支出',
  '五、教育支出',
  '六、科学技术支出',
  '七、文化旅游体育与传媒支出',
  '八、社会保障和就业支出',
  '九、社会保险基金支出',
  '十、卫生健康支出',
  '十一、节能环保支出',
  '十二、城乡社区支出',
  '十三、农林水支出',
  '十四、交通运输支出',
  '十五、资源勘探工业信息等支出',
  '十六、商业服务业等支出',
  '十七、金融支出',
  '十八、援助其他地区支出',
  '十九、自然资源海洋气象等支出',
  '二十、住房保障支出',
  '二十一、粮油物资储备支出',
  '二十二、国有资本经营预算支出',
  '二十三、灾害防治及应急管理支出',
  '二十四、预备费',
  '二十五、其他支出',
  '二十六、转移性支出',
  '二十七、债务还本支出',
  '二十八、债务付息支出',
  '二十九、债务发行费用支出',
  '三十、抗疫特别国债安排的支出',
];

describe('common block (docs/domain.md § 表的公共部分)', () => {
  test('13 sheets with the proposed names, tagged t1…t13', () => {
    expect(unitPlans.map((p) => p.name)).toEqual(SHEET_NAMES);
    expect(unitPlans.map((p) => p.tag)).toEqual(SHEET_NAMES.map((_n, i) => `t${i + 1}`));
  });

  test.each(unitPlans.map((p, i) => [p.name, i] as const))(
    '%s: label, title with year merged across all columns, subtitle',
    (_name, i) => {
      const p = unitPlans[i];
      const width = p.columnWidths.length;
      expect(cellAt(p, 'A1')?.value).toBe(`预算公开表${i + 1}`);
      expect(cellAt(p, 'A2')?.value).toBe(TITLES[i]);
      expect(p.merges).toContainEqual({ top: 1, left: 0, bottom: 1, right: width - 1 });
      expect(cellAt(p, 'A3')?.value).toBe('单位名称：大同市就业创业服务中心');
      expect(p.cells.find((c) => c.row === 2 && c.col === width - 1)?.value).toBe('单位：万元');
      expect(p.print.paper).toBe('A4');
      expect(p.print.fitToWidth).toBe(true);
    },
  );

  test('部门 documents say 部门名称', () => {
    const plans = renderTemplates({ year: 2024, unit: '晋城市人力资源和社会保障局', level: '部门', tables: ['t3'] });
    expect(cellAt(plans[0], 'A3')?.value).toBe('部门名称：晋城市人力资源和社会保障局');
  });

  test('freeze panes stop under the header, and the widest tables print landscape', () => {
    expect(planOf(unitPlans, 't2').freezeRows).toBe(5); // 3 title rows + 2 header rows
    expect(planOf(unitPlans, 't4').freezeRows).toBe(6);
    expect(planOf(unitPlans, 't2').print.orientation).toBe('landscape'); // 9 columns
    expect(planOf(unitPlans, 't7').print.orientation).toBe('portrait'); // 3 columns
  });
});

describe('header merges (as printed; h1 = sheet row 4)', () => {
  const merges = (tag: string) => planOf(unitPlans, tag).merges.map(rangeAddr);
  test.each([
    ['t1', ['A4:B4', 'C4:F4']],
    ['t2', ['A4:B4', 'C4:H4', 'I4:I5']],
    ['t3', ['A4:B4', 'C4:E4']],
    ['t4', ['A4:B4', 'C4:G4', 'A5:A6', 'B5:B6', 'C5:C6', 'D5:G5']],
    ['t6', ['A4:A5', 'B4:B5', 'C4:E4']],
    ['t7', ['A4:B4', 'C4:C5']],
    ['t9', ['A4:C4', 'D4:H4', 'A5:B5', 'C5:C6', 'D5:D6', 'E5:E6', 'F5:F6', 'G5:G6', 'H5:H6']],
    ['t10', ['A4:A5', 'B4:E4']],
    ['t11', ['A4:A5', 'B4:E4']],
    ['t12', ['A4:A5', 'B4:B5', 'C4:E4', 'F4:F5', 'G4:G5']],
    ['t13', ['A4:A5', 'B4:B5', 'C4:E4']],
  ])('%s', (tag, expected) => {
    expect(merges(tag)).toEqual(expect.arrayContaining(expected));
  });

  test('header texts carry the year; 表11 says {Y}预算数 without 年; 表12 has the column-number row', () => {
    expect(cellAt(planOf(unitPlans, 't1'), 'B5')?.value).toBe('2026年');
    expect(cellAt(planOf(unitPlans, 't1'), 'D5')?.value).toBe('2026年合计');
    expect(cellAt(planOf(unitPlans, 't11'), 'B4')?.value).toBe('2026预算数');
    const t12 = planOf(unitPlans, 't12');
    expect(['A6', 'B6', 'C6', 'D6', 'E6', 'F6', 'G6'].map((a) => cellAt(t12, a)?.value)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
  });
});

describe('表1 / 表4 bodies', () => {
  test.each(['t1', 't4'])('%s lists the 30 categories in column C, then the totals', (tag) => {
    const p = planOf(unitPlans, tag);
    const first = p.freezeRows ?? 0;
    const labels = CATEGORY_LABELS.map((_l, i) => p.cells.find((c) => c.row === first + i && c.col === 2)?.value);
    expect(labels).toEqual(CATEGORY_LABELS);
    expect(p.cells.find((c) => c.row === first + 30 && c.col === 2)?.value).toBe('本年支出合计');
  });

  test('表1: income rows come from 表2 合计, categories by SUMIF on 表2 codes, totals are sums', () => {
    const p = planOf(unitPlans, 't1');
    // b1 = row 6; 一般公共预算 = 表2 合计 row (row 6) column D (一般公共预算)
    expect(cellAt(p, 'B6')?.formula).toBe("'表2 预算收入总表'!$D$6");
    expect(cellAt(p, 'B10')?.formula).toBe("'表2 预算收入总表'!$H$6"); // 单位资金
    // 八、社会保障和就业支出 = b8 = row 13; 当年 = SUMIF over 表2 合计 column C, 结转 over column I
    expect(cellAt(p, 'E13')?.formula).toMatch(
      /^SUMIF\('表2 预算收入总表'!\$A\$6:\$A\$\d+,"208",'表2 预算收入总表'!\$C\$6:\$C\$\d+\)$/,
    );
    expect(cellAt(p, 'F13')?.formula).toMatch(/"208",'表2 预算收入总表'!\$I\$6:\$I\$\d+\)$/);
    expect(cellAt(p, 'D13')?.formula).toBe('SUM(E13:F13)');
    // t1 = row 36: 本年收入合计 = Σ b1:b5; 本年支出合计 = Σ b1:b30 (its 合计 column is the row identity)
    expect(cellAt(p, 'B36')?.formula).toBe('SUM(B6:B10)');
    expect(cellAt(p, 'E36')?.formula).toBe('SUM(E6:E35)');
    expect(cellAt(p, 'D36')?.formula).toBe('SUM(E36:F36)');
    // t2 上年结转 from 表2, 年终结转 is typed; t3 totals
    expect(cellAt(p, 'B37')?.formula).toBe("'表2 预算收入总表'!$I$6");
    expect(cellAt(p, 'E37')?.formula).toBeUndefined();
    expect(cellAt(p, 'B38')?.formula).toBe('B36+B37');
    expect(cellAt(p, 'E38')?.formula).toBe('E36+E37');
  });

  test('表4: 上年财政拨款结转 by source stays input, its total is a sum', () => {
    const p = planOf(unitPlans, 't4');
    // body starts at row 7; t2 (上年财政拨款结转) = row 7+31 = 38, t3..t5 = 39..41, t6 收入总计 = 42
    expect(cellAt(p, 'A38')?.value).toBe('上年财政拨款结转');
    expect(cellAt(p, 'B38')?.formula).toBe('SUM(B39:B41)');
    for (const a of ['B39', 'B40', 'B41']) expect(cellAt(p, a)?.formula).toBeUndefined();
    expect(cellAt(p, 'B42')?.formula).toBe('B37+B38');
    expect(cellAt(p, 'E7')?.formula).toMatch(/"201",'表2 预算收入总表'!\$D\$6:\$D\$\d+\)$/);
    expect(cellAt(p, 'D7')?.formula).toBe('SUM(E7:G7)');
    expect(cellAt(p, 'D42')?.formula).toBe('SUM(E42:G42)');
  });

  test('without 表2 in the workbook, 表1 has no cross-sheet formulas: income rows are inputs', () => {
    const [t1] = renderTemplates({ year: 2026, unit: 'x', level: '单位', tables: ['t1'] });
    expect(t1.cells.some((c) => c.formula?.includes('!'))).toBe(false);
    expect(cellAt(t1, 'B6')?.formula).toBeUndefined();
    expect(cellAt(t1, 'B36')?.formula).toBe('SUM(B6:B10)');
  });
});

describe('coded tables', () => {
  const codes = [
    { code: '208', name: '社会保障和就业支出' },
    { code: '20801', name: '人力资源和社会保障管理事务' },
    { code: '2080101', name: '行政运行' },
    { code: '2080102', name: '一般行政管理事务' },
    { code: '221', name: '住房保障支出' },
    { code: '22102', name: '住房改革支出' },
    { code: '2210201', name: '住房公积金' },
  ];
  const [t2] = renderTemplates({ year: 2024, unit: 'x', level: '单位', codes, tables: ['t2'] });

  test('合计 first, then codes depth-first, codes stored as text', () => {
    expect(cellAt(t2, 'A6')?.value).toBe('合计');
    const col = codes.map((_c, i) => cellAt(t2, `A${7 + i}`));
    expect(col.map((c) => c?.value)).toEqual(codes.map((c) => c.code));
    for (const c of col) {
      expect(typeof c?.value).toBe('string');
      expect(STYLES[c?.style ?? 'text'].numFmt).toBe('@');
    }
  });

  test('合计/类/款 cells are formulas keyed on code length and prefix; 项 cells are input except 合计', () => {
    // reserved row under the block = row 14; ranges reach it
    expect(cellAt(t2, 'D6')?.formula).toBe('SUMPRODUCT((LEN($A$7:$A$14)=3)*D$7:D$14)');
    expect(cellAt(t2, 'D7')?.formula).toBe('SUMPRODUCT((LEN($A$8:$A$14)=5)*(LEFT($A$8:$A$14,3)=$A7)*D$8:D$14)');
    expect(cellAt(t2, 'I8')?.formula).toBe('SUMPRODUCT((LEN($A$9:$A$14)=7)*(LEFT($A$9:$A$14,5)=$A8)*I$9:I$14)');
    expect(cellAt(t2, 'D9')?.formula).toBeUndefined();
    expect(cellAt(t2, 'I9')?.formula).toBeUndefined();
    // C = SUM(D:H): 上年结转 (I) is not part of 合计 (docs/domain.md § 表2 预算收入总表)
    for (const r of [6, 7, 8, 9, 13]) expect(cellAt(t2, `C${r}`)?.formula).toBe(`SUM(D${r}:H${r})`);
  });

  test('missing 类/款 parents are added from the reference, depth-first', () => {
    expect(
      resolveCodes([
        { code: '2101101', name: '行政单位医疗' },
        { code: '2080101', name: '行政运行' },
      ]),
    ).toEqual([
      { code: '208', name: '社会保障和就业支出' },
      { code: '20801', name: '人力资源和社会保障管理事务' },
      { code: '2080101', name: '行政运行' },
      { code: '210', name: '卫生健康支出' },
      { code: '21011', name: '行政事业单位医疗' },
      { code: '2101101', name: '行政单位医疗' },
    ]);
    expect(() => resolveCodes([{ code: '20801011', name: 'x' }])).toThrow('不是3/5/7位');
  });

  test('default code list = the seed codes of the reference (docs/domain.md § 功能分类: 41 codes)', () => {
    const t3 = planOf(unitPlans, 't3');
    const codeCells = t3.cells.filter((c) => c.col === 0 && c.style === 'code' && c.value);
    expect(codeCells.length).toBe(41);
    expect(codeCells[0].value).toBe('205');
  });

  test('表7/8/9 start with an empty 合计 row whose cells are formulas', () => {
    for (const tag of ['t7', 't8', 't9']) {
      const p = planOf(unitPlans, tag);
      const totalRow = p.freezeRows ?? 0;
      const money = p.cells.filter((c) => c.row === totalRow && (c.style === 'moneyTotal' || c.style === 'money'));
      expect(money.length).toBeGreaterThan(0);
      for (const c of money) expect(c.formula).toBeDefined();
    }
  });
});

describe('表6, 表10, 表11, 表12', () => {
  test('表6: 合计 = Σ class rows, class = SUM of its items, row 合计 = 人员 + 公用', () => {
    const p = planOf(unitPlans, 't6');
    const sheet = planToSheet(p);
    const rowOf = (name: string) => sheet.rows.findIndex((_r, i) => textAt(sheet, i, 0) === name);
    const classes = ['工资福利支出', '商品和服务支出', '对个人和家庭的补助', '资本性支出'].map(rowOf);
    expect(classes.every((r) => r > 0)).toBe(true);
    expect(cellAt(p, 'D6')?.formula).toBe(classes.map((r) => `D${r + 1}`).join('+'));
    const wage = classes[0];
    expect(cellAt(p, `D${wage + 1}`)?.formula).toBe(`SUM(D${wage + 2}:D${classes[1]})`);
    expect(textAt(sheet, rowOf('基本工资'), 1)).toBe('工资奖金津补贴'); // 机关 mapping, docs/domain.md § 经济分类
    expect(cellAt(p, `C${rowOf('基本工资') + 1}`)?.formula).toBe(
      `SUM(D${rowOf('基本工资') + 1}:E${rowOf('基本工资') + 1})`,
    );
  });

  test('表10: 公务用车购置及运行费 = ① + ②, 合计 = 出国 + 接待 + 购置及运行, 合计 column = Σ sources', () => {
    const p = planOf(unitPlans, 't10');
    expect(['A6', 'A7', 'A8', 'A9', 'A10', 'A11'].map((a) => cellAt(p, a)?.value)).toEqual([
      '因公出国（境）费',
      '公务接待费',
      '公务用车购置及运行费',
      '①公务用车购置费',
      '②公务用车运行维护费',
      '合计',
    ]);
    expect(cellAt(p, 'C8')?.formula).toBe('C9+C10');
    expect(cellAt(p, 'C11')?.formula).toBe('SUM(C6:C8)');
    expect(cellAt(p, 'B9')?.formula).toBe('SUM(C9:E9)');
    expect(cellAt(p, 'C9')?.formula).toBeUndefined();
  });

  test('表11 单位: 部门合计 then the unit itself', () => {
    const p = planOf(unitPlans, 't11');
    expect(cellAt(p, 'A6')?.value).toBe('部门合计');
    expect(cellAt(p, 'A7')?.value).toBe('大同市就业创业服务中心');
    expect(cellAt(p, 'C6')?.formula).toBe('SUM(C7:C8)'); // reaches the reserved row 8
  });

  test('表12 单位: the unit name is the total row over all project rows', () => {
    const p = planOf(unitPlans, 't12');
    expect(cellAt(p, 'A7')?.value).toBe('大同市就业创业服务中心');
    expect(cellAt(p, 'C7')?.formula).toBe('SUM(C8:C18)'); // 10 blank project rows + reserved row
    expect(cellAt(p, 'B8')?.formula).toBe('SUM(C8:G8)');
  });

  test('表12/13 部门: 部门 total = Σ unit subtotals, each subtotal = SUM of its own projects', () => {
    const plans = renderTemplates(
      {
        year: 2024,
        unit: '晋城市人力资源和社会保障局',
        level: '部门',
        units: ['晋城市人力资源和社会保障局', '晋城技师学院'],
        tables: ['t11', 't12', 't13'],
      },
      { projectRows: 3 },
    );
    const t13 = planOf(plans, 't13');
    expect(cellAt(t13, 'A7')?.value).toBe('晋城市人力资源和社会保障局');
    expect(cellAt(t13, 'A8')?.value).toBe(`${UNIT_INDENT}晋城市人力资源和社会保障局`);
    expect(cellAt(t13, 'A12')?.value).toBe(`${UNIT_INDENT}晋城技师学院`);
    expect(cellAt(t13, 'C8')?.formula).toBe('SUM(C9:C11)');
    expect(cellAt(t13, 'C12')?.formula).toBe('SUM(C13:C16)'); // last unit reaches the reserved row
    expect(cellAt(t13, 'C7')?.formula).toBe('C8+C12');
    const t11 = planOf(plans, 't11');
    expect([cellAt(t11, 'A7')?.value, cellAt(t11, 'A8')?.value]).toEqual([
      '晋城市人力资源和社会保障局',
      '晋城技师学院',
    ]);
  });
});

describe('formula hygiene over every table, both levels', () => {
  const all = [
    ...unitPlans,
    ...renderTemplates({ year: 2024, unit: '某局', level: '部门', units: ['甲单位', '乙单位', '丙单位'] }),
  ];
  const sheetNames = new Set(all.map((p) => p.name));

  test('cross-sheet references point only at sheets of the workbook', () => {
    for (const p of all) {
      for (const c of p.cells) {
        for (const m of c.formula?.matchAll(/'((?:[^']|'')+)'!/g) ?? [])
          expect(sheetNames).toContain(m[1].replace(/''/g, "'"));
        // an unquoted sheet reference would break on the space in our sheet names
        expect(c.formula ?? '').not.toMatch(/(^|[^'])表\d+ [^']*!/);
      }
    }
  });

  test('no formula includes its own cell (no circular references)', () => {
    for (const p of all) {
      for (const c of p.cells) {
        if (!c.formula) continue;
        const local = c.formula.replace(/'(?:[^']|'')+'![$A-Z0-9:]+/g, '');
        for (const m of local.matchAll(/\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g)) {
          const a = parseAddr(`${m[1]}${m[2]}`);
          const b = m[3] ? parseAddr(`${m[3]}${m[4]}`) : a;
          const inside = c.row >= a.r && c.row <= b.r && c.col >= a.c && c.col <= b.c;
          expect(inside ? `${p.name} ${c.row},${c.col} ${c.formula}` : 'ok').toBe('ok');
        }
      }
    }
  });

  test('every moneyTotal cell is a formula and no formula cell has a typed value', () => {
    for (const p of all) {
      for (const c of p.cells) {
        if (c.style === 'moneyTotal') expect(c.formula).toBeDefined();
        if (c.formula !== undefined) expect(c.value).toBeUndefined();
      }
    }
  });

  test('every label row of a total (合计/总计) carries formulas in its money cells', () => {
    for (const p of all) {
      const sheet = planToSheet(p);
      for (const c of p.cells) {
        if (c.row < (p.freezeRows ?? 0) || typeof c.value !== 'string' || !/合计|总计/.test(c.value)) continue;
        const money = p.cells.filter(
          (x) =>
            x.row === c.row && (x.style === 'money' || x.style === 'moneyTotal') && x.col > c.col && x.col <= c.col + 5,
        );
        // 表1/表4 total rows hold two sides; check the cells right of the label up to the next label
        const nextLabel = p.cells.find(
          (x) => x.row === c.row && x.col > c.col && typeof x.value === 'string' && x.value !== '',
        );
        const own = money.filter((x) => !nextLabel || x.col < nextLabel.col);
        expect(own.length).toBeGreaterThan(0);
        for (const m of own) expect(`${sheet.name} ${m.row},${m.col}: ${m.formula ?? 'typed'}`).not.toMatch(/typed$/);
      }
    }
  });
});

describe('bad input gives clear Chinese errors', () => {
  test('empty unit, bad year, unknown table', () => {
    expect(() => renderTemplates({ year: 2026, unit: '', level: '单位' })).toThrow('单位名称不能为空');
    expect(() => renderTemplates({ year: 26, unit: 'x', level: '单位' })).toThrow('模板参数有误');
    expect(() => renderTemplates({ year: 2026, unit: 'x', level: '单位', tables: ['t14' as 't1'] })).toThrow(
      '模板参数有误',
    );
    expect(() => renderTemplates({ year: 2026, unit: 'x', level: '单位' }, { projectRows: 0 })).toThrow('项目行数');
  });
});

test('planToSheet keeps formulas (value null), constants and merges', () => {
  const p = planOf(unitPlans, 't10');
  const s = planToSheet(p);
  expect(s.name).toBe('表10 三公经费表');
  expect(s.tag).toBe('t10');
  expect(s.rows[10][2]).toEqual({ value: null, formula: 'SUM(C6:C8)' });
  expect(s.rows[5][0]).toEqual({ value: '因公出国（境）费' });
  expect(s.merges).toEqual(p.merges);
});
