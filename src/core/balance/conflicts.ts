import { neighbours } from './components';
import type { Constraint } from './constraints';
import type { Figure } from './figures';
import { solveComponent, type SolveLimits } from './solve';

/**
 * Which identities cannot all hold when every figure moves at most one step. The elastic program
 * (every identity may miss, at a price) names the identities that had to give; around them we
 * grow a set that is infeasible on its own, then drop every member the infeasibility does not need
 * (a deletion filter, as for an irreducible infeasible subsystem), so the clerk reads the few
 * identities that really pull against each other.
 */
const MAX_CANDIDATES = 60;
const MAX_RINGS = 4;

export interface ConflictSet {
  constraints: Constraint[];
  /** True when no identity can be dropped from the set and it stays infeasible. */
  minimal: boolean;
}

function figuresOf(set: Iterable<Constraint>, byIndex: ReadonlyMap<number, Figure>): Figure[] {
  const ids = new Set<number>();
  for (const c of set) for (const g of c.coefs.keys()) ids.add(g);
  return [...ids].sort((a, b) => a - b).map((g) => byIndex.get(g)!);
}

function feasible(set: readonly Constraint[], byIndex: ReadonlyMap<number, Figure>, limits: SolveLimits): boolean {
  const r = solveComponent(figuresOf(set, byIndex), set, { wider: false, slack: false, costs: false }, limits);
  return r.status !== 'infeasible';
}

export function findConflict(
  figures: readonly Figure[],
  constraints: readonly Constraint[],
  limits: SolveLimits,
): ConflictSet {
  const byIndex = new Map(figures.map((f) => [f.index, f] as const));
  const elastic = solveComponent(figures, constraints, { wider: false, slack: true, costs: true }, limits);
  const gave = constraints.filter((c) => (elastic.slack.get(c.index) ?? 0) !== 0);
  const start = gave.length > 0 ? gave : constraints.slice(0, 1);
  let candidates = new Set(start);
  for (let ring = 0; ring <= MAX_RINGS && candidates.size <= MAX_CANDIDATES; ring++) {
    const list = [...candidates].sort((a, b) => a.index - b.index);
    if (!feasible(list, byIndex, limits)) {
      let kept = list;
      for (const c of list) {
        const without = kept.filter((x) => x !== c);
        if (without.length > 0 && !feasible(without, byIndex, limits)) kept = without;
      }
      return { constraints: kept, minimal: true };
    }
    candidates = new Set([...candidates, ...neighbours(candidates, constraints)]);
  }
  return {
    constraints: [...new Set([...start, ...neighbours(new Set(start), constraints)])].sort((a, b) => a.index - b.index),
    minimal: false,
  };
}
