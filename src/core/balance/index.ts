import Decimal from 'decimal.js';
import { identitiesOf, type Identity } from '../identities';
import { locateTables } from '../locate';
import type { Amount, Disclosure } from '../model/disclosure';
import { parseAddr, type Workbook } from '../model/grid';
import { formatWan, moneyString } from '../money';
import { TABLE_IDS } from '../templates/schema';
import { tableDef } from '../templates/tables';
import { BALANCE_FINDING, type CellEdit, type EditValue } from '../fixes/edit';
import { fromCents } from './cents';
import { components } from './components';
import { findConflict } from './conflicts';
import { buildConstraints, holds, lhs, type Constraint } from './constraints';
import { buildFigures, type Figure } from './figures';
import { baseOf, DEFAULT_LIMITS, solveComponent, STAGES, type SolveLimits, type StageResult } from './solve';

/**
 * 尾差调平 (舍位平衡, controlled rounding): every money figure at 2 decimals in 万元 such that every
 * identity the engine checks holds exactly, moving the fewest figures away from ordinary rounding.
 * See docs/fixing.md for what it does and does not do, in a clerk's words.
 */
export const ROUNDING_NOTE = '尾差系四舍五入所致';

export interface IdentityRef {
  id: string;
  rule: string;
  label: string;
  short: string;
}

export interface BalanceChange {
  sheet: string;
  cell: string;
  old: EditValue;
  formula?: string;
  /** The exact value (万元) when known: the cell's own decimals, or a form's 元 figure ÷ 10000. */
  exact?: string;
  /** Ordinary (half-up) rounding of the exact value; the value as read when it was already at 0.01. */
  ordinary: string;
  /** The value published after balancing. */
  value: string;
  /** value − ordinary in 0.01 steps: 0 = ordinary rounding only; ±1; ±2 only when one step has no solution. */
  steps: number;
  /** Cells of one figure (a total printed in several tables) share this number. */
  figure: number;
  /** Identities this change makes hold. */
  balances: IdentityRef[];
  reason: string;
}

export interface Residual {
  identity: IdentityRef;
  /** What is still missing (万元), signed: left side minus right side. */
  diff: string;
  note: string;
}

export interface Conflict {
  identities: IdentityRef[];
  /** True when every identity listed is needed for the conflict. */
  minimal: boolean;
  message: string;
}

export interface BalanceResult {
  changes: BalanceChange[];
  /** Distinct figures published away from ordinary rounding. */
  moved: number;
  /** Of those, figures moved by two steps. */
  twoStep: number;
  /** Figures with an exact value published at its ordinary rounding. */
  rounded: number;
  residuals: Residual[];
  conflicts: Conflict[];
  /** False when the solver stopped at its time limit with a good, maybe not the best, answer. */
  optimal: boolean;
  /** What was left out and why: tables printed in 元 (exact to the fen, nothing to balance). */
  notes?: string[];
  stats: { figures: number; identities: number; constraints: number; components: number };
}

export interface BalanceOptions {
  limits?: SolveLimits;
}

function ref(i: Identity): IdentityRef {
  return { id: i.id, rule: i.rule, label: i.label, short: i.short };
}

const TWO = (n: number) => moneyString(fromCents(n));

function signed(steps: number): string {
  return `${steps > 0 ? '+' : '−'}${moneyString(new Decimal(Math.abs(steps)).div(100))}`;
}

/**
 * The value written into a cell: a number stays a number; a number typed as text keeps its print
 * style. The one place a balanced figure leaves decimal.js: a worksheet cell holds a double, and
 * a 2-decimal string converts to the double Excel itself would store for it.
 */
function cellValue(old: Amount['raw'], v: Decimal): EditValue {
  if (typeof old === 'string') return old.includes(',') || old.includes('，') ? formatWan(v) : v.toFixed(2);
  return Number(v.toFixed(2));
}

function plain(raw: Amount['raw']): EditValue {
  return raw === null || typeof raw === 'object' ? null : typeof raw === 'boolean' ? String(raw) : raw;
}

interface Solved {
  values: Map<number, number>;
  slack: Map<number, number>;
  optimal: boolean;
  conflict?: Conflict;
}

function conflictMessage(list: IdentityRef[], minimal: boolean, pinned: string[]): string {
  return (
    `以下${list.length}个勾稽关系无法在每个数字最多调整0.01的情况下同时成立${minimal ? '' : '（含相关关系）'}：` +
    list.map((i) => i.label).join('；') +
    (pinned.length > 0 ? `。其中这些金额由绩效目标表的元金额确定，只能取其舍入值：${pinned.join('；')}` : '')
  );
}

