import { CODE_NAME_RULES } from './codeNames';
import { CROSS_TABLE_RULES } from './cross';
import { ECONOMIC_RULES } from './economic';
import { FIXED_ROW_RULES } from './fixedRowSums';
import { FORMULA_INTEGRITY_RULES } from './formulaIntegrity';
import { HIERARCHY_RULES } from './hierarchy';
import { NO_DATA_RULES } from './noData';
import { ROW_IDENTITY_RULES } from './rowIdentities';
import type { RuleModule } from './types';
import { UNIT_RULES } from './units';
import { FORM_RULES } from '../forms/rules';
import { NARRATIVE_RULES } from '../narrative/rules';

/** Within-table rules, all derived from the TableDefs of `templates/tables.ts`. */
export const TABLE_RULE_MODULES: readonly RuleModule[] = [
  ROW_IDENTITY_RULES,
  FIXED_ROW_RULES,
  HIERARCHY_RULES,
  ECONOMIC_RULES,
  UNIT_RULES,
  NO_DATA_RULES,
];

/**
 * Every rule family `analyzeWorkbook` runs, in this order. Adding a family (form rules, narrative
 * rules) is one line here: `...FORM_RULES,` / `...NARRATIVE_RULES,`.
 */
export const RULE_MODULES: readonly RuleModule[] = [
  ...TABLE_RULE_MODULES,
  CROSS_TABLE_RULES,
  CODE_NAME_RULES,
  FORMULA_INTEGRITY_RULES,
  ...FORM_RULES,
  ...NARRATIVE_RULES,
];
