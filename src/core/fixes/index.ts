export { findingKey, BALANCE_FINDING, type CellEdit, type EditValue } from './edit';
export { applyEditsToGrid } from './applyGrid';
export { planFixes, fixableKeys, FIXABLE_RULES, type Fix, type FixPlan, type NotFixed, type FixOptions } from './plan';
export {
  changedWhy,
  editValueOf,
  numberFormatToWrite,
  stillHolds,
  textAsTyped,
  undoEdits,
  writeFor,
  type AppliedEdit,
  type ApplyResult,
  type CellBefore,
  type CellWrite,
  type SkippedEdit,
} from './apply';
