import { balanceEdits, balanceWorkbook, type BalanceResult } from '../../src/core/balance';
import { analyzeWorkbook } from '../../src/core/check';
import { applyEditsToGrid } from '../../src/core/fixes';
import type { Finding } from '../../src/core/model/finding';
import type { Workbook } from '../../src/core/model/grid';

/** A finding's identity across two checks of (nearly) the same workbook: its message text may change. */
export const findingId = (f: Finding): string => `${f.rule}|${f.sheet ?? ''}|${f.cell ?? ''}|${f.severity}`;

export function newFindings(before: readonly Finding[], after: readonly Finding[]): Finding[] {
  const had = new Set(before.map(findingId));
  return after.filter((f) => !had.has(findingId(f)));
}

export interface Balanced {
  result: BalanceResult;
  workbook: Workbook;
  before: Finding[];
  after: Finding[];
}

export function balance(wb: Workbook): Balanced {
  const before = analyzeWorkbook(wb).findings;
  const result = balanceWorkbook(wb);
  const workbook = applyEditsToGrid(wb, balanceEdits(result));
  return { result, workbook, before, after: analyzeWorkbook(workbook).findings };
}

/** 尾差 findings a balanced workbook still shows (none expected). */
export function roundingLeft(after: readonly Finding[]): Finding[] {
  return after.filter((f) => f.severity === 'rounding');
}
