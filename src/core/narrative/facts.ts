import type { Amount, Disclosure, LocatedTable, TableRow } from '../model/disclosure';
import { Decimal, ZERO, sum } from '../money';
import { ECONOMIC } from '../reference';
import { stripOrdinal } from '../locate/normalise';
import { sameNameKey } from '../text/sameName';

/**
 * The figures the 情况说明 quotes, read once from the located tables. Both the generator and
 * the checker read these, so "what the table says" has a single definition. Each figure keeps
 * the cell it came from (`at`) so a finding can point at it.
 */
export interface Fig {
  value: Decimal;
  at?: { sheet: string; cell: string };
}

export interface NamedFig extends Fig {
  name: string;
}

export interface EconItem {
  name: string;
  side: 'personnel' | 'public';
}

export interface TableFacts {
  t1?: {
    incomeGrand: Fig;
    incomeTotal: Fig;
    carryIn: Fig;
    sources: { gpb: Fig; fund: Fig; soe: Fig; special: Fig; unit: Fig };
    expGrand: Fig;
    expCurrent: Fig;
    expCarry: Fig;
  };
  t3?: { total: Fig; basic: Fig; project: Fig };
  t4?: {
    incomeGrand: Fig;
    incomeTotal: Fig;
    carryIn: Fig;
    gpb: Fig;
    fund: Fig;
    soe: Fig;
    /** Each source without its carry-over (本年收入 only). */
    current: { gpb: Fig; fund: Fig; soe: Fig };
    /** Non-zero categories (小计) in table order. */
    categories: NamedFig[];
  };
  t5?: { total: Fig; basic: Fig; project: Fig; lei: NamedFig[] };
  t6?: {
    total: Fig;
    personnel: Fig;
    public: Fig;
    /** True when 人员/公用 were blank on the 合计 row and summed from class rows instead. */
    derived: boolean;
    items: EconItem[];
  };
  t10?: { total: Fig; abroad: Fig; reception: Fig; vehicle: Fig; vehiclePurchase: Fig; vehicleRunning: Fig };
  t11?: { total: Fig; units: string[] };
  t12?: { projects: NamedFig[]; total: Decimal };
}

const fig = (a: Amount | undefined): Fig =>
  a ? { value: a.value, at: { sheet: a.sheet, cell: a.cell } } : { value: ZERO };

const val = (row: TableRow | undefined, col: string): Fig => fig(row?.values[col]);

function findRow(t: LocatedTable, pred: (r: TableRow) => boolean): TableRow | undefined {
  return t.rows.find(pred);
}

const byKey = (t: LocatedTable, key: string, side?: 'income' | 'expenditure') =>
  findRow(t, (r) => r.key === key && (side === undefined || r.side === undefined || r.side === side));

const totalRow = (t: LocatedTable) => findRow(t, (r) => r.kind === 'total');

const rowName = (r: TableRow) => (r.name ?? r.label ?? '').trim();

function econSide(className: string): 'personnel' | 'public' | undefined {
  const n = sameNameKey(className);
  for (const c of ECONOMIC.classes) {
    if (sameNameKey(c.name) === n || c.aliases.some((a) => sameNameKey(a) === n)) return c.side;
  }
  return undefined;
}

