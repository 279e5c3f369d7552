import { addr, columnIndex, columnLetter, type Workbook } from '../../src/core/model/grid';
import type {
  EtApiEvent,
  EtApplication,
  EtBorder,
  EtBorders,
  EtFont,
  EtFormatCondition,
  EtFormatConditions,
  EtInterior,
  EtName,
  EtNames,
  EtPageSetup,
  EtRange,
  EtSheets,
  EtWindow,
  EtWorkbook,
  EtWorksheet,
} from '../../src/wps/et';

/**
 * A fake of the WPS 表格 (ET) object-model subset in src/wps/et.ts. Every property read or write
 * and every method call on an ET object counts as one call (`calls`): the ET model is synchronous
 * and each call crosses into WPS, so the count is what a pass costs (bench/wps.bench.ts).
 *
 * Semantics, with their sources (WPS API reference: airsheet.wps.cn/docs/apiV2/excel/workbook/…,
 * the same object model as the 加载项 JS API; typings: et-jsapi-declare lib.et.d.ts):
 * - `Value2` (Value2 属性): one cell → a scalar; several → an array of rows; dates are serial
 *   numbers (no Date type). An empty cell: not documented → `emptyValue` (undefined by default;
 *   tests also run null and ''). An error value: not documented → `errorStyle` 'text' ('#DIV/0!')
 *   or 'code' (the COM HRESULT of VBA's CVErr, -2146826281).
 * - `Formula` (Formula 属性): the formula text; a constant reads as its text, an empty cell as ''.
 *   Writing a 2-D array fills the range; '=…' becomes a formula unless the cell is text ('@'), a
 *   numeric text in a General cell becomes a number (VBA). The fake does not calculate: a formula's
 *   value is 0 until a test sets it (the Excel fake does the same).
 * - `Cells.Item(r, c)` and `Sheets.Item(i)`, `Names.Item(i)`, `FormatConditions.Item(i)`: 1-based.
 * - `UsedRange` (UsedRange 属性): the bounding box of cells with content or a format; `$A$1` on an
 *   empty sheet. Conditional formats do not extend it.
 * - `MergeCells` (MergeCells 属性: “如果区域包含合并单元格，则为 True”): true when every cell is in
 *   a merged area, false when none is; partly merged is not documented → `mixedMergeCells` (null,
 *   as VBA, by default). `MergeArea` (MergeArea 属性: “只应用于单个单元格区域”): the area of one
 *   cell, or the cell; the fake refuses it on several cells. A merged area's `Value2` holds the
 *   value in its top-left cell only.
 * - `IndentLevel`, `NumberFormat`, `Interior.Color` of a range whose cells differ: not documented
 *   → null (VBA).
 * - `FormatConditions` (FormatConditions 对象): a range's collection holds the formats that touch
 *   it, `Cells.FormatConditions` all of the sheet's; `Add` appends (its priority is not documented:
 *   the fake puts it last, the case where a mark could hide under the clerk's rule); `Formula1` of
 *   a colour scale or data bar throws.
 * - Events (addon.et.d.ts `ApiEvent.AddApiEventListener`): SheetChange(sheet, range) for data
 *   writes, SheetActivate(sheet), WorkbookNewSheet(workbook, sheet). Whether a script's own writes
 *   raise them, and when, is not documented → `ownWriteEvents` ('async' by default: delivered after
 *   the write returns, the case a guard flag alone would miss). `Application.EnableEvents = false`
 *   suppresses them when they are raised, as in VBA.
 * - `Select()` needs its sheet to be the active one (VBA error 1004 otherwise).
 * - Sheet names: ≤31 characters, none of \ / ? * [ ] :, unique regardless of case.
 * - Feature switches (`events`, `conditionalFormats`, `enableEvents`, `setFirstPriority`) model
 *   WPS builds without them.
 */
