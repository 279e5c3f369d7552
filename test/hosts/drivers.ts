import { parseMarkFormula } from '../../src/core/marks/markStyle';
import type { Workbook } from '../../src/core/model/grid';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { readWorkbook } from '../../src/excel/readWorkbook';
import type { WorkbookAdapter } from '../../src/taskpane/adapter';
import { WpsWorkbookAdapter, type WpsAdapterOptions } from '../../src/wps/adapter';
import type { Analyzer } from '../../src/wps/live';
import { readWorkbookEt } from '../../src/wps/read';
import { FakeExcel, parseRect as parseExcelRect, rectAddr } from '../excel/fakeExcel';
import { FakeEt, parseRect as parseEtRect, rectText, type FakeEtOptions } from '../wps/fakeEt';

/**
 * One interface over each host's adapter and fake, so test/hosts/adapter.test.ts runs the same
 * behaviour tests against Excel (OfficeWorkbookAdapter over test/excel/fakeExcel.ts) and WPS
 * (WpsWorkbookAdapter over test/wps/fakeEt.ts): the two hosts cannot drift apart unnoticed.
 * Everything a test does to the workbook goes through the session as the clerk would do it.
 */
export interface SessionOptions {
  analyze?: Analyzer;
  debounceMs?: number;
}

export interface HostSession {
  adapter: WorkbookAdapter;
  /** Subscribes to the host's events and runs the first pass. */
  start(): Promise<void>;
  /** Waits until no pass is running. */
  idle(): Promise<void>;
  /** Passes run so far. */
  passes(): number;
  stop(): void;
  /** The clerk's own workbook, e.g. a rebuilt seed. */
  load(wb: Workbook): void;
  addSheet(name: string, rows: (string | number | null)[][]): void;
  /** The clerk types into a cell (the host's change event follows). */
  edit(sheet: string, cell: string, value: string | number): Promise<void>;
  /** The clerk deletes a sheet. */
  deleteSheet(name: string): Promise<void>;
  sheetNames(): string[];
  value(sheet: string, cell: string): unknown;
  /** Workbook-level defined names starting with BD_. */
  tagNames(): string[];
  /** The clerk's own look on a cell: a fill, bold, a number format. */
  styleCell(sheet: string, cell: string): void;
  /** The clerk's own conditional format (a cell-value rule) on a range. */
  addClerkRule(sheet: string, range: string): void;
  /** Everything the clerk sees in a sheet except conditional formats. */
  looks(sheet: string): string;
  /** The conditional formats that are not our marks. */
  clerkRules(sheet: string): string;
  /** Our marks: `Sheet!A1` → severity. */
  marks(): Map<string, string>;
  selection(): { sheet: string; address: string } | undefined;
  /** The workbook as the host's reader sees it. */
  read(): Promise<Workbook>;
  /** Makes every later read fail the way this host fails (a live pass must report it). */
  breakReads(): void;
  /** What formulas the add-in writes compute (neither fake calculates): the host's calculation. */
  computes(value: (sheet: string, cell: string, formula: string) => string | number | undefined): void;
  /** A cell's formula (without '=') and number format, as the host holds them. */
  cellState(sheet: string, cell: string): { formula?: string; numberFormat: string };
  /** The clerk renames a sheet. */
  renameSheet(from: string, to: string): void;
}

export interface HostDriver {
  name: string;
  session(opts?: SessionOptions): HostSession;
}

export const excelDriver: HostDriver = {
  name: 'Excel (Office.js)',
  session(opts = {}) {
    const fake = new FakeExcel(14);
    const adapter = new OfficeWorkbookAdapter({
      run: fake.run,
      requirements: fake.requirements,
      analyze: opts.analyze,
      debounceMs: opts.debounceMs,
    });
    return {
      adapter,
      start: () => adapter.start(),
      idle: () => adapter.live.idle(),
      passes: () => adapter.live.passes,
      stop: () => adapter.live.stop(),
      load: (wb) => fake.loadWorkbook(wb),
      addSheet: (name, rows) => void fake.addSheet(name, rows),
      edit: (sheet, cell, value) => fake.edit(sheet, cell, value),
      deleteSheet: (name) => fake.deleteSheet(name),
      sheetNames: () => fake.sheets.map((s) => s.name),
      value: (sheet, cell) => {
        const c = fake.cell(sheet, cell);
        return c?.value === '' ? undefined : c?.value;
      },
      tagNames: () => fake.names.map((n) => n.name).filter((n) => n.startsWith('BD_')),
      styleCell: (sheet, cell) => {
        const r = parseExcelRect(cell);
        const c = fake.cellFor(fake.sheet(sheet), r.top, r.left);
        c.format.fill = '#00B050';
        c.format.bold = true;
        c.numberFormat = '0.00';
      },
      addClerkRule: (sheet, range) =>
        void fake.sheet(sheet).cfs.push({
          id: 'clerk-cf',
          rect: parseExcelRect(range),
          type: 'CellValue',
          formula: '>100',
          fill: '#FF0000',
          fontColor: '',
        }),
      looks: (sheet) => fake.formatSnapshot(sheet),
      clerkRules: (sheet) => JSON.stringify(fake.sheet(sheet).cfs.filter((c) => !parseMarkFormula(c.formula))),
      marks: () => {
        const out = new Map<string, string>();
        for (const s of fake.sheets)
          for (const cf of s.cfs) {
            const m = parseMarkFormula(cf.formula);
            if (m && rectAddr(cf.rect) === m.address) out.set(`${s.name}!${m.address}`, m.severity);
          }
        return out;
      },
      selection: () => fake.selection,
      read: () => fake.run((ctx) => readWorkbook(ctx, { requirements: fake.requirements })),
      breakReads: () => {
        // Excel on the web refuses a response over its payload limit.
        fake.payloadLimit = 10;
      },
      computes: (value) => {
        fake.formulaValue = value;
      },
      cellState: (sheet, cell) => {
        const c = fake.cell(sheet, cell);
        return { formula: c?.formula?.slice(1), numberFormat: c?.numberFormat ?? 'General' };
      },
      renameSheet: (from, to) => fake.rename(from, to),
    };
  },
};

