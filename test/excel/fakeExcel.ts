import { addr, columnIndex, type Merge, type Workbook } from '../../src/core/model/grid';
import type {
  XlActivatedEvent,
  XlBorder,
  XlBorders,
  XlCellIndent,
  XlChangedEvent,
  XlClientResult,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlContext,
  XlCustomConditionalFormat,
  XlEventResult,
  XlEvents,
  XlFill,
  XlFont,
  XlNamedItem,
  XlNamedItemCollection,
  XlNamedItemHandle,
  XlPageLayout,
  XlRange,
  XlRangeAreas,
  XlRangeFormat,
  XlRequirements,
  XlRuntime,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetAddedEvent,
  XlWorksheetCollection,
  XlWorksheetDeletedEvent,
} from '../../src/excel/xl';

/**
 * A fake of the Excel API subset in src/excel/xl.ts with Office.js batching semantics:
 * every call is queued and only happens at `context.sync()`; reading a property that was not
 * loaded (and synced) throws like Office does; `…OrNullObject` answers `isNullObject` after sync;
 * `getItem` of a missing sheet fails the sync. It records every sync and every write, and raises
 * `onChanged` (with `triggerSource` from ExcelApi 1.14) for data writes, the add-in's own included,
 * unless `context.runtime.enableEvents` (1.8) was switched off when the change happened.
 */

/**
 * Rough size of one queued action with its object path in Office.js's request JSON
 * (`{"Id":…,"ActionType":…,"Name":…,"ObjectPathId":…,"ArgumentInfo":…}` plus the path that
 * reaches the range or format): what the request-size limit counts besides the data itself.
 */
export const REQUEST_BYTES_PER_ACTION = 200;

function jsonBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v ?? null), 'utf8');
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FormatState {
  bold: boolean;
  size: number;
  fontName: string;
  fontColor: string;
  fill: string;
  hAlign: string;
  vAlign: string;
  wrap: boolean;
  indent: number;
  borders: Record<string, string>;
}

export interface CellState {
  value: string | number | boolean;
  formula?: string;
  numberFormat: string;
  format: FormatState;
  error?: string;
}

export interface CfState {
  id: string;
  rect: Rect;
  type: string;
  formula: string;
  fill: string;
  fontColor: string;
}

