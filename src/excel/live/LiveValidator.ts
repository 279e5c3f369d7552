import type { Finding, Severity } from '../../core/model/finding';
import type { Workbook } from '../../core/model/grid';
import { supports, suspendsEventsAroundOwnWrites } from '../features';
import { EventSuspension } from '../ownWrites';
import { readSnapshot, type WorkbookSnapshot } from '../readWorkbook';
import type { SheetSize } from '../readPlan';
import type {
  XlChangedEvent,
  XlContext,
  XlEventResult,
  XlRequirements,
  XlRun,
  XlWorksheet,
  XlWorksheetAddedEvent,
  XlWorksheetDeletedEvent,
} from '../xl';
import { queueMarkScan, queueMarkUpdate, type MarkMap, type MarkScan } from './marks';
import { wantedMarks } from '../../core/marks/wanted';
export { wantedMarks };

/**
 * Re-validates the open workbook as the clerk edits it. A pass is one read (the used ranges of
 * every sheet, queued with the bookkeeping of the current marks) and at most one write (the
 * marks that changed): ≤2 syncs whatever the number of units or sheets. Edits are debounced
 * and coalesced, and the add-in's own writes never trigger a pass.
 */
export interface LiveAnalysis {
  findings: Finding[];
  /** Tables located, e.g. ['t1', 't3']. */
  tables: string[];
  /** `findingKey`s of the findings a certain fix answers (core's `fixableKeys`). */
  fixable?: string[];
}

export type Analyzer = (wb: Workbook) => LiveAnalysis;

export interface PassResult extends LiveAnalysis {
  syncs: number;
  /** Something the clerk should know about this pass besides the findings (Chinese). */
  notice?: string;
  marksAdded: number;
  marksRemoved: number;
  finishedAt: Date;
}

export interface LiveValidatorOptions {
  run: XlRun;
  requirements: XlRequirements;
  analyze: Analyzer;
  debounceMs?: number;
  /** How long after an own write unlabeled change events are still taken as ours (hosts < 1.14). */
  ownWriteGraceMs?: number;
  onPass?: (r: PassResult) => void;
  onError?: (e: unknown) => void;
}

export const DEFAULT_DEBOUNCE_MS = 400;

