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
import { supports } from './features';
import { withOwnWrites, type EventSuspension } from './ownWrites';
import { isStaleReference, tagToDefinedName } from '../core/templates/tagNames';
import type { XlContext, XlRangeFormat, XlRequirements, XlWorksheet } from './xl';

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

/**
 * Estimated request bytes of one record in Office.js's request JSON: each action
 * (`{"Id":…,"ActionType":…,"Name":…,"ObjectPathId":…,"ArgumentInfo":…}`) and each object path it
 * navigates (the range, its format, font, fill or border) is about 100 bytes; counted at twice
 * that, because an underestimate costs a refused request and an overestimate only an extra sync.
 */
export const ACTION_BYTES = 200;

/** One piece of the write: what it queues, and an upper bound of the request bytes it adds. */
interface Step {
  bytes: number;
  queue: () => void;
}

/**
 * Queues steps, syncing first whenever the next one would take the pending request past the
 * limit. A step bigger than the limit on its own goes alone (rows are split before that).
 */
export class RequestPacker {
  private pending = 0;

  constructor(
    private readonly max: number,
    private readonly sync: () => Promise<void>,
  ) {}

  async add(step: Step): Promise<void> {
    if (this.pending > 0 && this.pending + step.bytes > this.max) {
      await this.sync();
      this.pending = 0;
    }
    step.queue();
    this.pending += step.bytes;
  }
}

export async function insertTemplates(ctx: XlContext, plans: SheetPlan[], opts: InsertOptions): Promise<InsertResult> {
  return withOwnWrites(ctx, opts.requirements, (events) => insertWithEvents(ctx, plans, opts, events));
}

async function insertWithEvents(
  ctx: XlContext,
  plans: SheetPlan[],
  opts: InsertOptions,
  events: EventSuspension,
): Promise<InsertResult> {
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

  // Our writes raise change events like the clerk's; where the host can, they are switched off.
  events.suspend();
  const packer = new RequestPacker(maxPayload, sync);
  const inserted: InsertedSheet[] = [];
  const added: { ws: XlWorksheet; plan: SheetPlan }[] = [];
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i];
    const name = targets[i];
    const prepared = prepareSheet(plan, styles);
    let ws: XlWorksheet | undefined;
    await packer.add({ bytes: 2 * ACTION_BYTES, queue: () => (ws = wb.worksheets.add(name)) });
    const sheet = ws as XlWorksheet;
    for (const [start, end] of rowChunks(prepared, maxPayload)) {
      await packer.add({ bytes: rowsBytes(prepared, start, end), queue: () => writeRows(sheet, prepared, start, end) });
    }
    for (const step of layoutSteps(sheet, plan, prepared, styles, opts.requirements)) await packer.add(step);
    const definedName = tagToDefinedName(plan.tag);
    const old = definedNames.get(definedName.toUpperCase());
    // A tag name can exist once per workbook. A stale one (its sheet deleted) is ours and is
    // replaced; a live one belongs to the first copy, so a second copy stays untagged.
    let tagged = !old;
    if (old && isStaleReference(old.value)) {
      await packer.add({ bytes: 2 * ACTION_BYTES, queue: () => wb.names.getItem(old.name).delete() });
      tagged = true;
    }
    if (tagged) {
      await packer.add({ bytes: 2 * ACTION_BYTES, queue: () => wb.names.add(definedName, sheet.getRange('A1')) });
      definedNames.set(definedName.toUpperCase(), {
        name: definedName,
        type: 'Range',
        value: name,
        comment: '',
        visible: true,
      });
    }
    inserted.push({ tag: plan.tag, name, definedName: tagged ? definedName : undefined });
    added.push({ ws: sheet, plan });
    report(i + 1, `已准备 ${name}`);
  }
  if (added.length > 0) await packer.add({ bytes: ACTION_BYTES, queue: () => added[0].ws.activate() });
  report(plans.length, '正在写入工作簿…');
  await sync();

  let printSetup: 'done' | 'unsupported' | 'failed' = 'unsupported';
  if (supports(opts.requirements, 'printSetup') && added.length > 0) {
    // Events come back on at the head of this batch: page layout raises no change event.
    events.queueRestore();
    for (const { ws, plan } of added) {
      ws.pageLayout.paperSize = 'A4';
      ws.pageLayout.orientation = plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      if (plan.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1 };
    }
    try {
      await sync();
      events.synced();
      printSetup = 'done';
    } catch {
      // Print setup is a courtesy: the tables are already in, so a refusal must not undo them.
      syncs++;
      events.failed();
      printSetup = 'failed';
    }
  }
  report(plans.length, '插入完成');
  return { status: 'inserted', sheets: inserted, syncs, printSetup };
}