export interface SheetState {
  id: string;
  name: string;
  cells: Map<string, CellState>;
  merges: Rect[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  freezeRows: number;
  pageLayout: { orientation: string; paperSize: string; zoom: Record<string, number> };
  cfs: CfState[];
}

export interface NameState {
  name: string;
  sheetId: string;
  rect: Rect;
  comment: string;
}

export interface WriteRecord {
  kind: string;
  sheet: string;
  address: string;
  sync: number;
}

export class OfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

function defaultFormat(): FormatState {
  return {
    bold: false,
    size: 11,
    fontName: '等线',
    fontColor: '#000000',
    fill: '',
    hAlign: 'General',
    vAlign: 'Bottom',
    wrap: false,
    indent: 0,
    borders: {},
  };
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

export function parseRect(a: string): Rect {
  const local = a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [p, q] = local.split(':');
  const one = (s: string, end: boolean): { r: number; c: number } => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(s);
    if (!m) throw new OfficeError('InvalidArgument', `bad address ${a}`);
    const c = m[1] ? columnIndex(m[1]) : end ? MAX_COL : 0;
    const r = m[2] ? Number(m[2]) - 1 : end ? MAX_ROW : 0;
    return { r, c };
  };
  const s = one(p, false);
  const e = one(q ?? p, true);
  if (!q && (!/\d/.test(p) || !/[A-Za-z]/.test(p))) throw new OfficeError('InvalidArgument', `bad address ${a}`);
  return { top: s.r, left: s.c, bottom: e.r, right: e.c };
}

export function rectAddr(r: Rect): string {
  return r.top === r.bottom && r.left === r.right
    ? addr(r.top, r.left)
    : `${addr(r.top, r.left)}:${addr(r.bottom, r.right)}`;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function quoteIfNeeded(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

type Op = () => void;

export class FakeExcel {
  sheets: SheetState[] = [];
  names: NameState[] = [];
  syncCount = 0;
  writes: WriteRecord[] = [];
  selection?: { sheet: string; address: string };
  activeSheetId?: string;
  /** Highest ExcelApi minor version supported, e.g. 14 for 1.14. */
  apiVersion: number;
  private nextId = 1;
  private sheetHandlers = new Map<string, ((e: XlChangedEvent) => Promise<unknown>)[]>();
  private collectionHandlers: ((e: XlChangedEvent) => Promise<unknown>)[] = [];
  private activatedHandlers: ((e: XlActivatedEvent) => Promise<unknown>)[] = [];
  private addedHandlers: ((e: XlWorksheetAddedEvent) => Promise<unknown>)[] = [];
  private deletedHandlers: ((e: XlWorksheetDeletedEvent) => Promise<unknown>)[] = [];
  /** Like Excel on the web's 5 MB for requests and for responses: a sync whose request (queued
   *  actions and the data they write) is bigger fails with RequestPayloadSizeLimitExceeded and
   *  applies nothing; one whose loaded data is bigger fails with ResponsePayloadSizeLimitExceeded
   *  and delivers nothing. Unlimited when undefined. */
  payloadLimit?: number;
  /** Older Excel on the web answered an oversized request or response with a bare
   *  `GeneralException` (office-js-docs-reference#354, office-js#1314): set to model it. */
  payloadErrorCode?: 'GeneralException';
  /** `context.runtime.enableEvents` (ExcelApi 1.8): while false, no event reaches a handler. */
  eventsEnabled = true;
  /** Every value the add-in set `enableEvents` to, in order. */
  enableEventsLog: boolean[] = [];
  /** Cells one range read may return; beyond it `values`/`formulas` come back null (Excel: 5,000,000). */
  maxCellsPerRead = 5_000_000;
  /** Reading conditional-format properties fails, as it does in Excel for some clerk-made
   *  rules (OfficeDev/office-js#6835). */
  failConditionalFormatReads = false;
  /** Bytes of loaded data (JSON, UTF-8) of each sync, in order. */
  responseBytes: number[] = [];
  /** Estimated request bytes (actions and written data) of each sync, in order. */
  requestBytes: number[] = [];
  pendingEvents: Promise<unknown>[] = [];
  /** What a formula the add-in writes computes (the fake does not calculate): 0 unless a test says. */
  formulaValue?: (sheet: string, address: string, formula: string) => string | number | undefined;

  constructor(apiVersion = 14) {
    this.apiVersion = apiVersion;
  }

  get requirements(): XlRequirements {
    return {
      isSetSupported: (name: string, min?: string) => {
        if (name !== 'ExcelApi') return false;
        const minor = Number((min ?? '1.1').split('.')[1] ?? '0');
        return minor <= this.apiVersion;
      },
    };
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  context(): FakeContext {
    return new FakeContext(this);
  }

  readonly run = async <T>(batch: (ctx: XlContext) => Promise<T>): Promise<T> => batch(this.context());

  /**
   * A string written through `values` or `formulas` is read like typed input, as Excel does: '=…'
   * is a formula, a leading apostrophe makes the rest text (Excel's quote prefix, consumed:
   * office-js#6687), a number with or without thousands separators becomes a number; in a
   * text-formatted ('@') cell the string is kept as it is.
   */
  typed(cell: CellState, x: unknown, at: { s: SheetState; r: number; c: number }): void {
    delete cell.formula;
    delete cell.error;
    if (typeof x !== 'string' || cell.numberFormat === '@') {
      cell.value = x as string | number | boolean;
      return;
    }
    if (x.startsWith('=') && x.length > 1) {
      cell.formula = x;
      cell.value = this.formulaValue?.(at.s.name, addr(at.r, at.c), x) ?? 0;
    } else if (x.startsWith("'")) cell.value = x.slice(1);
    else if (/^\s*-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*$/.test(x)) cell.value = Number(x.replace(/[,\s]/g, ''));
    else cell.value = x;
  }

  // ---- test helpers (direct state access, no batching) ----

  addSheet(name: string, rows: (string | number | null)[][] = []): SheetState {
    const s = this.createSheet(name, this.newId('sheet'));
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        const cell = this.cellFor(s, r, c);
        if (typeof v === 'string' && v.startsWith('=')) {
          cell.formula = v;
          cell.value = 0;
        } else cell.value = v;
      }),
    );
    return s;
  }

  /** Puts a grid workbook (e.g. a rebuilt seed) into the fake as the clerk's own file. */
  loadWorkbook(wb: Workbook): void {
    for (const sheet of wb.sheets) {
      const s = this.createSheet(sheet.name, this.newId('sheet'));
      sheet.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell) return;
          const st = this.cellFor(s, r, c);
          const v = cell.value;
          if (v !== null && typeof v === 'object') {
            st.value = v.error;
            st.error = v.error;
          } else st.value = v ?? '';
          if (cell.formula) st.formula = '=' + cell.formula;
        }),
      );
      s.merges = sheet.merges.map((m) => ({ ...m }));
    }
  }

  /** The clerk deletes a sheet: it is gone at once and `onDeleted` fires (ExcelApi 1.7). */
  async deleteSheet(name: string): Promise<void> {
    const s = this.sheet(name);
    this.sheets = this.sheets.filter((x) => x !== s);
    if (this.apiVersion >= 7 && this.eventsEnabled)
      for (const h of this.deletedHandlers) this.pendingEvents.push(h({ worksheetId: s.id }));
    await this.flushEvents();
  }

  onAnyAdded(h: (e: XlWorksheetAddedEvent) => Promise<unknown>): XlEventResult {
    this.addedHandlers.push(h);
    return { remove: () => this.addedHandlers.splice(this.addedHandlers.indexOf(h), 1) };
  }

  onAnyDeleted(h: (e: XlWorksheetDeletedEvent) => Promise<unknown>): XlEventResult {
    this.deletedHandlers.push(h);
    return { remove: () => this.deletedHandlers.splice(this.deletedHandlers.indexOf(h), 1) };
  }

  createSheet(name: string, id: string): SheetState {
    if (this.sheetByName(name)) throw new OfficeError('ItemAlreadyExists', `工作表 ${name} 已存在`);
    const s: SheetState = {
      id,
      name,
      cells: new Map(),
      merges: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      freezeRows: 0,
      pageLayout: { orientation: 'Portrait', paperSize: 'Letter', zoom: {} },
      cfs: [],
    };
    this.sheets.push(s);
    // Like Excel: a new sheet (the clerk's or the add-in's) raises onAdded.
    if (this.apiVersion >= 7 && this.eventsEnabled)
      for (const h of this.addedHandlers)
        this.pendingEvents.push(Promise.resolve().then(() => h({ worksheetId: id, source: 'Local' })));
    return s;
  }

  sheetByName(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase());
  }

  sheetByKey(key: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheetByName(key);
  }

  sheet(name: string): SheetState {
    const s = this.sheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  cellFor(s: SheetState, r: number, c: number): CellState {
    const k = `${r},${c}`;
    let cell = s.cells.get(k);
    if (!cell) {
      cell = { value: '', numberFormat: 'General', format: defaultFormat() };
      s.cells.set(k, cell);
    }
    return cell;
  }

  cell(sheet: string, a: string): CellState | undefined {
    const r = parseRect(a);
    return this.sheet(sheet).cells.get(`${r.top},${r.left}`);
  }

  /** Deep copy of everything a clerk sees in a sheet except conditional formats (a cleared cell is no cell). */
  formatSnapshot(sheet: string): string {
    const s = this.sheet(sheet);
    const blank = JSON.stringify(defaultFormat());
    const cells = [...s.cells.entries()]
      .filter(
        ([, v]) => v.value !== '' || v.formula || v.numberFormat !== 'General' || JSON.stringify(v.format) !== blank,
      )
      .sort()
      .map(([k, v]) => [k, v.value, v.formula, v.numberFormat, v.format]);
    return JSON.stringify({ cells, merges: s.merges, cw: [...s.columnWidths], rh: [...s.rowHeights] });
  }

  rename(oldName: string, newName: string): void {
    this.sheet(oldName).name = newName;
  }

  /** A clerk types into a cell: state changes at once, `onChanged` fires like Excel's. */
  async edit(sheet: string, a: string, value: string | number, triggerSource = 'Unknown'): Promise<void> {
    const s = this.sheet(sheet);
    const r = parseRect(a);
    const cell = this.cellFor(s, r.top, r.left);
    if (typeof value === 'string' && value.startsWith('=')) {
      cell.formula = value;
    } else {
      cell.value = value;
      delete cell.formula;
    }
    this.fireChanged(s, rectAddr(r), triggerSource);
    await this.flushEvents();
  }

  async activate(sheet: string): Promise<void> {
    const s = this.sheet(sheet);
    this.activeSheetId = s.id;
    if (this.eventsEnabled) for (const h of this.activatedHandlers) this.pendingEvents.push(h({ worksheetId: s.id }));
    await this.flushEvents();
  }

  async flushEvents(): Promise<void> {
    const p = this.pendingEvents;
    this.pendingEvents = [];
    await Promise.all(p);
  }

  fireChanged(s: SheetState, address: string, triggerSource: string): void {
    if (!this.eventsEnabled) return;
    const e: XlChangedEvent = { address, worksheetId: s.id, changeType: 'RangeEdited' };
    if (this.apiVersion >= 14) e.triggerSource = triggerSource;
    const handlers = [
      ...(this.sheetHandlers.get(s.id) ?? []),
      ...(this.apiVersion >= 9 ? this.collectionHandlers : []),
    ];
    for (const h of handlers) this.pendingEvents.push(Promise.resolve().then(() => h(e)));
  }

  onSheetChanged(id: string, h: (e: XlChangedEvent) => Promise<unknown>): XlEventResult {
    const list = this.sheetHandlers.get(id) ?? [];
    list.push(h);
    this.sheetHandlers.set(id, list);
    return { remove: () => list.splice(list.indexOf(h), 1) };
  }

  onAnyChanged(h: (e: XlChangedEvent) => Promise<unknown>): XlEventResult {
    this.collectionHandlers.push(h);
    return { remove: () => this.collectionHandlers.splice(this.collectionHandlers.indexOf(h), 1) };
  }

  onAnyActivated(h: (e: XlActivatedEvent) => Promise<unknown>): XlEventResult {
    this.activatedHandlers.push(h);
    return { remove: () => this.activatedHandlers.splice(this.activatedHandlers.indexOf(h), 1) };
  }

  handlerCount(): number {
    let n = this.collectionHandlers.length + this.addedHandlers.length + this.deletedHandlers.length;
    for (const l of this.sheetHandlers.values()) n += l.length;
    return n;
  }

  write(kind: string, sheet: SheetState, address: string): void {
    this.writes.push({ kind, sheet: sheet.name, address, sync: this.syncCount + 1 });
  }
}