export interface FakeEtOptions {
  emptyValue?: undefined | null | '';
  errorStyle?: 'text' | 'code';
  mixedMergeCells?: null | true;
  ownWriteEvents?: 'sync' | 'async' | 'none';
  events?: boolean;
  conditionalFormats?: boolean;
  enableEvents?: boolean;
  setFirstPriority?: boolean;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellFormat {
  fill?: number;
  bold?: boolean;
  size?: number;
  hAlign?: number;
  vAlign?: number;
  wrap?: boolean;
  indent: number;
  borders: Record<number, number>;
}

export interface CellState {
  value: string | number | boolean | undefined;
  formula?: string;
  error?: string;
  numberFormat: string;
  format: CellFormat;
}

export interface CfState {
  id: number;
  rect: Rect;
  type: number;
  formula1: string;
  fill?: number;
}

export interface SheetState {
  name: string;
  cells: Map<string, CellState>;
  merges: Rect[];
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  cfs: CfState[];
  pageSetup: Record<string, unknown>;
  freeze: { row: number; col: number; frozen: boolean };
}

interface NameState {
  name: string;
  sheet: SheetState | undefined;
  rect: Rect;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

const ERROR_CODES: Record<string, number> = {
  '#NULL!': 2000,
  '#DIV/0!': 2007,
  '#VALUE!': 2015,
  '#REF!': 2023,
  '#NAME?': 2029,
  '#NUM!': 2036,
  '#N/A': 2042,
};

export class EtError extends Error {}

/** `A1`, `$A$1:$C$3`, `A:C`, `5:5` → 0-based rectangle. */
export function parseRect(address: string): Rect {
  const a = address.replace(/\$/g, '').trim().toUpperCase();
  const [p, q = p] = a.split(':');
  const one = (s: string, end: boolean): { r: number; c: number } => {
    if (/^\d+$/.test(s)) return { r: Number(s) - 1, c: end ? MAX_COLS - 1 : 0 };
    if (/^[A-Z]+$/.test(s)) return { r: end ? MAX_ROWS - 1 : 0, c: columnIndex(s) };
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new EtError(`无效的区域地址 ${address}`);
    return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
  };
  const s = one(p, false);
  const e = one(q, true);
  return { top: s.r, left: s.c, bottom: e.r, right: e.c };
}

export function rectText(r: Rect, absolute = true): string {
  const d = absolute ? '$' : '';
  const cell = (row: number, col: number): string => `${d}${columnLetter(col)}${d}${row + 1}`;
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${d}${columnLetter(r.left)}:${d}${columnLetter(r.right)}`;
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${d}${r.top + 1}:${d}${r.bottom + 1}`;
  if (r.top === r.bottom && r.left === r.right) return cell(r.top, r.left);
  return `${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`;
}

const within = (r: Rect, row: number, col: number): boolean =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
const overlaps = (a: Rect, b: Rect): boolean =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const size = (r: Rect): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

function emptyFormat(): CellFormat {
  return { indent: 0, borders: {} };
}

export function invalidSheetName(name: string): boolean {
  return name.trim() === '' || name.length > 31 || /[\\/?*[\]:]/.test(name);
}

export class FakeEt {
  readonly opts: Required<Omit<FakeEtOptions, 'emptyValue' | 'mixedMergeCells'>> &
    Pick<FakeEtOptions, 'emptyValue' | 'mixedMergeCells'>;
  sheets: SheetState[] = [];
  names: NameState[] = [];
  calls = 0;
  activeSheet?: SheetState;
  selection?: { sheet: string; address: string };
  enableEvents = true;
  screenUpdating = true;
  /** No workbook open (Application.ActiveWorkbook is null). */
  noWorkbook = false;
  /** What a formula the add-in writes computes (the fake does not calculate): 0 unless a test says. */
  formulaValue?: (sheet: string, address: string, formula: string) => string | number | undefined;
  readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  private pending: (() => void)[] = [];
  private nextCf = 1;
  private nextSheet = 1;
  readonly app: EtApplication;
  readonly workbook: FakeWorkbook;

  constructor(options: FakeEtOptions = {}) {
    this.opts = {
      errorStyle: 'text',
      ownWriteEvents: 'async',
      events: true,
      conditionalFormats: true,
      enableEvents: true,
      setFirstPriority: true,
      ...options,
    };
    this.workbook = new FakeWorkbook(this);
    this.app = this.makeApplication();
  }

  tick(): void {
    this.calls++;
  }