function solveOne(figs: Figure[], cons: Constraint[], limits: SolveLimits): Solved {
  const base = new Map(figs.map((f) => [f.index, baseOf(f)] as const));
  if (cons.every((c) => holds(c, (g) => base.get(g) ?? 0))) return { values: base, slack: new Map(), optimal: true };
  let conflict: Conflict | undefined;
  let last: StageResult | undefined;
  for (let s = 0; s < STAGES.length; s++) {
    const r = solveComponent(figs, cons, STAGES[s], limits);
    last = r;
    if (r.status === 'optimal' || r.status === 'timedout')
      return { values: r.values, slack: r.slack, optimal: r.status === 'optimal', conflict };
    if (s === 0 && r.status === 'infeasible') {
      const found = findConflict(figs, cons, limits);
      const ids = found.constraints.map((c) => ref(c.identity));
      const involved = new Set(found.constraints.flatMap((c) => [...c.coefs.keys()]));
      const pinned = figs.filter((f) => involved.has(f.index) && f.links.length > 0).map((f) => f.links[0].label);
      conflict = { identities: ids, minimal: found.minimal, message: conflictMessage(ids, found.minimal, pinned) };
    }
  }
  // The solver gave up: publish ordinary rounding and say what still misses.
  const values = last?.values ?? base;
  const slack = new Map<number, number>();
  for (const c of cons) {
    const v = lhs(c, (g) => values.get(g) ?? 0);
    if (!holds(c, (g) => values.get(g) ?? 0)) slack.set(c.index, c.rhs - v);
  }
  return { values, slack, optimal: false, conflict };
}

/** The 0–1 program's data (figures, constraints) for a disclosure: tests compare it with brute force. */
export function balanceProblem(
  d: Disclosure,
  wb?: Workbook,
): { figures: Figure[]; constraints: Constraint[]; identities: Identity[] } {
  const { identities, links } = identitiesOf(d, wb);
  const set = buildFigures(d, wb, identities, links);
  return { figures: set.figures, constraints: buildConstraints(identities, set), identities };
}

/** Balances an already located disclosure; `wb` gives the sheet order and the forms (exact 元 figures). */
export function balanceDisclosure(d: Disclosure, wb?: Workbook, opts: BalanceOptions = {}): BalanceResult {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const { figures, constraints, identities } = balanceProblem(d, wb);
  const comps = components(figures, constraints);
  const values = new Map(figures.map((f) => [f.index, baseOf(f)] as const));
  const slack = new Map<number, number>();
  const conflicts: Conflict[] = [];
  let optimal = true;
  for (const comp of comps) {
    const r = solveOne(comp.figures, comp.constraints, limits);
    for (const [g, v] of r.values) values.set(g, v);
    for (const [c, v] of r.slack) slack.set(c, v);
    if (r.conflict) conflicts.push(r.conflict);
    optimal &&= r.optimal;
  }
  const result = explain(figures, constraints, values, slack, conflicts, optimal, wb, {
    identities: identities.length,
    components: comps.length,
  });
  const notes = yuanTableNotes(d);
  if (notes.length > 0) result.notes = notes;
  return result;
}

/** Tables printed in 元 are not balanced: say so, once per table. */
function yuanTableNotes(d: Disclosure): string[] {
  return TABLE_IDS.filter((id) => d.tables[id]?.unit === '元').map(
    (id) => `${tableDef(id).sheetName}以元为单位（金额精确到分），未参与尾差调平，其与万元表之间的勾稽也不作调平`,
  );
}

/** Locates the tables of a workbook and balances them. */
export function balanceWorkbook(wb: Workbook, opts: BalanceOptions & { year?: number } = {}): BalanceResult {
  return balanceDisclosure(locateTables(wb, { year: opts.year }), wb, opts);
}

