import { FORM_RULE_SPECS } from '../forms/specs';
import { NARRATIVE_RULE_SPECS } from '../narrative/specs';
import type { RuleSpec } from './spec';
import { TABLE_RULE_SPECS } from './specs';

/** Every rule of every family: the catalogue the docs, the pane legend and the tests read. */
export const RULE_SPECS: readonly RuleSpec[] = [...TABLE_RULE_SPECS, ...FORM_RULE_SPECS, ...NARRATIVE_RULE_SPECS];

const BY_ID = new Map(RULE_SPECS.map((r) => [r.id, r]));

export function ruleSpec(id: string): RuleSpec | undefined {
  return BY_ID.get(id);
}
