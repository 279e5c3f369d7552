import type { Severity } from '../model/finding';

/**
 * A rule as data: what it checks, which severities it may give and why, and when it applies or
 * must stay silent. One entry per rule id across every family (tables, cross-table, codes,
 * formulas, the locator, forms, narrative). The severity policy these entries follow is written
 * once in docs/rules.md § 严重程度; `test/rules/catalogue.test.ts` holds every family to it
 * (ids unique, every finding's severity allowed by its entry, every id documented).
 */
export type RuleFamily = 'locate' | 'table' | 'cross' | 'codes' | 'formula' | 'form' | 'narrative';

export interface RuleSpec {
  /** 'W2.1', 'X5', 'CN1', 'FI2', 'P3', 'F7', 'N10' … unique across all families. */
  id: string;
  family: RuleFamily;
  /** What it checks, in Chinese, one line (the pane's rule legend). */
  title: string;
  /** Every severity the rule may emit; a finding with any other is a bug the tests catch. */
  severities: readonly Severity[];
  /** Why those severities, in terms of the policy (contradiction / judgement / tolerance / hint). */
  why: string;
  /** When the rule applies (what it needs to find in the workbook). */
  appliesWhen: string;
  /** When it must stay silent, even though it could compute something. */
  silentWhen: string;
}
