import type { Cell, Sheet, Workbook } from '../core/model/grid';
import { definedNameToTag, sheetOfReference } from '../core/templates/tagNames';
import { fillRows } from './cellValues';
import type { EtApplication, EtName, EtWorkbook, EtWorksheet } from './et';
import { scanIndents, scanMerges, type SheetStructure } from './structure';

/**
 * Reads the active workbook into the core grid model, a whole used range at a time: per sheet
 * `UsedRange` → `Row`, `Column`, `Count`, `Value2`, `Formula` (2-D arrays), plus the tag names —
 * a fixed number of calls per sheet and per defined name, whatever the number of cells. Merges
 * and indents come from structure.ts, kept between reads in `structure` while a sheet's used
 * range stays where it was.
 */
export interface WpsReadOptions {
  /** Merges and indents of earlier reads, by sheet name; updated in place. */
  structure?: Map<string, SheetStructure>;
  /** Scan merges and indents again even where the used range has not moved (全部校验). */
  rescan?: boolean;
}

export interface WpsSnapshot {
  workbook: Workbook;
  /** The sheets read, by name, in workbook order (WPS has no sheet ids: a sheet is its name). */
  worksheets: Map<string, EtWorksheet>;
}

/** A used range beyond this many cells is stray content far from the tables; reading it would stall WPS. */
export const MAX_SHEET_CELLS = 2_000_000;

export class WpsReadError extends Error {}

export function activeWorkbook(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new WpsReadError('WPS 表格中没有打开的工作簿，请先打开要处理的预算公开工作簿。');
  return wb;
}

/** Sheet name → tag, from the BD_* defined names (a renamed sheet keeps its tag). */
export function readTags(wb: EtWorkbook): Map<string, string> {
  const out = new Map<string, string>();
  const names = wb.Names;
  const count = names.Count;
  for (let i = 1; i <= count; i++) {
    const n: EtName = names.Item(i);
    const tag = definedNameToTag(n.Name);
    if (!tag) continue;
    const ref = n.RefersTo;
    const sheet = typeof ref === 'string' ? sheetOfReference(ref) : undefined;
    if (sheet && !out.has(sheet)) out.set(sheet, tag);
  }
  return out;
}

export function readWorkbookEt(app: EtApplication, opts: WpsReadOptions = {}): WpsSnapshot {
  const wb = activeWorkbook(app);
  const tags = readTags(wb);
  const sheets = wb.Worksheets;
  const count = sheets.Count;
  const out: Sheet[] = [];
  const worksheets = new Map<string, EtWorksheet>();
  for (let i = 1; i <= count; i++) {
    const ws = sheets.Item(i);
    const name = ws.Name;
    worksheets.set(name, ws);
    out.push(readSheet(ws, name, tags.get(name), opts));
  }
  // A deleted or renamed sheet's layout is forgotten (a new sheet of that name is scanned afresh).
  if (opts.structure)
    for (const name of [...opts.structure.keys()]) if (!worksheets.has(name)) opts.structure.delete(name);
  return { workbook: { sheets: out }, worksheets };
}

function readSheet(ws: EtWorksheet, name: string, tag: string | undefined, opts: WpsReadOptions): Sheet {
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const size = used.Count;
  if (size > MAX_SHEET_CELLS) {
    throw new WpsReadError(
      `工作表“${name}”的已用区域是 ${used.Address(false, false)}（${size} 个单元格），多半是远处有零星内容或格式；` +
        '请删除表格以外多余的行和列（或把该表移到另一个文件）后再校验',
    );
  }
  const rows: (Cell | undefined)[][] = [];
  const { height, width } = fillRows(rows, top, left, used.Value2, used.Formula);
  const structure = structureOf(ws, name, { top, left, bottom: top + height - 1, right: left + width - 1 }, opts);
  for (const [key, level] of structure.indents) {
    const [r, c] = key.split(',').map(Number);
    const cell = rows[r]?.[c];
    // An indented blank cell means nothing; only cells with content carry their level.
    if (cell) cell.indent = level;
  }
  const sheet: Sheet = { name, rows, merges: structure.merges.map((m) => ({ ...m })) };
  if (tag) sheet.tag = tag;
  return sheet;
}

function structureOf(
  ws: EtWorksheet,
  name: string,
  used: { top: number; left: number; bottom: number; right: number },
  opts: WpsReadOptions,
): SheetStructure {
  const shape = `${used.top},${used.left},${used.bottom},${used.right}`;
  const known = opts.structure?.get(name);
  if (known && known.shape === shape && !opts.rescan) return known;
  const fresh: SheetStructure = { shape, merges: scanMerges(ws, used), indents: scanIndents(ws, used.bottom) };
  opts.structure?.set(name, fresh);
  return fresh;
}
