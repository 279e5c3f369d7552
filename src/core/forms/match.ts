import Decimal from 'decimal.js';
import type { LocatedForm } from './locate';
import { agreesWithWan, toYuan, type ProjectLine } from './projects';
import { sameNameKey } from '../text/sameName';
import { sameUnit } from './unitName';

export { sameUnit };

/**
 * Pairs 表12 projects with forms (F1, and re-sync: docs/domain.md § 目标表与表12): same name (and unit), then a
 * near-miss name (a typo such as 000 `工作经历` ↔ `工作经费`), then the same amount in the
 * same unit. Used by the F rules and by keeping forms in step.
 */
export type MatchHow = 'exact' | 'near' | 'amount';

export interface MatchPair {
  project: ProjectLine;
  form: LocatedForm;
  how: MatchHow;
}

export interface MatchResult {
  pairs: MatchPair[];
  /** Projects without a form. */
  missing: ProjectLine[];
  /** Forms without a 表12 project. */
  extra: LocatedForm[];
  /** Further copies of a paired form (same project). */
  duplicates: { project: ProjectLine; form: LocatedForm; of: LocatedForm }[];
}

export function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/** Near-miss (F1, docs/domain.md § 目标表与表12): edit distance ≤ 2 or ≥ 90 % similar. */
export function isNearMiss(a: string, b: string): boolean {
  const x = sameNameKey(a);
  const y = sameNameKey(b);
  if (x === y) return false;
  const d = levenshtein(x, y);
  const len = Math.max([...x].length, [...y].length);
  return d <= 2 || (len > 0 && 1 - d / len >= 0.9);
}

function amountGap(p: ProjectLine, f: LocatedForm): Decimal {
  return toYuan(p.total).minus(f.funds.annual.total).abs();
}

/** The form's 年度 figure is 表12's amount, exactly or as its rounding to 0.01 万元 (docs/forms.md § F2: 元 against 万元). */
function sameAmount(p: ProjectLine, f: LocatedForm): boolean {
  return agreesWithWan(f.funds.annual.total, p.total);
}

/** The form names the project's unit, or 表12 does not say which unit the project belongs to. */
function unitFits(p: ProjectLine, f: LocatedForm): boolean {
  return p.unitSource === 'default' || sameUnit(p.unit, f.implementingUnit);
}

export interface MatchOptions {
  /**
   * For writing (keeping in step): a short near-miss name with another amount is a different
   * project (J物业费 ↔ J餐饮费), and pairing it would carry one project's texts to another.
   */
  cautious?: boolean;
}

function similarity(a: string, b: string): number {
  const x = sameNameKey(a);
  const y = sameNameKey(b);
  const len = Math.max([...x].length, [...y].length);
  return len === 0 ? 1 : 1 - levenshtein(x, y) / len;
}

export function matchForms(projects: ProjectLine[], forms: LocatedForm[], opts: MatchOptions = {}): MatchResult {
  const pairs: MatchPair[] = [];
  const duplicates: MatchResult['duplicates'] = [];
  const used = new Set<LocatedForm>();
  const paired = new Set<ProjectLine>();

  // Exact names: projects sharing a name (004) take the forms closest in amount.
  const byName = new Map<string, ProjectLine[]>();
  for (const p of projects) {
    const k = sameNameKey(p.name);
    byName.set(k, [...(byName.get(k) ?? []), p]);
  }
  for (const [name, group] of byName) {
    const candidates = forms.filter((f) => sameNameKey(f.projectName) === name);
    const taken: { p: ProjectLine; f: LocatedForm }[] = [];
    for (const p of group) {
      // The same amount is the strongest sign (a wrong 实施单位 is a typo F9 reports), then the unit.
      const rank = (f: LocatedForm): [number, number, Decimal] => [
        sameAmount(p, f) ? 0 : 1,
        unitFits(p, f) ? 0 : 1,
        amountGap(p, f),
      ];
      const pool = candidates
        .filter((f) => !used.has(f))
        .map((f) => ({ f, k: rank(f) }))
        .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2].comparedTo(b.k[2]))
        .map((x) => x.f);
      const f = pool[0];
      if (!f) continue;
      used.add(f);
      paired.add(p);
      pairs.push({ project: p, form: f, how: 'exact' });
      taken.push({ p, f });
    }
    for (const f of candidates) {
      if (used.has(f) || taken.length === 0) continue;
      const best = taken.reduce((a, b) => (amountGap(b.p, f).lt(amountGap(a.p, f)) ? b : a));
      used.add(f);
      duplicates.push({ project: best.p, form: f, of: best.f });
    }
  }

  // Near-miss names.
  for (const p of projects) {
    if (paired.has(p)) continue;
    const cands = forms
      .filter(
        (f) =>
          !used.has(f) &&
          isNearMiss(p.name, f.projectName) &&
          (!opts.cautious || similarity(p.name, f.projectName) >= 0.75 || sameAmount(p, f)),
      )
      .sort(
        (a, b) =>
          levenshtein(sameNameKey(p.name), sameNameKey(a.projectName)) -
            levenshtein(sameNameKey(p.name), sameNameKey(b.projectName)) || amountGap(p, a).comparedTo(amountGap(p, b)),
      );
    const f = cands[0];
    if (!f) continue;
    used.add(f);
    paired.add(p);
    pairs.push({ project: p, form: f, how: 'near' });
  }

  // Same unit and amount, when exactly one form fits: a renamed project.
  for (const p of projects) {
    if (paired.has(p)) continue;
    const cands = forms.filter((f) => !used.has(f) && unitFits(p, f) && !p.total.isZero() && sameAmount(p, f));
    if (cands.length !== 1) continue;
    used.add(cands[0]);
    paired.add(p);
    pairs.push({ project: p, form: cands[0], how: 'amount' });
  }

  // Copies of a paired form under a near-miss name (002 `业务工作经历`) are duplicates too.
  for (const f of forms) {
    if (used.has(f)) continue;
    const of = pairs.find(
      (x) =>
        (sameNameKey(x.form.projectName) === sameNameKey(f.projectName) ||
          isNearMiss(x.form.projectName, f.projectName)) &&
        x.form.funds.annual.total.eq(f.funds.annual.total),
    );
    if (!of) continue;
    used.add(f);
    duplicates.push({ project: of.project, form: f, of: of.form });
  }

  return {
    pairs: pairs.sort((a, b) => projects.indexOf(a.project) - projects.indexOf(b.project)),
    missing: projects.filter((p) => !paired.has(p)),
    extra: forms.filter((f) => !used.has(f)),
    duplicates,
  };
}
