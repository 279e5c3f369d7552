import type { TableRow } from '../model/disclosure';
import { readValues } from './amounts';
import { colOf, uniqueKey, type BodyContext } from './context';
import { norm } from './normalise';
import { reportUnplacedRow } from './unplaced';

/** 表11: `部门合计` (or `单位合计`, `合计`; first or last) and one row per unit. */
export function readUnits(ctx: BodyContext, rows: number[]): TableRow[] {
  if (ctx.def.body.kind !== 'units') return [];
  const totals = new Set([ctx.def.body.totalLabel, ...ctx.def.body.totalAliases].map(norm));
  const col = colOf(ctx, 'unit_name') ?? 0;
  const seen = new Map<string, number>();
  const out: TableRow[] = [];
  for (const r of rows) {
    const label = ctx.view.text(r, col);
    if (!label) {
      reportUnplacedRow(ctx, r);
      continue;
    }
    const isTotal = totals.has(norm(label));
    out.push({
      kind: isTotal ? 'total' : 'unit',
      key: uniqueKey(seen, isTotal ? 'total' : label),
      row: r,
      label,
      ...(isTotal ? {} : { name: label, unit: label }),
      values: readValues(ctx, r),
    });
  }
  return out;
}
