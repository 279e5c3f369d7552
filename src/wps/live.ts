import type { Finding } from '../core/model/finding';
import type { Workbook } from '../core/model/grid';
import { wantedMarks } from '../core/marks/wanted';
import { addr, parseAddr } from '../core/model/grid';
import type { EtApplication, EtRange, EtWorksheet } from './et';
import { scanMarks, updateMarks, type MarkMap } from './marks';
import { readWorkbookEt } from './read';
import type { SheetStructure } from './structure';

/**
 * Re-validates the active workbook as the clerk edits it: a pass is one read of every used range
 * (read.ts), the engine, and a mark update (marks.ts), with calls that do not grow with the
 * number of cells. Edits are debounced and coalesced; the add-in's own writes start no pass.
 *
 * Events: `Application.ApiEvent.AddApiEventListener('SheetChange' | 'SheetActivate' |
 * 'WorkbookNewSheet', …)` (addon.et.d.ts). Whether WPS also raises SheetChange for a script's own
 * writes, and whether it does so during the write (as VBA does) or later, the documents do not
 * say; so own writes are guarded three ways: `Application.EnableEvents = false` while writing
 * (VBA's switch, in the typings), a guard counter, and, after inserting sheets, a short grace
 * window for late events on those new sheets only — an edit on any other sheet counts at once.
 * Marks need no grace window: they are conditional formats, and a format change is not a change
 * of the cells (VBA's Worksheet.Change is raised for contents only); should a WPS build raise one
 * anyway, the pass it starts finds the marks right and writes nothing, so it cannot loop.
 */
export interface LiveAnalysis {
  findings: Finding[];
  tables: string[];
  /** `findingKey`s of the findings a certain fix answers (core's `fixableKeys`). */
  fixable?: string[];
}

export type Analyzer = (wb: Workbook) => LiveAnalysis;

export interface WpsPassResult extends LiveAnalysis {
  notice?: string;
  marksAdded: number;
  marksRemoved: number;
  finishedAt: Date;
}

export interface WpsLiveOptions {
  app: EtApplication;
  analyze: Analyzer;
  debounceMs?: number;
  /** How long after an own write its late events are still taken as ours. */
  ownWriteGraceMs?: number;
  onPass?: (r: WpsPassResult) => void;
  onError?: (e: unknown) => void;
}

export const DEFAULT_DEBOUNCE_MS = 400;
/** Events that start a pass, and which callback argument is the sheet (addon.et.d.ts signatures). */
const LIVE_EVENTS: [string, number][] = [
  ['SheetChange', 0], // (Sh, Target)
  ['SheetActivate', 0], // (Sh)
  ['WorkbookNewSheet', 1], // (Wb, Sh)
];

export const NO_EVENTS_NOTICE =
  '当前 WPS 版本不提供工作表修改事件（ApiEvent 的 SheetChange），不能边改边校验；修改后请点击“全部校验”。';
export const NO_MARKS_NOTICE =
  '当前 WPS 不能读写条件格式（FormatConditions），本次打开期间不在单元格上标记问题；问题仍在下方列出。';

export class WpsLiveValidator {
  private readonly structure = new Map<string, SheetStructure>();
  private marks: MarkMap = new Map();
  private marksNotice: string | undefined;
  private eventsNotice: string | undefined;
  private subscribed: [string, (...args: unknown[]) => void][] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<WpsPassResult> | undefined;
  private again = false;
  private ownWrites = 0;
  private ownWriteUntil = 0;
  private ownSheets = new Set<string>();
  /** Cells our last write changed (sheet → A1): a late event on exactly these is ours. */
  private ownCells = new Map<string, Set<string>>();
  private readonly debounceMs: number;
  private readonly graceMs: number;
  /** Passes run so far (tests and the bench read it). */
  passes = 0;

  constructor(private readonly opts: WpsLiveOptions) {
    this.debounceMs = opts.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.graceMs = opts.ownWriteGraceMs ?? 1500;
  }

  /** The host offers the events live validation needs. */
  get supported(): boolean {
    return typeof this.opts.app.ApiEvent?.AddApiEventListener === 'function' && this.eventsNotice === undefined;
  }

  /** Subscribes to edits, sheet switches and new sheets; false (and a notice) where WPS lacks them. */
  start(): boolean {
    const api = this.opts.app.ApiEvent;
    if (typeof api?.AddApiEventListener !== 'function') {
      this.eventsNotice = NO_EVENTS_NOTICE;
      return false;
    }
    try {
      for (const [name, sheetArg] of LIVE_EVENTS) {
        const handler = (...args: unknown[]): void =>
          this.onEvent(args[sheetArg], name === 'SheetChange' ? args[1] : undefined);
        api.AddApiEventListener(name, handler);
        this.subscribed.push([name, handler]);
      }
      return true;
    } catch {
      this.stop();
      this.eventsNotice = NO_EVENTS_NOTICE;
      return false;
    }
  }

