import { z } from 'zod';
import type Decimal from 'decimal.js';

/**
 * 项目支出绩效目标表 (docs/domain.md § 目标表字段): the content of one form, where each field sits, and the
 * settings a clerk chooses for generated forms. Money is in 元 (the tables use 万元).
 */

/** 实施期 side (C:E of the canonical grid) and 年度 side (F:H). */
export type Side = 'period' | 'annual';
export const SIDE_LABEL: Record<Side, string> = { period: '实施期', annual: '年度' };

export const SPLIT_KEYS = ['central', 'provincial', 'local', 'selfRaised', 'other'] as const;
export type SplitKey = (typeof SPLIT_KEYS)[number];

/** Row labels of the 6 money rows, as printed (both sides carry the same labels). */
export const SPLIT_LABEL: Record<SplitKey, string> = {
  central: '其中：中央财政资金',
  provincial: '省级财政资金',
  local: '市县（区）财政资金',
  selfRaised: '单位自筹',
  other: '其他资金',
};
export const TOTAL_LABEL: Record<Side, string> = { period: '实施期资金总额：', annual: '年度资金总额：' };

export interface SideFunds {
  total: Decimal;
  split: Record<SplitKey, Decimal>;
  /** Splits printed blank (seeds leave 其他资金 blank; blank reads as 0). */
  blank: Partial<Record<SplitKey | 'total', boolean>>;
}

export interface FormFunds {
  period: SideFunds;
  annual: SideFunds;
}

export const TEXT_KEYS = ['overview', 'basis', 'necessity', 'measures', 'plan'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];
export const TEXT_LABEL: Record<TextKey, string> = {
  overview: '项目概况',
  basis: '立项依据',
  necessity: '项目设立必要性',
  measures: '保证项目实施的制度、措施',
  plan: '项目实施计划',
};

export interface FormTexts {
  overview: string;
  basis: string;
  necessity: string;
  measures: string;
  plan: string;
  goalsPeriod: string;
  goalsAnnual: string;
}

export interface Indicator {
  level1: string;
  level2: string;
  level3: string;
  value: string;
  side: Side;
  /** Where the 三级 name and the value sit (A1 on the form's sheet), when read from a sheet. */
  level3Cell?: string;
  valueCell?: string;
  /** The 二级 label cell this row hangs under (for "empty 成本指标" findings). */
  level2Cell?: string;
}

export interface FormSignature {
  leader: string; // 负责人
  handler: string; // 经办人
  phone: string; // 联系电话
  date: string; // 填报日期, 14 digits yyyyMMddHHmmss
}

/** Everything one form says, independent of where it is printed. */
export interface FormContent {
  title?: string;
  yearLabel?: string;
  projectName: string;
  department: string; // 主管部门及代码
  implementingUnit: string; // 实施单位
  attribute: string; // 项目属性
  period: string; // 项目期
  funds: FormFunds;
  texts: FormTexts;
  indicators: Indicator[];
  signature: FormSignature;
}

/** Keys of the single-cell fields a finding or a sync update can point at. */
export type FieldKey =
  | 'projectName'
  | 'department'
  | 'implementingUnit'
  | 'attribute'
  | 'period'
  | `funds.${Side}.total`
  | `funds.${Side}.${SplitKey}`
  | TextKey
  | 'goalsPeriod'
  | 'goalsAnnual'
  | 'indicatorHeader'
  | 'signature.leader'
  | 'signature.handler'
  | 'signature.phone'
  | 'signature.date';

/** A form as found in a workbook. */
export interface PerformanceForm extends FormContent {
  sheet: string;
  /** Sheet tag (`form:<key>`) when the form was written by us. */
  tag?: string;
  /** 0-based sheet rows of the first and last row of the form (all its pages). */
  firstRow: number;
  lastRow: number;
  /** A1 address of each field's value cell on `sheet`. */
  cells: Partial<Record<FieldKey, string>>;
  /** Printed page blocks merged into this form (docs/domain.md § 多页与重复的目标表). */
  pages: number;
  /** 二级 labels printed on each side (to tell "row missing" from "row empty"). */
  printedLevel2: Record<Side, string[]>;
}

