import Decimal from 'decimal.js';
import { z } from 'zod';
import type { Amount, Disclosure, LocatedTable, TableRow } from '../../src/core/model/disclosure';
import type { Cell, CellValue, Merge, Sheet, Workbook } from '../../src/core/model/grid';
import { addr } from '../../src/core/model/grid';
import { buildSeed, loadFixture, type SeedId } from '../fixtures/seeds';
import type { FixtureForm } from '../fixtures/fixture';

/**
 * Seed forms rebuilt as sheets in the layout the seeds PRINT (written here independently of
 * src/core/forms/layout.ts, so the locator is tested against a layout it did not produce):
 *  - 000: `项目资金 (元)`, half-width `其中:中央财政资金` / `市县(区)财政资 金`, 元 as text with
 *    thousands separators, `服务对象满意度` / `服务对象满意度指` labels, and in J法律顾问费 the
 *    一级 `效益指标` printed on the 成本指标 row;
 *  - 001: no title and no signature row, the 效益/满意度 rows shifted left (二级 in the 一级
 *    column) as the text shows;
 *  - 003: 效益 二级 labels without 指标 (`经济效益`), 实施期 side of ZY档案数字化 without a
 *    成本指标 label (as printed).
 * All forms of a seed are stacked on one sheet, like the 十、绩效管理情况 part of the seeds.
 */

/** Extra fields of the transcription that the shared fixture schema keeps untyped. */
const FormExtras = z.looseObject({
  yearLabel: z.string().nullable().optional(),
  signature: z
    .object({
      负责人: z.string().nullable(),
      经办人: z.string().nullable(),
      联系电话: z.string().nullable(),
      填报日期: z.string().nullable(),
    })
    .nullable()
    .optional(),
});

export function formExtras(f: FixtureForm): z.infer<typeof FormExtras> {
  return FormExtras.parse(f);
}

export const FORMS_SHEET = '绩效目标表';

class Grid {
  readonly rows: (Cell | undefined)[][] = [];
  readonly merges: Merge[] = [];
  set(r: number, c: number, v: CellValue | undefined): void {
    if (v === null || v === undefined || v === '') return;
    (this.rows[r] ??= [])[c] = { value: v };
  }
  merge(top: number, left: number, bottom: number, right: number): void {
    if (top !== bottom || left !== right) this.merges.push({ top, left, bottom, right });
  }
  sheet(name: string): Sheet {
    for (let i = 0; i < this.rows.length; i++) this.rows[i] ??= [];
    return { name, rows: this.rows, merges: this.merges };
  }
}

/**
 * How the form's 元 cells are written: as the seed printed them (000 text with separators, the
 * others numbers), or — for the variants — all numbers, all text with separators (`1,890,489`),
 * text ending in 元 (`1,890,489元`), or full-width text (`１，８９０，４８９`).
 */
export type MoneyStyle = 'seed' | 'number' | 'text' | 'textYuan' | 'fullWidth';

export interface FormStyle {
  money: MoneyStyle;
}

const SEED_STYLE: FormStyle = { money: 'seed' };

const grouped = (raw: string): string => {
  const [i, f] = raw.split('.');
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f !== undefined ? '.' + f : '');
};

