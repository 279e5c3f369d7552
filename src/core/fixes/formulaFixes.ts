import type Decimal from 'decimal.js';
import type { Disclosure, LocatedTable } from '../model/disclosure';
import type { Finding } from '../model/finding';
import { addr, columnIndex, columnLetter, parseAddr } from '../model/grid';
import { covers, formulaRefs } from '../rules/formulaRefs';
import { sum, YUAN_PER_WAN, ZERO } from '../money';
import { figureIn } from '../rules/describe';
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
    const end = openListEnd(table, c, at.r);
    if (end !== undefined) return { formula: `SUM(${addr(at.r + 1, at.c)}:${addr(end, at.c)})`, value };
    const rows = pos.map((p) => p.r);
    return { formula: sumOfRows(at.c, rows), value };
  }
  const cols = pos.map((p) => p.c);
  if (pos.every((p) => p.r === at.r)) return { formula: sumOfColumns(at.r, cols), value };
  return { formula: reads.map((a) => a.cell).join('+'), value };
}

/** The relative parts of a same-sheet formula's A1 references moved by (dr, dc), as Excel's fill does. */
function shifted(formula: string, dr: number, dc: number): string | undefined {
  if (formula.includes('!') || formula.includes('"')) return undefined;
  let ok = true;
  const out = formula.replace(
    /(\$?)([A-Z]{1,3})(\$?)(\d+)/g,
    (_m, colAbs: string, col: string, rowAbs: string, row: string) => {
      const c = colAbs ? columnIndex(col) : columnIndex(col) + dc;
      const r = rowAbs ? Number(row) : Number(row) + dr;
      if (c < 0 || r < 1) ok = false;
      return `${colAbs}${columnLetter(Math.max(c, 0))}${rowAbs}${r}`;
    },
  );
  return ok ? out : undefined;
}

/**
 * A formula fit for the cell: it reads every cell the identity says, not the cell itself, and
 * stays in the cell's column (a vertical sum) or row (a row identity).
 */
function fits(formula: string, c: DerivedCell, dv: Derivation, vertical: boolean): boolean {
  const at = parseAddr(c.amount.cell);
  const refs = formulaRefs(formula, c.amount.sheet, at.r, at.c);
  if (!refs || refs.length === 0) return false;
  if (covers(refs, c.amount.sheet, at.r, at.c)) return false;
  const inLine = refs.every((x) =>
    vertical ? x.left === at.c && x.right === at.c : x.top === at.r && x.bottom === at.r,
  );
  if (!inLine) return false;
  return dv.reads.every((a) => {
    if (!a) return true;
    const p = parseAddr(a.cell);
    return covers(refs, a.sheet, p.r, p.c);
  });
}

/**
 * The formula the same kind of cell carries next to it (the template's, or the clerk's own
 * convention), moved to this cell: the other money columns of the row for a vertical sum, the
 * nearest row of the same kind for a row identity.
 */
function fromSibling(cells: readonly DerivedCell[], c: DerivedCell, dv: Derivation): Restored | undefined {
  const reads = dv.reads.filter((a) => a !== undefined);
  if (reads.length === 0) return undefined;
  const at = parseAddr(c.amount.cell);
  const rowIdentity = dv.group.startsWith('row:');
  const prefix = rowIdentity ? dv.group : dv.group.slice(0, dv.group.lastIndexOf(':') + 1);
  const siblings = cells
    .filter((o) => o !== c && o.amount.formula && o.amount.sheet === c.amount.sheet)
    .filter((o) => (rowIdentity ? true : o.row === c.row))
    .filter((o) => o.derivations.some((d) => (rowIdentity ? d.group === dv.group : d.group.startsWith(prefix))))
    .map((o) => ({ o, p: parseAddr(o.amount.cell) }))
    .sort(
      (a, b) => Math.abs(a.p.r - at.r) + Math.abs(a.p.c - at.c) - (Math.abs(b.p.r - at.r) + Math.abs(b.p.c - at.c)),
    );
  for (const { o, p } of siblings) {
    const formula = shifted(o.amount.formula!.replace(/^=/, ''), at.r - p.r, at.c - p.c);
    if (formula && fits(formula, c, dv, !rowIdentity)) return { formula, value: sum(reads.map((a) => a.value)) };
  }
  return undefined;
}

/**
 * Open lists (表11 units, a unit's projects in 表12/13, a 单位's projects) are summed down to the
 * row under the list, like the template, so a project added at the bottom still counts.
 */
function openListEnd(table: LocatedTable, c: DerivedCell, row: number): number | undefined {
  const body = tableDef(table.id).body;
  const below = table.rows.filter((r) => r.row > row).sort((a, b) => a.row - b.row);
  if (body.kind === 'units' && c.row.kind === 'total') return bottomRow(table) + 1;
  if (body.kind !== 'projects') return undefined;
  if (c.row.kind === 'unit') {
    const next = below.find((r) => r.kind === 'unit' || r.kind === 'total');
    return next ? next.row - 1 : bottomRow(table) + 1;
  }
  if (c.row.kind === 'total' && !below.some((r) => r.kind === 'unit')) return bottomRow(table) + 1;
  return undefined;
}

/** 表1/表4 category rows link to 表2 by SUMIF on the 类 code (renderLinks.ts). */
function fromLink(d: Disclosure, table: LocatedTable, c: DerivedCell): Restored | undefined {
  const links = LINKS[table.id];
  const link = links?.categories.find((l) => l.column === c.key);
  const source = links ? d.tables[links.source] : undefined;
  const code = c.row.key.startsWith('cat:') ? c.row.key.slice(4) : undefined;
  if (!link || !source || !code || !source.columns.code || !source.columns[link.from]) return undefined;
  // A link from a table printed in another unit would carry 万元 into 元 cells or back.
  if ((source.unit ?? '万元') !== (table.unit ?? '万元')) return undefined;
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
  // A row-identity target carries the row's formula in the template (it is written last).
  const derivations = [...cell.derivations].sort(
    (a, b) => Number(b.group.startsWith('row:')) - Number(a.group.startsWith('row:')),
  );
  const cells = derivedCells(table);
  let restored: Restored | undefined;
  for (const dv of derivations) restored ??= fromSibling(cells, cell, dv) ?? fromReads(table, cell, dv);
  restored ??= fromLink(ctx.disclosure, table, cell);
  if (!restored) return noFix('无法确定应恢复的公式');
  const typed = cell.amount.value;
  const same = typed.eq(restored.value);
  // The cell's own unit: a table printed in 元 gets 元 (the engine's values are 万元).
  const unit = cell.amount.unit ?? '万元';
  const shown = (v: Decimal) => figureIn(v, unit).text;
  return {
    edits: [
      {
        sheet: sheet.name,
        cell: f.cell,
        old: rawAt(sheet, f.cell),
        new: (unit === '元' ? restored.value.times(YUAN_PER_WAN) : restored.value).toNumber(),
        formula: restored.formula,
        reason:
          `恢复模板公式 =${restored.formula}：现为手工输入的 ${shown(typed)}，公式计算值 ${shown(restored.value)}` +
          (same ? '（两者相同）' : `（两者相差 ${shown(restored.value.minus(typed))}，恢复后以明细之和为准）`),
        finding: findingKey(f),
      },
    ],
  };
}
