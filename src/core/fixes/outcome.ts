import type { Disclosure } from '../model/disclosure';
import type { Finding } from '../model/finding';
import type { Workbook } from '../model/grid';
import type { CellEdit } from './edit';

/** What a fix kind says about one finding: the edits that answer it, or why there is no certain answer. */
export type FixOutcome = { edits: CellEdit[] } | { why: string };

export interface FixContext {
  wb: Workbook;
  disclosure: Disclosure;
  findings: readonly Finding[];
}

export const noFix = (why: string): FixOutcome => ({ why });
