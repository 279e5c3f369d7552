import type { Analysis } from '../core/check';
import type { Workbook } from '../core/model/grid';
import type { SheetPlan } from '../core/templates/plan';
import type { TemplateParamsInput } from '../core/templates/schema';

/**
 * What the page needs from the shared engine. The page is written against this interface
 * and `engineImpl.ts` wires it to src/core and src/xlsx, so the React code never depends on
 * how a rule family or a renderer is organised (and tests can swap in a slow or failing one).
 */
export type { Analysis };

export interface NarrativeText {
  heading: string;
  /** One line per worksheet row: paragraph titles and their body lines. */
  lines: string[];
}

export interface WebEngine {
  /** Bytes of an .xlsx → the grid model; throws an Error with a Chinese message on bad input. */
  read(bytes: Uint8Array, fileName: string): Promise<Workbook>;
  analyze(wb: Workbook): Analysis;
  templatePlans(params: TemplateParamsInput): SheetPlan[];
  /** Plans for one 绩效目标表 per 表12 project; sheet names avoid `taken`. */
  formPlans(a: Analysis, taken: readonly string[]): SheetPlan[];
  narrative(a: Analysis): NarrativeText;
}
