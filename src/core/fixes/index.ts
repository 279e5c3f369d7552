export { findingKey, BALANCE_FINDING, type CellEdit, type EditValue } from './edit';
export { applyEditsToGrid } from './applyGrid';
export { planFixes, FIXABLE_RULES, type Fix, type FixPlan, type NotFixed, type FixOptions } from './plan';
