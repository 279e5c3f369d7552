import type { Cell, CellValue, Merge, Sheet, Workbook } from '../core/model/grid';
import { parseAddr } from '../core/model/grid';
import { definedNameToTag, sheetOfReference } from './tagNames';
import type { XlContext, XlNamedItem, XlRange, XlRangeAreas, XlRequirements, XlWorksheet } from './xl';

/**
 * Reads the open workbook into the core grid model in at most two syncs whatever its size:
 * one for the sheet list and defined names, one for every used range (values + formulas +
 * merges) together. A caller that already knows the sheet ids (the live validator, from its
 * previous pass) gets the used ranges in the first sync and usually needs only that one.
 */
export interface ReadOptions {
  requirements?: XlRequirements;
  /** Read only sheets carrying a BD_* tag. */
  onlyTagged?: boolean;
  /** Sheet ids to read in the first sync already. */
  knownSheetIds?: string[];
  /** Extra loads to ride along with the first sync (marks bookkeeping). */
  alongFirstSync?: () => void;
}

export interface WorkbookSnapshot {
  workbook: Workbook;
  /** Sheet name → worksheet id, for selecting and marking. */
  sheetIds: Record<string, string>;
  syncs: number;
}

interface PendingRead {
  id: string;
  used: XlRange;
  merged?: XlRangeAreas;
}

const NO_REQUIREMENTS: XlRequirements = { isSetSupported: () => false };

/** The host's requirement sets inside Office; none elsewhere (merges are then skipped). */
function hostRequirements(): XlRequirements {
  if (typeof Office !== 'undefined' && Office.context?.requirements) return Office.context.requirements;
  return NO_REQUIREMENTS;
}

export async function readWorkbook(ctx: XlContext, opts: ReadOptions = {}): Promise<Workbook> {
  return (await readSnapshot(ctx, opts)).workbook;
}

export async function readSnapshot(ctx: XlContext, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const req = opts.requirements ?? hostRequirements();
  const canMerges = req.isSetSupported('ExcelApi', '1.13');
  const wb = ctx.workbook;
  let syncs = 0;
  wb.worksheets.load('items/name,items/id');
  wb.names.load('items/name,items/type,items/value');
  const reads = new Map<string, PendingRead>();
  const queue = (ws: XlWorksheet, id: string): void => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,rowIndex,columnIndex,values,formulas,valueTypes');
    let merged: XlRangeAreas | undefined;
    if (canMerges) {
      merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load('address');
    }
    reads.set(id, { id, used, merged });
  };
  for (const id of opts.knownSheetIds ?? []) queue(wb.worksheets.getItem(id), id);
  opts.alongFirstSync?.();
  await ctx.sync();
  syncs++;

  const tags = tagsBySheet(wb.names.items);
  const sheets = wb.worksheets.items.filter((ws) => !opts.onlyTagged || tags.has(ws.name));
  let more = false;
  for (const ws of sheets) {
    if (!reads.has(ws.id)) {
      queue(ws, ws.id);
      more = true;
    }
  }
  if (more) {
    await ctx.sync();
    syncs++;
  }

  const sheetIds: Record<string, string> = {};
  const out: Sheet[] = [];
  for (const ws of sheets) {
    const read = reads.get(ws.id);
    if (!read) continue;
    sheetIds[ws.name] = ws.id;
    out.push(toGridSheet(ws.name, tags.get(ws.name), read.used, read.merged));
  }
  return { workbook: { sheets: out }, sheetIds, syncs };
}

/** Sheet name → tag from the BD_* defined names: a renamed sheet keeps its tag. */
export function tagsBySheet(items: XlNamedItem[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of items) {
    const tag = definedNameToTag(item.name);
    if (!tag || typeof item.value !== 'string') continue;
    const sheet = sheetOfReference(item.value);
    if (sheet && tag && !out.has(sheet)) out.set(sheet, tag);
  }
  return out;
}

function toCellValue(v: unknown, type: unknown): CellValue {
  if (type === 'Error' && typeof v === 'string') return { error: v };
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

export function toGridSheet(name: string, tag: string | undefined, used: XlRange, merged?: XlRangeAreas): Sheet {
  const rows: (Cell | undefined)[][] = [];
  if (!used.isNullObject) {
    const values = used.values;
    const formulas = used.formulas;
    const types = used.valueTypes;
    for (let r = 0; r < values.length; r++) {
      const row: (Cell | undefined)[] = [];
      let any = false;
      for (let c = 0; c < values[r].length; c++) {
        const f = formulas[r]?.[c];
        const value = toCellValue(values[r][c], types?.[r]?.[c]);
        const isFormula = typeof f === 'string' && f.startsWith('=') && f.length > 1;
        if (value === null && !isFormula) continue;
        row[used.columnIndex + c] = isFormula ? { value, formula: f.slice(1) } : { value };
        any = true;
      }
      if (any) rows[used.rowIndex + r] = row;
    }
  }
  const merges = merged && !merged.isNullObject ? parseAreas(merged.address) : [];
  const sheet: Sheet = { name, rows, merges };
  if (tag) sheet.tag = tag;
  return sheet;
}

/** `Sheet1!A1:B2, 'a, b'!C3` → merges; sheet prefixes are dropped (they are all the same sheet). */
export function parseAreas(address: string): Merge[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  const out: Merge[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    const local = part.slice(part.lastIndexOf('!') + 1);
    const [a, b] = local.split(':');
    if (!a) continue;
    try {
      const p = parseAddr(a);
      const q = b ? parseAddr(b) : p;
      out.push({ top: p.r, left: p.c, bottom: q.r, right: q.c });
    } catch {
      // Whole-row/column areas cannot be merges of a table; skip rather than fail the read.
    }
  }
  return out;
}
