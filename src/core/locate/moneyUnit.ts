import type { Amount, TableRow } from '../model/disclosure';
import { YUAN_PER_WAN, type MoneyUnit } from '../money';
import { norm } from './normalise';
import type { SheetView } from './sheetView';

/**
 * The money unit a table prints (docs/locator.md § 金额单位): the unit line under the title
 * (`单位：万元`, `金额单位：元`) and unit marks in the header (`合计（元）`). 元 only when every mark
 * found says 元; a 万元 mark, a mix of both or no mark at all leaves the 万元 every seed prints.
 */
const UNIT_LINE = /(?:^|[^名])单位:(万元|元)(?![\u4e00-\u9fff])/;
const UNIT_MARK = /\((万元|元)\)$/;

export function unitMarkOf(text: string): MoneyUnit | undefined {
  const n = norm(text);
  return (UNIT_LINE.exec(n)?.[1] ?? UNIT_MARK.exec(n)?.[1]) as MoneyUnit | undefined;
}

/** Header text without its unit mark: `合计（元）` is the column `合计`. */
export function withoutUnitMark(normalised: string): string {
  return normalised.replace(UNIT_MARK, '');
}

export function tableUnit(view: SheetView, from: number, to: number): MoneyUnit {
  const marks = new Set<MoneyUnit>();
  for (let r = from; r <= to; r++)
    for (const { text } of view.rowTexts(r)) {
      const u = unitMarkOf(text);
      if (u) marks.add(u);
    }
  return marks.size === 1 && marks.has('元') ? '元' : '万元';
}

/** 元 read as 万元, exactly; the printed figure and its unit stay on the amount for messages and fixes. */
export function inWan(a: Amount): Amount {
  a.printed = a.value;
  a.unit = '元';
  a.value = a.value.div(YUAN_PER_WAN);
  return a;
}

/**
 * A 元 table whose figures are all whole hundreds of 元 was computed in 万元 at two decimals and
 * printed in 元: it carries the 万元 尾差. One figure off that grid shows the table is exact to the
 * fen, and then every identity inside it must hold to 0.01 元 (docs/domain.md § 尾差).
 */
export function markExactToFen(rows: readonly TableRow[]): void {
  const amounts = rows.flatMap((r) => Object.values(r.values)).filter((a): a is Amount => !!a);
  if (!amounts.some((a) => a.printed && !a.printed.mod(100).isZero())) return;
  for (const a of amounts) a.exactToFen = true;
}
