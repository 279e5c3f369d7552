import { addr } from '../model/grid';
import { readValues, anyAmount, rowHasEnteredMoney } from './amounts';
import type { BodyContext } from './context';

function moneyCols(ctx: BodyContext): Set<number> {
  const cols = new Set<number>();
  for (const d of ctx.def.columns) {
    const m = ctx.map.columns[d.key];
    if (m && d.role === 'money') cols.add(m.col);
  }
  return cols;
}

/** Text of the non-money cells of a row, as the clerk reads them. */
export function rowLabel(ctx: BodyContext, r: number): { text: string; col: number } {
  const money = moneyCols(ctx);
  const texts = ctx.view.rowTexts(r).filter((t) => !money.has(t.c));
  return { text: texts.map((t) => t.text).join(' '), col: texts[0]?.c ?? 0 };
}

/** A row with amounts that fits no row of the table: reported (P3), never dropped silently. */
export function reportUnplacedRow(ctx: BodyContext, r: number): void {
  if (!rowHasEnteredMoney(ctx, r)) return;
  const probe: BodyContext = { ...ctx, findings: [] };
  if (!anyAmount(readValues(probe, r))) return;
  const { text, col } = rowLabel(ctx, r);
  const sheet = ctx.view.sheet.name;
  const label = text || '（无名称）';
  ctx.findings.push({
    rule: 'P3',
    severity: 'warning',
    table: ctx.def.id,
    sheet,
    cell: addr(r, col),
    row: label,
    message: `${sheet}!${addr(r, col)} 所在行“${label}”有金额，但无法识别为${ctx.def.sheetName.replace(/^表\d+\s*/, '')}中的哪一行，未参与校验`,
  });
}
