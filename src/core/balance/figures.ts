import type Decimal from 'decimal.js';
import type { ExactLink, Identity } from '../identities';
import type { Amount, Disclosure, RowKind } from '../model/disclosure';
import { parseAddr, type Workbook } from '../model/grid';
import { TABLE_IDS } from '../templates/schema';
import { tableDef } from '../templates/tables';
import { agreesWithWan } from '../forms/projects';
import { ceilCents, floorCents, fromCents, halfUpCents, isExact, toCents } from './cents';

/**
 * One variable per distinct figure (Cox 1987, controlled rounding: the unknowns are the printed
 * figures, not the cells): cells tied by a two-cell identity and printing the same value — a
 * total printed in several tables, a 合计 column equal to its only source — are one figure, so
 * moving it counts once and all its cells move together.
 *
 * A figure's window is what it may become: an exact value (more than 2 decimals, or a form's 元
 * figure ÷ 10000) rounds down or up to 0.01; a figure already at 0.01, whose exact value is
 * unknown, may move by at most 0.01. Blanks and zeros are not figures: they stay.
 */
export interface Figure {
  /** Position in the workbook (sheet order, row, column of its first cell): the tie-break. */
  index: number;
  key: string;
  /** Every cell printing it, in workbook order. */
  amounts: Amount[];
  current: Decimal;
  /** The exact value when known: the cell's own (more decimals) or a form's 元 figure ÷ 10000. */
  exact?: Decimal;
  /** Ordinary half-up rounding of the exact value; the current value when the exact one is unknown. */
  ordinary: number;
  /** Values allowed within one step (cents), sorted. */
  window: number[];
  /** Values a ±2-step fallback may add (cents). */
  wider: number[];
  /** 0 for detail rows (项, items, projects …) up to 7 for a 合计 row's total column: moved last. */
  tier: number;
  links: ExactLink[];
}

const ROW_TIER: Record<RowKind, number> = {
  xiang: 0,
  item: 0,
  project: 0,
  fixed: 0,
  kuan: 1,
  class: 1,
  unit: 1,
  lei: 2,
  total: 3,
};

interface CellInfo {
  amount: Amount;
  position: [number, number, number];
  tier: number;
}

function cellKey(a: { sheet: string; cell: string }): string {
  return `${a.sheet}!${a.cell}`;
}

/** Every money cell of the located tables, with its position and how "total" it is. */
function cellsOf(d: Disclosure, wb: Workbook | undefined): Map<string, CellInfo> {
  const sheetOrder = new Map<string, number>();
  wb?.sheets.forEach((s, i) => sheetOrder.set(s.name, i));
  const out = new Map<string, CellInfo>();
  for (const id of TABLE_IDS) {
    const table = d.tables[id];
    if (!table) continue;
    if (!sheetOrder.has(table.sheet)) sheetOrder.set(table.sheet, sheetOrder.size + 1000);
    const def = tableDef(id);
    const targets = new Set(def.rowIdentities.map((r) => r.target));
    const sums = new Set<string>();
    if (def.body.kind === 'summary') for (const side of [def.body.income, def.body.expenditure]) addSums(side, sums);
    if (def.body.kind === 'fixed') addSums(def.body.side, sums);
    for (const row of table.rows) {
      const rowTier = row.kind === 'fixed' && sums.has(row.key) ? ROW_TIER.total : ROW_TIER[row.kind];
      for (const [key, a] of Object.entries(row.values)) {
        if (!a) continue;
        const k = cellKey(a);
        if (out.has(k)) continue;
        const p = parseAddr(a.cell);
        out.set(k, {
          amount: a,
          position: [sheetOrder.get(a.sheet) ?? 0, p.r, p.c],
          tier: rowTier * 2 + (targets.has(key) ? 1 : 0),
        });
      }
    }
  }
  return out;
}

function addSums(side: { rows: { key: string; sum?: unknown }[] }, into: Set<string>): void {
  for (const r of side.rows) if (r.sum) into.add(r.key);
}

/**
 * Blank, zero, an error value or text that is no number: not a figure, it stays as it is. Nor is
 * a figure printed in 元: it is exact to the fen and has no 0.01 万元 rounding to balance.
 */
export function isFixed(a: Amount): boolean {
  return a.value.isZero() || a.unit === '元';
}

function comparePosition(a: CellInfo, b: CellInfo): number {
  return a.position[0] - b.position[0] || a.position[1] - b.position[1] || a.position[2] - b.position[2];
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p === x) return x;
    p = this.find(p);
    this.parent.set(x, p);
    return p;
  }
  union(a: string, b: string): void {
    const x = this.find(a);
    const y = this.find(b);
    if (x !== y) this.parent.set(y < x ? x : y, y < x ? y : x);
  }
}

