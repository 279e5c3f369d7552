import type { Disclosure } from '../model/disclosure';
import type { Finding } from '../model/finding';
import type { Workbook } from '../model/grid';
import type { CodeTable } from '../reference';

/** What every rule sees. `workbook` is present when the disclosure was read from one. */
export interface RuleContext {
  disclosure: Disclosure;
  workbook?: Workbook;
  codes: CodeTable;
  /** Text of a 第三部分 情况说明 to check, when the clerk supplied one. */
  narrativeText?: string;
}

/**
 * A rule module: one family of checks (hierarchy sums, a cross-table identity catalogue,
 * formula integrity, form rules, narrative rules). Rules never throw on odd input: a rule that
 * cannot find what it needs returns no finding (the locator reports missing tables once).
 */
export interface RuleModule {
  id: string;
  description: string;
  run(ctx: RuleContext): Finding[];
}
