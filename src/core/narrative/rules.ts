import type { Workbook } from '../model/grid';
import { addr, textAt } from '../model/grid';
import type { RuleContext, RuleModule } from '../rules/types';
import { checkNarrative } from './check';
import { attachedFormsCount } from './formsCount';
import type { NarrativeLine } from './parse';

export { attachedFormsCount };

/** Sheet names and tags that hold a 第三部分 情况说明 pasted by the clerk. */
const NARRATIVE_TAGS = ['情况说明', 'narrative'];
const NARRATIVE_NAME = /情况说明/;

/** Every non-empty cell of the 情况说明 sheet, row by row, as a line that knows its cell. */
export function narrativeLinesFromWorkbook(wb: Workbook): NarrativeLine[] | undefined {
  const sheet =
    wb.sheets.find((s) => s.tag !== undefined && NARRATIVE_TAGS.includes(s.tag)) ??
    wb.sheets.find((s) => NARRATIVE_NAME.test(s.name));
  if (!sheet) return undefined;
  const lines: NarrativeLine[] = [];
  sheet.rows.forEach((row, r) => {
    row?.forEach((_, col) => {
      const text = textAt(sheet, r, col);
      if (!text) return;
      // A cell may hold several paragraphs (Alt+Enter); each stays tied to the cell.
      for (const part of text.split(/\r?\n/))
        if (part.trim()) lines.push({ text: part, sheet: sheet.name, cell: addr(r, col) });
    });
  });
  return lines;
}

export interface NarrativeRuleOptions {
  /** How many 项目支出绩效目标表 are attached; default `attachedFormsCount(ctx.workbook)`. */
  formsCount?: (ctx: RuleContext) => number | undefined;
}

/** The N rules (docs/narrative.md § Checking) as one rule module; the text comes from the context or a sheet. */
export function narrativeRules(options: NarrativeRuleOptions = {}): RuleModule[] {
  return [
    {
      id: 'narrative',
      description: '第三部分 情况说明与报表的勾稽（N0–N11）',
      run(ctx) {
        const source: string | NarrativeLine[] | undefined =
          ctx.narrativeText ?? (ctx.workbook ? narrativeLinesFromWorkbook(ctx.workbook) : undefined);
        if (source === undefined || (typeof source === 'string' && !source.trim())) return [];
        const formsCount = options.formsCount ? options.formsCount(ctx) : attachedFormsCount(ctx.workbook);
        return checkNarrative(ctx.disclosure, source, { formsCount });
      },
    },
  ];
}

export const NARRATIVE_RULES: RuleModule[] = narrativeRules();
