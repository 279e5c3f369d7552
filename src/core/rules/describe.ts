import type { Amount, LocatedTable, TableRow } from '../model/disclosure';
import type { TableId } from '../templates/schema';
import { tableDef } from '../templates/tables';

/** "表2 预算收入总表": how a clerk names a table, independent of how the sheet was renamed. */
export function tableTitle(id: TableId): string {
  return tableDef(id).sheetName;
}

/**
 * Where a clerk finds a cell: "表2 预算收入总表 D9" when the sheet carries the standard name,
 * "表2 预算收入总表（工作表“Sheet2”）D9" when the table sits on a sheet named otherwise.
 */
export function place(id: TableId, sheet: string | undefined, cell: string | undefined): string {
  const title = tableTitle(id);
  const onSheet = sheet && sheet !== title ? `（工作表“${sheet}”）` : '';
  return `${title}${onSheet}${cell ? (onSheet ? cell : ` ${cell}`) : ''}`;
}

/** "210 卫生健康支出", "本年收入合计", a project name … */
export function rowLabel(row: TableRow): string {
  if (row.code) return row.name ? `${row.code} ${row.name}` : row.code;
  return row.name || row.label || row.key;
}

export function columnHeader(table: LocatedTable, key: string): string {
  const found = table.columns[key]?.header;
  if (found) return found;
  const def = tableDef(table.id).columns.find((c) => c.key === key);
  return def ? def.header.replace(/\{year\}/g, '') : key;
}

/** Where an amount sits, for `cells`; amounts read without a sheet position are skipped. */
export function cellRef(a: Amount | undefined): { sheet: string; cell: string }[] {
  return a && a.cell ? [{ sheet: a.sheet, cell: a.cell }] : [];
}

export function uniqueCells(list: { sheet: string; cell: string }[]): { sheet: string; cell: string }[] {
  const seen = new Set<string>();
  const out: { sheet: string; cell: string }[] = [];
  for (const c of list) {
    const k = `${c.sheet}!${c.cell}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(c);
  }
  return out;
}