  private makeApplication(): EtApplication {
    const fake = this;
    const app = {} as Record<string, unknown>;
    Object.defineProperty(app, 'ActiveWorkbook', {
      get: () => (fake.tick(), fake.noWorkbook ? null : fake.workbook),
    });
    Object.defineProperty(app, 'ActiveWindow', { get: () => (fake.tick(), new FakeWindow(fake)) });
    Object.defineProperty(app, 'ScreenUpdating', {
      get: () => (fake.tick(), fake.screenUpdating),
      set: (v: boolean) => (fake.tick(), (fake.screenUpdating = v)),
    });
    if (this.opts.enableEvents)
      Object.defineProperty(app, 'EnableEvents', {
        get: () => (fake.tick(), fake.enableEvents),
        set: (v: boolean) => (fake.tick(), (fake.enableEvents = v)),
      });
    if (this.opts.events) {
      const api: EtApiEvent = {
        AddApiEventListener(name, callback) {
          fake.tick();
          fake.listeners.set(name, [...(fake.listeners.get(name) ?? []), callback]);
        },
        RemoveApiEventListener(name, callback) {
          fake.tick();
          fake.listeners.set(
            name,
            (fake.listeners.get(name) ?? []).filter((h) => callback !== undefined && h !== callback),
          );
        },
      };
      Object.defineProperty(app, 'ApiEvent', { get: () => (fake.tick(), api) });
    }
    return app as unknown as EtApplication;
  }

  // ---- events ----

  /** Raises an event as WPS would: `own` writes follow `ownWriteEvents`; EnableEvents=false drops it. */
  raise(name: string, args: unknown[], own: boolean): void {
    if (!this.enableEvents) return;
    const deliver = (): void => {
      for (const h of this.listeners.get(name) ?? []) h(...args);
    };
    if (own && this.opts.ownWriteEvents === 'none') return;
    if (own && this.opts.ownWriteEvents === 'sync') deliver();
    else this.pending.push(deliver);
  }

  /** Delivers queued events (the clerk's, and the add-in's own in 'async' mode). */
  async flushEvents(): Promise<void> {
    await Promise.resolve();
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      for (const d of batch) d();
      await Promise.resolve();
    }
  }

  listenerCount(): number {
    let n = 0;
    for (const l of this.listeners.values()) n += l.length;
    return n;
  }

  // ---- test helpers (direct state access, not counted) ----

  createSheet(name: string, index = this.sheets.length): SheetState {
    if (this.sheetByName(name)) throw new EtError(`工作表 ${name} 已存在`);
    if (invalidSheetName(name)) throw new EtError(`工作表名称 ${name} 无效`);
    const s: SheetState = {
      name,
      cells: new Map(),
      merges: [],
      colWidths: new Map(),
      rowHeights: new Map(),
      cfs: [],
      pageSetup: { PaperSize: 1, Orientation: 1, Zoom: 100, FitToPagesWide: 1, FitToPagesTall: 1 },
      freeze: { row: 0, col: 0, frozen: false },
    };
    this.sheets.splice(index, 0, s);
    this.activeSheet ??= s;
    return s;
  }

