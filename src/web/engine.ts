import type { Disclosure } from '../core/model/disclosure';
import type { Finding } from '../core/model/finding';
import type { Workbook } from '../core/model/grid';
import type { SheetPlan } from '../core/templates/plan';

/**
 * What the page needs from the shared engine. The page is written against this interface
 * and `engineImpl.ts` wires it to src/core and src/xlsx, so the React code never depends on
 * how a rule family or a renderer is organised.
 */
export interface Analysis {
  disclosure: Disclosure;
  findings: Finding[];
}

export interface NarrativeText {
  heading: string;
  /** One line per worksheet row: paragraph titles and their body lines. */
  lines: string[];
}

export interface WebEngine {
  /** Bytes of an .xlsx → the grid model; throws an Error with a Chinese message on bad input. */
  read(bytes: Uint8Array, fileName: string): Promise<Workbook>;
  analyze(wb: Workbook): Analysis;
  /** Plans for the tables the disclosure lacks (empty when all 13 are there). */
  missingTablePlans(a: Analysis, wb: Workbook): SheetPlan[];
  /** Plans for one 绩效目标表 per 表12 project; existing form sheets with the same tag are replaced. */
  formPlans(a: Analysis, wb: Workbook): SheetPlan[];
  narrative(a: Analysis): NarrativeText;
}
