import type { TableRow } from '../model/disclosure';
import { ECONOMIC } from '../reference';
import { readValues } from './amounts';
import { colOf, uniqueKey, type BodyContext } from './context';
import { isTotalLabel, norm } from './normalise';
import { reportUnplacedRow } from './unplaced';

/**
 * 表6: 合计, class rows and item rows. A class row names a class of the reference list in
 * column A (000/003), or in column B with A blank (001's `对事业单位经常性补助` group), or has
 * a name in A and nothing in B. Items belong to the class above them (`parent`).
 */
const CLASS_NAMES = new Map<string, string>();
for (const c of ECONOMIC.classes) for (const n of [c.name, ...c.aliases]) CLASS_NAMES.set(norm(n), c.name);

export function readEconomic(ctx: BodyContext, rows: number[]): TableRow[] {
  const econCol = colOf(ctx, 'econ_name');
  const govCol = colOf(ctx, 'gov_name');
  const seen = new Map<string, number>();
  const out: TableRow[] = [];
  let parent: string | undefined;
  for (const r of rows) {
    const a = econCol !== undefined ? ctx.view.text(r, econCol) : '';
    const b = govCol !== undefined ? ctx.view.text(r, govCol) : '';
    if (!a && !b) {
      reportUnplacedRow(ctx, r);
      continue;
    }
    const values = readValues(ctx, r);
    if (isTotalLabel(a) || (!a && isTotalLabel(b))) {
      out.push({ kind: 'total', key: uniqueKey(seen, 'total'), row: r, label: a || b, values });
      continue;
    }
    const className = (a ? CLASS_NAMES.get(norm(a)) : CLASS_NAMES.get(norm(b))) ?? (a && !b ? a : undefined);
    if (className) {
      parent = className;
      out.push({
        kind: 'class',
        key: uniqueKey(seen, `class:${className}`),
        row: r,
        name: className,
        label: a || b,
        values,
      });
      continue;
    }
    const name = a || b;
    out.push({
      kind: 'item',
      key: uniqueKey(seen, `${parent ?? ''}/${a}/${b}`),
      row: r,
      name,
      label: b ? `${a} | ${b}` : a,
      ...(parent !== undefined ? { parent } : {}),
      values,
    });
  }
  return out;
}
