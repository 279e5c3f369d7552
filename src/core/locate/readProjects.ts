import type { Amount, TableRow } from '../model/disclosure';
import type { Decimal } from '../money';
import { classifyDiff, roundingTolerance, sum, ZERO } from '../money';
import { readValues } from './amounts';
import { colOf, uniqueKey, type BodyContext } from './context';
import { isTotalLabel } from './normalise';
import { reportUnplacedRow } from './unplaced';

/**
 * 表12/表13 hierarchy: total (level 0) · unit subtotal (level 1) · project (level 2).
 *  - Indented names (U+3000 or spaces, as 晋城 prints them): the indent is the level.
 *  - Otherwise the first row is the total when it reads 合计 or its amount is the sum of the rest
 *    (a 单位 document prints its own name there); below it, unit subtotals are recognised only
 *    when the whole list splits into blocks "subtotal = Σ following projects" whose subtotals
 *    add up to the total. Anything else is a flat list of projects.
 */
interface Raw {
  r: number;
  name: string;
  indent: number;
  values: Record<string, Amount | undefined>;
  amount: Decimal;
}

function indentOf(raw: string): number {
  const m = /^[\u3000 \t]*/.exec(raw);
  if (!m) return 0;
  let n = 0;
  for (const ch of m[0]) n += ch === ' ' ? 0.5 : 1;
  return Math.floor(n);
}

function close(a: Decimal, b: Decimal, addends: number): boolean {
  return classifyDiff(a.minus(b), roundingTolerance(addends)) !== 'error';
}

function mainAmount(values: Record<string, Amount | undefined>): Decimal {
  const a = values.total ?? Object.values(values).find((v) => v !== undefined);
  return a?.value ?? ZERO;
}

/** Splits `rest` into unit blocks; undefined when it does not split cleanly. */
function unitBlocks(rest: Raw[], total: Decimal | undefined): number[] | undefined {
  const heads: number[] = [];
  let i = 0;
  while (i < rest.length) {
    const head = rest[i];
    let acc = ZERO;
    let j = i + 1;
    while (j < rest.length && acc.lt(head.amount.minus('0.005'))) acc = acc.plus(rest[j++].amount);
    if (j === i + 1 || !close(acc, head.amount, j - i - 1)) return undefined;
    heads.push(i);
    i = j;
  }
  if (heads.length === 0) return undefined;
  if (total && !close(sum(heads.map((h) => rest[h].amount)), total, heads.length)) return undefined;
  return heads;
}

type Level = 0 | 1 | 2;

function levelsByIndent(raws: Raw[]): Level[] {
  const min = Math.min(...raws.map((x) => x.indent));
  const rel = raws.map((x) => x.indent - min);
  const deepest = Math.max(...rel);
  return rel.map((d, i): Level => {
    if (d === 0) return i === 0 || deepest > 0 ? 0 : 2;
    if (deepest >= 2) return d === 1 ? 1 : 2;
    return 2;
  });
}

function levelsByAmounts(raws: Raw[]): Level[] {
  const levels: Level[] = raws.map(() => 2);
  if (raws.length === 0) return levels;
  const first = raws[0];
  const rest = raws.slice(1);
  let hasTotal = isTotalLabel(first.name);
  if (!hasTotal && rest.length > 0) {
    hasTotal = close(sum(rest.map((x) => x.amount)), first.amount, rest.length) || unitBlocks(rest, first.amount) !== undefined;
  }
  if (!hasTotal) return levels;
  levels[0] = 0;
  if (close(sum(rest.map((x) => x.amount)), first.amount, rest.length) && !rest.every((x) => x.amount.isZero())) return levels;
  const heads = unitBlocks(rest, first.amount);
  if (heads) for (const h of heads) levels[h + 1] = 1;
  return levels;
}

export function readProjects(ctx: BodyContext, rows: number[]): TableRow[] {
  const col = colOf(ctx, 'project_name') ?? 0;
  const raws: Raw[] = [];
  for (const r of rows) {
    const rawName = ctx.view.raw(r, col);
    const name = rawName.replace(/\u3000/g, ' ').trim();
    if (!name) {
      reportUnplacedRow(ctx, r);
      continue;
    }
    const values = readValues(ctx, r);
    raws.push({ r, name, indent: indentOf(rawName), values, amount: mainAmount(values) });
  }
  if (raws.length === 0) return [];
  const indented = raws.some((x) => x.indent > 0) && raws.some((x) => x.indent === 0);
  const levels = indented ? levelsByIndent(raws) : levelsByAmounts(raws);

  const seen = new Map<string, number>();
  const out: TableRow[] = [];
  const total = levels[0] === 0 ? raws[0] : undefined;
  // A 单位 document's total row is the unit itself: its projects belong to it.
  let unit = total && !isTotalLabel(total.name) ? total.name : ctx.unit;
  raws.forEach((x, i) => {
    const level = levels[i];
    if (level === 0) {
      out.push({ kind: 'total', key: uniqueKey(seen, 'total'), row: x.r, name: x.name, label: x.name, level: 0, values: x.values });
    } else if (level === 1) {
      unit = x.name;
      out.push({ kind: 'unit', key: uniqueKey(seen, `unit:${x.name}`), row: x.r, name: x.name, label: x.name, unit: x.name, level: 1, values: x.values });
    } else {
      const key = unit ? `${unit}/${x.name}` : x.name;
      out.push({ kind: 'project', key: uniqueKey(seen, key), row: x.r, name: x.name, label: x.name, ...(unit ? { unit } : {}), level: 2, values: x.values });
    }
  });
  return out;
}
