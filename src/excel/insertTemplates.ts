import type { CellStyle, SheetPlan, StyleName } from '../core/templates/plan';
import { STYLES } from '../core/templates/styles';
import {
  charsToPoints,
  columnWidthRuns,
  prepareSheet,
  rectAddress,
  type PreparedSheet,
} from '../core/templates/planLayout';
import { chooseNames, type SheetConflict } from '../core/templates/sheetNames';
import { isStaleReference, tagToDefinedName } from '../core/templates/tagNames';
import type { XlContext, XlRange, XlRequirements, XlWorksheet } from './xl';

/**
 * Inserts SheetPlans as new worksheets in a fixed number of syncs: one to read the existing sheet
 * and defined names, one to write everything (more only when a write would pass Excel on the
 * web's 5 MB request limit), one for print setup, which older hosts may refuse without harming
 * the tables. Nothing that exists is ever overwritten: taken names come back as conflicts with
 * a proposed free name, and nothing is written until the caller passes the clerk's choice.
 */
export interface InsertOptions {
  requirements: XlRequirements;
  styles?: Record<StyleName, CellStyle>;
  /** Clerk-approved names for taken sheet names: wanted → new name. */
  renames?: Record<string, string>;
  onProgress?: (p: InsertProgress) => void;
  /** Estimated request size that triggers an extra sync (Excel on the web refuses > 5 MB). */
  maxPayloadBytes?: number;
}

export interface InsertProgress {
  done: number;
  total: number;
  message: string;
}

export type { SheetConflict } from '../core/templates/sheetNames';

export interface InsertedSheet {
  tag: string;
  name: string;
  /** Undefined when another sheet already carries this tag (a second copy of the table). */
  definedName?: string;
}

export type InsertResult =
  | { status: 'conflicts'; conflicts: SheetConflict[]; syncs: number }
  | { status: 'inserted'; sheets: InsertedSheet[]; syncs: number; printSetup: 'done' | 'unsupported' | 'failed' };

export const DEFAULT_MAX_PAYLOAD = 4 * 1024 * 1024;
const OP_OVERHEAD = 300;

export async function insertTemplates(ctx: XlContext, plans: SheetPlan[], opts: InsertOptions): Promise<InsertResult> {
  let syncs = 0;
  const sync = async (): Promise<void> => {
    await ctx.sync();
    syncs++;
  };
  const report = (done: number, message: string): void => opts.onProgress?.({ done, total: plans.length, message });
  const styles = opts.styles ?? STYLES;
  const maxPayload = opts.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD;

  const wb = ctx.workbook;
  wb.worksheets.load('items/name');
  wb.names.load('items/name,items/value');
  report(0, '正在读取现有工作表…');
  await sync();
  const existing = wb.worksheets.items.map((w) => w.name);
  const definedNames = new Map(wb.names.items.map((n) => [n.name.toUpperCase(), n]));

  const { targets, conflicts } = chooseNames(plans, existing, opts.renames ?? {});
  if (conflicts.length > 0) return { status: 'conflicts', conflicts, syncs };

  const inserted: InsertedSheet[] = [];
  const added: { ws: XlWorksheet; plan: SheetPlan }[] = [];
  let pending = 0;
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i];
    const name = targets[i];
    const prepared = prepareSheet(plan, styles);
    const ws = wb.worksheets.add(name);
    const chunks = rowChunks(prepared, maxPayload);
    for (const [start, end] of chunks) {
      const size = payloadOf(prepared, start, end);
      if (pending > 0 && pending + size > maxPayload) {
        await sync();
        pending = 0;
      }
      writeRows(ws, prepared, start, end);
      pending += size;
    }
    pending += writeLayout(ws, plan, prepared, styles, opts.requirements);
    const definedName = tagToDefinedName(plan.tag);
    const old = definedNames.get(definedName.toUpperCase());
    // A tag name can exist once per workbook. A stale one (its sheet deleted) is ours and is
    // replaced; a live one belongs to the first copy, so a second copy stays untagged.
    let tagged = !old;
    if (old && isStaleReference(old.value)) {
      wb.names.getItem(old.name).delete();
      tagged = true;
    }
    if (tagged) {
      wb.names.add(definedName, ws.getRange('A1'));
      definedNames.set(definedName.toUpperCase(), {
        name: definedName,
        type: 'Range',
        value: name,
        comment: '',
        visible: true,
      });
    }
    inserted.push({ tag: plan.tag, name, definedName: tagged ? definedName : undefined });
    added.push({ ws, plan });
    report(i + 1, `已准备 ${name}`);
  }
  if (added.length > 0) added[0].ws.activate();
  report(plans.length, '正在写入工作簿…');
  await sync();

  let printSetup: 'done' | 'unsupported' | 'failed' = 'unsupported';
  if (opts.requirements.isSetSupported('ExcelApi', '1.9') && added.length > 0) {
    for (const { ws, plan } of added) {
      ws.pageLayout.paperSize = 'A4';
      ws.pageLayout.orientation = plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      if (plan.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1 };
    }
    try {
      await sync();
      printSetup = 'done';
    } catch {
      // Print setup is a courtesy: the tables are already in, so a refusal must not undo them.
      syncs++;
      printSetup = 'failed';
    }
  }
  report(plans.length, '插入完成');
  return { status: 'inserted', sheets: inserted, syncs, printSetup };
}

