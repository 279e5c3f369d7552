import type { Cell, CellValue, Merge, Sheet, Workbook } from '../core/model/grid';
import { addr, parseAddr } from '../core/model/grid';
import { applyIndents, indentBytes, queueIndent, type IndentRead } from './readIndent';
import {
  cellBytes,
  DEFAULT_PAYLOAD_LIMIT,
  CONSERVATIVE_BYTES_PER_CELL,
  isGeneralException,
  isTooBig,
  MAX_SHEET_CELLS,
  planReads,
  RangeTooBigError,
  type Band,
  type ReadPiece,
  type SheetSize,
} from './readPlan';
import { definedNameToTag, sheetOfReference } from '../core/templates/tagNames';
import type { XlContext, XlNamedItem, XlRange, XlRangeAreas, XlRequirements } from './xl';

/**
 * Reads the open workbook into the core grid model. A caller that already knows the sheet ids
 * and their sizes (the live validator, from its previous pass) gets everything in one sync,
 * together with the sheet list and the names; otherwise a second sync reads the sheets it did
 * not know. The number of syncs does not grow with the workbook, except where Excel's payload
 * limit forces a big sheet to be read in row bands (readPlan.ts).
 */
export interface ReadOptions {
  requirements?: XlRequirements;
  /** Read only sheets carrying a BD_* tag. */
  onlyTagged?: boolean;
  /** Sheet ids to read in the first sync already. */
  knownSheetIds?: string[];
  /** Sizes seen by the previous read (sheet id → size): big sheets are then read in bands. */
  sizes?: Record<string, SheetSize>;
  /** Estimated response bytes one sync may carry (default 4 MB, under Excel on the web's 5 MB). */
  payloadLimit?: number;
  /** Extra loads to ride along with the sync that reads these sheets (the live validator's scan
   *  of its marks). Called again for a sheet read again (after a response over the limit). */
  alongRead?: (sheetIds: string[]) => void;
}

export interface WorkbookSnapshot {
  workbook: Workbook;
  /** Sheet name → worksheet id, for selecting and marking. */
  sheetIds: Record<string, string>;
  /** Sheet id → size, for the next read. */
  sizes: Record<string, SheetSize>;
  syncs: number;
}

