import { z } from 'zod';

/**
 * The shape of a table definition. Everything a finance bureau could change (titles, header
 * wording, fixed rows, which columns add up to which) is data checked by this schema; the
 * renderers (xlsx, Office.js), the locator and the rule engine all read the same definition.
 */
export const TABLE_IDS = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12', 't13'] as const;
export const TableId = z.enum(TABLE_IDS);
export type TableId = z.infer<typeof TableId>;

export const ColumnRole = z.enum(['code', 'name', 'label', 'money']);
export type ColumnRole = z.infer<typeof ColumnRole>;

export const ColumnDef = z.object({
  /** Stable key used by rules ('total', 'gpb', 'basic' …). */
  key: z.string().min(1),
  /** Header text in the last header row, `{year}` substituted. */
  header: z.string().min(1),
  role: ColumnRole,
  /** Other header texts accepted when reading a workbook made elsewhere. */
  aliases: z.array(z.string()).default([]),
  /** Column width in Excel character units. */
  width: z.number().positive(),
});
export type ColumnDef = z.infer<typeof ColumnDef>;

export const HeaderCellDef = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive().default(1),
  colSpan: z.number().int().positive().default(1),
  text: z.string(),
});
export type HeaderCellDef = z.infer<typeof HeaderCellDef>;

/** A sum over other rows of the same column: the formula of a total row. */
export const RowSum = z.object({
  /** Rule id reported when the identity fails. */
  rule: z.string(),
  of: z.array(z.string()).min(1),
});
export type RowSum = z.infer<typeof RowSum>;

export const FixedRowDef = z.object({
  key: z.string(),
  label: z.string(),
  aliases: z.array(z.string()).default([]),
  /** Body row offset (0 = first body row). Two sides of 表1/表4 share row offsets. */
  at: z.number().int().nonnegative(),
  sum: RowSum.optional(),
  /** Which money columns of the side the row fills (default all of the side). */
  columns: z.array(z.string()).optional(),
});
export type FixedRowDef = z.infer<typeof FixedRowDef>;

export const SideDef = z.object({
  labelColumn: z.string(),
  moneyColumns: z.array(z.string()).min(1),
  /** `categories` expands to the 30 fixed expenditure categories (reference data) at rows 0…29. */
  categories: z.boolean().default(false),
  rows: z.array(FixedRowDef),
});
export type SideDef = z.infer<typeof SideDef>;

/** Within-row identity: target column = Σ parts columns, in every data row. */
export const RowIdentity = z.object({
  rule: z.string(),
  target: z.string(),
  parts: z.array(z.string()).min(1),
});
export type RowIdentity = z.infer<typeof RowIdentity>;

export const BodyDef = z.discriminatedUnion('kind', [
  /** 表1, 表4: income side and expenditure side, fixed rows. */
  z.object({
    kind: z.literal('summary'),
    income: SideDef,
    expenditure: SideDef,
    rowCount: z.number().int().positive(),
  }),
  /** 表2/3/5/7/8: 合计 row then 功能分类 rows 类→款→项. */
  z.object({ kind: z.literal('coded'), totalLabel: z.string(), hierarchyRule: z.string() }),
  /** 表9: income side and expenditure side, both coded; all seeds empty. */
  z.object({ kind: z.literal('dualCoded'), totalLabel: z.string() }),
  /** 表6: 合计, class rows, item rows. */
  z.object({
    kind: z.literal('economic'),
    totalLabel: z.string(),
    totalRule: z.string(),
    classRule: z.string(),
    sideRule: z.string(),
  }),
  /** 表10: fixed rows with formulas. */
  z.object({ kind: z.literal('fixed'), side: SideDef }),
  /** 表11: 部门合计 then unit rows. */
  z.object({
    kind: z.literal('units'),
    totalLabel: z.string(),
    totalAliases: z.array(z.string()),
    totalRule: z.string(),
  }),
  /** 表12/表13: a total row (unit or 部门 name, or 合计), unit subtotals (部门), projects. */
  z.object({ kind: z.literal('projects'), totalRule: z.string(), columnNumberRow: z.boolean() }),
]);
export type BodyDef = z.infer<typeof BodyDef>;

export const TableDef = z.object({
  id: TableId,
  number: z.number().int().min(1).max(13),
  /** `预算公开表{n}`; accepted variants on import. */
  label: z.string(),
  labelAliases: z.array(z.string()).default([]),
  sheetName: z
    .string()
    .max(31)
    .regex(/^[^\\/?*[\]:]+$/),
  /** `{year}年预算收支总表`. */
  title: z.string(),
  /** Other titles seen in published documents (`{year}` substituted). */
  titleAliases: z.array(z.string()).default([]),
  /** Words that identify the title without the year or unit prefix. */
  titleKey: z.string(),
  columns: z.array(ColumnDef).min(1),
  headerRows: z.number().int().positive(),
  header: z.array(HeaderCellDef),
  body: BodyDef,
  rowIdentities: z.array(RowIdentity).default([]),
  /** Rule id of "all blank ⇔ 注：本表无数据". */
  noDataRule: z.string().default('W7'),
  /** Default number of blank input rows a fresh template offers in an open list. */
  blankRows: z.number().int().nonnegative().default(0),
});
export type TableDef = z.infer<typeof TableDef>;
export type TableDefInput = z.input<typeof TableDef>;

export const Level = z.enum(['部门', '单位']);
export type Level = z.infer<typeof Level>;

export const TemplateParams = z.object({
  year: z.number().int().min(2000).max(2100),
  unit: z.string().min(1, '单位名称不能为空'),
  level: Level,
  /** 功能分类科目 rows to start 表2/3/5 with (codes); defaults to the shipped seed list. */
  codes: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
  /** Sub-units of a 部门 (表11/12/13 get one block each). */
  units: z.array(z.string()).default([]),
  /** Which tables to produce (default all 13). */
  tables: z.array(TableId).optional(),
});
export type TemplateParams = z.infer<typeof TemplateParams>;
export type TemplateParamsInput = z.input<typeof TemplateParams>;
