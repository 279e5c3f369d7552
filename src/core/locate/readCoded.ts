import type { TableRow } from '../model/disclosure';
import { codeLevel } from '../reference';
import { readValues, rowHasMoneyContent } from './amounts';
import { readCode } from './codes';
import { colOf, uniqueKey, type BodyContext } from './context';
import { isTotalLabel } from './normalise';
import { reportUnplacedRow } from './unplaced';

/**
 * 表2/3/5/7/8: a 合计 row (first or last, label in the code or the name column) and 功能分类
 * rows whose kind follows the code length. A row with a name but no code and no amount is the
 * wrapped tail of the previous label.
 */
export function readCoded(ctx: BodyContext, rows: number[]): TableRow[] {
  const codeCol = colOf(ctx, 'code');
  const nameCol = colOf(ctx, 'name');
  const out: TableRow[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const row = codedRow(ctx, r, codeCol, nameCol, seen);
    if (row) {
      out.push(row);
      continue;
    }
    const tail = nameCol !== undefined ? ctx.view.text(r, nameCol) : '';
    const prev = out[out.length - 1];
    if (tail && prev && prev.kind !== 'total' && !rowHasMoneyContent(ctx, r)) {
      prev.name = (prev.name ?? '') + tail;
      prev.label += tail;
      continue;
    }
    reportUnplacedRow(ctx, r);
  }
  return out;
}

function codedRow(
  ctx: BodyContext,
  r: number,
  codeCol: number | undefined,
  nameCol: number | undefined,
  seen: Map<string, number>,
): TableRow | undefined {
  const codeCell = codeCol !== undefined ? readCode(ctx.view.value(r, codeCol)) : { rest: '' };
  const nameText = nameCol !== undefined ? ctx.view.text(r, nameCol) : '';
  if (codeCell.code) {
    const kind = codeLevel(codeCell.code);
    if (!kind) return undefined;
    const name = nameText || codeCell.rest;
    return {
      kind,
      key: uniqueKey(seen, codeCell.code),
      row: r,
      code: codeCell.code,
      name,
      label: name,
      values: readValues(ctx, r),
    };
  }
  const label = isTotalLabel(codeCell.rest) ? codeCell.rest : isTotalLabel(nameText) ? nameText : undefined;
  if (label === undefined) return undefined;
  return { kind: 'total', key: uniqueKey(seen, 'total'), row: r, label, values: readValues(ctx, r) };
}
