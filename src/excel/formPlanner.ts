import { analyzeWorkbook } from '../core/check';
import { planNewForms, type FormPlanResult } from '../core/forms/plan';
import type { Workbook } from '../core/model/grid';

export type { FormPlanResult };

/** 绩效目标表 plans for the 表12 projects of the open workbook; nothing in it is overwritten. */
export function planFormsFor(wb: Workbook): FormPlanResult {
  return planNewForms(wb, analyzeWorkbook(wb).disclosure);
}
