import type { RuleSpec } from './spec';

/** The locator, table, cross-table, code-name and formula rules as data (see src/core/rules/spec.ts). Filled family by family. */
export const TABLE_RULE_SPECS: readonly RuleSpec[] = [];
