import { analyzeWorkbook } from '../core/check';
import { renderForms } from '../core/forms/layout';
import { projectsFromDisclosure } from '../core/forms/projects';
import type { Disclosure } from '../core/model/disclosure';
import type { Workbook } from '../core/model/grid';
import type { SheetPlan } from '../core/templates/plan';

/**
 * 绩效目标表 plans for the 表12 projects of the open workbook. In Excel nothing is overwritten, so
 * a project that already has a tagged form sheet is skipped (the clerk's texts in it stay) and
 * new sheet names avoid every existing one.
 */
export interface FormPlanResult {
  plans: SheetPlan[];
  /** Projects left alone because their form already exists. */
  skipped: number;
  /** Projects found in 表12. */
  projects: number;
}

function settingsFor(d: Disclosure) {
  const unit = d.meta.unit ?? '';
  const city = /^(.{2,6}?)市/.exec(unit)?.[1] ?? '';
  return {
    year: d.meta.year ?? new Date().getFullYear(),
    titleMode: city ? ('city' as const) : ('none' as const),
    place: city,
    documentUnit: unit || undefined,
  };
}

export function planFormsFor(wb: Workbook): FormPlanResult {
  const d = analyzeWorkbook(wb).disclosure;
  const projects = projectsFromDisclosure(d);
  const existingTags = new Set(wb.sheets.map((s) => s.tag).filter((t): t is string => !!t));
  const plans = renderForms(projects, settingsFor(d), { takenNames: wb.sheets.map((s) => s.name) });
  const fresh = plans.filter((p) => !existingTags.has(p.tag));
  return { plans: fresh, skipped: plans.length - fresh.length, projects: projects.length };
}