/** Excel, and WPS with each answer its documents leave open (see adapter.test.ts). */
export function allDrivers(): HostDriver[] {
  return [
    excelDriver,
    wpsDriver(),
    wpsDriver(
      { emptyValue: null, errorStyle: 'code', ownWriteEvents: 'sync' },
      'WPS 表格（空单元格为 null、错误值为代码、事件同步）',
    ),
    wpsDriver(
      { emptyValue: '', enableEvents: false, mixedMergeCells: true },
      'WPS 表格（无 EnableEvents、空单元格为空串）',
    ),
  ];
}

export function wpsDriver(fakeOptions: FakeEtOptions = {}, name = 'WPS 表格'): HostDriver {
  return {
    name,
    session(opts = {}) {
      const fake = new FakeEt(fakeOptions);
      const adapterOptions: WpsAdapterOptions = { app: fake.app, analyze: opts.analyze, debounceMs: opts.debounceMs };
      const adapter = new WpsWorkbookAdapter(adapterOptions);
      return {
        adapter,
        start: async () => {
          await adapter.start();
          await fake.flushEvents();
        },
        idle: async () => {
          await fake.flushEvents();
          await adapter.live.idle();
        },
        passes: () => adapter.live.passes,
        stop: () => adapter.stop(),
        load: (wb) => fake.loadWorkbook(wb),
        addSheet: (name, rows) => void fake.addSheet(name, rows),
        edit: (sheet, cell, value) => fake.edit(sheet, cell, value),
        deleteSheet: async (name) => fake.deleteSheet(name),
        sheetNames: () => fake.sheets.map((s) => s.name),
        value: (sheet, cell) => fake.cell(sheet, cell)?.value,
        tagNames: () => fake.names.map((n) => n.name).filter((n) => n.startsWith('BD_')),
        styleCell: (sheet, cell) => {
          const r = parseEtRect(cell);
          const c = fake.cellFor(fake.sheet(sheet), r.top, r.left);
          c.format.fill = 0x50b000;
          c.format.bold = true;
          c.numberFormat = '0.00';
        },
        addClerkRule: (sheet, range) =>
          void fake.sheet(sheet).cfs.push({
            id: -1,
            rect: parseEtRect(range),
            type: 1,
            formula1: '=100',
            fill: 0x0000ff,
          }),
        looks: (sheet) => fake.formatSnapshot(sheet),
        clerkRules: (sheet) =>
          JSON.stringify(fake.sheet(sheet).cfs.filter((c) => c.type !== 2 || !parseMarkFormula(c.formula1))),
        marks: () => {
          const out = new Map<string, string>();
          for (const s of fake.sheets)
            for (const cf of s.cfs) {
              const m = cf.type === 2 ? parseMarkFormula(cf.formula1) : undefined;
              if (m && rectText(cf.rect, false) === m.address) out.set(`${s.name}!${m.address}`, m.severity);
            }
          return out;
        },
        selection: () => fake.selection,
        read: async () => readWorkbookEt(fake.app).workbook,
        breakReads: () => {
          // The clerk closed the workbook the pane was checking.
          fake.noWorkbook = true;
        },
        computes: (value) => {
          fake.formulaValue = value;
        },
        cellState: (sheet, cell) => {
          const c = fake.cell(sheet, cell);
          return { formula: c?.formula?.slice(1), numberFormat: c?.numberFormat ?? 'General' };
        },
        renameSheet: (from, to) => {
          fake.sheet(from).name = to;
        },
      };
    },
  };
}