/** Indicator taxonomy (docs/domain.md § 指标体系): data, so a bureau can change wording without code. */
export const INDICATOR_SKELETON: readonly { level1: string; level2: readonly string[] }[] = [
  { level1: '产出指标', level2: ['数量指标', '质量指标', '时效指标', '成本指标'] },
  { level1: '效益指标', level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
  { level1: '满意度指标', level2: ['服务对象满意度指标'] },
];

/** Printed variants of 二级 labels (003: `经济效益` …, truncated `服务对象满意度指`). */
export const LEVEL2_ALIASES: Record<string, string> = {
  经济效益: '经济效益指标',
  社会效益: '社会效益指标',
  生态效益: '生态效益指标',
  可持续影响: '可持续影响指标',
  可持续发展影响: '可持续影响指标',
  可持续发展影响指标: '可持续影响指标',
  服务对象满意度: '服务对象满意度指标',
  服务对象满意度指: '服务对象满意度指标',
  满意度: '服务对象满意度指标',
  // The 2021 common framework splits 成本指标 into economic / social / ecological cost.
  经济成本指标: '成本指标',
  社会成本指标: '成本指标',
  生态环境成本指标: '成本指标',
  经济成本: '成本指标',
  社会成本: '成本指标',
  生态环境成本: '成本指标',
};

const LEVEL1_OF = new Map<string, string>();
for (const g of INDICATOR_SKELETON) for (const l2 of g.level2) LEVEL1_OF.set(l2, g.level1);

/** Standard 二级 label for a printed one, or undefined when it is not a 二级 label. */
export function canonicalLevel2(printed: string): string | undefined {
  const s = printed.replace(/\s/g, '');
  if (LEVEL1_OF.has(s)) return s;
  return LEVEL2_ALIASES[s];
}

export function level1Of(level2: string): string | undefined {
  return LEVEL1_OF.get(level2);
}

export const LEVEL1_LABELS = INDICATOR_SKELETON.map((g) => g.level1);

export const ATTRIBUTES = ['一次性项目（1年结束）', '经常性项目（长期开展）', '延续性项目（阶段开展）'] as const;
export const ONE_OFF = ATTRIBUTES[0];

/** Title choice (docs/domain.md § 目标表的标题与位置). */
export const TitleMode = z.enum(['city', 'cityApplication', 'county', 'none']);
export type TitleMode = z.infer<typeof TitleMode>;

export const FormSettings = z.object({
  year: z.number().int().min(2000).max(2100),
  titleMode: TitleMode.default('city'),
  /** 城市名 (大同 or 大同市), or 县名 (新绛 or 新绛县) for the county title. */
  place: z.string().default(''),
  /** 主管部门及代码, e.g. `121-大同市人力资源和社会保障局[部门]`. */
  department: z.string().default(''),
  placement: z.enum(['perSheet', 'stacked']).default('perSheet'),
  /** Money format of the 元 cells: the seeds print `35,000` and `290,366.42`. */
  moneyFormat: z.enum(['#,##0.00', '#,##0']).default('#,##0'),
  /** Document unit (单位 documents: every form's 实施单位). */
  documentUnit: z.string().optional(),
  /** 填报日期 to print (14 digits); blank leaves the cell for the clerk. */
  date: z
    .string()
    .regex(/^\d{14}$/, '填报日期应为14位数字（年月日时分秒）')
    .optional(),
});
export type FormSettings = z.infer<typeof FormSettings>;
export type FormSettingsInput = z.input<typeof FormSettings>;

/** Title lines for the settings, or none (001 prints no title). */
export function formTitle(s: FormSettings): { title: string; yearLabel: string } | undefined {
  const yearLabel = `（${s.year}年度）`;
  // The seeds print the full place name before the level word: 大同市 + 市级…
  const city = s.place.endsWith('市') ? s.place : `${s.place}市`;
  const county = s.place.endsWith('县') ? s.place : `${s.place}县`;
  switch (s.titleMode) {
    case 'none':
      return undefined;
    case 'county':
      return { title: `${county}县级预算部门（单位）项目支出绩效目标表`, yearLabel };
    case 'cityApplication':
      return { title: `${city}市级预算部门（单位）项目支出绩效目标申报表`, yearLabel };
    default:
      return { title: `${city}市级预算部门（单位）项目支出绩效目标表`, yearLabel };
  }
}
