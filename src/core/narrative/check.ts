import type { Disclosure } from '../model/disclosure';
import type { Finding } from '../model/finding';
import { FIGURE_CHECKS, PARAGRAPH_SCOPES } from './catalogue';
import { evaluateFigures, evaluateRowLists, listTerms, type SectionContext } from './evaluate';
import { tableFacts } from './facts';
import { PARAGRAPH_NUMBERS, type ParagraphNo } from './generate';
import type { NarrativeInputs } from './inputs';
import { splitNarrative, type NarrativeLine } from './parse';
import { placeFigures } from './place';
import { PROCEDURES, VEHICLE_TERMS } from './procedures';
import { Reporter } from './report';

export interface CheckOptions {
  /** Inputs of the generator (last year's figures, 政府采购 …): checked too when given. */
  inputs?: NarrativeInputs;
  /** Number of 项目支出绩效目标表 actually attached (`countAttachedForms`). */
  formsCount?: number;
  /** Whether a 部门（单位）整体支出绩效目标表 is attached; when false, a text promising one is flagged. */
  overallFormAttached?: boolean;
}

/** Items that take a paragraph's changes against last year: those whose catalogue entry has one. */
const CHANGE_TERMS = new Map<ParagraphNo, Set<string>>();
for (const e of FIGURE_CHECKS) {
  if (!e.change) continue;
  const set = CHANGE_TERMS.get(e.paragraph) ?? new Set<string>();
  set.add(e.term);
  CHANGE_TERMS.set(e.paragraph, set);
}

/**
 * Checks a written 第三部分 情况说明 against the located tables (rules N0–N11, docs/narrative.md).
 * Each paragraph's figures are placed by meaning (`place.ts`), the plain figure checks are the
 * catalogue (`catalogue.ts`), the rest are procedures (`procedures.ts`). Never throws on odd
 * text; an expected figure that cannot be placed is said in one 信息 line per paragraph (N0u).
 */
export function checkNarrative(
  d: Disclosure,
  text: string | readonly NarrativeLine[],
  opts: CheckOptions = {},
): Finding[] {
  const parsed = splitNarrative(text);
  const r = new Reporter();
  if (parsed.sections.length === 0) {
    r.out.push({
      rule: 'N0',
      severity: 'warning',
      table: 'narrative',
      message: '情况说明中未找到“一、…”至“十二、…”的段落标题，无法核对。',
    });
    return r.out;
  }
  const found = new Set(parsed.sections.map((s) => s.no));
  const missing = PARAGRAPH_NUMBERS.filter((no) => !found.has(no));
  if (missing.length) {
    r.out.push({
      rule: 'N0',
      severity: 'warning',
      table: 'narrative',
      message: `情况说明缺少第${missing.join('、')}段（标题未找到）。`,
    });
  }
  const f = tableFacts(d);
  for (const s of parsed.sections) {
    const extra = s.no === '十一' ? VEHICLE_TERMS : listTerms(s.no, f);
    const placement = placeFigures(s.text, {
      paragraph: s.no,
      extra,
      changeTerms: CHANGE_TERMS.get(s.no),
      scopes: PARAGRAPH_SCOPES[s.no],
      year: d.meta.year,
    });
    const ctx: SectionContext = { f, inputs: opts.inputs, r, s, placement, missing: [], quiet: false };
    evaluateFigures(ctx);
    evaluateRowLists(ctx);
    for (const p of PROCEDURES[s.no] ?? []) p(ctx, opts);
    if (!ctx.quiet && ctx.missing.length)
      r.push(
        'N0u',
        'info',
        s,
        undefined,
        undefined,
        `未能在本段识别出下列数字，未与报表核对：${ctx.missing.join('、')}。`,
      );
    r.unitSlips(s, placement.figures);
  }
  return r.out;
}
