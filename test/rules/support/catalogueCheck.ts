import type { Finding } from '../../../src/core/model/finding';
import { FORM_RULE_SPECS } from '../../../src/core/forms/specs';
import { NARRATIVE_RULE_SPECS } from '../../../src/core/narrative/specs';
import { ruleSpec } from '../../../src/core/rules/catalogue';

/**
 * Findings that break the rule catalogue: a rule id without an entry (a crashed module reports its
 * module id, so a crash is caught here too), or a severity the entry does not allow. Form (F*) and
 * narrative (N*) ids are held to it once their family's entries exist.
 */
export function catalogueViolations(findings: readonly Finding[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    if (/^F\d/.test(f.rule) && FORM_RULE_SPECS.length === 0) continue;
    if (/^N\d/.test(f.rule) && NARRATIVE_RULE_SPECS.length === 0) continue;
    const spec = ruleSpec(f.rule);
    if (!spec) out.push(`${f.rule}: no catalogue entry — ${f.message}`);
    else if (!spec.severities.includes(f.severity))
      out.push(`${f.rule}: severity ${f.severity} not in [${spec.severities.join(', ')}] — ${f.message}`);
  }
  return out;
}

/**
 * Findings that say a check did not run to the end: a rule module that threw (`runModules` turns it
 * into a 提示 naming the module), a table reader that threw (P9), a form rule that gave up. On any
 * workbook, however odd, there must be none.
 */
export function crashMarkers(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.message.includes('运行出错') || f.rule === 'P9' || f.message.includes('未能完成'));
}
