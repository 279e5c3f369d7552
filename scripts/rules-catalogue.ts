import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEVERITY_LABEL } from '../src/core/model/finding';
import type { RuleSpec } from '../src/core/rules/spec';
import { RULE_SPECS } from '../src/core/rules/catalogue';

/**
 * The rule catalogue of docs/rules.md § 目录 is written from `RULE_SPECS` (every family: the
 * reader, table, cross-table, code-name, formula, form and narrative rules), so the preconditions in the docs are the ones
 * in the code. `npx tsx scripts/rules-catalogue.ts` rewrites the block between the markers;
 * test/rules/catalogue.test.ts fails when the docs are out of date.
 */
export const BEGIN = '<!-- catalogue:begin (npx tsx scripts/rules-catalogue.ts) -->';
export const END = '<!-- catalogue:end -->';

const FAMILY_TITLE: Record<string, string> = {
  locate: '读取（P）',
  table: '表内（W）',
  cross: '表间（X）',
  codes: '科目编码与名称（CN）',
  formula: '公式（FI）',
  form: '绩效目标表（F，详见 docs/forms.md）',
  narrative: '情况说明（N，详见 docs/narrative.md）',
};

const cell = (s: string) => s.replace(/\|/g, '\\|');

function row(r: RuleSpec): string {
  const sev = r.severities.map((s) => SEVERITY_LABEL[s]).join('、');
  return `| ${r.id} | ${cell(r.title)} | ${sev} | ${cell(r.appliesWhen)} | ${cell(r.silentWhen)} |`;
}

export function catalogueMarkdown(specs: readonly RuleSpec[] = RULE_SPECS): string {
  const out: string[] = [BEGIN];
  for (const family of Object.keys(FAMILY_TITLE)) {
    const rows = specs.filter((r) => r.family === family);
    if (rows.length === 0) continue;
    out.push(
      '',
      `### ${FAMILY_TITLE[family]}`,
      '',
      '| id | 检查 | 严重程度 | 何时适用 | 何时不报 |',
      '|---|---|---|---|---|',
    );
    out.push(...rows.map(row));
  }
  out.push('', END);
  return out.join('\n');
}

export function withCatalogue(doc: string, block = catalogueMarkdown()): string {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error('docs/rules.md: catalogue markers not found');
  return doc.slice(0, a) + block + doc.slice(b + END.length);
}

if (require.main === module) {
  const file = join(__dirname, '..', 'docs', 'rules.md');
  writeFileSync(file, withCatalogue(readFileSync(file, 'utf8')));
}
