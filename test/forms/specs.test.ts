import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkForms } from '../../src/core/forms/rules';
import { FORM_RULE_SPECS } from '../../src/core/forms/specs';
import type { Finding } from '../../src/core/model/finding';
import { CodeTable } from '../../src/core/reference';
import type { SeedId } from '../fixtures/seeds';
import { scenarios } from './scenarios';
import { seedDisclosure, seedWorkbookWithForms } from './seedForms';
import { VARIANTS, cleanForms, publishedForms } from './variants';

/**
 * The F rules against their catalogue (src/core/forms/specs.ts): every finding they produce on the
 * seeds, on every variant and in every scenario carries an id of the catalogue and a severity its
 * entry allows; every id of the catalogue is produced somewhere; every id is documented.
 */
const codes = new CodeTable([]);
const SEEDS: SeedId[] = ['000', '001', '003'];

function allFindings(): Finding[] {
  const out: Finding[] = [];
  for (const seed of SEEDS) {
    out.push(...checkForms({ disclosure: seedDisclosure(seed), workbook: seedWorkbookWithForms(seed), codes }));
    for (const v of VARIANTS) {
      for (const forms of [publishedForms(seed), cleanForms(seed)]) {
        const { workbook, disclosure } = v.build(seed, forms);
        out.push(...checkForms({ disclosure, workbook, codes }));
      }
    }
  }
  for (const s of scenarios()) out.push(...checkForms({ disclosure: s.disclosure, workbook: s.workbook, codes }));
  return out;
}

describe('FORM_RULE_SPECS', () => {
  const findings = allFindings();
  const byId = new Map(FORM_RULE_SPECS.map((s) => [s.id, s]));

  it('is one entry per id, all of the form family', () => {
    expect(byId.size).toBe(FORM_RULE_SPECS.length);
    expect(FORM_RULE_SPECS.every((s) => s.family === 'form' && /^F\d+(\.\d+)?$/.test(s.id))).toBe(true);
  });

  it('knows every finding’s id and allows its severity', () => {
    const stray = findings
      .filter((f) => !byId.get(f.rule)?.severities.includes(f.severity))
      .map((f) => `${f.rule} ${f.severity}: ${f.message}`);
    expect([...new Set(stray)]).toEqual([]);
  });

  it('has no id that nothing produces', () => {
    const seen = new Set(findings.map((f) => `${f.rule} ${f.severity}`));
    const unseen = FORM_RULE_SPECS.flatMap((s) => s.severities.map((sev) => `${s.id} ${sev}`)).filter(
      (k) => !seen.has(k),
    );
    // F10 (整体支出绩效目标表) has its own tests in overall.test.ts.
    expect(unseen.filter((k) => !k.startsWith('F10 '))).toEqual([]);
  });

  it('is documented in docs/forms.md, one row per id', () => {
    const doc = readFileSync(join(__dirname, '../../docs/forms.md'), 'utf8');
    const missing = FORM_RULE_SPECS.filter((s) => !new RegExp(`^\\| ${s.id.replace('.', '\\.')} \\|`, 'm').test(doc));
    expect(missing.map((s) => s.id)).toEqual([]);
  });
});
