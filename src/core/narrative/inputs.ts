import { z } from 'zod';
import { Decimal } from '../money';

/**
 * What the 情况说明 needs that no table holds: last year's figures, the clerk's reasons,
 * 政府采购, assets, project categories and the forms count. Amounts are 万元 strings (or
 * numbers) so a JSON file typed by a clerk ("1,184.32") is accepted; they become decimals
 * through `wan()` and never pass through a float.
 */
const MoneyText = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const s = String(v).replace(/[,，\s]/g, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: `“${String(v)}”不是金额（万元）` });
    return z.NEVER;
  }
  return s;
});

const Count = z.number().int().nonnegative();
const Reason = z.string().trim().min(1).optional();

export const ProjectCategory = z.enum(['其他运转类', '特定目标类']);
export type ProjectCategory = z.infer<typeof ProjectCategory>;

/** 7 vehicle categories of 十一 in print order (data: a bureau may rename them). */
export const VEHICLE_CATEGORIES = [
  { key: 'leader', label: '领导用车' },
  { key: 'confidential', label: '机要通信用车' },
  { key: 'emergency', label: '应急保障用车' },
  { key: 'enforcement', label: '执法执勤用车' },
  { key: 'special', label: '特种专业技术用车' },
  { key: 'institution', label: '事业单位业务用车' },
  { key: 'other', label: '其他公务用车' },
] as const;
export type VehicleKey = (typeof VEHICLE_CATEGORIES)[number]['key'];

/**
 * Which amount 十 1、整体绩效目标 cites. The seeds use three conventions (docs/domain.md § 十、绩效管理情况):
 * 000 表1 收入总计, 001/004 表5 合计 split into 基本/项目, 003 the 项目 total only.
 */
export const OverallConvention = z.enum(['incomeTotal', 'gpbSplit', 'projectTotal']);
export type OverallConvention = z.infer<typeof OverallConvention>;

const PartChange = z.object({ lastYear: MoneyText.optional(), reason: Reason });

export const NarrativeInputs = z.object({
  /** Subject written in the sentences; defaults to the unit name of the workbook, else 本单位. */
  subject: z.string().trim().min(1).optional(),
  lastYear: z
    .object({
      incomeTotal: MoneyText.optional(),
      expenditureTotal: MoneyText.optional(),
      gpbCurrent: MoneyText.optional(),
      adminCost: MoneyText.optional(),
    })
    .default({}),
  reasons: z
    .object({
      income: Reason,
      expenditure: Reason,
      adminCost: Reason,
    })
    .default({}),
  threePublic: z
    .object({
      lastYearTotal: MoneyText.optional(),
      reason: Reason,
      abroad: PartChange.optional(),
      reception: PartChange.optional(),
      vehicle: PartChange.optional(),
      vehicleRunning: PartChange.optional(),
      vehiclePurchase: PartChange.optional(),
      /** 003 also states 公务用车购置及运行费 before its two parts. */
      showVehicleSubtotal: z.boolean().default(false),
    })
    .default({ showVehicleSubtotal: false }),
  procurement: z
    .object({ goods: MoneyText.default('0'), works: MoneyText.default('0'), services: MoneyText.default('0') })
    .optional(),
  assets: z
    .object({
      /** `2023年12月31日` or `2026年1月1日`: the seeds use both. */
      asOf: z.string().trim().min(1).optional(),
      vehicleQuota: Count.default(0),
      vehicles: z
        .partialRecord(
          z.enum(['leader', 'confidential', 'emergency', 'enforcement', 'special', 'institution', 'other']),
          Count,
        )
        .default({}),
      officeArea: MoneyText.optional(),
      equipmentOver50: Count.default(0),
      equipmentOver100: Count.default(0),
    })
    .optional(),
  projects: z
    .object({
      /** 表12 project name → category; projects not listed take `defaultCategory`. */
      categories: z.record(z.string(), ProjectCategory).default({}),
      defaultCategory: ProjectCategory.default('其他运转类'),
    })
    .default({ categories: {}, defaultCategory: '其他运转类' }),
  forms: z
    .object({
      /** Number of 项目支出绩效目标表 published with the document. */
      count: Count,
      /** 表12 names of the projects whose forms are attached (gives the 公开 amount). */
      projectNames: z.array(z.string()).optional(),
    })
    .optional(),
  overall: z
    .object({
      /** Unset: the generator follows 000 (表1 收入总计) and the checker accepts any seed convention. */
      convention: OverallConvention.optional(),
      formAttached: z.boolean().default(false),
    })
    .default({ formAttached: false }),
  other: z
    .object({
      purchaseCatalogue: z.string().trim().default('无。'),
      other: z.string().trim().default('无。'),
    })
    .default({ purchaseCatalogue: '无。', other: '无。' }),
});
export type NarrativeInputs = z.infer<typeof NarrativeInputs>;
export type NarrativeInputsInput = z.input<typeof NarrativeInputs>;

export type InputsParse = { ok: true; inputs: NarrativeInputs } | { ok: false; errors: string[] };

/** Validates inputs typed by a clerk; errors name the field in Chinese-readable paths. */
export function parseNarrativeInputs(raw: unknown): InputsParse {
  const r = NarrativeInputs.safeParse(raw ?? {});
  if (r.success) return { ok: true, inputs: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => `情况说明输入项 ${i.path.join('.') || '(根)'}：${i.message}`),
  };
}

export function wan(s: string | undefined): Decimal | undefined {
  return s === undefined ? undefined : new Decimal(s);
}
