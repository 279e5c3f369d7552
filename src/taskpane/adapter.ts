import type { BalanceResult } from '../core/balance';
import type { ApplyResult, CellEdit, FixPlan } from '../core/fixes';
import type { Finding } from '../core/model/finding';
import type { SheetConflict } from '../core/templates/sheetNames';
import type { TemplateParamsInput } from '../core/templates/schema';

/**
 * Everything the pane's components may ask of a workbook. The Excel add-in implements it over
 * Office.js (src/excel/officeAdapter.ts); the browser page implements it over an .xlsx file.
 * Components never import Office.js or exceljs: only this interface.
 */
/** A sheet name the host cannot use, and the free name it proposes (rules in core). */
export type NameConflict = SheetConflict;

export interface Progress {
  done: number;
  total: number;
  message: string;
}

export type InsertOutcome =
  | { status: 'conflicts'; conflicts: NameConflict[] }
  | { status: 'inserted'; sheets: { tag: string; name: string }[]; notes: string[] };

export interface InsertRequest {
  params: TemplateParamsInput;
  /** The clerk's answer to a previous conflicts outcome: wanted name → name to use. */
  renames?: Record<string, string>;
}

export interface ValidationSummary {
  findings: Finding[];
  /** Tables found in the workbook, e.g. ['t1', 't2', …]. */
  tables: string[];
  finishedAt: Date;
  /** Something the clerk should know besides the findings, e.g. that marking was switched off. */
  notice?: string;
  /** `findingKey`s of the findings a certain fix answers (the 修正 buttons), from the same read. */
  fixable?: string[];
}

/** 尾差调平 for the workbook as it is now: the solver's account and the cell edits it makes. */
export interface BalancePlan {
  result: BalanceResult;
  edits: CellEdit[];
}

export type FormsOutcome =
  | { status: 'unavailable'; message: string }
  | { status: 'conflicts'; conflicts: NameConflict[] }
  | { status: 'inserted'; sheets: { tag: string; name: string }[]; notes: string[] };

export interface AdapterCapabilities {
  /** Marks follow the clerk's edits without pressing 全部校验. */
  liveValidation: boolean;
  /** Templates can be written into this workbook. */
  insert: boolean;
}

export interface WorkbookAdapter {
  readonly capabilities: AdapterCapabilities;
  insertTemplates(request: InsertRequest, onProgress?: (p: Progress) => void): Promise<InsertOutcome>;
  /** A full pass (the 全部校验 button). */
  validate(): Promise<ValidationSummary>;
  /** Selects and scrolls to a cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** 绩效目标表 from 表12; `renames` answers a previous conflicts outcome. */
  buildForms(renames?: Record<string, string>): Promise<FormsOutcome>;
  /** Fix plans for the workbook as it is now: the host reads it and runs core's `planFixes`. */
  planFixes(): Promise<FixPlan>;
  /** 尾差调平 for the workbook as it is now: the host reads it and runs core's `balanceWorkbook`. */
  planBalance(): Promise<BalancePlan>;
  /**
   * Writes a plan of cell edits in one batch, each only where the cell still holds the edit's
   * `old` value: a cell changed since the preview is skipped and reported, never overwritten.
   * Returns what was applied with what each cell held before (core's `undoEdits` turns that
   * into the edits that put it back, applied through this same method). Starts no live pass:
   * the pane asks for `validate()` afterwards.
   */
  applyEdits(edits: readonly CellEdit[], onProgress?: (p: Progress) => void): Promise<ApplyResult>;
  /** Called after every validation pass (live or requested). Returns an unsubscribe function. */
  onFindingsChanged(cb: (summary: ValidationSummary) => void): () => void;
  /** Called when a pass nobody asked for (an edit, a sheet switch) fails: the clerk must see it,
   *  or the list silently goes stale. Adapters without live passes leave it out. */
  onLiveError?(cb: (message: string) => void): () => void;
}

/** A clerk-readable message for anything an adapter throws. */
export function errorText(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return typeof e === 'string' ? e : '发生未知错误，请重试。';
}
