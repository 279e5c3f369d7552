import Decimal from 'decimal.js';
import { locateTables } from '../../src/core/locate';
import type { Disclosure, TableRow } from '../../src/core/model/disclosure';
import type { Workbook } from '../../src/core/model/grid';
import { renderTemplates } from '../../src/core/templates/layout';
import { planToSheet } from '../../src/core/templates/planToGrid';
import { economicLayout } from '../../src/core/rules/economic';
import { NO_DATA_NOTE } from '../../src/core/templates/tables';
import { recalc } from '../rules/support/recalc';
import { setValue } from '../rules/support/template';
import { parseAddr } from '../../src/core/model/grid';
import { prng } from '../fuzz/mutate';

/**
 * A workbook as the budget system exports it before anyone rounds: every input amount carries
 * 4 decimals (万元, i.e. exact to the 元), every total is the template's formula, so every identity
 * holds exactly on the exact values and rounding each figure on its own leaves 尾差. 部门 level:
 * `units` units × `perUnit` projects in 表12. Deterministic for a given `seed`.
 */
export interface ExactOptions {
  units?: number;
  perUnit?: number;
  seed?: number;
}

export interface ExactWorkbook {
  wb: Workbook;
  layout: Disclosure;
  /** Exact value typed into each input cell, `sheet!A1` → 万元 with 4 decimals. */
  inputs: Map<string, Decimal>;
}

export function exactWorkbook(opts: ExactOptions = {}): ExactWorkbook {
  const units = Array.from({ length: opts.units ?? 7 }, (_, i) => `测试单位${i + 1}`);
  const perUnit = opts.perUnit ?? 10;
  const rand = prng(opts.seed ?? 4);
  /** A 4-decimal amount in [lo, hi), never on a cent (an exact figure the tables cannot print). */
  const amount = (lo: number, hi: number): Decimal => {
    const v = new Decimal(Math.floor((lo + rand() * (hi - lo)) * 10000)).div(10000);
    return v.decimalPlaces() <= 2 ? v.plus('0.0001') : v;
  };
  const plans = renderTemplates({ year: 2024, unit: '测试局', level: '部门', units }, { projectRows: perUnit });
  const wb: Workbook = { sheets: plans.map(planToSheet) };
  const layout = locateTables(wb);
  const inputs = new Map<string, Decimal>();
  const put = (sheet: string, cell: string, v: Decimal | string) => {
    setValue(wb, { sheet, ...parseAddr(cell) }, typeof v === 'string' ? v : v.toNumber());
    if (typeof v !== 'string') inputs.set(`${sheet}!${cell}`, v);
  };
  const t = layout.tables;

  // 表12: the blank project rows the template offers under each unit (一般公共预算).
  const projects: Decimal[] = [];
  const t12plan = plans.find((p) => p.tag === 't12')!;
  const gpbCol = t.t12!.columns.gpb.col;
  let k = 0;
  for (const c of t12plan.cells) {
    if (c.style !== 'text' || c.col !== 0 || c.value != null) continue;
    const gpb = t12plan.cells.find((x) => x.row === c.row && x.col === gpbCol);
    if (!gpb || gpb.formula !== undefined) continue;
    const v = amount(0.5, 40);
    projects.push(v);
    put(t12plan.name, `A${c.row + 1}`, `项目${++k}`);
    put(t12plan.name, `${String.fromCharCode(65 + gpbCol)}${c.row + 1}`, v);
  }
  const projectTotal = projects.reduce((s, v) => s.plus(v), new Decimal(0));

  // 表2/3/5: every 项 has 基本支出; the first 项 also carries all 项目支出.
  let basicTotal = new Decimal(0);
  let first = true;
  for (const row of t.t2!.rows) {
    if (row.kind !== 'xiang') continue;
    const basic = amount(5, 300);
    const project = first ? projectTotal : new Decimal(0);
    first = false;
    basicTotal = basicTotal.plus(basic);
    put(t.t2!.sheet, row.values.gpb!.cell, basic.plus(project));
    for (const id of ['t3', 't5'] as const) {
      const r = t[id]!.rows.find((x) => x.code === row.code)!;
      put(t[id]!.sheet, r.values.basic!.cell, basic);
      if (!project.isZero()) put(t[id]!.sheet, r.values.project!.cell, project);
    }
  }

  // 表6: items on their class's side; the last personnel item takes the remainder (X10).
  const classes = economicLayout(t.t6!).classes;
  const publicItems: TableRow[] = [];
  const personnelItems: TableRow[] = [];
  for (const c of classes) {
    for (const i of c.items.slice(0, 3)) (c.side === 'public' ? publicItems : personnelItems).push(i);
  }
  let publicTotal = new Decimal(0);
  let vehicle: Decimal | undefined;
  for (const i of publicItems) {
    const v = amount(1, 20);
    publicTotal = publicTotal.plus(v);
    put(t.t6!.sheet, i.values.public!.cell, v);
    if ((i.name ?? i.label).includes('公务用车运行维护费')) vehicle = v;
  }
  let assigned = publicTotal;
  personnelItems.forEach((i, n) => {
    const v = n === personnelItems.length - 1 ? basicTotal.minus(assigned) : amount(10, 100);
    assigned = assigned.plus(v);
    put(t.t6!.sheet, i.values.personnel!.cell, v);
  });

  // 表10: 公务用车运行维护费 = the 表6 item (X13); 表11: units share 表6 公用经费 (X14).
  if (vehicle) {
    const r = t.t10!.rows.find((x) => x.key === 'vehicle_running')!;
    put(t.t10!.sheet, r.values.gpb!.cell, vehicle);
  }
  const unitRows = t.t11!.rows.filter((r) => r.kind === 'unit');
  let left = publicTotal;
  unitRows.forEach((r, n) => {
    const share = left.div(unitRows.length - n).toDecimalPlaces(4, Decimal.ROUND_DOWN);
    const v = n === unitRows.length - 1 ? left : share.decimalPlaces() <= 2 ? share.minus('0.0001') : share;
    left = left.minus(v);
    put(t.t11!.sheet, r.values.gpb!.cell, v);
  });

  for (const id of ['t7', 't8', 't9', 't13'] as const) {
    const table = t[id]!;
    const sheet = wb.sheets.find((s) => s.name === table.sheet)!;
    let r = Math.max(...table.rows.map((x) => x.row), table.headerRow) + 1;
    while (sheet.rows[r]?.some((c) => c && c.value !== null)) r++;
    setValue(wb, { sheet: table.sheet, r, c: 0 }, NO_DATA_NOTE);
  }
  recalc(wb);
  return { wb, layout, inputs };
}
