import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_SPECS } from '../../src/core/rules/catalogue';
import { CROSS_RULES } from '../../src/core/rules/crossCatalogue';
import { TABLE_RULE_SPECS } from '../../src/core/rules/specs';
import { TABLES } from '../../src/core/templates/tables';
import { catalogueMarkdown, withCatalogue } from '../../scripts/rules-catalogue';

const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');

/** Every rule id the table definitions give their sums (so a TableDef edit needs a catalogue entry). */
function tableDefRuleIds(): Set<string> {
  const ids = new Set<string>();
  for (const t of TABLES) {
    ids.add(t.noDataRule);
    for (const r of t.rowIdentities) ids.add(r.rule);
    const b = t.body;
    if (b.kind === 'coded') ids.add(b.hierarchyRule);
    if (b.kind === 'economic') [b.totalRule, b.classRule, b.sideRule].forEach((x) => ids.add(x));
    if (b.kind === 'units' || b.kind === 'projects') ids.add(b.totalRule);
    const sides = b.kind === 'summary' ? [b.income, b.expenditure] : b.kind === 'fixed' ? [b.side] : [];
    for (const side of sides) for (const row of side.rows) if (row.sum) ids.add(row.sum.rule);
  }
  return ids;
}

describe('rule catalogue', () => {
  it('every rule id names one rule', () => {
    const seen = new Map<string, number>();
    for (const r of RULE_SPECS) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
    const dup = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    expect(dup).toEqual([]);
  });

  it('the cross-table catalogue and the fixed-row sums never reuse an id for a second check', () => {
    const crossIds = CROSS_RULES.map((r) => r.id);
    expect(new Set(crossIds).size).toBe(crossIds.length);
    const sums = TABLES.flatMap((t) => {
      const b = t.body;
      const sides = b.kind === 'summary' ? [b.income, b.expenditure] : b.kind === 'fixed' ? [b.side] : [];
      return sides.flatMap((s) => s.rows.flatMap((r) => (r.sum ? [r.sum.rule] : [])));
    });
    expect(crossIds.filter((id) => sums.includes(id))).toEqual([]);
  });

  it('every id the table definitions and the cross-table catalogue use has an entry of its family', () => {
    const family = new Map(TABLE_RULE_SPECS.map((r) => [r.id, r.family]));
    for (const id of tableDefRuleIds()) expect([id, family.get(id)]).toEqual([id, 'table']);
    for (const r of CROSS_RULES)
      expect([r.id, family.get(r.id)]).toEqual([r.id, r.id.startsWith('X') ? 'cross' : 'table']);
  });

  it('every entry says what it checks, why its severities, when it applies and when it is silent', () => {
    for (const r of RULE_SPECS) {
      expect(r.severities.length).toBeGreaterThan(0);
      for (const text of [r.title, r.why, r.appliesWhen, r.silentWhen]) expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('every id appears in docs/rules.md', () => {
    const missing = RULE_SPECS.filter((r) => {
      const id = r.id.replace(/\./g, '\\.');
      return !new RegExp(`(?<![A-Za-z0-9.])${id}(?![0-9A-Za-z])`).test(DOC);
    }).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it('docs/rules.md § 目录 is written from the catalogue (npx tsx scripts/rules-catalogue.ts)', () => {
    expect(withCatalogue(DOC, catalogueMarkdown())).toBe(DOC);
  });
});