  addSheet(name: string, rows: (string | number | null)[][] = []): SheetState {
    const s = this.createSheet(name);
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

  /** Puts a grid workbook (a rebuilt seed) into the fake as the clerk's own file. */
  loadWorkbook(wb: Workbook): void {
    for (const sheet of wb.sheets) {
      const s = this.createSheet(sheet.name);
      sheet.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell) return;
          const st = this.cellFor(s, r, c);
          const v = cell.value;
          if (v !== null && typeof v === 'object') st.error = v.error;
          else st.value = v ?? undefined;
          if (cell.formula) st.formula = '=' + cell.formula;
          if (cell.indent) st.format.indent = cell.indent;
        }),
      );
      s.merges = sheet.merges.map((m) => ({ ...m }));
    }
  }

  sheetByName(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase());
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
      cell = { value: undefined, numberFormat: 'General', format: emptyFormat() };
      s.cells.set(k, cell);
    }
    return cell;
  }

  cell(sheet: string, a: string): CellState | undefined {
    const r = parseRect(a);
    return this.sheet(sheet).cells.get(`${r.top},${r.left}`);
  }

  /** Everything a clerk sees in a sheet except conditional formats. */
  formatSnapshot(sheet: string): string {
    const s = this.sheet(sheet);
    const cells = [...s.cells.entries()]
      .filter(([, c]) => !isBlank(c))
      .sort()
      .map(([k, v]) => [k, v.value, v.formula, v.error, v.numberFormat, v.format]);
    return JSON.stringify({ cells, merges: s.merges, cw: [...s.colWidths], rh: [...s.rowHeights] });
  }

  /** The clerk types into a cell: it changes at once and SheetChange follows. */
  async edit(sheet: string, a: string, value: string | number): Promise<void> {
    const s = this.sheet(sheet);
    const r = parseRect(a);
    const cell = this.cellFor(s, r.top, r.left);
    delete cell.error;
    if (typeof value === 'string' && value.startsWith('=')) {
      cell.formula = value;
      cell.value = 0;
    } else {
      cell.value = value === '' ? undefined : value;
      delete cell.formula;
    }
    this.raise('SheetChange', [new FakeWorksheet(this, s), new FakeRange(this, s, r)], false);
    await this.flushEvents();
  }

  /** The clerk switches to a sheet. */
  async activate(sheet: string): Promise<void> {
    const s = this.sheet(sheet);
    this.activeSheet = s;
    this.raise('SheetActivate', [new FakeWorksheet(this, s)], false);
    await this.flushEvents();
  }

  rename(oldName: string, newName: string): void {
    this.sheet(oldName).name = newName;
  }

  /** The clerk deletes a sheet: names pointing at it turn into #REF!. */
  deleteSheet(name: string): void {
    const s = this.sheet(name);
    this.sheets = this.sheets.filter((x) => x !== s);
    for (const n of this.names) if (n.sheet === s) n.sheet = undefined;
    if (this.activeSheet === s) this.activeSheet = this.sheets[0];
  }

  // ---- shared by the object classes ----

  usedRect(s: SheetState): Rect {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of s.cells) {
      if (isBlank(c)) continue;
      const [r, col] = k.split(',').map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    for (const m of s.merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
  }

  newCfId(): number {
    return this.nextCf++;
  }

  newSheetName(): string {
    for (;;) {
      const n = `Sheet${this.nextSheet++}`;
      if (!this.sheetByName(n)) return n;
    }
  }
}

function isBlank(c: CellState): boolean {
  const f = c.format;
  return (
    c.value === undefined &&
    c.formula === undefined &&
    c.error === undefined &&
    c.numberFormat === 'General' &&
    f.fill === undefined &&
    f.bold === undefined &&
    f.size === undefined &&
    f.hAlign === undefined &&
    f.vAlign === undefined &&
    f.wrap === undefined &&
    f.indent === 0 &&
    Object.keys(f.borders).length === 0
  );
}

class FakeWindow implements EtWindow {
  constructor(private readonly f: FakeEt) {}
  private get freeze(): SheetState['freeze'] {
    const s = this.f.activeSheet;
    if (!s) throw new EtError('没有活动工作表');
    return s.freeze;
  }
  get FreezePanes(): unknown {
    this.f.tick();
    return this.freeze.frozen;
  }
  set FreezePanes(v: unknown) {
    this.f.tick();
    this.freeze.frozen = v === true;
  }
  get SplitRow(): unknown {
    this.f.tick();
    return this.freeze.row;
  }
  set SplitRow(v: unknown) {
    this.f.tick();
    this.freeze.row = Number(v);
  }
  get SplitColumn(): unknown {
    this.f.tick();
    return this.freeze.col;
  }
  set SplitColumn(v: unknown) {
    this.f.tick();
    this.freeze.col = Number(v);
  }
}

export class FakeWorkbook implements EtWorkbook {
  constructor(private readonly f: FakeEt) {}
  get Worksheets(): EtSheets {
    this.f.tick();
    return new FakeSheets(this.f);
  }
  get Names(): EtNames {
    this.f.tick();
    return new FakeNames(this.f);
  }
}

class FakeSheets implements EtSheets {
  constructor(private readonly f: FakeEt) {}
  get Count(): number {
    this.f.tick();
    return this.f.sheets.length;
  }
  Item(index: number | string): EtWorksheet {
    this.f.tick();
    const s = typeof index === 'number' ? this.f.sheets[index - 1] : this.f.sheetByName(index);
    if (!s) throw new EtError(`下标越界：没有工作表 ${index}`);
    return new FakeWorksheet(this.f, s);
  }
  Add(before?: unknown, after?: unknown): EtWorksheet {
    this.f.tick();
    const anchor = (x: unknown): number => {
      const s = (x as FakeWorksheet).state;
      const i = this.f.sheets.indexOf(s);
      if (i < 0) throw new EtError('Add：参照的工作表不存在');
      return i;
    };
    let index: number;
    if (after !== undefined) index = anchor(after) + 1;
    else if (before !== undefined) index = anchor(before);
    else index = this.f.activeSheet ? this.f.sheets.indexOf(this.f.activeSheet) : 0;
    const s = this.f.createSheet(this.f.newSheetName(), index);
    // The new sheet becomes the active one (Sheets.Add).
    this.f.activeSheet = s;
    const ws = new FakeWorksheet(this.f, s);
    this.f.raise('WorkbookNewSheet', [this.f.workbook, ws], true);
    return ws;
  }
}

