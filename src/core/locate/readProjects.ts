import type { Amount, TableRow } from '../model/disclosure';
import type { Decimal } from '../money';
import { classifyDiff, roundingTolerance, sum, ZERO } from '../money';
import { readValues } from './amounts';
import { colOf, uniqueKey, type BodyContext } from './context';
import { isTotalLabel, norm } from './normalise';
import { reportUnplacedRow } from './unplaced';

/**
 * 表12/表13 hierarchy: total (level 0) · unit subtotal (level 1) · project (level 2).
 *  - The first row is the total when it reads 合计, is the unit's own name (单位 documents), is
 *    less indented than every other row, or its amount is the sum of the rest.
 *  - Below it, indentation (typed U+3000/spaces plus Excel's cell indent) decides when it
 *    varies (晋城 prints units with one U+3000 and projects with two; our template indents
 *    unit rows once and clerks type projects flush).
 *  - Without indentation, unit subtotals are recognised only when the whole list splits into
 *    blocks "subtotal = Σ following projects" whose subtotals add up to the total. Anything
 *    else is a flat list of projects.
 */
interface Raw {
  r: number;
  name: string;
  indent: number;
  values: Record<string, Amount | undefined>;
  amount: Decimal;
  /** A money cell is `SUM(` of the rows right below: a subtotal as our template writes it. */
  sumsBelow: boolean;
}

const SUM_RANGE = /^SUM\(\$?[A-Z]{1,3}\$?(\d+):\$?[A-Z]{1,3}\$?(\d+)\)$/i;

function sumsRowsBelow(values: Record<string, Amount | undefined>, r: number): boolean {
  return Object.entries(values).some(([key, a]) => {
    if (key === 'total' || !a?.formula) return false;
    const m = SUM_RANGE.exec(a.formula.replace(/\s/g, ''));
    return !!m && Number(m[1]) === r + 2;
  });
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

function isTotalRow(first: Raw, rest: Raw[], unit: string | undefined): boolean {
  if (isTotalLabel(first.name)) return true;
  if (unit !== undefined && norm(first.name) === norm(unit)) return true;
  if (rest.length > 0 && rest.every((x) => x.indent > first.indent)) return true;
  if (rest.length === 0) return false;
  return (
    close(sum(rest.map((x) => x.amount)), first.amount, rest.length) || unitBlocks(rest, first.amount) !== undefined
  );
}

/** Levels of the rows under the total: by indentation when it varies, else by amounts. */
function restLevels(rest: Raw[], total: Decimal | undefined): Level[] {
  const indents = rest.map((x) => x.indent);
  const min = Math.min(...indents);
  const max = Math.max(...indents);
  if (max > min) {
    // Indented under the total (晋城): the shallower rows are units, the deeper ones projects.
    if (min > 0) return indents.map((d): Level => (d === min ? 1 : 2));
    // Our template marks unit subtotals with one U+3000; clerks type project names flush left.
    return indents.map((d): Level => (d > 0 ? 1 : 2));
  }
  const levels: Level[] = rest.map((x) => (x.sumsBelow ? 1 : 2));
  if (rest.some((x) => x.sumsBelow) || total === undefined) return levels;
  if (close(sum(rest.map((x) => x.amount)), total, rest.length) && !rest.every((x) => x.amount.isZero())) return levels;
  const heads = unitBlocks(rest, total);
  if (heads) for (const h of heads) levels[h] = 1;
  return levels;
}

function levelsOf(raws: Raw[], unit: string | undefined): Level[] {
  const [first, ...rest] = raws;
  const hasTotal = isTotalRow(first, rest, unit);
  const under = hasTotal ? rest : raws;
  const levels = under.length > 0 ? restLevels(under, hasTotal ? first.amount : undefined) : [];
  return hasTotal ? [0, ...levels] : levels;
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
    raws.push({
      r,
      name,
      indent: indentOf(rawName) + (ctx.view.sheet.rows[r]?.[col]?.indent ?? 0),
      values,
      amount: mainAmount(values),
      sumsBelow: sumsRowsBelow(values, r),
    });
  }
  if (raws.length === 0) return [];
  const levels = levelsOf(raws, ctx.unit);

  const seen = new Map<string, number>();
  const out: TableRow[] = [];
  const total = levels[0] === 0 ? raws[0] : undefined;
  // A 单位 document's total row is the unit itself: its projects belong to it.
  let unit = total && !isTotalLabel(total.name) ? total.name : ctx.unit;
  raws.forEach((x, i) => {
    const level = levels[i];
    if (level === 0) {
      out.push({
        kind: 'total',
        key: uniqueKey(seen, 'total'),
        row: x.r,
        name: x.name,
        label: x.name,
        level: 0,
        values: x.values,
      });
    } else if (level === 1) {
      unit = x.name;
      out.push({
        kind: 'unit',
        key: uniqueKey(seen, `unit:${x.name}`),
        row: x.r,
        name: x.name,
        label: x.name,
        unit: x.name,
        level: 1,
        values: x.values,
      });
    } else {
      const key = unit ? `${unit}/${x.name}` : x.name;
      out.push({
        kind: 'project',
        key: uniqueKey(seen, key),
        row: x.r,
        name: x.name,
        label: x.name,
        ...(unit ? { unit } : {}),
        level: 2,
        values: x.values,
      });
    }
  });
  return out;
}
