/** 项目支出绩效目标表: the public surface (see docs/forms.md). */
export * from './model';
export {
  projectsFromDisclosure,
  applyProjectList,
  ProjectList,
  type ProjectLine,
  type ProjectListEntry,
} from './projects';
export { draftForm } from './draft';
export { renderForms, renderFormContents, planFormBlock, formSheetName, tagKey } from './layout';
export { planToSheet } from './grid';
export { locateForms, locateFormsInSheet, formsOf, type LocatedForm, type FormProblem } from './locate';
export { matchForms, isNearMiss, levenshtein, type MatchResult } from './match';
export {
  planSync,
  applySyncToGrid,
  addedFormPlans,
  recordPlan,
  readRecord,
  updatesByForm,
  RECORD_SHEET,
  type SyncResult,
  type CellUpdate,
} from './sync';
export { settingsFromForms } from './infer';
export { newFormSettings, planNewForms, type FormPlanResult } from './plan';
export { FORM_RULES, checkForms } from './rules';
