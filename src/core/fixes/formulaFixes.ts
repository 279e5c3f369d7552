import type Decimal from 'decimal.js';
import type { Disclosure, LocatedTable } from '../model/disclosure';
import type { Finding } from '../model/finding';
import { parseAddr } from '../model/grid';
import { moneyString, sum, ZERO } from '../money';
import { derivedCells, type DerivedCell, type Derivation } from '../rules/derivedCells';
import { indexTable } from '../rules/tableIndex';
import { categoryLinkFormula, codedSumFormula, sumOfColumns, sumOfRows } from '../templates/layout';
import { LINKS } from '../templates/renderLinks';
import { tableDef } from '../templates/tables';
import { findingKey } from './edit';
import { noFix, type FixContext, type FixOutcome } from './outcome';
import { rawAt, sheetOf, tableOf } from './tableFixes';

/**
 * FI1: a total typed over its formula gets the template's formula back (the renderer's own
 * builders, see templates/layout.ts), reading exactly the cells the identity says it must; the
 * preview shows the typed value next to what the formula computes.
 */
interface Restored {
  formula: string;
  value: Decimal;
}

function bottomRow(table: LocatedTable): number {
  const m = /(\d+)$/.exec(table.range);
  return Math.max(m ? Number(m[1]) - 1 : 0, ...table.rows.map((r) => r.row));
}

function fromReads(table: LocatedTable, c: DerivedCell, dv: Derivation): Restored | undefined {
  const reads = dv.reads.filter((a) => a !== undefined);
  if (reads.length === 0 || reads.some((a) => a.sheet !== table.sheet)) return undefined;
  const at = parseAddr(c.amount.cell);
  const pos = reads.map((a) => parseAddr(a.cell));
  const value = sum(reads.map((a) => a.value));
  if (pos.every((p) => p.c === at.c)) {
    const body = tableDef(table.id).body;
    if (body.kind === 'coded' && table.fromTemplate && table.columns.code) {
      // The template's own SUMPRODUCT over the block below, keyed on the code (survives inserted rows).
      const level = c.row.kind === 'total' ? undefined : c.row.code?.length;
      if (c.row.kind === 'total' || level === 3 || level === 5)
        return {
          formula: codedSumFormula(table.columns.code.col, at.c, at.r, bottomRow(table) + 1, level),
          value,
        };
    }
    return {
      formula: sumOfRows(
        at.c,
        pos.map((p) => p.r),
      ),
      value,
    };
  }
  if (pos.every((p) => p.r === at.r))
    return {
      formula: sumOfColumns(
        at.r,
        pos.map((p) => p.c),
      ),
      value,
    };
  return { formula: reads.map((a) => a.cell).join('+'), value };
}

/** 表1/表4 category rows link to 表2 by SUMIF on the 类 code (renderLinks.ts). */
function fromLink(d: Disclosure, table: LocatedTable, c: DerivedCell): Restored | undefined {
  const links = LINKS[table.id];
  const link = links?.categories.find((l) => l.column === c.key);
  const source = links ? d.tables[links.source] : undefined;
  const code = c.row.key.startsWith('cat:') ? c.row.key.slice(4) : undefined;
  if (!link || !source || !code || !source.columns.code || !source.columns[link.from]) return undefined;
  const idx = indexTable(source);
  const first = idx.total?.row ?? Math.min(...source.rows.map((r) => r.row));
  const formula = categoryLinkFormula(
    source.sheet,
    source.columns.code.col,
    source.columns[link.from].col,
    first,
    bottomRow(source) + 1,
    code,
  );
  return { formula, value: idx.byCode.get(code)?.values[link.from]?.value ?? ZERO };
}

export function restoreFormula(f: Finding, ctx: FixContext): FixOutcome {
  const table = tableOf(ctx, f);
  const sheet = sheetOf(ctx, f.sheet);
  if (!table || !sheet || !f.cell) return noFix('找不到该单元格');
  const cell = derivedCells(table).find((c) => c.amount.sheet === f.sheet && c.amount.cell === f.cell);
  if (!cell) return noFix('该单元格不是合计单元格');
  let restored: Restored | undefined;
  for (const dv of cell.derivations) restored ??= fromReads(table, cell, dv);
  restored ??= fromLink(ctx.disclosure, table, cell);
  if (!restored) return noFix('无法确定应恢复的公式');
  const typed = cell.amount.value;
  const same = typed.eq(restored.value);
  return {
    edits: [
      {
        sheet: sheet.name,
        cell: f.cell,
        old: rawAt(sheet, f.cell),
        new: restored.value.toNumber(),
        formula: restored.formula,
        reason:
          `恢复模板公式 =${restored.formula}：现为手工输入的 ${moneyString(typed)}，公式计算值 ${moneyString(restored.value)}` +
          (same ? '（两者相同）' : `（两者相差 ${moneyString(restored.value.minus(typed))}，恢复后以明细之和为准）`),
        finding: findingKey(f),
      },
    ],
  };
}
