import Decimal from 'decimal.js';
import type { Disclosure, TableRow } from '../../src/core/model/disclosure';
import type { Finding, Severity } from '../../src/core/model/finding';
import { parseAddr, type CellValue, type Sheet, type Workbook } from '../../src/core/model/grid';
import { seedDisclosure, seedFormsSheet } from './seedForms';

/**
 * One clean form and its 表12 project (000's first form, J2名选调生2024年到乡挂职补助: 35,000 元,
 * all 市县, 成本指标 3.5万元), and scenarios that each change one thing: either the rule fires once,
 * at the expected cell and severity, and nothing else does; or the change is one the rule must stay
 * silent about, and nothing fires at all. The clean form itself gives no finding.
 *
 * Cells of the form: C3 项目名称, G4 实施单位, G5 项目期, D6/G6 实施期/年度资金总额, D7–D11/G7–G11
 * 中央, 省级, 市县, 单位自筹, 其他, C18/F18 总体目标, row 19 the indicator header, E21/H21 质量,
 * D23/E23 and G23/H23 成本指标, H29 填报日期.
 */
export const PROJECT = 'J2名选调生2024年到乡挂职补助';
const LAST_ROW = 29;

export function baseSheet(): Sheet {
  const all = seedFormsSheet('000', '目标表');
  return {
    name: all.name,
    rows: all.rows.slice(0, LAST_ROW).map((r) => (r ? [...r] : r)),
    merges: all.merges.filter((m) => m.bottom < LAST_ROW),
  };
}

export function edit(sheet: Sheet, cells: Record<string, CellValue>): Sheet {
  const rows = sheet.rows.map((r) => (r ? [...r] : r));
  for (const [a1, value] of Object.entries(cells)) {
    const { r, c } = parseAddr(a1);
    const row = (rows[r] ??= []);
    row[c] = value === null ? undefined : { value };
  }
  return { ...sheet, rows };
}

/** 000's 表12 with only this project; amounts (万元) and rows can be replaced. */
export function baseDisclosure(
  opts: {
    values?: Record<string, string>;
    rows?: (rows: TableRow[]) => TableRow[];
    level?: '部门' | '单位';
    name?: string;
  } = {},
): Disclosure {
  const d = seedDisclosure('000');
  const t12 = d.tables.t12;
  if (!t12) throw new Error('no 表12');
  let rows = t12.rows.filter((r) => r.kind !== 'project' || r.name === PROJECT);
  rows = rows.map((r) => {
    if (r.kind !== 'project') return r;
    const values = { ...r.values };
    for (const [k, v] of Object.entries(opts.values ?? {})) {
      const base = values.total ?? Object.values(values).find((x) => x !== undefined);
      if (base) values[k] = { ...base, value: new Decimal(v), blank: false, raw: Number(v) };
    }
    const name = opts.name ?? r.name ?? r.label;
    return { ...r, values, name, label: name };
  });
  if (opts.rows) rows = opts.rows(rows);
  return { ...d, meta: { ...d.meta, level: opts.level ?? d.meta.level }, tables: { t12: { ...t12, rows } } };
}

export interface Scenario {
  name: string;
  workbook: Workbook;
  disclosure: Disclosure;
  /** Exactly the findings expected: [rule, severity, cell]; empty for a silent case. */
  expect: [string, Severity, string | undefined][];
}

const sc = (
  name: string,
  sheet: Sheet | Sheet[],
  expect: Scenario['expect'],
  disclosure = baseDisclosure(),
): Scenario => ({
  name,
  workbook: { sheets: Array.isArray(sheet) ? sheet : [sheet] },
  disclosure,
  expect,
});

/** Every split and total of both sides set to one 元 figure. */
const allFunds = (v: CellValue): Record<string, CellValue> => ({ D6: v, D9: v, G6: v, G9: v });

