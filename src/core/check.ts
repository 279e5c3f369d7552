import type { Disclosure } from './model/disclosure';
import type { Finding } from './model/finding';
import type { Workbook } from './model/grid';
import { locateTables } from './locate';
import { DEFAULT_CODES, type CodeTable } from './reference';
import { RULE_MODULES } from './rules/registry';
import { runModules, sortFindings, dedupeFindings } from './rules/run';
import type { RuleModule } from './rules/types';

export interface AnalyzeOptions {
  /** 科目表 to check names against (default: the shipped reference list). */
  codes?: CodeTable;
  /** 第三部分 情况说明 text, for the narrative rules. */
  narrativeText?: string;
  /** Rule families to run (default: every registered one, `RULE_MODULES`). */
  modules?: readonly RuleModule[];
  /** Budget year, when the caller knows it better than the titles do. */
  year?: number;
}

export interface Analysis {
  disclosure: Disclosure;
  /** Locator findings and rule findings, sorted: severity, table, row. */
  findings: Finding[];
}

/** Runs the rules on an already located disclosure (tests, the pane's incremental re-check). */
export function analyzeDisclosure(
  disclosure: Disclosure,
  opts: AnalyzeOptions & { workbook?: Workbook } = {},
): Analysis {
  const ruleFindings = runModules(opts.modules ?? RULE_MODULES, {
    disclosure,
    workbook: opts.workbook,
    codes: opts.codes ?? DEFAULT_CODES,
    narrativeText: opts.narrativeText,
  });
  return { disclosure, findings: sortFindings(dedupeFindings([...disclosure.findings, ...ruleFindings])) };
}

/** Locates the 13 tables of any workbook and runs every registered rule family on them. */
export function analyzeWorkbook(wb: Workbook, opts: AnalyzeOptions = {}): Analysis {
  const disclosure = locateTables(wb, { year: opts.year });
  return analyzeDisclosure(disclosure, { ...opts, workbook: wb });
}
