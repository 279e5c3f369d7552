import type { Amount, LocatedTable, TableRow } from '../model/disclosure';
import type { Disclosure } from '../model/disclosure';
import type { TableId } from '../templates/schema';
import { tableDef } from '../templates/tables';

/**
 * Rows of one located table indexed once, so every rule looks rows up in O(1): the live add-in
 * re-runs the whole check on every edit. Cached per LocatedTable object (a new read = new objects).
 */
export interface TableIndex {
  table: LocatedTable;
  /** First row with each key (fixed-row key, 科目编码, unit or project name). */
  byKey: Map<string, TableRow>;
  /** Coded tables: row by 科目编码. */
  byCode: Map<string, TableRow>;
  /** The 合计 / 部门合计 / top row, when the table has one. */
  total?: TableRow;
  /** Money column keys present in the sheet, in definition order. */
  moneyKeys: string[];
  /** Coded tables: children codes of each 类/款 present. */
  children: Map<string, TableRow[]>;
}

const cache = new WeakMap<LocatedTable, TableIndex>();

export function indexTable(table: LocatedTable): TableIndex {
  const hit = cache.get(table);
  if (hit) return hit;
  const def = tableDef(table.id);
  const moneyKeys = def.columns
    .filter((c) => c.role === 'money' && table.columns[c.key] !== undefined)
    .map((c) => c.key);
  const byKey = new Map<string, TableRow>();
  const byCode = new Map<string, TableRow>();
  const children = new Map<string, TableRow[]>();
  let total: TableRow | undefined;
  for (const row of table.rows) {
    if (!byKey.has(row.key)) byKey.set(row.key, row);
    if (row.kind === 'total' && !total) total = row;
    if (row.code && (row.kind === 'lei' || row.kind === 'kuan' || row.kind === 'xiang')) {
      if (!byCode.has(row.code)) byCode.set(row.code, row);
    }
  }
  for (const row of byCode.values()) {
    const parent =
      row.kind === 'xiang' ? row.code!.slice(0, 5) : row.kind === 'kuan' ? row.code!.slice(0, 3) : undefined;
    if (!parent) continue;
    const list = children.get(parent);
    if (list) list.push(row);
    else children.set(parent, [row]);
  }
  const idx: TableIndex = { table, byKey, byCode, total, moneyKeys, children };
  cache.set(table, idx);
  return idx;
}

export function located(d: Disclosure, id: TableId): TableIndex | undefined {
  const t = d.tables[id];
  return t ? indexTable(t) : undefined;
}

export function amountOf(row: TableRow | undefined, key: string): Amount | undefined {
  return row?.values[key];
}

/** True when no amount in the table is non-zero. */
export function tableIsBlank(table: LocatedTable): boolean {
  for (const row of table.rows) {
    for (const a of Object.values(row.values)) if (a && !a.value.isZero()) return false;
  }
  return true;
}
