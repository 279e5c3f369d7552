import type { Disclosure } from '../model/disclosure';
import type { Workbook } from '../model/grid';
import type { SheetPlan } from '../templates/plan';
import { settingsFromForms } from './infer';
import { renderForms } from './layout';
import { locateForms } from './locate';
import type { FormSettingsInput } from './model';
import { projectsFromDisclosure } from './projects';

/**
 * Settings for new 绩效目标表 when the clerk has not chosen any (the add-in and the page):
 * what the forms already in the workbook imply wins (title style, 主管部门及代码), else a city
 * title when the unit name starts with one (大同市… → 大同), else no title.
 */
export function newFormSettings(d: Disclosure, implied: Partial<FormSettingsInput> = {}): FormSettingsInput {
  const unit = d.meta.unit ?? '';
  const city = /^(.{2,6}?)市/.exec(unit)?.[1] ?? '';
  return {
    year: d.meta.year ?? new Date().getFullYear(),
    titleMode: implied.titleMode ?? (city ? 'city' : 'none'),
    place: implied.titleMode ? (implied.place ?? '') : city,
    department: implied.department ?? '',
    documentUnit: unit || undefined,
  };
}

export interface FormPlanResult {
  plans: SheetPlan[];
  /** Projects left alone because their form already exists. */
  skipped: number;
  /** Projects found in 表12. */
  projects: number;
}

/**
 * Forms for the 表12 projects of a workbook that nothing may overwrite (the open workbook in
 * Excel): a project whose form sheet is already tagged is skipped so the clerk's texts in it
 * stay, new sheet names avoid every existing one, and new forms take the title style and
 * 主管部门 of the forms already there (as the browser page and the CLI do).
 */
export function planNewForms(wb: Workbook, d: Disclosure): FormPlanResult {
  const projects = projectsFromDisclosure(d);
  const existingTags = new Set(wb.sheets.map((s) => s.tag).filter((t): t is string => !!t));
  const settings = newFormSettings(d, settingsFromForms(locateForms(wb)));
  const plans = renderForms(projects, settings, { takenNames: wb.sheets.map((s) => s.name) });
  const fresh = plans.filter((p) => !existingTags.has(p.tag));
  return { plans: fresh, skipped: plans.length - fresh.length, projects: projects.length };
}