export function tableFacts(d: Disclosure): TableFacts {
  const f: TableFacts = {};
  const { t1, t3, t4, t5, t6, t10, t11, t12 } = d.tables;

  if (t1) {
    const inc = (k: string) => val(byKey(t1, k, 'income'), 'income');
    const grand = byKey(t1, 'exp_grand', 'expenditure');
    f.t1 = {
      incomeGrand: inc('income_grand'),
      incomeTotal: inc('income_total'),
      carryIn: inc('carry_in'),
      sources: { gpb: inc('gpb'), fund: inc('fund'), soe: inc('soe'), special: inc('special'), unit: inc('unit') },
      expGrand: val(grand, 'total'),
      expCurrent: val(grand, 'current'),
      expCarry: val(grand, 'carry'),
    };
  }
  if (t3) {
    const r = totalRow(t3);
    f.t3 = { total: val(r, 'total'), basic: val(r, 'basic'), project: val(r, 'project') };
  }
  if (t4) {
    const inc = (k: string) => val(byKey(t4, k, 'income'), 'income');
    const categories = t4.rows
      .filter((r) => r.key.startsWith('cat:') && r.side !== 'income')
      .map((r) => ({ name: stripOrdinal(r.label.trim()).trim(), ...val(r, 'subtotal') }))
      .filter((c) => !c.value.isZero());
    const gpb = inc('gpb');
    const fund = inc('fund');
    const soe = inc('soe');
    // 四 quotes each source including its carry-over (004 writes 一般公共预算拨款 41,748.72).
    const plus = (a: Fig, b: Fig): Fig => ({ value: a.value.plus(b.value), at: a.at });
    f.t4 = {
      incomeGrand: inc('income_grand'),
      incomeTotal: inc('income_total'),
      carryIn: inc('carry_in'),
      gpb: plus(gpb, inc('carry_gpb')),
      fund: plus(fund, inc('carry_fund')),
      soe: plus(soe, inc('carry_soe')),
      current: { gpb, fund, soe },
      categories,
    };
  }
  if (t5) {
    const r = totalRow(t5);
    const lei = t5.rows
      .filter((x) => x.kind === 'lei')
      .map((x) => ({ name: rowName(x), ...val(x, 'total') }))
      .filter((x) => !x.value.isZero());
    f.t5 = { total: val(r, 'total'), basic: val(r, 'basic'), project: val(r, 'project'), lei };
  }
  if (t6) f.t6 = economicFacts(t6);
  if (t10) {
    const k = (key: string) => val(byKey(t10, key), 'total');
    f.t10 = {
      total: k('grand'),
      abroad: k('abroad'),
      reception: k('reception'),
      vehicle: k('vehicle'),
      vehiclePurchase: k('vehicle_purchase'),
      vehicleRunning: k('vehicle_running'),
    };
  }
  if (t11) {
    const units = t11.rows.filter((r) => r.kind === 'unit' && !(r.values.total?.value ?? ZERO).isZero()).map(rowName);
    const tot = totalRow(t11);
    f.t11 = {
      total: tot
        ? val(tot, 'total')
        : { value: sum(t11.rows.filter((r) => r.kind === 'unit').map((r) => r.values.total?.value ?? ZERO)) },
      units,
    };
  }
  if (t12) {
    const projects = t12.rows
      .filter((r) => r.kind === 'project')
      .map((r) => ({ name: rowName(r), ...val(r, 'total') }));
    f.t12 = { projects, total: sum(projects.map((p) => p.value)) };
  }
  return f;
}

function economicFacts(t6: LocatedTable): NonNullable<TableFacts['t6']> {
  const tot = totalRow(t6);
  const classes = t6.rows.filter((r) => r.kind === 'class');
  const classSide = new Map<string, 'personnel' | 'public' | undefined>();
  for (const c of classes) classSide.set(c.key, econSide(rowName(c)) ?? econSide(c.label));

  const items: EconItem[] = [];
  const seen = new Set<string>();
  for (const r of t6.rows) {
    if (r.kind !== 'item') continue;
    const parent = classes.find((c) => c.key === r.parent || rowName(c) === r.parent);
    // The class decides the side (001 puts 商品和服务 items in the 人员 column: that is W6.4's
    // finding, not a reason to list them as 人员经费 in the narrative).
    let side = parent ? classSide.get(parent.key) : undefined;
    if (!side) side = (r.values.public?.value ?? ZERO).isZero() ? 'personnel' : 'public';
    const name = rowName(r);
    const id = `${side}:${sameNameKey(name)}`;
    if (name && !seen.has(id)) {
      seen.add(id);
      items.push({ name, side });
    }
  }

  const personnel = val(tot, 'personnel');
  const pub = val(tot, 'public');
  const total = val(tot, 'total');
  const blank = (tot?.values.personnel?.blank ?? true) && (tot?.values.public?.blank ?? true);
  if (blank && !total.value.isZero()) {
    const bySide = (s: 'personnel' | 'public') =>
      sum(classes.filter((c) => classSide.get(c.key) === s).map((c) => c.values.total?.value ?? ZERO));
    return {
      total,
      personnel: { value: bySide('personnel') },
      public: { value: bySide('public') },
      derived: true,
      items,
    };
  }
  return { total, personnel, public: pub, derived: false, items };
}