export class FakeWorksheet implements EtWorksheet {
  constructor(
    private readonly f: FakeEt,
    readonly state: SheetState,
  ) {}
  private alive(): SheetState {
    if (!this.f.sheets.includes(this.state)) throw new EtError('对象已被删除');
    return this.state;
  }
  get Name(): string {
    this.f.tick();
    return this.alive().name;
  }
  set Name(v: string) {
    this.f.tick();
    const s = this.alive();
    if (invalidSheetName(v)) throw new EtError(`工作表名称“${v}”无效`);
    const other = this.f.sheetByName(v);
    if (other && other !== s) throw new EtError(`已有名为“${v}”的工作表`);
    s.name = v;
  }
  get UsedRange(): EtRange {
    this.f.tick();
    const s = this.alive();
    return new FakeRange(this.f, s, this.f.usedRect(s));
  }
  get Cells(): EtRange {
    this.f.tick();
    return new FakeRange(this.f, this.alive(), { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 });
  }
  Range(address: string): EtRange {
    this.f.tick();
    return new FakeRange(this.f, this.alive(), parseRect(address));
  }
  Activate(): void {
    this.f.tick();
    this.f.activeSheet = this.alive();
    this.f.raise('SheetActivate', [this], true);
  }
  get PageSetup(): EtPageSetup {
    this.f.tick();
    const ps = this.alive().pageSetup;
    const f = this.f;
    const prop = (k: string): PropertyDescriptor => ({
      get: () => (f.tick(), ps[k]),
      set: (v: unknown) => (f.tick(), (ps[k] = v)),
    });
    const out = {};
    for (const k of ['Orientation', 'PaperSize', 'Zoom', 'FitToPagesWide', 'FitToPagesTall'])
      Object.defineProperty(out, k, prop(k));
    return out as EtPageSetup;
  }
}

export class FakeRange implements EtRange {
  constructor(
    private readonly f: FakeEt,
    private readonly s: SheetState,
    readonly rect: Rect,
  ) {}

  private each(fn: (c: CellState) => void): void {
    this.eachAt((c) => fn(c));
  }

  private eachAt(fn: (c: CellState, row: number, col: number) => void): void {
    const r = this.rect;
    for (let row = r.top; row <= Math.min(r.bottom, r.top + 5000); row++)
      for (let col = r.left; col <= Math.min(r.right, r.left + 500); col++)
        fn(this.f.cellFor(this.s, row, col), row, col);
  }

