import { solve, type Constraint as LpConstraint, type Options } from 'yalps';
import type { Constraint } from './constraints';
import { holds } from './constraints';
import type { Figure } from './figures';

/**
 * The 0–1 program of controlled rounding (L. H. Cox, "A Constructive Procedure for Unbiased
 * Controlled Rounding", JASA 82 (1987) 520–524; τ-ARGUS solves the same problem as a 0–1 program),
 * solved with YALPS (MIT, pure TypeScript, runs in Node and the browser; models as documented in
 * its README and its `Model`/`Options` JSDoc: `binaries`, `integers`, `timeout`, `maxIterations`).
 *
 * Each figure takes its base value (ordinary rounding when the window allows it) or one other
 * value of its window, one binary per alternative. Costs make the optimum lexicographic in
 * practice: first the fewest ±2-step figures (stage 2), then the fewest figures away from
 * ordinary rounding, then totals moved last (tier), then a tiny weight by position so the same
 * workbook always gives the same answer.
 */

export interface StageResult {
  status: 'optimal' | 'timedout' | 'infeasible' | 'failed';
  /** Figure index → value in cents (every figure of the component). */
  values: Map<number, number>;
  /** Constraint index → cents still missing (stage 3 only). */
  slack: Map<number, number>;
}

export interface SolveLimits {
  /** Milliseconds YALPS may spend in branch and bound per component and stage. */
  timeout: number;
}

export const DEFAULT_LIMITS: SolveLimits = { timeout: 20000 };

/** Base value: ordinary rounding when reachable, else the window value nearest the figure as read. */
export function baseOf(f: Figure): number {
  if (f.window.includes(f.ordinary)) return f.ordinary;
  const here = f.current.times(100).toNumber();
  let best = f.window[0];
  for (const v of f.window) if (Math.abs(v - here) < Math.abs(best - here)) best = v;
  return best;
}

const WRITE = 0.5;

interface Weights {
  move: (f: Figure) => number;
  twoStep: number;
  slack: number;
}

/**
 * Weights for a component of n figures. A move costs 10n + tier + position share, so any solution
 * moving fewer figures is cheaper whatever the tiers; a ±2-step value costs more than every move
 * together, a slack more than every ±2 step together.
 */
function weights(figs: readonly Figure[]): Weights {
  const n = figs.length;
  const rank = new Map(figs.map((f, i) => [f.index, i] as const));
  // Later positions weigh less: like 舍位平衡's habit of putting the difference on the last addend.
  const move = (f: Figure) => 10 * n + f.tier + (n - (rank.get(f.index) ?? 0)) / (n + 1);
  const twoStep = (10 * n + 9) * (n + 1);
  return { move, twoStep, slack: twoStep * (n + 1) };
}

function costOf(f: Figure, v: number, w: Weights): number {
  const here = f.current.times(100);
  let c = 0;
  if (v !== f.ordinary) c += w.move(f);
  if (!here.eq(v)) c += WRITE;
  if (f.wider.includes(v)) c += w.twoStep;
  return c;
}

const varName = (g: number, v: number) => `x${g}_${v}`;

export interface ModelOptions {
  /** Allow the ±2-step values (the fallback when one step has no solution). */
  wider: boolean;
  /** Let identities miss (a slack per identity, dearer than anything else): the last resort. */
  slack: boolean;
  /** false: any feasible point will do (conflict search). */
  costs: boolean;
}

/** One step; then ±2 steps on the fewest figures; then a 尾差 left on the fewest identities. */
export const STAGES: readonly ModelOptions[] = [
  { wider: false, slack: false, costs: true },
  { wider: true, slack: false, costs: true },
  { wider: true, slack: true, costs: true },
];

