import type { Amount, Disclosure } from '../model/disclosure';
import { codeDomain, makeResolver } from '../rules/cross';
import { CROSS_RULES, type CrossRule } from '../rules/crossCatalogue';
import { countAddends } from '../rules/identity';
import type { Identity, IdentityTerm } from './types';

/**
 * Cross-table identities of the X catalogue (and the two-sided ones inside 表1/表4), one per
 * check and, for per-code checks, per 科目 the rule visits: resolved by the cross rules' own
 * resolver and code domain, so a term means here exactly what it means to the rule.
 */
export function crossIdentities(d: Disclosure, rules: readonly CrossRule[] = CROSS_RULES): Identity[] {
  const resolve = makeResolver(d);
  const out: Identity[] = [];
  for (const rule of rules) {
    rule.checks.forEach((check, i) => {
      const codes: (string | undefined)[] = check.perCode ? codeDomain(d, check) : [undefined];
      for (const code of codes) {
        const terms = new Map<string, IdentityTerm>();
        const all: Amount[] = [];
        let complete = true;
        for (const [side, sideSign] of [
          [check.left, 1],
          [check.right, -1],
        ] as const) {
          for (const term of side) {
            const r = resolve(term.sel, code);
            if (!r) {
              complete = false;
              break;
            }
            const sign = (term.sign ?? 1) * sideSign;
            for (const a of r.amounts) {
              all.push(a);
              const k = `${a.sheet}!${a.cell}`;
              const hit = terms.get(k);
              if (hit) hit.coef += sign;
              else terms.set(k, { amount: a, coef: sign });
            }
          }
          if (!complete) break;
        }
        // The rule skips a check it cannot evaluate (a table or fixed row absent): so do we.
        if (!complete) continue;
        out.push({
          id: `${rule.id}#${i}${code ? `:${code}` : ''}`,
          rule: rule.id,
          table: check.left[0].sel.t,
          mode: check.mode ?? rule.mode,
          terms: [...terms.values()].filter((t) => t.coef !== 0),
          addends: countAddends(all),
          short: `${rule.id}${code ? `（科目 ${code}）` : ''}`,
          label: `${rule.id} ${rule.title}${code ? `（科目 ${code}）` : ''}`,
        });
      }
    });
  }
  return out;
}