  stop(): void {
    const api = this.opts.app.ApiEvent;
    for (const [name, handler] of this.subscribed) {
      try {
        api?.RemoveApiEventListener(name, handler);
      } catch {
        // The pane is closing; a listener WPS cannot remove dies with the page.
      }
    }
    this.subscribed = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Runs `write` as the add-in's own change: events off while it runs (where WPS has the switch),
   * and late events on the sheets `newSheets` names, or on exactly the cells `cells` names (sheet →
   * A1 addresses), are ignored for a short while after; an edit anywhere else counts at once.
   */
  ownWrite<T>(
    write: () => T,
    newSheets: (result: T) => Iterable<string> = () => [],
    cells: (result: T) => Map<string, string[]> = () => new Map(),
  ): T {
    const app = this.opts.app;
    const switchable = typeof app.EnableEvents === 'boolean';
    const before = switchable ? app.EnableEvents : undefined;
    if (switchable) app.EnableEvents = false;
    this.ownWrites++;
    let result: T | undefined;
    try {
      result = write();
      return result;
    } finally {
      this.ownWrites--;
      if (switchable) app.EnableEvents = before;
      if (result !== undefined) {
        const sheets = [...newSheets(result)];
        const written = cells(result);
        if (sheets.length > 0 || written.size > 0) {
          if (Date.now() >= this.ownWriteUntil) {
            this.ownSheets = new Set();
            this.ownCells = new Map();
          }
          for (const s of sheets) this.ownSheets.add(s);
          for (const [sheet, list] of written) {
            const set = this.ownCells.get(sheet) ?? new Set<string>();
            for (const a of list) set.add(a);
            this.ownCells.set(sheet, set);
          }
          this.ownWriteUntil = Date.now() + this.graceMs;
        }
      }
    }
  }

  private onEvent(sheet: unknown, target?: unknown): void {
    if (this.ownWrites > 0) return;
    if (Date.now() < this.ownWriteUntil) {
      const name = (sheet as EtWorksheet | undefined)?.Name;
      if (name === undefined || this.ownSheets.has(name)) return;
      const mine = this.ownCells.get(name);
      const hit = mine && target ? cellsOf(target as EtRange) : [];
      if (hit.length > 0 && hit.every((a) => mine?.has(a))) return;
    }
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

  /** One pass now, or one more right after the running one. `rescan` reads merges and indents afresh. */
  async validateNow(opts: { rescan?: boolean } = {}): Promise<WpsPassResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = Promise.resolve().then(() => this.pass(opts.rescan ?? false));
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

  /** Resolves when no pass is running (a pending debounce is not waited for). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  private pass(rescan: boolean): WpsPassResult {
    this.passes++;
    const snap = readWorkbookEt(this.opts.app, { structure: this.structure, rescan });
    const analysis = this.opts.analyze(snap.workbook);
    let marksAdded = 0;
    let marksRemoved = 0;
    if (this.marksNotice === undefined) {
      try {
        const scan = scanMarks(snap.worksheets);
        const names = Object.fromEntries([...snap.worksheets.keys()].map((n) => [n, n]));
        const wanted = wantedMarks(analysis.findings, names);
        const update = this.ownWrite(() => updateMarks(scan, wanted));
        marksAdded = update.added;
        marksRemoved = update.removed;
        this.marks = update.marks;
      } catch {
        // A WPS without conditional formats (or one that fails on a clerk's rule): list the
        // findings without marks for the rest of the session, and say so.
        this.marksNotice = NO_MARKS_NOTICE;
        this.marks = new Map();
      }
    }
    const notice = [this.eventsNotice, this.marksNotice].filter(Boolean).join(' ') || undefined;
    return { ...analysis, notice, marksAdded, marksRemoved, finishedAt: new Date() };
  }

  /** Cells marked by the last pass, as `Sheet!A1` → severity (tests, diagnostics). */
  markedCells(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [sheet, cells] of this.marks) for (const [a, sev] of cells) out.set(`${sheet}!${a}`, sev);
    return out;
  }
}

/** The cells of an event's target range (`B5:D5` → B5, C5, D5); none when it cannot say. */
function cellsOf(target: EtRange): string[] {
  let text: string;
  try {
    text = target.Address(false, false);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const part of text.split(',')) {
    const [p, q] = part.replace(/\$/g, '').split(':');
    if (!/^[A-Z]+\d+$/i.test(p) || (q !== undefined && !/^[A-Z]+\d+$/i.test(q))) return [];
    const a = parseAddr(p.toUpperCase());
    const b = parseAddr((q ?? p).toUpperCase());
    // A whole block the clerk pasted is never ours unless we wrote every cell of it; stop early on a big one.
    if ((b.r - a.r + 1) * (b.c - a.c + 1) > 10_000) return [];
    for (let r = a.r; r <= b.r; r++) for (let c = a.c; c <= b.c; c++) out.push(addr(r, c));
  }
  return out;
}