/** Upper bound of the JSON of one cell in the `formulas` and `numberFormat` arrays. */
function cellBytes(formula: string | number, numberFormat: string): number {
  const f = typeof formula === 'string' ? formula.length * 3 + 3 : String(formula).length + 1;
  return f + numberFormat.length * 3 + 3;
}

/** Request bytes of writing rows [start, end): two array writes on one range. */
function rowsBytes(p: PreparedSheet, start: number, end: number): number {
  let n = 3 * ACTION_BYTES;
  for (let r = start; r < end; r++) {
    n += 4;
    for (let c = 0; c < p.cols; c++) n += cellBytes(p.formulas[r][c], p.numberFormat[r][c]);
  }
  return n;
}

/** Row ranges small enough for one request each; one range for any normal table. */
function rowChunks(p: PreparedSheet, maxPayload: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let size = 3 * ACTION_BYTES;
  for (let r = 0; r < p.rows; r++) {
    const rowSize = rowsBytes(p, r, r + 1) - 3 * ACTION_BYTES;
    if (r > start && size + rowSize > maxPayload) {
      out.push([start, r]);
      start = r;
      size = 3 * ACTION_BYTES;
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

/** A range whose format takes any assignment and sends nothing: for counting applyStyle's actions. */
const NULL_RANGE: { format: XlRangeFormat } = {
  format: {
    font: { bold: false, size: 0, name: '', color: '' },
    fill: { color: '' },
    borders: { getItem: () => ({ style: '', weight: '' }) },
    horizontalAlignment: '',
    verticalAlignment: '',
    wrapText: false,
    columnWidth: 0,
    rowHeight: 0,
    indentLevel: 0,
  },
};

/** Queues a style on a range; returns the number of actions and object paths it queued. */
function applyStyle(range: { format: XlRangeFormat }, style: CellStyle, multiRow: boolean, multiCol: boolean): number {
  let n = 3; // the range, its format and its font
  const set = (f: () => void): void => {
    f();
    n++;
  };
  if (style.bold !== undefined) set(() => (range.format.font.bold = style.bold as boolean));
  if (style.size !== undefined) set(() => (range.format.font.size = style.size as number));
  if (style.hAlign)
    set(
      () =>
        (range.format.horizontalAlignment =
          style.hAlign === 'left' ? 'Left' : style.hAlign === 'right' ? 'Right' : 'Center'),
    );
  if (style.vAlign)
    set(
      () =>
        (range.format.verticalAlignment =
          style.vAlign === 'top' ? 'Top' : style.vAlign === 'bottom' ? 'Bottom' : 'Center'),
    );
  if (style.wrap !== undefined) set(() => (range.format.wrapText = style.wrap as boolean));
  if (style.fill) {
    set(() => (range.format.fill.color = '#' + style.fill));
    n++; // the fill object
  }
  if (style.indent) set(() => (range.format.indentLevel = style.indent as number));
  if (style.border) {
    const edges = [...EDGES];
    if (multiRow) edges.push('InsideHorizontal');
    if (multiCol) edges.push('InsideVertical');
    for (const e of edges) {
      set(() => (range.format.borders.getItem(e).style = 'Continuous'));
      n++; // the border object
    }
  }
  return n;
}

/** Styles, merges, sizes and freeze panes as steps, each with its request bytes. */
function layoutSteps(
  ws: XlWorksheet,
  plan: SheetPlan,
  p: PreparedSheet,
  styles: Record<StyleName, CellStyle>,
  req: XlRequirements,
): Step[] {
  const steps: Step[] = [];
  for (const rect of p.rects) {
    const style = styles[rect.style];
    if (!style) continue;
    // Counted by a dry run against a recorder, so the estimate follows applyStyle exactly.
    const actions = applyStyle(NULL_RANGE, style, rect.bottom > rect.top, rect.right > rect.left);
    steps.push({
      bytes: actions * ACTION_BYTES,
      queue: () =>
        void applyStyle(ws.getRange(rectAddress(rect)), style, rect.bottom > rect.top, rect.right > rect.left),
    });
  }
  for (const m of plan.merges) {
    steps.push({ bytes: 2 * ACTION_BYTES, queue: () => ws.getRange(rectAddress(m)).merge(false) });
  }
  for (const run of columnWidthRuns(plan.columnWidths)) {
    steps.push({
      bytes: 3 * ACTION_BYTES,
      queue: () => (ws.getRange(run.address).format.columnWidth = charsToPoints(run.width)),
    });
  }
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    const r = Number(row) + 1;
    steps.push({ bytes: 3 * ACTION_BYTES, queue: () => (ws.getRange(`${r}:${r}`).format.rowHeight = height) });
  }
  if (plan.freezeRows && plan.freezeRows > 0 && supports(req, 'freezePanes')) {
    const rows = plan.freezeRows;
    steps.push({ bytes: 2 * ACTION_BYTES, queue: () => ws.freezePanes.freezeRows(rows) });
  }
  return steps;
}
