import type { RuleSpec } from '../rules/spec';

/** The 项目支出绩效目标表 (F) rules as data (see src/core/rules/spec.ts). Filled family by family. */
export const FORM_RULE_SPECS: readonly RuleSpec[] = [];