/** Effective terms of an identity: fixed cells (zeros) dropped. */
function liveTerms(i: Identity): Identity['terms'] {
  return i.terms.filter((t) => !isFixed(t.amount));
}

export interface FigureSet {
  figures: Figure[];
  /** Cell key → figure index. */
  byCell: Map<string, number>;
}

/**
 * Builds the figures of a disclosure: every non-zero money cell, merged along two-cell identities
 * whose cells print the same value, each with its window and the links that bound it.
 */
export function buildFigures(
  d: Disclosure,
  wb: Workbook | undefined,
  identities: readonly Identity[],
  links: readonly ExactLink[],
): FigureSet {
  const cells = cellsOf(d, wb);
  for (const i of identities)
    for (const t of i.terms)
      if (!cells.has(cellKey(t.amount)))
        cells.set(cellKey(t.amount), { amount: t.amount, position: [9999, 0, 0], tier: 0 });
  const uf = new UnionFind();
  for (const i of identities) {
    const live = liveTerms(i);
    if (live.length !== 2) continue;
    const [a, b] = live;
    if (Math.abs(a.coef) !== 1 || a.coef + b.coef !== 0) continue;
    if (!a.amount.value.eq(b.amount.value)) continue;
    uf.union(cellKey(a.amount), cellKey(b.amount));
  }
  const groups = new Map<string, CellInfo[]>();
  for (const [k, info] of cells) {
    if (isFixed(info.amount)) continue;
    const root = uf.find(k);
    const g = groups.get(root);
    if (g) g.push(info);
    else groups.set(root, [info]);
  }
  const linksByCell = new Map<string, ExactLink[]>();
  for (const l of links) {
    const k = cellKey(l.amount);
    linksByCell.set(k, [...(linksByCell.get(k) ?? []), l]);
  }
  const ordered = [...groups.values()].map((g) => g.sort(comparePosition)).sort((a, b) => comparePosition(a[0], b[0]));
  const figures: Figure[] = [];
  const byCell = new Map<string, number>();
  ordered.forEach((members, index) => {
    const amounts = members.map((m) => m.amount);
    const f = makeFigure(
      index,
      amounts,
      Math.max(...members.map((m) => m.tier)),
      amounts.flatMap((a) => linksByCell.get(cellKey(a)) ?? []),
    );
    figures.push(f);
    for (const a of amounts) byCell.set(cellKey(a), index);
  });
  return { figures, byCell };
}

/** Zero and the other sign are out of reach unless ordinary rounding itself lands there. */
function allowed(v: number, ordinary: number): boolean {
  if (v === 0) return ordinary === 0;
  return ordinary === 0 || Math.sign(v) === Math.sign(ordinary);
}

function makeFigure(index: number, amounts: Amount[], tier: number, links: ExactLink[]): Figure {
  const current = amounts[0].value;
  let exact: Decimal | undefined = isExact(current) ? current : undefined;
  let window: number[];
  let wider: number[];
  if (exact) {
    const lo = floorCents(exact);
    const hi = ceilCents(exact);
    window = [lo, hi];
    wider = [lo - 1, hi + 1];
  } else {
    const c = toCents(current);
    window = [c - 1, c, c + 1];
    wider = [c - 2, c + 2];
  }
  let ordinary = exact ? halfUpCents(exact) : toCents(current);
  const applied: ExactLink[] = [];
  for (const l of links) {
    // The form's figure is the exact value: 表12 must agree with it as F2 reads it (rounded down or
    // up to 0.01 万元), and stay within one step of what it prints; a form further away is a real
    // difference (F2), not ours.
    const e = l.yuan.div(10000);
    const within = window.filter((v) => agreesWithWan(l.yuan, fromCents(v)));
    if (within.length === 0) continue;
    window = within;
    wider = [];
    exact = e;
    ordinary = halfUpCents(e);
    applied.push(l);
  }
  const sorted = [...new Set(window)].filter((v) => allowed(v, ordinary)).sort((a, b) => a - b);
  return {
    index,
    key: `${amounts[0].sheet}!${amounts[0].cell}`,
    amounts,
    current,
    exact,
    ordinary,
    window: sorted,
    wider: [...new Set(wider)].filter((v) => allowed(v, ordinary) && !sorted.includes(v)).sort((a, b) => a - b),
    tier,
    links: applied,
  };
}

export { cellKey };