function money(seed: SeedId, raw: string | null | undefined, style: FormStyle = SEED_STYLE): CellValue {
  if (raw === null || raw === undefined) return null;
  const how = style.money === 'seed' ? (seed === '000' ? 'text' : 'number') : style.money;
  switch (how) {
    case 'number':
      return Number(raw);
    case 'text':
      return grouped(raw);
    case 'textYuan':
      return `${grouped(raw)}元`;
    default:
      return grouped(raw).replace(/[0-9,.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  }
}

const LEVEL1_ORDER = ['产出指标', '效益指标', '满意度指标'];
const SHORT_003: Record<string, string> = {
  经济效益指标: '经济效益',
  社会效益指标: '社会效益',
  生态效益指标: '生态效益',
  可持续影响指标: '可持续影响',
  服务对象满意度指标: '服务对象满意度',
};

function printedLevel2(seed: SeedId, side: 'period' | 'annual', l2: string): string {
  if (seed === '003') return SHORT_003[l2] ?? l2;
  if (seed === '000' && l2 === '服务对象满意度指标') return side === 'period' ? '服务对象满意度' : '服务对象满意度指';
  return l2;
}

/** Writes one form at row `top`; returns the next free row. */
function writeForm(g: Grid, seed: SeedId, f: FixtureForm, top: number, style: FormStyle = SEED_STYLE): number {
  const ex = formExtras(f);
  const half = seed === '000';
  let r = top;
  if (f.title) {
    g.set(r, 0, f.title);
    g.merge(r, 0, r, 7);
    r++;
    g.set(r, 0, ex.yearLabel ?? null);
    g.merge(r, 0, r, 7);
    r++;
  }
  g.set(r, 0, '项目名称');
  g.merge(r, 0, r, 1);
  g.set(r, 2, f.projectName);
  g.merge(r, 2, r, 7);
  r++;
  const pair = (l: string, v: string | null, rl: string, rv: string | null): void => {
    g.set(r, 0, l);
    g.merge(r, 0, r, 1);
    g.set(r, 2, v);
    g.merge(r, 2, r, 4);
    g.set(r, 5, rl);
    g.set(r, 6, rv);
    g.merge(r, 6, r, 7);
    r++;
  };
  pair('主管部门及代码', f.department, '实施单位', f.implementingUnit);
  pair('项目属性', f.attribute, '项目期', f.period);
  g.set(r, 0, seed === '000' ? '项目资金 (元)' : seed === '001' ? '项目资金 （元）' : '项目资金（元）');
  g.merge(r, 0, r + 5, 1);
  const labels: [string, string | null | undefined, string | null | undefined][] = [
    [half ? '实施期资金总额:' : '实施期资金总额：', f.funds.total, f.funds.annual],
    [half ? '其中:中央财政资金' : '其中：中央财政资金', f.fundsPeriod.central, f.funds.central],
    ['省级财政资金', f.fundsPeriod.provincial, f.funds.provincial],
    [half ? '市县(区)财政资 金' : '市县（区）财政资金', f.fundsPeriod.local, f.funds.local],
    ['单位自筹', f.fundsPeriod.selfRaised, f.funds.selfRaised],
    ['其他资金', f.fundsPeriod.other, f.funds.other],
  ];
  labels.forEach(([label, pv, av], i) => {
    g.set(r, 2, label);
    g.set(r, 3, money(seed, pv, style));
    g.merge(r, 3, r, 4);
    g.set(r, 5, i === 0 ? (half ? '年度资金总额:' : '年度资金总额：') : label);
    g.set(r, 6, money(seed, av, style));
    g.merge(r, 6, r, 7);
    r++;
  });
  const texts: [string, string | null][] = [
    ['项目概况', f.overview],
    ['立项依据', f.basis],
    ['项目设立必要性', f.necessity],
    ['保证项目实施的制度、措施', f.measures],
    ['项目实施计划', f.plan],
  ];
  for (const [l, v] of texts) {
    g.set(r, 0, l);
    g.merge(r, 0, r, 1);
    g.set(r, 2, v);
    g.merge(r, 2, r, 7);
    r++;
  }
  if (seed === '000') {
    g.set(r, 2, '实施期目标');
    g.set(r, 5, '年度目标');
    g.set(r + 1, 0, '总体目标');
  } else {
    g.set(r, 0, '总体目标');
    g.merge(r, 0, r + 1, 1);
    g.set(r, 2, '实施期目标');
    g.set(r, 5, '年度目标');
  }
  g.merge(r, 2, r, 4);
  g.merge(r, 5, r, 7);
  g.set(r + 1, 2, f.goalsPeriod);
  g.merge(r + 1, 2, r + 1, 4);
  g.set(r + 1, 5, f.goalsAnnual);
  g.merge(r + 1, 5, r + 1, 7);
  r += 2;
  ['绩效 指标', '一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'].forEach((h, c) =>
    g.set(r, c, h),
  );
  const headerRow = r;
  r++;
  const legalSlip = seed === '000' && f.projectName === 'J法律顾问费';
  for (const l1 of LEVEL1_ORDER) {
    const inGroup = f.indicators.filter((i) => i.level1 === l1);
    if (!inGroup.length) continue;
    const l2order: string[] = [];
    for (const i of inGroup) if (!l2order.includes(i.level2)) l2order.push(i.level2);
    const groupTop = r;
    const shifted = seed === '001' && l1 !== '产出指标';
    for (const l2 of l2order) {
      const left = inGroup.filter((i) => i.level2 === l2 && i.period === '实施期');
      const right = inGroup.filter((i) => i.level2 === l2 && i.period === '年度');
      const n = Math.max(left.length, right.length);
      if (n === 0) continue;
      if (left.length) {
        const c = shifted ? 1 : 2;
        g.set(r, c, printedLevel2(seed, 'period', l2));
        if (!shifted) g.merge(r, c, r + left.length - 1, c);
        left.forEach((ind, k) => {
          g.set(r + k, c + 1, ind.level3);
          g.set(r + k, c + 2, ind.value);
        });
      }
      if (right.length) {
        g.set(r, 5, printedLevel2(seed, 'annual', l2));
        g.merge(r, 5, r + right.length - 1, 5);
        right.forEach((ind, k) => {
          g.set(r + k, 6, ind.level3);
          g.set(r + k, 7, ind.value);
        });
      }
      if (legalSlip && l2 === '成本指标') g.set(r, 1, '效益指标');
      r += n;
    }
    if (shifted) {
      g.set(groupTop, 0, l1 === '满意度指标' ? '满意度指标' : '绩效指标');
    } else if (!(legalSlip && l1 === '效益指标')) {
      g.set(groupTop, 1, l1);
      if (!legalSlip) g.merge(groupTop, 1, r - 1, 1);
    }
  }
  if (seed !== '001') g.merge(headerRow, 0, r - 1, 0);
  const sig = ex.signature;
  if (sig) {
    const colon = half ? ':' : '：';
    const cells: [string, string | null][] = [
      ['负责人', sig.负责人],
      ['经办人', sig.经办人],
      ['联系电话', sig.联系电话],
      ['填报日期', sig.填报日期],
    ];
    cells.forEach(([l, v], i) => {
      g.set(r, i * 2, l + colon);
      g.set(r, i * 2 + 1, v);
    });
    r++;
  }
  return r;
}

/** Forms in a seed's printed layout, stacked on one sheet (two empty rows between them). */
export function formsSheet(seed: SeedId, forms: readonly FixtureForm[], name = FORMS_SHEET, style?: FormStyle): Sheet {
  const g = new Grid();
  let r = 0;
  for (const f of forms) r = writeForm(g, seed, f, r, style) + 2;
  return g.sheet(name);
}

/** Forms in a seed's printed layout, one per sheet (`目标表1`, `目标表2`, …). */
export function formSheets(seed: SeedId, forms: readonly FixtureForm[], style?: FormStyle): Sheet[] {
  return forms.map((f, i) => {
    const g = new Grid();
    writeForm(g, seed, f, 0, style);
    return g.sheet(`目标表${i + 1}`);
  });
}

/** The seed's forms, stacked on one sheet as printed. */
export function seedFormsSheet(seed: SeedId, name = FORMS_SHEET): Sheet {
  return formsSheet(seed, loadFixture(seed).forms, name);
}

/** The seed's 13 tables (published layout) with its forms appended as one more sheet. */
export function seedWorkbookWithForms(seed: SeedId): Workbook {
  const wb = buildSeed(seed, 'published').workbook;
  return { sheets: [...wb.sheets, seedFormsSheet(seed)] };
}

const T12_KEYS: Record<string, string> = {
  合计: 'total',
  一般公共预算: 'gpb',
  政府性基金预算: 'fund',
  国有资本经营预算: 'soe',
  财政专户管理资金: 'special',
  单位资金: 'unit',
};
const T12_COL: Record<string, number> = { total: 1, gpb: 2, fund: 3, soe: 4, special: 5, unit: 6 };

/**
 * The seed's 表12 as the locator will hand it over (rows with kind/unit, amounts with cells),
 * built straight from the transcription so the form tests do not depend on the locator.
 */
export function seedDisclosure(seed: SeedId): Disclosure {
  const fx = loadFixture(seed);
  const sheet = '表12';
  const bodyTop = 3;
  const rows: TableRow[] = fx.tables.t12.rows.map((row, i) => {
    const r = bodyTop + i;
    const values: Record<string, Amount> = {};
    for (const [header, raw] of Object.entries(row.values)) {
      const key = T12_KEYS[header];
      if (!key) continue;
      values[key] = {
        value: new Decimal(raw ?? 0),
        blank: raw === null,
        sheet,
        cell: addr(r, T12_COL[key]),
        raw: raw === null ? null : Number(raw),
      };
    }
    const isProject = row.kind === 'project';
    return {
      kind: isProject ? 'project' : 'total',
      key: row.name,
      row: r,
      name: row.name,
      label: row.name,
      unit: isProject ? (row.unit ?? fx.unit) : undefined,
      level: isProject ? 2 : 0,
      values,
    };
  });
  const t12: LocatedTable = {
    id: 't12',
    sheet,
    range: `A1:G${bodyTop + rows.length}`,
    columns: {
      project_name: { col: 0, header: '项目名称' },
      ...Object.fromEntries(Object.entries(T12_COL).map(([k, c]) => [k, { col: c, header: k }])),
    },
    headerRow: 2,
    rows,
    fromTemplate: false,
  };
  return { meta: { year: fx.year, unit: fx.unit, level: fx.level }, tables: { t12 }, findings: [] };
}
