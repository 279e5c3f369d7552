import Decimal from 'decimal.js';
import type { Amount, Disclosure, LocatedTable, RowKind, TableRow } from '../../../src/core/model/disclosure';
import { addr } from '../../../src/core/model/grid';
import { CATEGORIES } from '../../../src/core/reference';
import type { TableId } from '../../../src/core/templates/schema';
import { tableDef } from '../../../src/core/templates/tables';

/**
 * Hand-built disclosures for rule tests, independent of the locator: each table on its own sheet,
 * header in row 4 (0-based 3), body from row 5; columns in definition order.
 */
export const BODY_START = 4;

export type Money =
  string | number | null | { text: string } | { formula: string; value: string | null } | { error: string };

export interface RowSpec {
  kind: RowKind;
  key?: string;
  code?: string;
  name?: string;
  label?: string;
  side?: 'income' | 'expenditure';
  unit?: string;
  level?: number;
  parent?: string;
  values: Record<string, Money>;
}

export function colOf(id: TableId, key: string): number {
  const i = tableDef(id).columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key} in ${id}`);
  return i;
}

export function sheetOf(id: TableId): string {
  return tableDef(id).sheetName;
}

function amount(id: TableId, row: number, key: string, m: Money): Amount {
  const sheet = sheetOf(id);
  const cell = addr(row, colOf(id, key));
  if (m === null || m === undefined) return { value: new Decimal(0), blank: true, sheet, cell, raw: null };
  if (typeof m === 'number') return { value: new Decimal(m), blank: false, sheet, cell, raw: m };
  if (typeof m === 'string') return { value: new Decimal(m), blank: false, sheet, cell, raw: Number(m) };
  if ('text' in m) return { value: new Decimal(m.text.replace(/,/g, '')), blank: false, sheet, cell, raw: m.text };
  if ('error' in m) return { value: new Decimal(0), blank: true, sheet, cell, raw: { error: m.error } };
  return {
    value: new Decimal(m.value ?? 0),
    blank: m.value === null,
    sheet,
    cell,
    raw: m.value === null ? null : Number(m.value),
    formula: m.formula,
  };
}

/** One located table; rows are placed one per sheet row, except that rows with `at` share it. */
export function table(
  id: TableId,
  rows: (RowSpec & { at?: number })[],
  opts: { note?: string; fromTemplate?: boolean } = {},
): LocatedTable {
  const def = tableDef(id);
  const columns: LocatedTable['columns'] = {};
  def.columns.forEach((c, i) => (columns[c.key] = { col: i, header: c.header.replace(/\{year\}/g, '2024') }));
  let next = BODY_START;
  const built: TableRow[] = rows.map((r) => {
    const row = r.at !== undefined ? BODY_START + r.at : next++;
    const values: Record<string, Amount | undefined> = {};
    for (const [k, v] of Object.entries(r.values)) values[k] = amount(id, row, k, v);
    const key = r.key ?? r.code ?? r.name ?? r.label ?? `row${row}`;
    return {
      kind: r.kind,
      key,
      row,
      code: r.code,
      name: r.name,
      label: r.label ?? r.name ?? key,
      side: r.side,
      unit: r.unit,
      level: r.level,
      parent: r.parent,
      values,
    };
  });
  const last = Math.max(BODY_START, ...built.map((r) => r.row));
  return {
    id,
    sheet: sheetOf(id),
    range: `A2:${addr(last, def.columns.length - 1)}`,
    columns,
    headerRow: BODY_START - 1,
    rows: built,
    note: opts.note,
    fromTemplate: opts.fromTemplate ?? false,
  };
}

export function disclosure(...tables: LocatedTable[]): Disclosure {
  const d: Disclosure = { meta: {}, tables: {}, findings: [] };
  for (const t of tables) d.tables[t.id] = t;
  return d;
}

/** Coded rows from compact tuples: [code|null, name, {col: value}]. */
export function coded(
  id: TableId,
  list: [string | null, string, Record<string, Money>][],
  opts: { note?: string } = {},
): LocatedTable {
  return table(
    id,
    list.map(([code, name, values]) => ({
      kind: code === null ? 'total' : code.length === 3 ? 'lei' : code.length === 5 ? 'kuan' : 'xiang',
      key: code ?? 'total',
      code: code ?? undefined,
      name,
      values,
    })),
    opts,
  );
}

export const CATEGORY_CODES = CATEGORIES.map((c) => c.code);
