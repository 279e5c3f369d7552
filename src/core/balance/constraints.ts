import type Decimal from 'decimal.js';
import type { Identity } from '../identities';
import { classifyDiff, ZERO } from '../money';
import { tolerance } from '../rules/identity';
import { toCents } from './cents';
import { cellKey, isFixed, type FigureSet } from './figures';

/**
 * One linear constraint per identity, over figures, in cents (Cox 1987: one equation per
 * published identity). What the checker would report decides what the balancer must keep:
 *  - an identity that holds, or misses by 尾差 (within the rule's tolerance), must hold exactly;
 *  - one beyond 尾差 is a real error, not ours to hide: it must stay beyond 尾差, on its side,
 *    so balancing never turns an error into a 尾差 (or a warning into nothing the clerk sees);
 *  - a hint (X20, `info`) that holds must keep holding; one that does not is left alone.
 */
export interface Constraint {
  /** Position in the constraint list (stable, used for names in the solver model). */
  index: number;
  identity: Identity;
  /** Figure index → coefficient. */
  coefs: Map<number, number>;
  /** 'eq': Σ coef × value = rhs; 'min': Σ coef × value ≥ rhs (cents). */
  kind: 'eq' | 'min';
  rhs: number;
  /** Σ coef × value at the values read (万元). */
  residual: Decimal;
}

function thresholdCents(t: Decimal): number {
  return t.times(100).floor().toNumber() + 1;
}

export function buildConstraints(identities: readonly Identity[], set: FigureSet): Constraint[] {
  const out: Constraint[] = [];
  for (const identity of identities) {
    // Tables printed in 元 are left out (docs/fixing.md): a 万元 figure balanced against a 元 one
    // would need more than two decimals, and a 元 table has no 尾差 of its own to balance.
    if (identity.terms.some((t) => t.amount.unit === '元')) continue;
    let residual = ZERO;
    let constant = 0;
    const coefs = new Map<number, number>();
    for (const t of identity.terms) {
      residual = residual.plus(t.amount.value.times(t.coef));
      const g = set.byCell.get(cellKey(t.amount));
      if (g === undefined || isFixed(t.amount)) {
        constant += t.coef * toCents(t.amount.value);
        continue;
      }
      coefs.set(g, (coefs.get(g) ?? 0) + t.coef);
    }
    for (const [g, c] of coefs) if (c === 0) coefs.delete(g);
    if (coefs.size === 0) continue;
    const tol = tolerance(identity.addends);
    const klass = classifyDiff(residual, tol);
    if (identity.mode === 'info' && klass !== 'equal') continue;
    const base = { index: out.length, identity, residual };
    if (klass === 'error') {
      const s = residual.isNegative() ? -1 : 1;
      const scaled = new Map([...coefs].map(([g, c]) => [g, c * s] as const));
      out.push({ ...base, coefs: scaled, kind: 'min', rhs: thresholdCents(tol) - s * constant });
    } else {
      out.push({ ...base, coefs, kind: 'eq', rhs: -constant });
    }
  }
  return out;
}

/** Σ coef × value of a constraint for given figure values (cents). */
export function lhs(c: Constraint, value: (g: number) => number): number {
  let s = 0;
  for (const [g, k] of c.coefs) s += k * value(g);
  return s;
}

export function holds(c: Constraint, value: (g: number) => number): boolean {
  const v = lhs(c, value);
  return c.kind === 'eq' ? v === c.rhs : v >= c.rhs;
}
