import type { LocatedTable } from '../model/disclosure';
import type { Finding } from '../model/finding';
import { addr, parseAddr, valueAt, type Sheet } from '../model/grid';
import { moneyString, parseMoney } from '../money';
import { tableIsBlank } from '../rules/tableIndex';
import { MONEY_FORMAT, NO_DATA_NOTE } from '../templates/tables';
import type { TableId } from '../templates/schema';
import { sameNameKey } from '../text/sameName';
import { findingKey, type CellEdit, type EditValue } from './edit';
import { noFix, type FixContext, type FixOutcome } from './outcome';

/** Fixes inside the 13 tables whose answer is certain: text → number, standard 科目 name, no-data note. */

export function sheetOf(ctx: FixContext, name: string | undefined): Sheet | undefined {
  return ctx.wb.sheets.find((s) => s.name === name);
}

export function rawAt(sheet: Sheet, cell: string): EditValue {
  const { r, c } = parseAddr(cell);
  const v = valueAt(sheet, r, c);
  return v === null || typeof v === 'object' ? null : typeof v === 'boolean' ? String(v) : v;
}

export function tableOf(ctx: FixContext, f: Finding): LocatedTable | undefined {
  return ctx.disclosure.tables[f.table as TableId];
}

/** FI4: "1,184.32" typed as text becomes the number 1184.32; its display keeps the money format. */
export function numberFromText(f: Finding, ctx: FixContext): FixOutcome {
  const sheet = sheetOf(ctx, f.sheet);
  if (!sheet || !f.cell) return noFix('找不到该单元格');
  const old = rawAt(sheet, f.cell);
  if (typeof old !== 'string') return noFix('该单元格已不是文本');
  const p = parseMoney(old);
  if (!p.ok || p.blank) return noFix('该文本不是数字');
  return {
    edits: [
      {
        sheet: sheet.name,
        cell: f.cell,
        old,
        new: p.value.toNumber(),
        numberFormat: MONEY_FORMAT,
        reason: `文本格式的数字“${old}”改为数值 ${moneyString(p.value)}（金额不变，求和时不再被忽略）`,
        finding: findingKey(f),
      },
    ],
  };
}

const LEAD = /^[\s\u3000]*(\d{3,7}[\s\u3000]*)?/;

/** CN1/CN3: every name cell of the code that differs from the standard name gets the standard name. */
export function standardName(f: Finding, ctx: FixContext): FixOutcome {
  const standard = f.expected;
  if (!standard) return noFix('科目表中没有这个科目的标准名称，无法确定应改成哪个名称');
  const edits: CellEdit[] = [];
  for (const at of f.cells ?? []) {
    const sheet = sheetOf(ctx, at.sheet);
    if (!sheet) continue;
    const old = rawAt(sheet, at.cell);
    if (typeof old !== 'string') continue;
    // Keep the indentation and a code printed in the same cell ("  2210202 租房补贴").
    const lead = LEAD.exec(old)?.[0] ?? '';
    const name = old.slice(lead.length);
    if (sameNameKey(name) === sameNameKey(standard)) continue;
    edits.push({
      sheet: sheet.name,
      cell: at.cell,
      old,
      new: lead + standard,
      reason: `科目 ${f.row ?? ''} 名称“${name.trim()}”改为标准名称“${standard}”`,
      finding: findingKey(f),
    });
  }
  return edits.length > 0 ? { edits } : noFix('各处名称已是标准名称');
}

function isBlankRow(sheet: Sheet, r: number): boolean {
  return !(sheet.rows[r] ?? []).some((c) => c && c.value !== null && c.value !== '');
}

/** W7: a table with no amounts gets `注：本表无数据` in the first blank row under its body. */
export function noDataNote(f: Finding, ctx: FixContext): FixOutcome {
  const table = tableOf(ctx, f);
  const sheet = sheetOf(ctx, table?.sheet);
  if (!table || !sheet) return noFix('找不到该表');
  if (!tableIsBlank(table)) return noFix('表中有金额：请核对金额或删除无数据说明，需由经办人判断');
  if (table.note) return noFix(`表下已有说明“${table.note}”，请改写为“${NO_DATA_NOTE}”`);
  const range = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(table.range);
  if (!range) return noFix('无法确定表的范围');
  const left = parseAddr(`${range[1]}1`).c;
  const bottom = Math.max(Number(range[4]) - 1, ...table.rows.map((r) => r.row));
  // The row right under the body (the template keeps it free for this note), never one that holds anything.
  if (!isBlankRow(sheet, bottom + 1)) return noFix('表下紧接着的行不是空行，无处写说明');
  return {
    edits: [
      {
        sheet: sheet.name,
        cell: addr(bottom + 1, left),
        old: null,
        new: NO_DATA_NOTE,
        reason: `表中没有任何金额，在表下注明“${NO_DATA_NOTE}”`,
        finding: findingKey(f),
      },
    ],
  };
}