  /** One value when all cells agree, null otherwise (VBA). */
  private uniform<T>(get: (c: CellState | undefined) => T): T | null {
    const r = this.rect;
    let first: T | undefined;
    let seen = false;
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const v = get(this.s.cells.get(`${row},${col}`));
        if (!seen) {
          first = v;
          seen = true;
        } else if (v !== first) return null;
      }
    return first as T;
  }

  private grid<T>(get: (c: CellState | undefined) => T): unknown {
    const r = this.rect;
    if (size(r) === 1) return get(this.s.cells.get(`${r.top},${r.left}`));
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(get(this.s.cells.get(`${row},${col}`)));
      out.push(line);
    }
    return out;
  }

  private value2(c: CellState | undefined): unknown {
    if (c?.error !== undefined) return this.f.opts.errorStyle === 'code' ? ERROR_CODES[c.error] - 2146828288 : c.error;
    if (c === undefined || c.value === undefined) return this.f.opts.emptyValue;
    return c.value;
  }

  private formulaText(c: CellState | undefined): string {
    if (!c) return '';
    if (c.formula !== undefined) return c.formula;
    if (c.error !== undefined) return c.error;
    if (c.value === undefined) return '';
    if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
    return String(c.value);
  }

  /**
   * Writes one cell as typing it would: '=…' a formula (not in a '@' cell), numeric text (with or
   * without thousands separators) a number, and a leading apostrophe makes the rest text (VBA's
   * quote prefix, `Range.PrefixCharacter`); in a '@' cell a string is kept as it is.
   */
  private put(c: CellState, v: unknown, row: number, col: number): void {
    delete c.error;
    delete c.formula;
    if (v === undefined || v === null || v === '') {
      c.value = undefined;
      return;
    }
    if (typeof v === 'string') {
      if (c.numberFormat === '@') c.value = v;
      else if (v.startsWith('=') && v.length > 1) {
        c.formula = v;
        c.value = this.f.formulaValue?.(this.s.name, addr(row, col), v) ?? 0;
      } else if (v.startsWith("'")) c.value = v.slice(1);
      else if (/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(v.trim())) c.value = Number(v.trim().replace(/,/g, ''));
      else c.value = v;
      return;
    }
    if (typeof v === 'number' || typeof v === 'boolean') c.value = v;
    else throw new EtError(`无法写入 ${String(v)}`);
  }

  private write(v: unknown): void {
    const r = this.rect;
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (Array.isArray(v)) {
      if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols))
        throw new EtError(`数组大小与区域 ${rectText(r)} 不一致`);
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++)
          this.put(this.f.cellFor(this.s, r.top + i, r.left + j), v[i][j], r.top + i, r.left + j);
    } else this.eachAt((c, row, col) => this.put(c, v, row, col));
    this.f.raise('SheetChange', [new FakeWorksheet(this.f, this.s), this], true);
  }

  get Row(): number {
    this.f.tick();
    return this.rect.top + 1;
  }
  get Column(): number {
    this.f.tick();
    return this.rect.left + 1;
  }
  get Count(): number {
    this.f.tick();
    return size(this.rect);
  }
  get Value2(): unknown {
    this.f.tick();
    return this.grid((c) => this.value2(c));
  }
  set Value2(v: unknown) {
    this.f.tick();
    this.write(v);
  }
  get Formula(): unknown {
    this.f.tick();
    return this.grid((c) => this.formulaText(c));
  }
  set Formula(v: unknown) {
    this.f.tick();
    this.write(v);
  }
  get NumberFormat(): unknown {
    this.f.tick();
    return this.uniform((c) => c?.numberFormat ?? 'General');
  }
  set NumberFormat(v: unknown) {
    this.f.tick();
    this.each((c) => (c.numberFormat = String(v)));
  }
  Address(rowAbsolute = true, columnAbsolute = true): string {
    this.f.tick();
    return rectText(this.rect, rowAbsolute && columnAbsolute);
  }
  private coveredAt(row: number, col: number): boolean {
    return this.s.merges.some((m) => within(m, row, col));
  }
  get MergeCells(): unknown {
    this.f.tick();
    const r = this.rect;
    if (!this.s.merges.some((m) => overlaps(m, r))) return false;
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++)
        if (!this.coveredAt(row, col)) return this.f.opts.mixedMergeCells ?? null;
    return true;
  }
  set MergeCells(v: unknown) {
    this.f.tick();
    if (v === true) this.mergeNow();
  }
  get MergeArea(): EtRange {
    this.f.tick();
    if (size(this.rect) !== 1) throw new EtError('MergeArea 只适用于单个单元格');
    const m = this.s.merges.find((x) => within(x, this.rect.top, this.rect.left));
    return new FakeRange(this.f, this.s, m ? { ...m } : { ...this.rect });
  }
  Merge(): void {
    this.f.tick();
    this.mergeNow();
  }
  private mergeNow(): void {
    const r = this.rect;
    this.s.merges = this.s.merges.filter((m) => !overlaps(m, r));
    // Merging keeps the top-left value only.
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        if (row === r.top && col === r.left) continue;
        const c = this.s.cells.get(`${row},${col}`);
        if (c) {
          c.value = undefined;
          delete c.formula;
          delete c.error;
        }
      }
    this.s.merges.push({ ...r });
  }
  get IndentLevel(): unknown {
    this.f.tick();
    return this.uniform((c) => c?.format.indent ?? 0);
  }
  set IndentLevel(v: unknown) {
    this.f.tick();
    this.each((c) => (c.format.indent = Number(v)));
  }
  get Interior(): EtInterior {
    this.f.tick();
    const self = this;
    return {
      get Color(): unknown {
        self.f.tick();
        return self.uniform((c) => c?.format.fill ?? 16777215);
      },
      set Color(v: unknown) {
        self.f.tick();
        self.each((c) => (c.format.fill = Number(v)));
      },
    };
  }
  get Font(): EtFont {
    this.f.tick();
    const self = this;
    return {
      get Bold(): unknown {
        self.f.tick();
        return self.uniform((c) => c?.format.bold ?? false);
      },
      set Bold(v: unknown) {
        self.f.tick();
        self.each((c) => (c.format.bold = v === true));
      },
      get Size(): unknown {
        self.f.tick();
        return self.uniform((c) => c?.format.size ?? 11);
      },
      set Size(v: unknown) {
        self.f.tick();
        self.each((c) => (c.format.size = Number(v)));
      },
    };
  }
  get Borders(): EtBorders {
    this.f.tick();
    const self = this;
    return {
      Item(index: number): EtBorder {
        self.f.tick();
        return {
          get LineStyle(): unknown {
            self.f.tick();
            return self.uniform((c) => c?.format.borders[index] ?? -4142);
          },
          set LineStyle(v: unknown) {
            self.f.tick();
            self.each((c) => (c.format.borders = { ...c.format.borders, [index]: Number(v) }));
          },
        };
      },
    };
  }
  get HorizontalAlignment(): unknown {
    this.f.tick();
    return this.uniform((c) => c?.format.hAlign ?? 1);
  }
  set HorizontalAlignment(v: unknown) {
    this.f.tick();
    this.each((c) => (c.format.hAlign = Number(v)));
  }
  get VerticalAlignment(): unknown {
    this.f.tick();
    return this.uniform((c) => c?.format.vAlign ?? -4107);
  }
  set VerticalAlignment(v: unknown) {
    this.f.tick();
    this.each((c) => (c.format.vAlign = Number(v)));
  }
  get WrapText(): unknown {
    this.f.tick();
    return this.uniform((c) => c?.format.wrap ?? false);
  }
  set WrapText(v: unknown) {
    this.f.tick();
    this.each((c) => (c.format.wrap = v === true));
  }
  get ColumnWidth(): unknown {
    this.f.tick();
    const widths = new Set<number>();
    for (let c = this.rect.left; c <= this.rect.right; c++) widths.add(this.s.colWidths.get(c) ?? 8.38);
    return widths.size === 1 ? [...widths][0] : null;
  }
  set ColumnWidth(v: unknown) {
    this.f.tick();
    for (let c = this.rect.left; c <= this.rect.right; c++) this.s.colWidths.set(c, Number(v));
  }
  get RowHeight(): unknown {
    this.f.tick();
    const heights = new Set<number>();
    for (let r = this.rect.top; r <= Math.min(this.rect.bottom, this.rect.top + 5000); r++)
      heights.add(this.s.rowHeights.get(r) ?? 13.5);
    return heights.size === 1 ? [...heights][0] : null;
  }
  set RowHeight(v: unknown) {
    this.f.tick();
    for (let r = this.rect.top; r <= this.rect.bottom; r++) this.s.rowHeights.set(r, Number(v));
  }
  get FormatConditions(): EtFormatConditions {
    this.f.tick();
    if (!this.f.opts.conditionalFormats) return undefined as unknown as EtFormatConditions;
    return new FakeFormatConditions(this.f, this.s, this.rect);
  }
  Item(row: number, column = 1): EtRange {
    this.f.tick();
    // 1-based and relative to this range (Cells.Item(1, 1) is the range's first cell).
    if (row < 1 || column < 1) throw new EtError('Item 的行号和列号从 1 开始');
    const r = this.rect.top + row - 1;
    const c = this.rect.left + column - 1;
    return new FakeRange(this.f, this.s, { top: r, left: c, bottom: r, right: c });
  }
  Select(): unknown {
    this.f.tick();
    if (this.f.activeSheet !== this.s) throw new EtError('Range 类的 Select 方法无效：工作表不是活动工作表');
    this.f.selection = { sheet: this.s.name, address: rectText(this.rect, false) };
    return true;
  }
}

