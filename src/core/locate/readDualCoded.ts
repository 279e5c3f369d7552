import type { TableRow } from '../model/disclosure';
import { codeLevel } from '../reference';
import { readValues } from './amounts';
import { readCode } from './codes';
import { colOf, uniqueKey, type BodyContext } from './context';
import { isTotalLabel } from './normalise';
import { reportUnplacedRow } from './unplaced';

/** 表9: income side (收入科目) and expenditure side (支出科目) on the same rows; one 合计 row. */
const INCOME_MONEY = ['soe_income'];
const EXP_MONEY = ['total', 'basic', 'project'];

export function readDualCoded(ctx: BodyContext, rows: number[]): TableRow[] {
  const cols = ['inc_code', 'inc_name', 'code', 'name'].map((k) => colOf(ctx, k));
  const seen = new Map<string, number>();
  const out: TableRow[] = [];
  for (const r of rows) {
    const texts = cols.map((c) => (c !== undefined ? ctx.view.text(r, c) : ''));
    if (texts.some((t) => isTotalLabel(t))) {
      out.push({
        kind: 'total',
        key: uniqueKey(seen, 'total'),
        row: r,
        label: texts.find((t) => isTotalLabel(t)) ?? '合计',
        values: readValues(ctx, r),
      });
      continue;
    }
    let placed = false;
    const sides: [number | undefined, number | undefined, 'income' | 'expenditure', string[]][] = [
      [cols[0], cols[1], 'income', INCOME_MONEY],
      [cols[2], cols[3], 'expenditure', EXP_MONEY],
    ];
    for (const [codeCol, nameCol, side, money] of sides) {
      if (codeCol === undefined) continue;
      const { code, rest } = readCode(ctx.view.value(r, codeCol));
      const kind = code ? codeLevel(code) : undefined;
      if (!code || !kind) continue;
      const name = (nameCol !== undefined ? ctx.view.text(r, nameCol) : '') || rest;
      out.push({
        kind,
        key: uniqueKey(seen, `${side}:${code}`),
        row: r,
        code,
        name,
        label: name,
        side,
        values: readValues(ctx, r, money),
      });
      placed = true;
    }
    if (!placed) reportUnplacedRow(ctx, r);
  }
  return out;
}