/** Common client-object behaviour: queued loads and "not loaded" errors. */
abstract class ClientObject {
  private snap = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(protected ctx: FakeContext) {}

  protected abstract readProp(prop: string): unknown;

  /** Null when this object does not exist at sync time; non-null otherwise. */
  protected exists(): boolean {
    return true;
  }

  load(props: string): this {
    const list = props
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    this.ctx.queue(() => {
      this.nullState = !this.exists();
      if (this.nullState) return;
      for (const p of list) {
        const v = this.readProp(p);
        this.ctx.countResponse(v);
        this.ctx.deliver(() => this.snap.set(p, v));
      }
    });
    return this;
  }

  /** Makes `isNullObject` available after the next sync, as Office does without a load. */
  protected trackNull(): void {
    this.ctx.queue(() => {
      this.nullState = !this.exists();
    });
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined)
      throw new OfficeError('PropertyNotLoaded', '在读取 isNullObject 之前必须调用 context.sync()');
    return this.nullState;
  }

  protected got<T>(prop: string): T {
    if (this.nullState) throw new OfficeError('InvalidObjectPath', `对象不存在，不能读取 ${prop}`);
    if (!this.snap.has(prop)) {
      throw new OfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.snap.get(prop) as T;
  }

  protected put(prop: string, value: unknown): void {
    this.snap.set(prop, value);
  }
}

export class FakeContext implements XlContext {
  private ops: Op[] = [];
  private requested = 0;
  readonly workbook: XlWorkbook;
  readonly runtime: XlRuntime;

  constructor(readonly fake: FakeExcel) {
    this.workbook = { worksheets: new FakeWorksheetCollection(this), names: new FakeNameCollection(this) };
    const self = this;
    this.runtime = {
      set enableEvents(v: boolean) {
        self.queue(() => {
          if (self.fake.apiVersion < 8) throw new OfficeError('ApiNotFound', 'runtime.enableEvents 需要 ExcelApi 1.8');
          self.fake.enableEventsLog.push(v);
          self.fake.eventsEnabled = v;
        });
      },
      get enableEvents(): boolean {
        throw new OfficeError('PropertyNotLoaded', 'fake: runtime.enableEvents 未加载');
      },
    };
  }