export function scenarios(): Scenario[] {
  const b = baseSheet();
  const unitRow =
    (name: string) =>
    (rows: TableRow[]): TableRow[] => {
      const at = rows.findIndex((r) => r.kind === 'project');
      const unit: TableRow = {
        kind: 'unit',
        key: `unit:${name}`,
        row: rows[at].row - 1,
        name,
        label: name,
        unit: name,
        level: 1,
        values: {},
      };
      return [
        ...rows.slice(0, at),
        unit,
        ...rows.slice(at).map((r) => (r.kind === 'project' ? { ...r, unit: name } : r)),
      ];
    };
  const withProject =
    (name: string) =>
    (rows: TableRow[]): TableRow[] => {
      const p = rows.find((r) => r.kind === 'project');
      if (!p) return rows;
      return [...rows, { ...p, key: name, name, label: name, row: 20 }];
    };
  return [
    sc('the clean form', b, []),
    // F0
    sc('F0: text that is not an amount in 年度资金总额 (no other rule reads it as 0)', edit(b, { G6: '两万七' }), [
      ['F0', 'warning', 'G6'],
    ]),
    sc('F0 silent: an amount written with its unit', edit(b, { G6: '35,000元', G9: '3.5万元' }), []),
    // F1
    sc(
      'F1: a 表12 project without its form',
      b,
      [['F1', 'error', 'A21']],
      baseDisclosure({ rows: withProject('另一个项目') }),
    ),
    sc('F1 and F1.1: a form under another name and amount', edit(b, { C3: '完全不同的项目', ...allFunds(50000) }), [
      ['F1.1', 'error', 'C3'],
      ['F1', 'error', 'A10'],
    ]),
    sc('F1.2: the form printed twice', [b, { ...b, name: '副本' }], [['F1.2', 'error', 'C3']]),
    sc('F1.3: a form renamed, paired by unit and amount', edit(b, { C3: '完全不同的项目' }), [
      ['F1.3', 'warning', 'C3'],
    ]),
    sc('F1 (信息): no form at all', [], [['F1', 'info', undefined]]),
    sc(
      'F1 silent: 表12 without projects',
      b,
      [],
      baseDisclosure({ rows: (rows) => rows.filter((r) => r.kind !== 'project') }),
    ),
    // F2 (issue 14: 表12 is the form's figure rounded down or up to 0.01 万元)
    sc('F2 silent: 35,049 元 against 3.50 万元 (rounded down)', edit(b, allFunds(35049)), []),
    sc('F2 silent: 34,951 元 against 3.50 万元 (rounded up)', edit(b, allFunds(34951)), []),
    sc('F2: 35,100 元 against 3.50 万元', edit(b, allFunds(35100)), [['F2', 'error', 'G6']]),
    sc('F2: 34,900 元 against 3.50 万元', edit(b, allFunds(34900)), [['F2', 'error', 'G6']]),
    sc('F2: 年度资金总额 left blank', edit(b, { G6: null }), [['F2', 'warning', 'G6']]),
    // F3
    sc('F3: sources add up to 30,000', edit(b, { G9: 30000 }), [['F3', 'error', 'G6']]),
    sc('F3 (尾差): sources printed without 角分', edit(b, { ...allFunds(35000.4), G9: 35000 }), [
      ['F3', 'rounding', 'G6'],
    ]),
    sc('F3: no source filled in', edit(b, { G7: null, G8: null, G9: null, G10: null }), [['F3', 'warning', 'G6']]),
    sc(
      'F3 and F4 silent: money under a source label the reader does not know',
      edit(b, { F8: '上级补助资金', G8: 35000, G9: 0 }),
      [],
    ),
    sc(
      'F3 silent: a layout without source rows',
      edit(
        b,
        Object.fromEntries(['C', 'D', 'F', 'G'].flatMap((c) => [7, 8, 9, 10, 11].map((r) => [`${c}${r}`, null]))),
      ),
      [],
    ),
    // F4
    sc('F4: the 财政 part is not 表12’s 财政拨款', edit(b, { D9: 0, D10: 35000, G9: 0, G10: 35000 }), [
      ['F4', 'error', 'G9'],
    ]),
    sc(
      'F4.1: 专户 money counted as 财政',
      b,
      [['F4.1', 'warning', 'G9']],
      baseDisclosure({ values: { gpb: '2.50', special: '1.00' } }),
    ),
    sc(
      'F4.1: 单位资金 put under 其他资金',
      edit(b, { D9: 0, D11: 35000, G9: 0, G11: 35000 }),
      [['F4.1', 'warning', 'G10']],
      baseDisclosure({ values: { gpb: '0', unit: '3.50' } }),
    ),
    sc(
      'F4.2: a 中央 project whose 财政 money is under 市县',
      edit(b, { C3: `中央${PROJECT}` }),
      [['F4.2', 'info', 'G7']],
      baseDisclosure({ name: `中央${PROJECT}` }),
    ),
    sc(
      'F4 silent: 表12 prints no source columns',
      edit(b, { D9: 0, D10: 35000, G9: 0, G10: 35000 }),
      [],
      (() => {
        const d = baseDisclosure();
        const t12 = d.tables.t12;
        if (!t12) throw new Error('no 表12');
        const columns = { project_name: t12.columns.project_name, total: t12.columns.total };
        return { ...d, tables: { t12: { ...t12, columns } } };
      })(),
    ),
    // F5
    sc('F5: 年度 larger than 实施期', edit(b, { D6: 30000, D9: 30000, E23: '3万元' }), [['F5', 'error', 'G6']]),
    sc('F5: a one-off project over 3 years', edit(b, { G5: '3年' }), [['F5', 'error', 'G5']]),
    sc('F5 silent: 项目期 that is not a duration', edit(b, { G5: '2024年度' }), []),
    sc('F5 silent: 12个月 is one year', edit(b, { G5: '12个月' }), []),
    sc('F5 silent: 实施期 left blank', edit(b, { D6: null, D7: null, D8: null, D9: null, D10: null }), []),
    // F6
    sc('F6: 实施期目标 left blank', edit(b, { C18: null }), [['F6', 'warning', 'C18']]),
    sc('F6: 时效指标 without its 三级', edit(b, { D22: null, E22: null }), [['F6', 'warning', 'D22']]),
    sc(
      'F6 and F7 silent: no indicator table found',
      edit(b, Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => [`${c}19`, null]))),
      [],
    ),
    // F7
    sc('F7: 3.6万元 against 35,000 元', edit(b, { H23: '≤3.6万元' }), [['F7', 'error', 'H23']]),
    sc('F7: 36,000元 written as 3.6万 without 元', edit(b, { H23: '≤3.6万' }), [['F7', 'error', 'H23']]),
    sc('F7: full-width ＜３．６万元', edit(b, { H23: '＜３．６万元' }), [['F7', 'error', 'H23']]),
    sc('F7: 不超过36,000元', edit(b, { H23: '不超过36,000元' }), [['F7', 'error', 'H23']]),
    sc('F7 silent: ≤4万 is 35,000 元 to the nearest 万元', edit(b, { H23: '≤4万' }), []),
    sc('F7 silent: a rate 3.6万元/年', edit(b, { H23: '3.6万元/年' }), []),
    sc('F7 silent: a per-unit line', edit(b, { G23: '单台设备购置成本', H23: '≤5万元' }), []),
    sc('F7 silent: a percentage', edit(b, { G23: '成本节约率', H23: '≤5%' }), []),
    // F8
    sc('F8: a date after the filing period', edit(b, { H29: '20240515000000' }), [['F8', 'warning', 'H29']]),
    sc('F8 silent: 2023年10月15日', edit(b, { H29: '2023年10月15日' }), []),
    sc('F8 silent: 2023-10-15 09:30', edit(b, { H29: '2023-10-15 09:30' }), []),
    sc('F8 silent: an Excel date serial', edit(b, { H29: 45214 }), []),
    sc('F8.1: a date that is not a date', edit(b, { H29: '20231345000000' }), [['F8.1', 'info', 'H29']]),
    sc('F8.1: no date', edit(b, { H29: null }), [['F8.1', 'info', 'H29']]),
    sc(
      'F8 silent: a layout without signature row',
      edit(b, { A29: null, C29: null, E29: null, G29: null, H29: null }),
      [],
    ),
    // F9
    sc('F9: another unit (单位 document)', edit(b, { G4: '大同市就业创业服务中心' }), [['F9', 'error', 'G4']]),
    sc('F9.1: 实施单位 left blank', edit(b, { G4: null }), [['F9.1', 'warning', 'G4']]),
    sc('F9 silent: the unit with its code', edit(b, { G4: '121001-大同市人力资源和社会保障局' }), []),
    sc('F9 silent: the unit with a note', edit(b, { G4: '大同市人力资源和社会保障局[单位]' }), []),
    sc('F9 silent: the unit cut short by the print', edit(b, { G4: '大同市人力资源和社会保' }), []),
    sc('F9 silent: the unit abbreviated', edit(b, { G4: '大同市人社局' }), []),
    sc(
      'F9.2: a flat 部门 表12 says nothing about units',
      edit(b, { G4: '大同市就业创业服务中心' }),
      [['F9.2', 'info', undefined]],
      baseDisclosure({ level: '部门' }),
    ),
    sc(
      'F9: a grouped 部门 表12 names another unit',
      edit(b, { G4: '大同市就业创业服务中心' }),
      [['F9', 'error', 'G4']],
      baseDisclosure({ level: '部门', rows: unitRow('大同市人才服务中心') }),
    ),
    sc(
      'F9 silent: 表12 groups the project under 局机关 and the form names the department',
      b,
      [],
      baseDisclosure({ level: '部门', rows: unitRow('局机关') }),
    ),
    // F9.3, F9.4
    sc('F9.3: a money indicator in %', edit(b, { G23: '基层锻炼人员经费', H23: '95%' }), [['F9.3', 'warning', 'H23']]),
    sc('F9.4: a comparator without a figure', edit(b, { H21: '≥良好' }), [['F9.4', 'info', 'H21']]),
  ];
}

export const rowsOf = (fs: Finding[]): Scenario['expect'] => fs.map((f) => [f.rule, f.severity, f.cell]);
