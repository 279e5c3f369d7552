import type { XlRequirements } from './xl';

/**
 * Which ExcelApi requirement set each thing the add-in does needs: the one table every feature
 * check reads, and the one the pane shows the clerk when a host lacks something. Versions per
 * Office build: office-js-docs-reference, docs/requirement-sets/excel/excel-api-requirement-sets.md
 * (volume-licensed Office 2016: 1.1; volume-licensed Office 2019: up to 1.7; Office 2021: up to 1.14).
 */
export interface HostFeature {
  /** ExcelApi minor version, e.g. '1.7'. */
  set: string;
  /** What the clerk loses without it (Chinese); absent for what the clerk cannot notice. */
  name?: string;
  /** What happens instead (Chinese). */
  instead?: string;
}

export const FEATURES = {
  /** Tag names (`names.add`), used ranges and null objects: templates, 全部校验, 绩效目标表. */
  core: { set: '1.4', name: '插入模板、全部校验、生成绩效目标表', instead: '无法使用，请改用网页版' },
  /** Conditional formats: finding marks on the cells. */
  marks: { set: '1.6', name: '在单元格上标出问题', instead: '问题只在窗格中列出，不在单元格上标色' },
  /** Worksheet onChanged/onActivated/onAdded/onDeleted. */
  liveEvents: { set: '1.7', name: '修改后自动校验', instead: '修改后请点击“全部校验”' },
  freezePanes: { set: '1.7', name: '插入的表冻结表头', instead: '表头不冻结' },
  /** `getRangeByIndexes`, used by banded reads. */
  rangeByIndexes: { set: '1.7' },
  /** `context.runtime.enableEvents`: our own writes raise no events while it is off. */
  enableEvents: { set: '1.8' },
  /** Collection-level onChanged/onActivated (per-sheet events before it). */
  collectionEvents: { set: '1.9' },
  printSetup: { set: '1.9', name: '打印设置（A4、适合页宽）', instead: '请在“页面布局”中自行设置' },
  /** `getCellProperties` for the cell indent that shows the levels of 表12/表13. */
  indent: { set: '1.9', name: '按单元格缩进识别表12/表13 的层级', instead: '层级按小计金额推断' },
  /** `getMergedAreasOrNullObject`; the locator does not need merges. */
  merges: { set: '1.13' },
  /** `triggerSource` on change events tells our own writes from the clerk's. */
  triggerSource: { set: '1.14' },
} as const satisfies Record<string, HostFeature>;

export type FeatureId = keyof typeof FEATURES;

export function supports(req: XlRequirements, feature: FeatureId): boolean {
  return req.isSetSupported('ExcelApi', FEATURES[feature].set);
}

export interface MissingFeature {
  id: FeatureId;
  name: string;
  set: string;
  instead: string;
}

/** The features a clerk would notice that this host lacks, in table order. */
export function missingFeatures(req: XlRequirements): MissingFeature[] {
  const out: MissingFeature[] = [];
  for (const [id, f] of Object.entries(FEATURES) as [FeatureId, HostFeature][]) {
    if (f.name && f.instead && !supports(req, id)) out.push({ id, name: f.name, set: f.set, instead: f.instead });
  }
  return out;
}

/**
 * Our own writes raise `onChanged` like a person's (office-js-docs-pr, docs/excel/excel-add-ins-events.md,
 * "Event triggers"). From 1.14 `triggerSource` tells them apart; between 1.8 and 1.14 events are
 * switched off around our writes; below 1.8 a guard flag with a grace window is all there is.
 */
export function suspendsEventsAroundOwnWrites(req: XlRequirements): boolean {
  return supports(req, 'enableEvents') && !supports(req, 'triggerSource');
}
