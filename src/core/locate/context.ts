import type { Finding } from '../model/finding';
import type { TableRow } from '../model/disclosure';
import type { TableDef } from '../templates/schema';
import type { MoneyUnit } from '../money';
import type { HeaderMap } from './mapHeader';
import type { SheetView } from './sheetView';

/** What a body reader needs: the sheet, the table definition, the mapped header, a finding sink. */
export interface BodyContext {
  view: SheetView;
  def: TableDef;
  map: HeaderMap;
  findings: Finding[];
  /** Unit name from the subtitle or title, used as the unit of a single-unit 表12. */
  unit?: string;
  /** The money unit the table prints; amounts of a 元 table are read as 万元 (docs/locator.md § 金额单位). */
  moneyUnit?: MoneyUnit;
}

/** Rows handed to a body reader: non-blank rows between the header and the note. */
export type BodyReader = (ctx: BodyContext, rows: number[]) => TableRow[];

export function colOf(ctx: BodyContext, key: string): number | undefined {
  return ctx.map.columns[key]?.col;
}

/** Money columns found in the header, per header map: asked for on every body row. */
const moneyKeyMemo = new WeakMap<HeaderMap, string[]>();

export function moneyKeys(ctx: BodyContext, only?: readonly string[]): string[] {
  let keys = moneyKeyMemo.get(ctx.map);
  if (!keys) {
    keys = ctx.def.columns.filter((c) => c.role === 'money' && ctx.map.columns[c.key]).map((c) => c.key);
    moneyKeyMemo.set(ctx.map, keys);
  }
  return only ? keys.filter((k) => only.includes(k)) : keys;
}

/** Makes keys unique within a table: a repeated project name gets `#2`, `#3` … */
export function uniqueKey(seen: Map<string, number>, key: string): string {
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  return n === 1 ? key : `${key}#${n}`;
}
