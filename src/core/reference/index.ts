import codesData from './functional-codes.json';
import econData from './economic-classes.json';
import { z } from 'zod';

/**
 * Shipped reference lists. Data, not code: a finance bureau replaces the JSON (or imports a
 * full 科目表 through `loadFunctionalCodes`) without touching the rule engine.
 */
const FunctionalCode = z.object({
  code: z.string().regex(/^\d{3}(\d{2}){0,2}$/),
  name: z.string().min(1),
  outdated: z.array(z.string()).default([]),
  seen: z.boolean().default(false),
});
export type FunctionalCode = z.infer<typeof FunctionalCode>;

const Category = z.object({ label: z.string(), code: z.string().regex(/^\d{3}$/) });
export type Category = z.infer<typeof Category>;

const CodesFile = z.object({ categories: z.array(Category).length(30), codes: z.array(FunctionalCode) });

const EconFile = z.object({
  classes: z.array(z.object({ name: z.string(), side: z.enum(['personnel', 'public']), aliases: z.array(z.string()) })),
  items: z.record(z.string(), z.array(z.string())),
});
export type EconomicReference = z.infer<typeof EconFile>;

const parsedCodes = CodesFile.parse(codesData);

/** The 30 fixed expenditure categories of 表1/表4, in print order, with their 类 code. */
export const CATEGORIES: readonly Category[] = parsedCodes.categories;

export const ECONOMIC: EconomicReference = EconFile.parse(econData);

export class CodeTable {
  private readonly byCode = new Map<string, FunctionalCode>();
  constructor(readonly codes: readonly FunctionalCode[]) {
    for (const c of codes) this.byCode.set(c.code, c);
  }
  get(code: string): FunctionalCode | undefined {
    return this.byCode.get(code);
  }
  /** All rows in depth-first code order (类, 款, 项 …). */
  ordered(): FunctionalCode[] {
    return [...this.codes].sort((a, b) => compareCodes(a.code, b.code));
  }
}

/** Depth-first order: '208' < '20801' < '2080101' < '2080102' < '20805' < '210'. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function codeLevel(code: string): 'lei' | 'kuan' | 'xiang' | undefined {
  if (/^\d{3}$/.test(code)) return 'lei';
  if (/^\d{5}$/.test(code)) return 'kuan';
  if (/^\d{7}$/.test(code)) return 'xiang';
  return undefined;
}

export function parentCode(code: string): string | undefined {
  if (code.length === 7) return code.slice(0, 5);
  if (code.length === 5) return code.slice(0, 3);
  return undefined;
}

export const DEFAULT_CODES = new CodeTable(parsedCodes.codes);

/**
 * Imports a full 科目表 from rows of [code, name] (CSV or the first two columns of a sheet).
 * Rows that are not a 3/5/7-digit code are skipped and reported, never silently dropped.
 */
export function loadFunctionalCodes(rows: readonly (readonly unknown[])[]): {
  table: CodeTable;
  skipped: { row: number; reason: string }[];
} {
  const codes: FunctionalCode[] = [];
  const skipped: { row: number; reason: string }[] = [];
  rows.forEach((r, i) => {
    const code = String(r[0] ?? '').trim();
    const name = String(r[1] ?? '').trim();
    if (!codeLevel(code)) {
      if (code !== '' || name !== '') skipped.push({ row: i + 1, reason: `第${i + 1}行“${code}”不是3/5/7位科目编码` });
      return;
    }
    if (!name) {
      skipped.push({ row: i + 1, reason: `第${i + 1}行科目${code}缺少名称` });
      return;
    }
    codes.push({ code, name, outdated: DEFAULT_CODES.get(code)?.outdated ?? [], seen: false });
  });
  return { table: new CodeTable(codes), skipped };
}
