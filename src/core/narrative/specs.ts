import type { RuleSpec } from '../rules/spec';

/** The 情况说明 (N) rules as data (see src/core/rules/spec.ts). Filled family by family. */
export const NARRATIVE_RULE_SPECS: readonly RuleSpec[] = [];
