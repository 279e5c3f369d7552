import type Decimal from 'decimal.js';
import type { Amount, LocatedTable, TableRow } from '../model/disclosure';
import { moneyString, YUAN_PER_WAN, type MoneyUnit } from '../money';
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

/** 元 when every figure given is printed in 元 (a table printed in 元); 万元 otherwise. */
export function printedUnit(amounts: readonly (Amount | undefined)[]): MoneyUnit {
  let yuan = false;
  for (const a of amounts) {
    if (!a) continue;
    if (a.unit !== '元') return '万元';
    yuan = true;
  }
  return yuan ? '元' : '万元';
}

/**
 * A value the engine holds in 万元, as the clerk reads it (docs/domain.md § 金额与单位): in 元
 * (`537003.00`) for figures printed in 元, else in 万元 at two decimals, more when a 元 figure
 * leaves them (a mixed comparison). `number` is the plain string for a finding's
 * expected/actual/diff; `text` adds the unit where it is 元, or in a mixed message.
 */
export function figureIn(wan: Decimal, unit: MoneyUnit, mixed = false): { number: string; text: string } {
  if (unit === '元') {
    const n = moneyString(wan.times(YUAN_PER_WAN));
    return { number: n, text: `${n}元` };
  }
  const dp = wan.decimalPlaces();
  const n = dp > 2 ? wan.toFixed(Math.min(6, dp)) : moneyString(wan);
  return { number: n, text: mixed ? `${n}万元` : n };
}

/** One cell's figure as printed (`figureIn` in the cell's own unit). */
export function amountFigure(a: Amount): { number: string; text: string } {
  return figureIn(a.value, a.unit ?? '万元');
}