interface LoadedPiece {
  piece: ReadPiece;
  range: XlRange;
  merged?: XlRangeAreas;
  /** For a banded sheet: its used range now, to notice it grew since the bands were planned. */
  extent?: XlRange;
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

export class WorkbookTooBigError extends Error {}

export async function readSnapshot(outer: XlContext, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  // Every sync is counted, failed ones and the measuring ones included.
  let syncs = 0;
  const ctx: XlContext = {
    workbook: outer.workbook,
    runtime: outer.runtime,
    sync: () => {
      syncs++;
      return outer.sync();
    },
  };
  const limit = opts.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
  const first: ReadStats = { unknownSize: false, biggestBatch: 0 };
  try {
    return { ...(await readPlanned(ctx, opts, opts.knownSheetIds ?? [], opts.sizes ?? {}, first)), syncs };
  } catch (e) {
    // A GeneralException counts as "too big" only for a read that could have been: one that
    // read a sheet of unknown size, or planned a batch near the limit.
    const couldBeBig = first.unknownSize || first.biggestBatch > limit / 2;
    if (!isTooBig(e) && !(isGeneralException(e) && couldBeBig)) throw e;
  }
  // A response was over the limit (a sheet we had not seen, or one that grew a lot): measure
  // every used range first, then read in bands sized from a cautious guess per cell.
  let perCell = CONSERVATIVE_BYTES_PER_CELL;
  for (let attempt = 0; attempt < 3; attempt++, perCell *= 4) {
    const measured = await measure(ctx, opts, perCell);
    try {
      return { ...(await readPlanned(ctx, opts, measured.ids, measured.sizes)), syncs };
    } catch (e) {
      // Once only: a GeneralException on the measured read is not taken for size again.
      if (isGeneralException(e))
        throw new WorkbookTooBigError(
          'Excel 读取工作表时出错（GeneralException），多半是一次读取的数据太大；请把与预算公开无关的大工作表移到另一个文件后再校验',
          { cause: e },
        );
      if (!isTooBig(e)) throw e;
    }
  }
  throw new WorkbookTooBigError(
    '工作簿太大，Excel 无法在一次请求中读取其中的工作表；请把与预算公开无关的大工作表移到另一个文件后再校验',
  );
}

/** What a read planned: a sheet never measured, and its biggest batch's estimated bytes. */
interface ReadStats {
  unknownSize: boolean;
  biggestBatch: number;
}

async function readPlanned(
  ctx: XlContext,
  opts: ReadOptions,
  knownIds: string[],
  sizes: Record<string, SheetSize>,
  stats: ReadStats = { unknownSize: false, biggestBatch: 0 },
): Promise<Omit<WorkbookSnapshot, 'syncs'>> {
  const req = opts.requirements ?? hostRequirements();
  const canMerges = req.isSetSupported('ExcelApi', '1.13');
  const limit = opts.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
  const canIndent = req.isSetSupported('ExcelApi', '1.9');
  const wb = ctx.workbook;
  const loaded = new Map<string, LoadedPiece[]>();
  const indents = new Map<string, IndentRead[]>();
  const queue = (piece: ReadPiece): void => {
    const ws = wb.worksheets.getItem(piece.sheetId);
    const range = piece.band ? ws.getRange(bandAddress(piece.band)) : ws.getUsedRangeOrNullObject(true);
    range.load('address,rowIndex,columnIndex,values,formulas,valueTypes');
    const lp: LoadedPiece = { piece, range };
    if (piece.withMerges && canMerges) {
      lp.merged = ws.getRange().getMergedAreasOrNullObject();
      lp.merged.load('address');
    }
    if (piece.band && piece.withMerges) {
      lp.extent = ws.getUsedRangeOrNullObject(true);
      lp.extent.load('rowIndex,columnIndex,rowCount,columnCount');
    }
    const list = loaded.get(piece.sheetId) ?? [];
    list.push(lp);
    loaded.set(piece.sheetId, list);
    if (canIndent) indents.set(piece.sheetId, [...(indents.get(piece.sheetId) ?? []), queueIndent(ws, piece.band)]);
  };
  const runBatches = async (batches: ReadPiece[][], first?: () => void): Promise<void> => {
    for (let i = 0; i < batches.length || (i === 0 && first); i++) {
      const batch = batches[i] ?? [];
      for (const p of batch) queue(p);
      if (batch.some((p) => !sizes[p.sheetId])) stats.unknownSize = true;
      stats.biggestBatch = Math.max(
        stats.biggestBatch,
        batch.reduce((n, p) => n + p.bytes, 0),
      );
      if (i === 0) first?.();
      const sheetsRead = batch.filter((p) => p.withMerges).map((p) => p.sheetId);
      if (sheetsRead.length > 0) opts.alongRead?.(sheetsRead);
      await ctx.sync();
    }
  };

  await runBatches(planReads(knownIds, sizes, limit), () => {
    wb.worksheets.load('items/name,items/id');
    wb.names.load('items/name,items/type,items/value');
  });

  const tags = tagsBySheet(wb.names.items);
  const sheets = wb.worksheets.items.filter((ws) => !opts.onlyTagged || tags.has(ws.name));
  // Sheets not read yet, and banded sheets that grew since their bands were planned.
  const missing: string[] = [];
  const regrown: Record<string, SheetSize> = {};
  for (const ws of sheets) {
    const pieces = loaded.get(ws.id);
    if (!pieces) missing.push(ws.id);
    else {
      const grown = outgrown(pieces, sizes[ws.id]);
      if (grown) {
        regrown[ws.id] = grown;
        loaded.delete(ws.id);
        indents.delete(ws.id);
        missing.push(ws.id);
      }
    }
  }
  if (missing.length > 0) await runBatches(planReads(missing, regrown, limit));

  const sheetIds: Record<string, string> = {};
  const newSizes: Record<string, SheetSize> = {};
  const out: { id: string; sheet: Sheet }[] = [];
  for (const ws of sheets) {
    const pieces = loaded.get(ws.id);
    if (!pieces) continue;
    sheetIds[ws.name] = ws.id;
    const { sheet, size } = assemble(ws.name, tags.get(ws.name), pieces);
    out.push({ id: ws.id, sheet });
    newSizes[ws.id] = size;
  }
  if (canIndent) {
    for (const { id, sheet } of out) {
      applyIndents(sheet.rows, indents.get(id) ?? []);
      newSizes[id].bytes += indentBytes(newSizes[id]);
    }
  }
  return { workbook: { sheets: out.map((o) => o.sheet) }, sheetIds, sizes: newSizes };
}

/** One sync measuring every used range (no values), then sizes from `perCell` bytes a cell. */
async function measure(
  ctx: XlContext,
  opts: ReadOptions,
  perCell: number,
): Promise<{ ids: string[]; sizes: Record<string, SheetSize> }> {
  const wb = ctx.workbook;
  wb.worksheets.load('items/name,items/id');
  wb.names.load('items/name,items/type,items/value');
  await ctx.sync();
  const tags = tagsBySheet(wb.names.items);
  const sheets = wb.worksheets.items.filter((ws) => !opts.onlyTagged || tags.has(ws.name));
  const used = sheets.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load('address,rowIndex,columnIndex,rowCount,columnCount');
    return { id: ws.id, r };
  });
  await ctx.sync();
  const sizes: Record<string, SheetSize> = {};
  for (const { id, r } of used) {
    if (r.isNullObject) continue;
    if (r.rowCount * r.columnCount > MAX_SHEET_CELLS) {
      const name = sheets.find((ws) => ws.id === id)?.name ?? id;
      throw new WorkbookTooBigError(
        `工作表“${name}”的已用区域是 ${r.address.slice(r.address.lastIndexOf('!') + 1)}（${r.rowCount} 行 × ${r.columnCount} 列），多半是远处有零星内容或格式；` +
          '请删除表格以外多余的行和列（或把该表移到另一个文件）后再校验',
      );
    }
    sizes[id] = {
      top: r.rowIndex,
      left: r.columnIndex,
      rows: r.rowCount,
      cols: r.columnCount,
      bytes: r.rowCount * r.columnCount * perCell,
    };
  }
  return { ids: sheets.map((ws) => ws.id), sizes };
}