  /** Queues an action; `data` is what it sends besides itself (written values). */
  queue(op: Op, data?: unknown): void {
    this.ops.push(op);
    this.requested += REQUEST_BYTES_PER_ACTION + (data === undefined ? 0 : jsonBytes(data));
  }

  private bytes = 0;
  private deliveries: (() => void)[] = [];

  /** Loaded data reaches the proxies only if the whole sync succeeds, as in Office.js. */
  deliver(f: () => void): void {
    this.deliveries.push(f);
  }

  /** Adds a loaded value to this sync's response size. */
  countResponse(v: unknown): void {
    this.bytes += jsonBytes(v);
  }

  private tooBig(code: string, message: string): OfficeError {
    return new OfficeError(
      this.fake.payloadErrorCode ?? code,
      this.fake.payloadErrorCode ? 'An internal error has occurred.' : message,
    );
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    const requested = this.requested;
    this.ops = [];
    this.requested = 0;
    this.fake.syncCount++;
    this.bytes = 0;
    this.deliveries = [];
    this.fake.requestBytes.push(requested);
    const limit = this.fake.payloadLimit;
    if (limit !== undefined && requested > limit) {
      // Refused as a whole: nothing in the batch is applied.
      this.fake.responseBytes.push(0);
      throw this.tooBig('RequestPayloadSizeLimitExceeded', `请求数据约 ${requested} 字节，超过 ${limit} 字节的上限`);
    }
    const changed = new Map<SheetState, string[]>();
    this.changed = changed;
    try {
      for (const op of ops) op();
    } finally {
      this.changed = undefined;
      for (const [s, addrs] of changed) for (const a of addrs) this.fake.fireChanged(s, a, 'ThisLocalAddin');
    }
    this.fake.responseBytes.push(this.bytes);
    if (limit !== undefined && this.bytes > limit) {
      throw this.tooBig('ResponsePayloadSizeLimitExceeded', `响应数据 ${this.bytes} 字节，超过 ${limit} 字节的上限`);
    }
    for (const f of this.deliveries) f();
    await Promise.resolve();
  }

  changed?: Map<SheetState, string[]>;

  noteDataChange(s: SheetState, address: string): void {
    // Events are off for changes made while enableEvents is false, whenever they would arrive.
    if (!this.fake.eventsEnabled) return;
    const list = this.changed?.get(s) ?? [];
    list.push(address);
    this.changed?.set(s, list);
  }
}

class FakeWorksheetCollection extends ClientObject implements XlWorksheetCollection {
  private itemsList?: FakeWorksheet[];

  constructor(ctx: FakeContext) {
    super(ctx);
  }

  protected readProp(prop: string): unknown {
    return prop;
  }

  load(props: string): this {
    const list = props.split(',').map((p) => p.trim().replace(/^items\//, ''));
    this.ctx.queue(() => {
      const items = this.ctx.fake.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => this.ctx.fake.sheetByKey(s.id), s.id);
        ws.preload(list);
        return ws;
      });
      this.ctx.deliver(() => (this.itemsList = items));
    });
    return this;
  }

  get items(): XlWorksheet[] {
    if (!this.itemsList)
      throw new OfficeError(
        'PropertyNotLoaded',
        "The property 'items' is not available. Call load('items') and context.sync() first.",
      );
    return this.itemsList;
  }

  add(name?: string): XlWorksheet {
    const fake = this.ctx.fake;
    const id = fake.newId('sheet');
    const wanted = name ?? `Sheet${fake.sheets.length + 1}`;
    this.ctx.queue(() => {
      fake.createSheet(wanted, id);
      fake.write('sheet.add', fake.sheetByKey(id) as SheetState, '');
    });
    return new FakeWorksheet(this.ctx, () => fake.sheetByKey(id), id);
  }

  getItem(key: string): XlWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.fake.sheetByKey(key), undefined);
    this.ctx.queue(() => {
      if (!this.ctx.fake.sheetByKey(key)) throw new OfficeError('ItemNotFound', `找不到工作表 ${key}`);
    });
    return ws;
  }

  getItemOrNullObject(key: string): XlWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.fake.sheetByKey(key), undefined);
    ws.markNullable();
    return ws;
  }

  get onChanged(): XlEvents<XlChangedEvent> {
    if (this.ctx.fake.apiVersion < 9) throw new OfficeError('ApiNotFound', 'worksheets.onChanged 需要 ExcelApi 1.9');
    return { add: (h) => this.ctx.fake.onAnyChanged(h) };
  }

  get onActivated(): XlEvents<XlActivatedEvent> {
    if (this.ctx.fake.apiVersion < 9) throw new OfficeError('ApiNotFound', 'worksheets.onActivated 需要 ExcelApi 1.9');
    return { add: (h) => this.ctx.fake.onAnyActivated(h) };
  }

  get onAdded(): XlEvents<XlWorksheetAddedEvent> {
    if (this.ctx.fake.apiVersion < 7) throw new OfficeError('ApiNotFound', 'worksheets.onAdded 需要 ExcelApi 1.7');
    return { add: (h) => this.ctx.fake.onAnyAdded(h) };
  }

  get onDeleted(): XlEvents<XlWorksheetDeletedEvent> {
    if (this.ctx.fake.apiVersion < 7) throw new OfficeError('ApiNotFound', 'worksheets.onDeleted 需要 ExcelApi 1.7');
    return { add: (h) => this.ctx.fake.onAnyDeleted(h) };
  }
}

class FakeWorksheet extends ClientObject implements XlWorksheet {
  constructor(
    ctx: FakeContext,
    private resolve: () => SheetState | undefined,
    private knownId: string | undefined,
  ) {
    super(ctx);
  }

  state(): SheetState {
    const s = this.resolve();
    if (!s) throw new OfficeError('ItemNotFound', '工作表不存在');
    return s;
  }

  protected exists(): boolean {
    return this.resolve() !== undefined;
  }

  markNullable(): void {
    this.trackNull();
  }