export class LiveValidator {
  private marks: MarkMap = new Map();
  /** Set when Excel could not read the sheets' conditional formats: findings are listed, not marked. */
  private marksOff = false;
  private knownSheetIds: string[] = [];
  private sizes: Record<string, SheetSize> = {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<PassResult> | undefined;
  private again = false;
  private ownWrites = 0;
  private ownWriteUntil = 0;
  private handlers: XlEventResult[] = [];
  /** Sheets with their own onChanged/onActivated handlers (hosts with per-sheet events only). */
  private watched = new Set<string>();
  private readonly debounceMs: number;
  private readonly graceMs: number;
  /** Passes run so far (tests and the bench read it). */
  passes = 0;

  constructor(private opts: LiveValidatorOptions) {
    this.debounceMs = opts.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.graceMs = opts.ownWriteGraceMs ?? 1500;
  }

  /** Live marking needs worksheet change events (ExcelApi 1.7) and conditional formats (1.6). */
  get supported(): boolean {
    return supports(this.opts.requirements, 'liveEvents');
  }

  private get perSheetEvents(): boolean {
    return !supports(this.opts.requirements, 'collectionEvents');
  }

  /**
   * Subscribes to edits, sheet activation, and sheets added or deleted, and learns the sheet ids
   * in the same sync, so that even the first pass reads everything in one sync. Returns false
   * when the host cannot do live checks.
   */
  async start(): Promise<boolean> {
    if (!this.supported) return false;
    const req = this.opts.requirements;
    await this.opts.run(async (ctx) => {
      const worksheets = ctx.workbook.worksheets;
      worksheets.load('items/id');
      if (supports(req, 'collectionEvents')) {
        this.handlers.push(worksheets.onChanged.add(this.onChanged));
        this.handlers.push(worksheets.onActivated.add(this.onActivated));
      } else {
        // 1.7/1.8 only have per-sheet events; sheets added later get theirs in sheetAdded.
        await ctx.sync();
        for (const ws of worksheets.items) this.watchSheet(ws);
      }
      this.handlers.push(worksheets.onAdded.add(async (e) => this.sheetAdded(e)));
      this.handlers.push(worksheets.onDeleted.add(async (e) => this.sheetDeleted(e)));
      await ctx.sync();
      this.knownSheetIds = worksheets.items.map((ws) => ws.id);
    });
    return true;
  }

  private readonly onChanged = async (e: XlChangedEvent): Promise<void> => this.changed(e);
  private readonly onActivated = async (): Promise<void> => this.schedule();

  private watchSheet(ws: XlWorksheet, id = ws.id): void {
    if (this.watched.has(id)) return;
    this.watched.add(id);
    this.handlers.push(ws.onChanged.add(this.onChanged));
    this.handlers.push(ws.onActivated.add(this.onActivated));
  }

  /** A new sheet is read with the others from the next pass on (no extra sync to find it). */
  sheetAdded(e: XlWorksheetAddedEvent): void {
    if (!this.knownSheetIds.includes(e.worksheetId)) this.knownSheetIds.push(e.worksheetId);
    if (this.perSheetEvents && !this.watched.has(e.worksheetId)) {
      // Per-sheet events only (1.7/1.8): subscribe to the new sheet, or its edits go unseen.
      this.opts
        .run(async (ctx) => {
          this.watchSheet(ctx.workbook.worksheets.getItem(e.worksheetId), e.worksheetId);
          await ctx.sync();
        })
        .catch((err: unknown) => this.opts.onError?.(err));
    }
    if (!this.inOwnWrite()) this.schedule();
  }

  /** A deleted sheet is dropped before the next read, which would otherwise fail on it. */
  sheetDeleted(e: XlWorksheetDeletedEvent): void {
    this.knownSheetIds = this.knownSheetIds.filter((id) => id !== e.worksheetId);
    delete this.sizes[e.worksheetId];
    this.marks.delete(e.worksheetId);
    this.schedule();
  }

  stop(): void {
    for (const h of this.handlers) h.remove();
    this.handlers = [];
    this.watched.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Runs `write` as the add-in's own change: its change events do not start a pass. Where events
   * are switched off around our writes (1.8–1.13) none arrive late, so no grace window follows
   * and an edit the clerk makes right after is not swallowed.
   */
  async asOwnWrite<T>(write: () => Promise<T>): Promise<T> {
    this.ownWrites++;
    try {
      return await write();
    } finally {
      this.ownWrites--;
      if (!suspendsEventsAroundOwnWrites(this.opts.requirements)) this.ownWriteUntil = Date.now() + this.graceMs;
    }
  }

  private isOwn(e: XlChangedEvent): boolean {
    if (e.triggerSource !== undefined) return e.triggerSource === 'ThisLocalAddin';
    return this.inOwnWrite();
  }

  private inOwnWrite(): boolean {
    return this.ownWrites > 0 || Date.now() < this.ownWriteUntil;
  }

  changed(e: XlChangedEvent): void {
    if (this.isOwn(e)) return;
    this.schedule();
  }

  /** Debounced pass: a burst of edits ends in one pass. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.validateNow().catch((err: unknown) => this.opts.onError?.(err));
    }, this.debounceMs);
  }

  /** 全部校验 and the debounced path: one pass now, or one more right after the running one. */
  async validateNow(): Promise<PassResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.passWithRetry();
    try {
      const r = await this.running;
      this.opts.onPass?.(r);
      return r;
    } finally {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }

  private async passWithRetry(): Promise<PassResult> {
    try {
      return await this.opts.run((ctx) => this.pass(ctx));
    } catch (e) {
      // A sheet we knew was deleted unnoticed: forget the sheets and read from scratch once.
      if (this.knownSheetIds.length === 0 && (this.marksOff || !this.canMark())) throw e;
      this.knownSheetIds = [];
      this.sizes = {};
    }
    try {
      return await this.opts.run((ctx) => this.pass(ctx));
    } catch (e) {
      if (this.marksOff || !this.canMark()) throw e;
      // Excel fails to read some conditional formats a clerk made (OfficeDev/office-js#6835):
      // check without marks for the rest of the session rather than not at all.
      this.marksOff = true;
      const r = await this.opts.run((ctx) => this.pass(ctx));
      return { ...r, notice: '无法读取工作表中的条件格式，本次打开期间不再在单元格上标记问题；问题仍在下方列出。' };
    }
  }

  private canMark(): boolean {
    return supports(this.opts.requirements, 'marks');
  }

  private async pass(ctx: XlContext): Promise<PassResult> {
    this.passes++;
    const marking = this.canMark() && !this.marksOff;
    const scan: MarkScan = new Map();
    const snap: WorkbookSnapshot = await readSnapshot(ctx, {
      requirements: this.opts.requirements,
      knownSheetIds: this.knownSheetIds,
      sizes: this.sizes,
      // Every sheet read is scanned in the same sync, so marks of an earlier session are found too.
      alongRead: (ids) => {
        if (marking) for (const [id, coll] of queueMarkScan(ctx, ids)) scan.set(id, coll);
      },
    });
    let syncs = snap.syncs;
    this.knownSheetIds = Object.values(snap.sheetIds);
    this.sizes = snap.sizes;
    const analysis = this.opts.analyze(snap.workbook);

    // A sheet that appeared without an onAdded (missed, or raised while our events were off)
    // gets its handlers here on per-sheet hosts; they are registered with the next sync.
    let subscribed = false;
    if (this.handlers.length > 0 && this.perSheetEvents) {
      for (const id of this.knownSheetIds) {
        if (this.watched.has(id)) continue;
        this.watchSheet(ctx.workbook.worksheets.getItem(id), id);
        subscribed = true;
      }
    }

    let marksAdded = 0;
    let marksRemoved = 0;
    let wrote = false;
    if (marking) {
      // Marks are our own writes: events are off around them where the host allows (the flag
      // is queued ahead of the first delete or add), and the guard covers the rest.
      const events = EventSuspension.for(ctx, this.opts.requirements);
      const update = queueMarkUpdate(ctx, scan, wantedMarks(analysis.findings, snap.sheetIds), () => events.suspend());
      if (update.added > 0 || update.removed > 0) {
        await this.asOwnWrite(async () => {
          syncs++;
          try {
            await ctx.sync();
          } catch (e) {
            await events.restore().catch(() => undefined);
            throw e;
          }
          if (events.active) syncs++;
          await events.restore();
        });
        wrote = true;
      }
      marksAdded = update.added;
      marksRemoved = update.removed;
      this.marks = update.marks;
    }
    if (subscribed && !wrote) {
      await ctx.sync();
      syncs++;
    }
    return { ...analysis, syncs, marksAdded, marksRemoved, finishedAt: new Date() };
  }

  /** Resolves when no pass is running (a pending debounce is not waited for). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /** Cells marked by the last pass, as `sheetId!A1` → severity (tests, diagnostics). */
  markedCells(): Map<string, Severity> {
    const out = new Map<string, Severity>();
    for (const [sheetId, cells] of this.marks) for (const [a, sev] of cells) out.set(`${sheetId}!${a}`, sev);
    return out;
  }
}
