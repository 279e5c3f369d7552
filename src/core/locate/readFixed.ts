import type { TableRow } from '../model/disclosure';
import { CATEGORIES } from '../reference';
import type { SideDef } from '../templates/schema';
import { readValues } from './amounts';
import { colOf, type BodyContext } from './context';
import { normLabel } from './normalise';
import { reportUnplacedRow } from './unplaced';

/**
 * Fixed-row tables: 表1/表4 (income and expenditure side by side) and 表10. Rows are recognised
 * by label, not position; where two rows share a label (the two `一、一般公共预算` of 表4) the
 * order of the definition decides: the first one not yet passed.
 */
interface SideMatcher {
  side: SideDef;
  byLabel: Map<string, { key: string; at: number }[]>;
  lastAt: number;
}

function matcher(side: SideDef): SideMatcher {
  const byLabel = new Map<string, { key: string; at: number }[]>();
  const add = (label: string, key: string, at: number) => {
    const n = normLabel(label);
    const list = byLabel.get(n) ?? [];
    if (!list.some((x) => x.key === key)) list.push({ key, at });
    byLabel.set(n, list);
  };
  if (side.categories) CATEGORIES.forEach((c, i) => add(c.label, `cat:${c.code}`, i));
  for (const row of side.rows) for (const l of [row.label, ...row.aliases]) add(l, row.key, row.at);
  return { side, byLabel, lastAt: -1 };
}

function match(m: SideMatcher, label: string): string | undefined {
  const list = m.byLabel.get(normLabel(label));
  if (!list || list.length === 0) return undefined;
  const next = list.find((x) => x.at > m.lastAt) ?? list[0];
  m.lastAt = next.at;
  return next.key;
}

function sideRow(
  ctx: BodyContext,
  m: SideMatcher,
  r: number,
  which: 'income' | 'expenditure' | undefined,
): TableRow | undefined {
  const col = colOf(ctx, m.side.labelColumn);
  if (col === undefined) return undefined;
  const label = ctx.view.text(r, col);
  if (!label) return undefined;
  const key = match(m, label);
  if (!key) return undefined;
  const row: TableRow = { kind: 'fixed', key, row: r, label, values: readValues(ctx, r, m.side.moneyColumns) };
  if (which) row.side = which;
  return row;
}

export function readSummary(ctx: BodyContext, rows: number[]): TableRow[] {
  if (ctx.def.body.kind !== 'summary') return [];
  const income = matcher(ctx.def.body.income);
  const exp = matcher(ctx.def.body.expenditure);
  const out: TableRow[] = [];
  for (const r of rows) {
    const a = sideRow(ctx, income, r, 'income');
    const b = sideRow(ctx, exp, r, 'expenditure');
    if (a) out.push(a);
    if (b) out.push(b);
    if (!a && !b) reportUnplacedRow(ctx, r);
  }
  return out;
}

export function readFixedSide(ctx: BodyContext, rows: number[]): TableRow[] {
  if (ctx.def.body.kind !== 'fixed') return [];
  const m = matcher(ctx.def.body.side);
  const out: TableRow[] = [];
  for (const r of rows) {
    const row = sideRow(ctx, m, r, undefined);
    if (row) out.push(row);
    else reportUnplacedRow(ctx, r);
  }
  return out;
}