function payloadOf(p: PreparedSheet, start: number, end: number): number {
  let n = 0;
  for (let r = start; r < end; r++) {
    for (let c = 0; c < p.cols; c++) {
      const f = p.formulas[r][c];
      n += (typeof f === 'string' ? f.length * 3 : 12) + p.numberFormat[r][c].length + 6;
    }
  }
  return n;
}

/** Row ranges small enough for one request each; one range for any normal table. */
function rowChunks(p: PreparedSheet, maxPayload: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let size = 0;
  for (let r = 0; r < p.rows; r++) {
    const rowSize = payloadOf(p, r, r + 1);
    if (r > start && size + rowSize > maxPayload) {
      out.push([start, r]);
      start = r;
      size = 0;
    }
    size += rowSize;
  }
  out.push([start, p.rows]);
  return out;
}

function writeRows(ws: XlWorksheet, p: PreparedSheet, start: number, end: number): void {
  const range = ws.getRange(rectAddress({ top: start, left: 0, bottom: end - 1, right: p.cols - 1 }));
  // Number formats first: a code such as 201 must land in a '@' cell to stay text.
  range.numberFormat = p.numberFormat.slice(start, end);
  range.formulas = p.formulas.slice(start, end);
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

function applyStyle(range: XlRange, style: CellStyle, multiRow: boolean, multiCol: boolean): void {
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.size !== undefined) range.format.font.size = style.size;
  if (style.hAlign)
    range.format.horizontalAlignment = style.hAlign === 'left' ? 'Left' : style.hAlign === 'right' ? 'Right' : 'Center';
  if (style.vAlign)
    range.format.verticalAlignment = style.vAlign === 'top' ? 'Top' : style.vAlign === 'bottom' ? 'Bottom' : 'Center';
  if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  if (style.fill) range.format.fill.color = '#' + style.fill;
  if (style.indent) range.format.indentLevel = style.indent;
  if (style.border) {
    const edges = [...EDGES];
    if (multiRow) edges.push('InsideHorizontal');
    if (multiCol) edges.push('InsideVertical');
    for (const e of edges) range.format.borders.getItem(e).style = 'Continuous';
  }
}

/** Queues styles, merges, sizes and freeze panes; returns an estimate of the request bytes. */
function writeLayout(
  ws: XlWorksheet,
  plan: SheetPlan,
  p: PreparedSheet,
  styles: Record<StyleName, CellStyle>,
  req: XlRequirements,
): number {
  let ops = 0;
  for (const rect of p.rects) {
    const style = styles[rect.style];
    if (!style) continue;
    applyStyle(ws.getRange(rectAddress(rect)), style, rect.bottom > rect.top, rect.right > rect.left);
    ops += 4;
  }
  for (const m of plan.merges) {
    ws.getRange(rectAddress(m)).merge(false);
    ops++;
  }
  for (const run of columnWidthRuns(plan.columnWidths)) {
    ws.getRange(run.address).format.columnWidth = charsToPoints(run.width);
    ops++;
  }
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    const r = Number(row) + 1;
    ws.getRange(`${r}:${r}`).format.rowHeight = height;
    ops++;
  }
  if (plan.freezeRows && plan.freezeRows > 0 && req.isSetSupported('ExcelApi', '1.7')) {
    ws.freezePanes.freezeRows(plan.freezeRows);
    ops++;
  }
  return ops * OP_OVERHEAD;
}