function explain(
  figures: readonly Figure[],
  constraints: readonly Constraint[],
  values: ReadonlyMap<number, number>,
  slack: ReadonlyMap<number, number>,
  conflicts: Conflict[],
  optimal: boolean,
  wb: Workbook | undefined,
  counts: { identities: number; components: number },
): BalanceResult {
  const value = (g: number) => values.get(g) ?? 0;
  const base = new Map(figures.map((f) => [f.index, baseOf(f)] as const));
  const brokenAtBase = new Set(constraints.filter((c) => !holds(c, (g) => base.get(g) ?? 0)));
  const movedFigures = new Set(figures.filter((f) => value(f.index) !== f.ordinary).map((f) => f.index));
  const byFigure = new Map<number, Constraint[]>();
  for (const c of constraints)
    for (const g of c.coefs.keys()) {
      const list = byFigure.get(g);
      if (list) list.push(c);
      else byFigure.set(g, [c]);
    }
  const changes: BalanceChange[] = [];
  let moved = 0;
  let twoStep = 0;
  let rounded = 0;
  for (const f of figures) {
    const v = value(f.index);
    const published = fromCents(v);
    const steps = v - f.ordinary;
    if (steps !== 0) moved++;
    if (f.wider.includes(v)) twoStep++;
    if (steps === 0 && f.exact && !f.current.eq(published)) rounded++;
    if (f.current.eq(published)) continue;
    const mine = byFigure.get(f.index) ?? [];
    let balances = mine.filter((c) => brokenAtBase.has(c));
    if (balances.length === 0 && steps !== 0)
      balances = mine.filter((c) => [...c.coefs.keys()].some((g) => g !== f.index && movedFigures.has(g)));
    const refs = balances.map((c) => ref(c.identity));
    for (const a of f.amounts) {
      changes.push({
        sheet: a.sheet,
        cell: a.cell,
        old: plain(a.raw),
        ...(a.formula ? { formula: a.formula } : {}),
        ...(f.exact ? { exact: f.exact.toString() } : {}),
        ordinary: TWO(f.ordinary),
        value: moneyString(published),
        steps,
        figure: f.index,
        balances: refs,
        reason: reasonOf(f, v, steps, refs),
      });
    }
  }
  const residuals: Residual[] = [];
  for (const c of constraints) {
    const off = slack.get(c.index) ?? 0;
    if (off === 0 && holds(c, value)) continue;
    residuals.push({
      identity: ref(c.identity),
      diff: moneyString(fromCents(c.kind === 'eq' ? lhs(c, value) - c.rhs : -off)),
      note: ROUNDING_NOTE,
    });
  }
  return {
    changes: sortChanges(changes, wb),
    moved,
    twoStep,
    rounded,
    residuals,
    conflicts,
    optimal,
    stats: { figures: figures.length, constraints: constraints.length, ...counts },
  };
}

/** At most three identities by name, then how many more: a figure in a total row balances dozens. */
export function identityList(list: readonly IdentityRef[]): string {
  const head = list
    .slice(0, 3)
    .map((b) => b.short)
    .join('、');
  return list.length > 3 ? `${head} 等 ${list.length} 个勾稽关系` : head;
}

function reasonOf(f: Figure, v: number, steps: number, balances: IdentityRef[]): string {
  const published = TWO(v);
  if (steps === 0) return `四舍五入保留两位小数：${f.exact?.toString() ?? f.current.toString()} → ${published}`;
  const from = f.exact
    ? `精确值 ${f.exact.toString()}，四舍五入为 ${TWO(f.ordinary)}`
    : `原数 ${moneyString(f.current)}（精确值未知）`;
  const why = balances.length > 0 ? `，使 ${identityList(balances)}成立` : '';
  const two = Math.abs(steps) >= 2 ? '（每个数字只调0.01无解，此数调整两步）' : '';
  return `尾差调平：${from}，公开数取 ${published}（${signed(steps)}）${two}${why}`;
}

function sortChanges(changes: BalanceChange[], wb: Workbook | undefined): BalanceChange[] {
  const order = new Map<string, number>();
  wb?.sheets.forEach((s, i) => order.set(s.name, i));
  const pos = (c: BalanceChange) => parseAddr(c.cell);
  return changes.sort((a, b) => {
    const s = (order.get(a.sheet) ?? 1e6) - (order.get(b.sheet) ?? 1e6) || a.sheet.localeCompare(b.sheet);
    if (s !== 0) return s;
    const p = pos(a);
    const q = pos(b);
    return p.r - q.r || p.c - q.c;
  });
}

/** The changes as cell edits for any face's applier. */
export function balanceEdits(result: BalanceResult): CellEdit[] {
  return result.changes.map((c) => ({
    sheet: c.sheet,
    cell: c.cell,
    old: c.old,
    new: cellValue(c.old, new Decimal(c.value)),
    ...(c.formula ? { formula: c.formula } : {}),
    reason: c.reason,
    finding: BALANCE_FINDING,
  }));
}

export type { Figure } from './figures';
export type { Constraint } from './constraints';