/** The sheet's used range now, when it reaches beyond the bands planned from `planned`. */
function outgrown(pieces: LoadedPiece[], planned: SheetSize | undefined): SheetSize | undefined {
  const probe = pieces.find((p) => p.extent)?.extent;
  if (!probe || !planned || probe.isNullObject) return undefined;
  const same =
    probe.rowIndex >= planned.top &&
    probe.columnIndex >= planned.left &&
    probe.rowIndex + probe.rowCount <= planned.top + planned.rows &&
    probe.columnIndex + probe.columnCount <= planned.left + planned.cols;
  if (same) return undefined;
  const cells = Math.max(1, planned.rows * planned.cols);
  return {
    top: probe.rowIndex,
    left: probe.columnIndex,
    rows: probe.rowCount,
    cols: probe.columnCount,
    bytes: (planned.bytes / cells) * probe.rowCount * probe.columnCount,
  };
}

function bandAddress(b: Band): string {
  return `${addr(b.top, b.left)}:${addr(b.top + b.rows - 1, b.left + b.cols - 1)}`;
}

/** The grid sheet from its pieces (one used range, or bands), and its size for the next read. */
function assemble(name: string, tag: string | undefined, pieces: LoadedPiece[]): { sheet: Sheet; size: SheetSize } {
  const rows: (Cell | undefined)[][] = [];
  let bytes = 0;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  let merges: Merge[] = [];
  for (const p of pieces) {
    const r = p.range;
    if (p.merged && !p.merged.isNullObject) merges = parseAreas(p.merged.address);
    if (r.isNullObject) continue;
    bytes += fillRows(rows, r);
    const height = r.values.length;
    const width = r.values[0]?.length ?? 0;
    top = Math.min(top, r.rowIndex);
    left = Math.min(left, r.columnIndex);
    bottom = Math.max(bottom, r.rowIndex + height - 1);
    right = Math.max(right, r.columnIndex + width - 1);
  }
  const sheet: Sheet = { name, rows, merges };
  if (tag) sheet.tag = tag;
  const size: SheetSize =
    bottom < 0
      ? { top: 0, left: 0, rows: 0, cols: 0, bytes: 0 }
      : { top, left, rows: bottom - top + 1, cols: right - left + 1, bytes };
  return { sheet, size };
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

export function toCellValue(v: unknown, type: unknown): CellValue {
  if (type === 'Error' && typeof v === 'string') return { error: v };
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

export function toGridSheet(name: string, tag: string | undefined, used: XlRange, merged?: XlRangeAreas): Sheet {
  const rows: (Cell | undefined)[][] = [];
  if (!used.isNullObject) fillRows(rows, used);
  const merges = merged && !merged.isNullObject ? parseAreas(merged.address) : [];
  const sheet: Sheet = { name, rows, merges };
  if (tag) sheet.tag = tag;
  return sheet;
}

/** Adds a loaded range's cells to `rows` (0-based, sheet coordinates); returns its estimated response bytes. */
function fillRows(rows: (Cell | undefined)[][], range: XlRange): number {
  const values = range.values;
  const formulas = range.formulas;
  const types = range.valueTypes;
  // Over its cell limit Excel answers null instead of failing (OfficeDev/office-js-docs-pr#5821).
  if (values == null || formulas == null) throw new RangeTooBigError(`区域 ${range.address} 太大，无法一次读取`);
  let bytes = 0;
  for (let r = 0; r < values.length; r++) {
    const row: (Cell | undefined)[] = rows[range.rowIndex + r] ?? [];
    let any = false;
    for (let c = 0; c < values[r].length; c++) {
      const raw = values[r][c];
      const f = formulas[r]?.[c];
      bytes += cellBytes(raw, f);
      const value = toCellValue(raw, types?.[r]?.[c]);
      const isFormula = typeof f === 'string' && f.startsWith('=') && f.length > 1;
      if (value === null && !isFormula) continue;
      row[range.columnIndex + c] = isFormula ? { value, formula: f.slice(1) } : { value };
      any = true;
    }
    if (any) rows[range.rowIndex + r] = row;
  }
  return bytes;
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
