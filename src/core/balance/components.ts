import type { Constraint } from './constraints';
import type { Figure } from './figures';

/** Figures and constraints that share nothing are solved apart: smaller 0–1 programs, same optimum. */
export interface Component {
  figures: Figure[];
  constraints: Constraint[];
}

export function components(figures: readonly Figure[], constraints: readonly Constraint[]): Component[] {
  const parent = figures.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const c of constraints) {
    const gs = [...c.coefs.keys()];
    for (let i = 1; i < gs.length; i++) {
      const a = find(gs[0]);
      const b = find(gs[i]);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const byRoot = new Map<number, Component>();
  for (const c of constraints) {
    const root = find(c.coefs.keys().next().value!);
    const comp = byRoot.get(root) ?? { figures: [], constraints: [] };
    comp.constraints.push(c);
    byRoot.set(root, comp);
  }
  for (const f of figures) byRoot.get(find(f.index))?.figures.push(f);
  return [...byRoot.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
}

/** Constraints that share a figure with any of `set`. */
export function neighbours(set: ReadonlySet<Constraint>, all: readonly Constraint[]): Constraint[] {
  const figs = new Set<number>();
  for (const c of set) for (const g of c.coefs.keys()) figs.add(g);
  return all.filter((c) => !set.has(c) && [...c.coefs.keys()].some((g) => figs.has(g)));
}