class FakeFormatConditions implements EtFormatConditions {
  constructor(
    private readonly f: FakeEt,
    private readonly s: SheetState,
    private readonly rect: Rect,
  ) {}
  private list(): CfState[] {
    return this.s.cfs.filter((cf) => overlaps(cf.rect, this.rect));
  }
  get Count(): number {
    this.f.tick();
    return this.list().length;
  }
  Item(index: number): EtFormatCondition {
    this.f.tick();
    const cf = this.list()[index - 1];
    if (!cf) throw new EtError(`下标越界：没有第 ${index} 个条件格式`);
    return new FakeFormatCondition(this.f, this.s, cf);
  }
  Add(type: number, _operator?: unknown, formula1?: string): EtFormatCondition {
    this.f.tick();
    if (type !== 1 && type !== 2) throw new EtError('fake: 只支持 xlCellValue 和 xlExpression');
    const cf: CfState = { id: this.f.newCfId(), rect: { ...this.rect }, type, formula1: formula1 ?? '' };
    this.s.cfs.push(cf);
    return new FakeFormatCondition(this.f, this.s, cf);
  }
}

class FakeFormatCondition implements EtFormatCondition {
  SetFirstPriority?: () => void;
  constructor(
    private readonly f: FakeEt,
    private readonly s: SheetState,
    private readonly cf: CfState,
  ) {
    if (f.opts.setFirstPriority)
      this.SetFirstPriority = (): void => {
        this.f.tick();
        this.s.cfs = [this.cf, ...this.s.cfs.filter((x) => x !== this.cf)];
      };
  }
  private alive(): CfState {
    if (!this.s.cfs.includes(this.cf)) throw new EtError('条件格式已被删除');
    return this.cf;
  }
  get Type(): number {
    this.f.tick();
    return this.alive().type;
  }
  get Formula1(): string {
    this.f.tick();
    const cf = this.alive();
    if (cf.type !== 1 && cf.type !== 2) throw new EtError('此类条件格式没有 Formula1');
    return cf.formula1;
  }
  get Interior(): EtInterior {
    this.f.tick();
    const self = this;
    return {
      get Color(): unknown {
        self.f.tick();
        return self.alive().fill;
      },
      set Color(v: unknown) {
        self.f.tick();
        self.alive().fill = Number(v);
      },
    };
  }
  Delete(): void {
    this.f.tick();
    const cf = this.alive();
    this.s.cfs = this.s.cfs.filter((x) => x !== cf);
  }
}