  preload(props: string[]): void {
    const s = this.state();
    for (const p of props) this.put(p, this.readProp(p, s));
  }

  protected readProp(prop: string, s = this.state()): unknown {
    if (prop === 'name') return s.name;
    if (prop === 'id') return s.id;
    throw new OfficeError('InvalidArgument', `fake: unsupported worksheet property ${prop}`);
  }

  get id(): string {
    return this.knownId ?? this.got<string>('id');
  }

  get name(): string {
    return this.got<string>('name');
  }

  set name(v: string) {
    this.ctx.queue(() => {
      this.state().name = v;
    });
  }

  getRange(address?: string): XlRange {
    return new FakeRange(this.ctx, () => {
      const s = this.state();
      return { s, rect: address ? parseRect(address) : { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange {
    const r = new FakeRange(this.ctx, () => {
      const s = this.state();
      let rect: Rect | undefined;
      for (const [k, c] of s.cells) {
        if (valuesOnly && c.value === '' && !c.formula) continue;
        const [row, col] = k.split(',').map(Number);
        rect = rect
          ? {
              top: Math.min(rect.top, row),
              left: Math.min(rect.left, col),
              bottom: Math.max(rect.bottom, row),
              right: Math.max(rect.right, col),
            }
          : { top: row, left: col, bottom: row, right: col };
      }
      return rect ? { s, rect } : undefined;
    });
    r.nullable();
    return r;
  }

  getUsedRange(valuesOnly?: boolean): XlRange {
    const used = this.getUsedRangeOrNullObject(valuesOnly) as FakeRange;
    return new FakeRange(
      this.ctx,
      () => used.peek() ?? { s: this.state(), rect: { top: 0, left: 0, bottom: 0, right: 0 } },
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange {
    if (this.ctx.fake.apiVersion < 7) throw new OfficeError('ApiNotFound', 'getRangeByIndexes 需要 ExcelApi 1.7');
    return new FakeRange(this.ctx, () => ({
      s: this.state(),
      rect: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 },
    }));
  }

  get freezePanes(): { freezeRows(count?: number): void } {
    return {
      freezeRows: (count = 1) => {
        if (this.ctx.fake.apiVersion < 7) throw new OfficeError('ApiNotFound', 'freezePanes 需要 ExcelApi 1.7');
        this.ctx.queue(() => {
          this.state().freezeRows = count;
        });
      },
    };
  }

  get pageLayout(): XlPageLayout {
    if (this.ctx.fake.apiVersion < 9) throw new OfficeError('ApiNotFound', 'pageLayout 需要 ExcelApi 1.9');
    const set = (k: 'orientation' | 'paperSize' | 'zoom', v: unknown): void =>
      this.ctx.queue(() => {
        const pl = this.state().pageLayout;
        if (k === 'zoom') pl.zoom = v as Record<string, number>;
        else pl[k] = v as string;
      });
    return {
      set orientation(v: string) {
        set('orientation', v);
      },
      get orientation(): string {
        throw new OfficeError('PropertyNotLoaded', 'orientation 未加载');
      },
      set paperSize(v: string) {
        set('paperSize', v);
      },
      get paperSize(): string {
        throw new OfficeError('PropertyNotLoaded', 'paperSize 未加载');
      },
      set zoom(v: Record<string, number>) {
        set('zoom', v);
      },
      get zoom(): Record<string, number> {
        throw new OfficeError('PropertyNotLoaded', 'zoom 未加载');
      },
    };
  }

  activate(): void {
    this.ctx.queue(() => {
      this.ctx.fake.activeSheetId = this.state().id;
    });
  }

  get onChanged(): XlEvents<XlChangedEvent> {
    return {
      add: (h) => {
        // Like Office, a handler can be added to a sheet proxy whose id was never loaded.
        const id = this.knownId ?? this.state().id;
        return this.ctx.fake.onSheetChanged(id, h);
      },
    };
  }

  get onActivated(): XlEvents<XlActivatedEvent> {
    return { add: (h) => this.ctx.fake.onAnyActivated(h) };
  }
}

type Target = { s: SheetState; rect: Rect } | undefined;

class FakeRange extends ClientObject implements XlRange {
  constructor(
    ctx: FakeContext,
    private target: () => Target,
  ) {
    super(ctx);
  }

  nullable(): void {
    this.trackNull();
  }

  protected exists(): boolean {
    return this.target() !== undefined;
  }

  /** The target now, or undefined (a null object), without throwing. */
  peek(): Target {
    return this.target();
  }

  getBoundingRect(other: XlRange | string): XlRange {
    return new FakeRange(this.ctx, () => {
      const { s, rect } = this.at();
      const o = typeof other === 'string' ? parseRect(other) : (other as FakeRange).at().rect;
      return {
        s,
        rect: {
          top: Math.min(rect.top, o.top),
          left: Math.min(rect.left, o.left),
          bottom: Math.max(rect.bottom, o.bottom),
          right: Math.max(rect.right, o.right),
        },
      };
    });
  }

  getLastRow(): XlRange {
    return new FakeRange(this.ctx, () => {
      const { s, rect } = this.at();
      return { s, rect: { ...rect, top: rect.bottom } };
    });
  }

  getCell(row: number, column: number): XlRange {
    return new FakeRange(this.ctx, () => {
      const { s, rect } = this.at();
      return {
        s,
        rect: { top: rect.top + row, left: rect.left + column, bottom: rect.top + row, right: rect.left + column },
      };
    });
  }

  at(): { s: SheetState; rect: Rect } {
    const t = this.target();
    if (!t) throw new OfficeError('InvalidObjectPath', '区域不存在');
    return t;
  }

  /** Over its cell limit Excel answers `values: null` rather than an error. */
  private tooManyCells(): boolean {
    const { rect } = this.at();
    return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > this.ctx.fake.maxCellsPerRead;
  }

  private grid<T>(f: (c: CellState | undefined) => T): T[][] {
    const { s, rect } = this.at();
    const out: T[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: T[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(f(s.cells.get(`${r},${c}`)));
      out.push(row);
    }
    return out;
  }

  protected readProp(prop: string): unknown {
    const { rect, s } = this.at();
    switch (prop) {
      case 'address':
        return `${quoteIfNeeded(s.name)}!${rectAddr(rect)}`;
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'values':
        return this.tooManyCells() ? null : this.grid((c) => (c?.error ? c.error : (c?.value ?? '')));
      case 'formulas':
        return this.tooManyCells() ? null : this.grid((c) => c?.formula ?? c?.value ?? '');
      case 'numberFormat':
        return this.grid((c) => c?.numberFormat ?? 'General');
      case 'valueTypes':
        if (this.tooManyCells()) return null;
        return this.grid((c) =>
          c?.error
            ? 'Error'
            : c === undefined || c.value === ''
              ? 'Empty'
              : typeof c.value === 'number'
                ? 'Double'
                : typeof c.value === 'boolean'
                  ? 'Boolean'
                  : 'String',
        );
      default:
        throw new OfficeError('InvalidArgument', `fake: unsupported range property ${prop}`);
    }
  }

  get address(): string {
    return this.got('address');
  }
  get rowIndex(): number {
    return this.got('rowIndex');
  }
  get columnIndex(): number {
    return this.got('columnIndex');
  }
  get rowCount(): number {
    return this.got('rowCount');
  }
  get columnCount(): number {
    return this.got('columnCount');
  }
  get values(): unknown[][] {
    return this.got('values');
  }
  get formulas(): unknown[][] {
    return this.got('formulas');
  }
  get numberFormat(): unknown[][] {
    return this.got('numberFormat');
  }
  get valueTypes(): unknown[][] {
    return this.got('valueTypes');
  }

  private writeGrid(
    kind: string,
    data: unknown[][],
    apply: (cell: CellState, v: unknown, at: { s: SheetState; r: number; c: number }) => void,
  ): void {
    this.ctx.queue(() => {
      const { s, rect } = this.at();
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      if (data.length !== rows || data.some((row) => row.length !== cols)) {
        throw new OfficeError(
          'InvalidArgument',
          `${kind}: 数组大小 ${data.length}×${data[0]?.length ?? 0} 与区域 ${rectAddr(rect)} 不一致`,
        );
      }
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const at = { s, r: rect.top + r, c: rect.left + c };
          apply(this.ctx.fake.cellFor(s, at.r, at.c), data[r][c], at);
        }
      this.ctx.fake.write(kind, s, rectAddr(rect));
      if (kind !== 'numberFormat') this.ctx.noteDataChange(s, rectAddr(rect));
    }, data);
  }

  /** `values` and `formulas` take a string as typed input (see `typed`). */
  set values(v: unknown[][]) {
    this.writeGrid('values', v, (cell, x, at) => this.ctx.fake.typed(cell, x, at));
  }

  set formulas(v: unknown[][]) {
    this.writeGrid('formulas', v, (cell, x, at) => this.ctx.fake.typed(cell, x, at));
  }

  set numberFormat(v: unknown[][]) {
    this.writeGrid('numberFormat', v, (cell, x) => {
      cell.numberFormat = String(x);
    });
  }

  set valueTypes(_v: unknown[][]) {
    throw new OfficeError('InvalidArgument', 'valueTypes 只读');
  }

  private eachCell(kind: string, f: (c: CellState) => void): void {
    this.ctx.queue(() => {
      const { s, rect } = this.at();
      for (let r = rect.top; r <= Math.min(rect.bottom, 2000); r++)
        for (let c = rect.left; c <= Math.min(rect.right, 200); c++) f(this.ctx.fake.cellFor(s, r, c));
      this.ctx.fake.write(kind, s, rectAddr(rect));
    });
  }

  get format(): XlRangeFormat {
    const self = this;
    const setFmt = <K extends keyof FormatState>(k: K, v: FormatState[K]): void =>
      self.eachCell(`format.${k}`, (c) => (c.format[k] = v));
    const notLoaded = (): never => {
      throw new OfficeError('PropertyNotLoaded', 'fake: format 属性未加载');
    };
    const font: XlFont = {
      set bold(v: boolean) {
        setFmt('bold', v);
      },
      get bold(): boolean {
        return notLoaded();
      },
      set size(v: number) {
        setFmt('size', v);
      },
      get size(): number {
        return notLoaded();
      },
      set name(v: string) {
        setFmt('fontName', v);
      },
      get name(): string {
        return notLoaded();
      },
      set color(v: string) {
        setFmt('fontColor', v);
      },
      get color(): string {
        return notLoaded();
      },
    };
    const fill: XlFill = {
      set color(v: string) {
        setFmt('fill', v);
      },
      get color(): string {
        return notLoaded();
      },
    };
    const borders: XlBorders = {
      getItem(index: string): XlBorder {
        return {
          set style(v: string) {
            self.eachCell('format.border', (c) => (c.format.borders = { ...c.format.borders, [index]: v }));
          },
          get style(): string {
            return notLoaded();
          },
          set weight(_v: string) {
            self.eachCell('format.border', () => undefined);
          },
          get weight(): string {
            return notLoaded();
          },
        };
      },
    };
    return {
      font,
      fill,
      borders,
      set horizontalAlignment(v: string) {
        setFmt('hAlign', v);
      },
      get horizontalAlignment(): string {
        return notLoaded();
      },
      set verticalAlignment(v: string) {
        setFmt('vAlign', v);
      },
      get verticalAlignment(): string {
        return notLoaded();
      },
      set wrapText(v: boolean) {
        setFmt('wrap', v);
      },
      get wrapText(): boolean {
        return notLoaded();
      },
      set indentLevel(v: number) {
        setFmt('indent', v);
      },
      get indentLevel(): number {
        return notLoaded();
      },
      set columnWidth(v: number) {
        self.ctx.queue(() => {
          const { s, rect } = self.at();
          for (let c = rect.left; c <= rect.right; c++) s.columnWidths.set(c, v);
          self.ctx.fake.write('format.columnWidth', s, rectAddr(rect));
        });
      },
      get columnWidth(): number {
        return notLoaded();
      },
      set rowHeight(v: number) {
        self.ctx.queue(() => {
          const { s, rect } = self.at();
          for (let r = rect.top; r <= rect.bottom; r++) s.rowHeights.set(r, v);
          self.ctx.fake.write('format.rowHeight', s, rectAddr(rect));
        });
      },
      get rowHeight(): number {
        return notLoaded();
      },
    };
  }

  get conditionalFormats(): XlConditionalFormatCollection {
    if (this.ctx.fake.apiVersion < 6) throw new OfficeError('ApiNotFound', 'conditionalFormats 需要 ExcelApi 1.6');
    return new FakeCfCollection(this.ctx, () => this.at());
  }

  merge(across = false): void {
    this.ctx.queue(() => {
      const { s, rect } = this.at();
      if (across) throw new OfficeError('InvalidArgument', 'fake: merge(across) not modelled');
      if (s.merges.some((m) => intersects(m, rect)))
        throw new OfficeError('InvalidOperation', `合并区域 ${rectAddr(rect)} 与已有合并区域重叠`);
      s.merges.push(rect);
      this.ctx.fake.write('merge', s, rectAddr(rect));
    });
  }

  select(): void {
    this.ctx.queue(() => {
      const { s, rect } = this.at();
      this.ctx.fake.selection = { sheet: s.name, address: rectAddr(rect) };
    });
  }

  getMergedAreasOrNullObject(): XlRangeAreas {
    if (this.ctx.fake.apiVersion < 13)
      throw new OfficeError('ApiNotFound', 'getMergedAreasOrNullObject 需要 ExcelApi 1.13');
    return new FakeRangeAreas(this.ctx, () => {
      const { s, rect } = this.at();
      const ms = s.merges.filter((m) => intersects(m, rect));
      return ms.length ? ms.map((m) => `${quoteIfNeeded(s.name)}!${rectAddr(m)}`).join(', ') : undefined;
    });
  }

  getCellProperties(props: { format: { indentLevel: true } }): XlClientResult<XlCellIndent[][]> {
    if (this.ctx.fake.apiVersion < 9) throw new OfficeError('ApiNotFound', 'getCellProperties 需要 ExcelApi 1.9');
    let value: XlCellIndent[][] | undefined;
    this.ctx.queue(() => {
      const grid = this.grid((c) => ({
        format: { indentLevel: props.format.indentLevel ? (c?.format.indent ?? 0) : undefined },
      }));
      this.ctx.countResponse(grid);
      this.ctx.deliver(() => (value = grid));
    });
    return {
      get value(): XlCellIndent[][] {
        if (!value) throw new OfficeError('PropertyNotLoaded', 'ClientResult.value 在 context.sync() 之前不可用');
        return value;
      },
    };
  }
}

class FakeRangeAreas extends ClientObject implements XlRangeAreas {
  constructor(
    ctx: FakeContext,
    private compute: () => string | undefined,
  ) {
    super(ctx);
    this.trackNull();
  }
  protected exists(): boolean {
    return this.compute() !== undefined;
  }
  protected readProp(prop: string): unknown {
    if (prop === 'address') return this.compute();
    throw new OfficeError('InvalidArgument', `fake: unsupported RangeAreas property ${prop}`);
  }
  get address(): string {
    return this.got('address');
  }
}

class FakeCfCollection implements XlConditionalFormatCollection {
  private list?: XlConditionalFormat[];

  constructor(
    private ctx: FakeContext,
    private at: () => { s: SheetState; rect: Rect },
  ) {}

  get items(): XlConditionalFormat[] {
    if (!this.list) throw new OfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }

  /**
   * `items/custom/rule/formula` fails on a collection holding other types, as in Excel
   * (OfficeDev/office-js#2180); `items/customOrNullObject/rule/formula` answers null objects.
   * Ids are positions here: the typings call `id` "the priority … in the collection", so nothing
   * may rely on an id staying put.
   */
  load(props: string): this {
    const wants = props.split(',').map((p) => p.trim());
    this.ctx.queue(() => {
      const { s, rect } = this.at();
      const states = s.cfs.filter((cf) => intersects(cf.rect, rect));
      if (this.ctx.fake.failConditionalFormatReads)
        throw new OfficeError('GeneralException', 'An internal error has occurred.');
      if (wants.some((p) => p.startsWith('items/custom/')) && states.some((cf) => cf.type !== 'Custom')) {
        throw new OfficeError('InvalidOperation', 'This operation is not permitted for the current object.');
      }
      const withFormula = wants.some((p) => p.startsWith('items/custom'));
      const list = states.map(
        (cf, i) => new FakeCf(this.ctx, () => ({ s, cf }), String(i), cf.type, withFormula ? cf.formula : undefined),
      );
      this.ctx.countResponse(states.map((cf) => ({ type: cf.type, formula: withFormula ? cf.formula : undefined })));
      this.ctx.deliver(() => (this.list = list));
    });
    return this;
  }

  add(type: string): XlConditionalFormat {
    const id = this.ctx.fake.newId('cf');
    let state: CfState | undefined;
    let sheet: SheetState | undefined;
    this.ctx.queue(() => {
      const { s, rect } = this.at();
      state = { id, rect, type, formula: '', fill: '', fontColor: '' };
      sheet = s;
      s.cfs.push(state);
      this.ctx.fake.write('cf.add', s, rectAddr(rect));
    });
    return new FakeCf(
      this.ctx,
      () => (state && sheet ? { s: sheet, cf: state } : undefined),
      undefined,
      type,
      undefined,
    );
  }
}

class FakeCf extends ClientObject implements XlConditionalFormat {
  constructor(
    ctx: FakeContext,
    private find: () => { s: SheetState; cf: CfState } | undefined,
    private knownId: string | undefined,
    knownType: string | undefined,
    knownFormula: string | undefined,
  ) {
    super(ctx);
    if (knownId !== undefined) this.put('id', knownId);
    if (knownType !== undefined && knownId !== undefined) this.put('type', knownType);
    this.put('custom/rule/formula', knownFormula);
  }

  protected exists(): boolean {
    return this.find() !== undefined;
  }

  protected readProp(prop: string): unknown {
    const f = this.find();
    if (!f) throw new OfficeError('ItemNotFound', '条件格式不存在');
    if (prop === 'id') return f.cf.id;
    if (prop === 'type') return f.cf.type;
    throw new OfficeError('InvalidArgument', `fake: unsupported CF property ${prop}`);
  }

  get id(): string {
    return this.got('id');
  }
  get type(): string {
    return this.got('type');
  }

  private set(f: (cf: CfState) => void): void {
    this.ctx.queue(() => {
      const found = this.find();
      if (!found) throw new OfficeError('ItemNotFound', '条件格式不存在');
      f(found.cf);
    });
  }

  get customOrNullObject(): XlCustomConditionalFormat & { isNullObject: boolean } {
    const isCustom = this.got<string>('type') === 'Custom';
    const formula = this.got<string | undefined>('custom/rule/formula');
    return {
      isNullObject: !isCustom,
      rule: {
        get formula(): string {
          if (!isCustom) throw new OfficeError('InvalidObjectPath', '不是自定义条件格式');
          if (formula === undefined) throw new OfficeError('PropertyNotLoaded', 'fake: 条件格式公式未加载');
          return formula;
        },
      },
      format: this.custom.format,
    };
  }

  get custom(): XlCustomConditionalFormat {
    const self = this;
    const notLoaded = (): never => {
      throw new OfficeError('PropertyNotLoaded', 'fake: 条件格式属性未加载');
    };
    return {
      rule: {
        set formula(v: string) {
          self.set((cf) => (cf.formula = v));
        },
        get formula(): string {
          return notLoaded();
        },
      },
      format: {
        fill: {
          set color(v: string) {
            self.set((cf) => (cf.fill = v));
          },
          get color(): string {
            return notLoaded();
          },
        },
        font: {
          set color(v: string) {
            self.set((cf) => (cf.fontColor = v));
          },
          get color(): string {
            return notLoaded();
          },
          set bold(_v: boolean) {
            self.set(() => undefined);
          },
          get bold(): boolean {
            return notLoaded();
          },
        },
      },
    };
  }

  delete(): void {
    this.ctx.queue(() => {
      const found = this.find();
      if (!found) throw new OfficeError('ItemNotFound', '条件格式不存在');
      found.s.cfs.splice(found.s.cfs.indexOf(found.cf), 1);
      this.ctx.fake.write('cf.delete', found.s, rectAddr(found.cf.rect));
    });
    void this.knownId;
  }
}

class FakeNameCollection implements XlNamedItemCollection {
  private list?: XlNamedItem[];

  constructor(private ctx: FakeContext) {}

  get items(): XlNamedItem[] {
    if (!this.list) throw new OfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }

  load(_props: string): this {
    this.ctx.queue(() => {
      const fake = this.ctx.fake;
      const list = fake.names.map((n) => {
        const s = fake.sheetByKey(n.sheetId);
        const value = s ? `${quoteIfNeeded(s.name)}!$${rectAddr(n.rect).replace(/([A-Z]+)(\d+)/g, '$1$$$2')}` : '#REF!';
        return { name: n.name, type: s ? 'Range' : 'Error', value, comment: n.comment, visible: true };
      });
      this.ctx.deliver(() => (this.list = list));
    });
    return this;
  }

  getItem(name: string): XlNamedItemHandle {
    const find = (): number => this.ctx.fake.names.findIndex((n) => n.name.toUpperCase() === name.toUpperCase());
    this.ctx.queue(() => {
      if (find() < 0) throw new OfficeError('ItemNotFound', `找不到名称 ${name}`);
    });
    return {
      delete: () =>
        this.ctx.queue(() => {
          const i = find();
          if (i < 0) throw new OfficeError('ItemNotFound', `找不到名称 ${name}`);
          this.ctx.fake.names.splice(i, 1);
        }),
    };
  }

  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem {
    this.ctx.queue(() => {
      const fake = this.ctx.fake;
      if (fake.names.some((n) => n.name.toUpperCase() === name.toUpperCase()))
        throw new OfficeError('ItemAlreadyExists', `名称 ${name} 已存在`);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new OfficeError('InvalidArgument', `名称 ${name} 不合法`);
      if (typeof reference === 'string')
        throw new OfficeError('InvalidArgument', 'fake: string references not modelled');
      const { s, rect } = (reference as FakeRange).at();
      fake.names.push({ name, sheetId: s.id, rect, comment: comment ?? '' });
      fake.write('name.add', s, name);
    });
    const notLoaded = (): never => {
      throw new OfficeError('PropertyNotLoaded', 'fake: 名称属性未加载');
    };
    return {
      get name(): string {
        return notLoaded();
      },
      get type(): string {
        return notLoaded();
      },
      get value(): unknown {
        return notLoaded();
      },
      get comment(): string {
        return notLoaded();
      },
      get visible(): boolean {
        return notLoaded();
      },
    };
  }
}

export function mergeRect(m: Merge): Rect {
  return m;
}