/** Solves one connected component of figures and constraints. */
export function solveComponent(
  figs: readonly Figure[],
  cons: readonly Constraint[],
  opts: ModelOptions,
  limits: SolveLimits = DEFAULT_LIMITS,
): StageResult {
  const w = weights(figs);
  const base = new Map(figs.map((f) => [f.index, baseOf(f)] as const));
  const byFigure = new Map<number, [Constraint, number][]>();
  for (const c of cons)
    for (const [g, k] of c.coefs) {
      const list = byFigure.get(g);
      if (list) list.push([c, k]);
      else byFigure.set(g, [[c, k]]);
    }
  const variables = new Map<string, Map<string, number>>();
  const binaries = new Set<string>();
  const integers = new Set<string>();
  const constraints = new Map<string, LpConstraint>();
  const choice = new Map<string, [number, number]>();
  for (const c of cons) {
    let rhs = c.rhs;
    for (const [g, k] of c.coefs) rhs -= k * (base.get(g) ?? 0);
    constraints.set(`c${c.index}`, c.kind === 'eq' ? { equal: rhs } : { min: rhs });
  }
  for (const f of figs) {
    const b = base.get(f.index)!;
    const values = [...f.window, ...(opts.wider ? f.wider : [])].filter((v) => v !== b);
    if (opts.wider && values.length >= 2) constraints.set(`one${f.index}`, { max: 1 });
    for (const v of values) {
      const name = varName(f.index, v);
      const coefs = new Map<string, number>();
      for (const [c, k] of byFigure.get(f.index) ?? []) coefs.set(`c${c.index}`, k * (v - b));
      if (opts.costs) coefs.set('cost', costOf(f, v, w) - costOf(f, b, w));
      if (opts.wider && values.length >= 2) coefs.set(`one${f.index}`, 1);
      variables.set(name, coefs);
      binaries.add(name);
      choice.set(name, [f.index, v - b]);
    }
  }
  if (opts.slack) {
    for (const c of cons) {
      const up = new Map<string, number>([[`c${c.index}`, 1]]);
      if (opts.costs) up.set('cost', w.slack);
      variables.set(`sp${c.index}`, up);
      integers.add(`sp${c.index}`);
      if (c.kind === 'eq') {
        const down = new Map<string, number>([[`c${c.index}`, -1]]);
        if (opts.costs) down.set('cost', w.slack);
        variables.set(`sm${c.index}`, down);
        integers.add(`sm${c.index}`);
      }
    }
  }
  const options: Options = { timeout: limits.timeout, maxIterations: 200000 };
  const sol = solve(
    {
      direction: 'minimize',
      objective: opts.costs ? 'cost' : undefined,
      constraints,
      variables,
      binaries,
      integers,
    },
    options,
  );
  const values = new Map(base);
  const slack = new Map<number, number>();
  if (sol.status === 'infeasible') return { status: 'infeasible', values, slack };
  if (sol.status !== 'optimal' && !(sol.status === 'timedout' && Number.isFinite(sol.result)))
    return { status: 'failed', values, slack };
  for (const [name, x] of sol.variables) {
    const n = Math.round(x);
    if (n === 0) continue;
    const pick = choice.get(name);
    if (pick) values.set(pick[0], (values.get(pick[0]) ?? 0) + n * pick[1]);
    else if (name.startsWith('sp')) slack.set(Number(name.slice(2)), (slack.get(Number(name.slice(2))) ?? 0) + n);
    else if (name.startsWith('sm')) slack.set(Number(name.slice(2)), (slack.get(Number(name.slice(2))) ?? 0) - n);
  }
  // Trust integers, not floats: every constraint is re-checked in whole cents.
  const value = (g: number) => values.get(g) ?? 0;
  for (const c of cons) {
    const off = slack.get(c.index) ?? 0;
    const ok = off === 0 ? holds(c, value) : holdsWith(c, value, off);
    if (!ok) return { status: 'failed', values: new Map(base), slack: new Map() };
  }
  return { status: sol.status === 'optimal' ? 'optimal' : 'timedout', values, slack };
}

function holdsWith(c: Constraint, value: (g: number) => number, off: number): boolean {
  let s = off;
  for (const [g, k] of c.coefs) s += k * value(g);
  return c.kind === 'eq' ? s === c.rhs : s >= c.rhs;
}
