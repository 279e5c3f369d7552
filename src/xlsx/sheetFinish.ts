import type { Cell, Merge, Sheet } from '../core/model/grid';
import { definedNameToTag } from '../core/templates/tags';

/**
 * The last steps from cells read out of a file to a core grid sheet, shared by both readers
 * (SheetJS, and the .xlsx reader of ./ooxml) so they cannot drift apart: merged ranges shown in
 * every cell, rows made dense, sheet tags from our BD_* defined names.
 */

/** One number per cell position; Excel has at most 16,384 columns. */
export function cellKey(r: number, c: number): number {
  return r * 16_384 + c;
}

/** cellKey → Excel indent level (> 0) of cells whose style indents, blank cells included. */
export type IndentMap = ReadonlyMap<number, number>;

/** Beyond this many cells a merge is formatting (a whole column), not a value to repeat. */
const MAX_FILLED_MERGE = 4000;

/**
 * Every cell of a merged range shows the range's value, without its formula, as the exceljs
 * reader gave it (its merged cells read through to the master). The rules and the locator were
 * written and tested against that grid; the merges themselves are kept as well.
 */
function fillMerge(rows: (Cell | undefined)[][], m: Merge, indent: IndentMap | undefined): void {
  const master = rows[m.top]?.[m.left];
  if (!master || master.value === null) return;
  if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > MAX_FILLED_MERGE) return;
  for (let r = m.top; r <= m.bottom; r++) {
    const row = (rows[r] ??= []);
    for (let c = m.left; c <= m.right; c++) {
      if (r === m.top && c === m.left) continue;
      const cell: Cell = { value: master.value };
      const level = indent?.get(cellKey(r, c));
      if (level) cell.indent = level;
      row[c] = cell;
    }
  }
}

/** `rows` (holes allowed, no empty row at the end) with its merges → a grid sheet. */
export function finishSheet(
  name: string,
  rows: (Cell | undefined)[][],
  merges: Merge[],
  indent: IndentMap | undefined,
): Sheet {
  for (const m of merges) fillMerge(rows, m, indent);
  // Dense outer array: the core model indexes rows directly and treats holes as blank rows.
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return { name, rows, merges };
}

const XML_ENTITIES: Record<string, string> = { '&apos;': "'", '&quot;': '"', '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/** Sheets a defined name's reference points into (`'表 1'!$A$1,其他!$B$2`); ODS names come XML-escaped. */
export function sheetsOfReference(ref: string): string[] {
  const text = ref.replace(/&(?:apos|quot|lt|gt|amp);/g, (e) => XML_ENTITIES[e]);
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[,;\s(])(?:'((?:[^']|'')+)'|([^'!,;\s()]+))!/g)) {
    out.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
  }
  return out;
}

export interface DefinedName {
  name: string;
  ref: string;
}

/** Tags sheets from our BD_* defined names (the first name naming a sheet wins). */
export function applyTags(names: readonly DefinedName[], sheets: Sheet[]): void {
  for (const dn of names) {
    const tag = definedNameToTag(dn.name);
    if (!tag) continue;
    for (const sheetName of sheetsOfReference(dn.ref)) {
      const sheet = sheets.find((s) => s.name === sheetName);
      if (sheet && !sheet.tag) sheet.tag = tag;
    }
  }
}