class FakeNames implements EtNames {
  constructor(private readonly f: FakeEt) {}
  get Count(): number {
    this.f.tick();
    return this.f.names.length;
  }
  Item(index: number): EtName {
    this.f.tick();
    const n = this.f.names[index - 1];
    if (!n) throw new EtError(`下标越界：没有第 ${index} 个名称`);
    return new FakeName(this.f, n);
  }
  Add(name: string, refersTo: string): EtName {
    this.f.tick();
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new EtError(`名称“${name}”无效`);
    const m = /^=(?:'((?:[^']|'')+)'|([^!'=]+))!(.+)$/.exec(refersTo);
    if (!m) throw new EtError(`引用“${refersTo}”无效`);
    const sheet = this.f.sheetByName((m[1] ?? m[2]).replace(/''/g, "'"));
    if (!sheet) throw new EtError(`引用“${refersTo}”中的工作表不存在`);
    const state: NameState = { name, sheet, rect: parseRect(m[3]) };
    // Adding an existing name redefines it.
    this.f.names = this.f.names.filter((n) => n.name.toUpperCase() !== name.toUpperCase());
    this.f.names.push(state);
    return new FakeName(this.f, state);
  }
}

class FakeName implements EtName {
  constructor(
    private readonly f: FakeEt,
    private readonly n: NameState,
  ) {}
  get Name(): string {
    this.f.tick();
    return this.n.name;
  }
  get RefersTo(): unknown {
    this.f.tick();
    const where = rectText(this.n.rect);
    if (!this.n.sheet) return `=#REF!${where}`;
    const name = this.n.sheet.name;
    const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
    return `=${quoted}!${where}`;
  }
  Delete(): void {
    this.f.tick();
    this.f.names = this.f.names.filter((x) => x !== this.n);
  }
}

/** `A1`-style address of a 0-based cell (test convenience). */
export function a1(r: number, c: number): string {
  return addr(r, c);
}
