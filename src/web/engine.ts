import type { Analysis } from '../core/check';
import type { FixPlan } from '../core/fixes';
import type { Workbook } from '../core/model/grid';
import type { SheetPlan } from '../core/templates/plan';
import type { TemplateParamsInput } from '../core/templates/schema';
import type { BalancePlan } from '../taskpane/adapter';

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

export interface CellWrite {
  sheet: string;
  cell: string;
  value: string | number | null;
}

export interface FormSync {
  added: SheetPlan[];
  updates: CellWrite[];
  record: SheetPlan;
  /** Forms whose prefilled cells were rewritten from 表12. */
  updatedForms: number;
  /** Differing cells left alone because the clerk edited them. */
  kept: number;
  /** Forms of projects no longer in 表12 (flagged, never deleted). */
  flagged: number;
}

/** The bytes the page edits and downloads (always .xlsx), and a note when they are a converted copy. */
export interface XlsxCopy {
  bytes: Uint8Array;
  note?: string;
}

export interface WebEngine {
  /** Bytes of a workbook (.xlsx, .xls, .et, .ods) → the grid model; throws an Error with a Chinese message on bad input. */
  read(bytes: Uint8Array, fileName: string): Promise<Workbook>;
  /** The workbook as .xlsx for the page's writer: the bytes themselves for an .xlsx, else a converted copy. */
  xlsxCopy(bytes: Uint8Array, fileName: string): Promise<XlsxCopy>;
  analyze(wb: Workbook): Analysis;
  templatePlans(params: TemplateParamsInput): SheetPlan[];
  /**
   * Brings the 绩效目标表 in step with 表12 the way the CLI `forms` command does: new sheets for
   * projects without a form, prefilled cells of existing forms updated only where the clerk has
   * not changed them, forms of removed projects flagged; plus the hidden 预填记录 sheet.
   */
  formSync(a: Analysis, wb: Workbook): FormSync;
  narrative(a: Analysis): NarrativeText;
  /** Fix plans for findings with one right answer (core's `planFixes`). */
  fixes(wb: Workbook, a: Analysis): FixPlan;
  /** 尾差调平 (core's `balanceWorkbook`) and its cell edits. */
  balance(wb: Workbook): BalancePlan;
}
