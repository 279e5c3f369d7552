import type * as XLSX from '@e965/xlsx';
import * as zlib from 'node:zlib';

/**
 * SheetJS Community Edition (`@e965/xlsx`, the maintained Apache-2.0 build of `xlsx` 0.20;
 * never the old `xlsx` 0.18.5 from npm), loaded on first use so a command that never reads a
 * workbook does not pay for it.
 *
 * The dynamic import resolves to the ES module build (`xlsx.mjs`) in the compiled CLI and in the
 * page's bundle. That build leaves out the codepage tables (~0.5 MB, ~0.1 s to load), which only
 * legacy non-Unicode strings need (BIFF5 .xls, ANSI names in old files): they are loaded with
 * `set_cptable` just before a binary (CFB) workbook is parsed. See
 * https://docs.sheetjs.com/docs/getting-started/installation/nodejs ("Codepage support", ESM)
 * and https://docs.sheetjs.com/docs/api/utilities (set_cptable).
 */
export type SheetJS = typeof XLSX;

let loading: Promise<SheetJS> | undefined;
let codepages: Promise<void> | undefined;

export function loadSheetJS(): Promise<SheetJS> {
  loading ??= import('@e965/xlsx').then((m) => {
    const x = ((m as { default?: SheetJS }).default ?? m) as SheetJS;
    useNativeInflate(x);
    return x;
  });
  return loading;
}

/**
 * In Node, unzip with zlib instead of SheetJS's JavaScript inflater: a tenth of a workbook's read
 * time, and zlib refuses most damaged streams outright. SheetJS's embedded cfb.js takes a zlib
 * through `CFB.utils.use_zlib` (the hook its Node builds use) and reads `bytesRead` after each
 * `_processChunk`; that property is deprecated in Node (DEP0108, a warning on stderr), so this
 * wrapper reports the same count under that name from `bytesWritten`. In the browser `node:zlib`
 * is an empty module and SheetJS keeps its own inflater; if the hook refuses, likewise.
 */
function useNativeInflate(x: SheetJS): void {
  const native = (zlib as { InflateRaw?: new () => unknown }).InflateRaw;
  const utils = (x.CFB as { utils?: { use_zlib?: (z: unknown) => void } }).utils;
  if (typeof native !== 'function' || typeof utils?.use_zlib !== 'function') return;
  const Native = native;
  type Engine = { _finishFlushFlag: number; bytesWritten: number; _processChunk(c: Uint8Array, f: number): Uint8Array };
  class InflateRaw {
    private readonly engine = new Native() as Engine;
    readonly _finishFlushFlag = this.engine._finishFlushFlag;
    bytesRead = 0;
    _processChunk(chunk: Uint8Array, flag: number): Uint8Array {
      const out = this.engine._processChunk(chunk, flag);
      this.bytesRead = this.engine.bytesWritten;
      return out;
    }
  }
  quietly(() => utils.use_zlib?.({ InflateRaw }));
}

export async function loadCodepages(x: SheetJS): Promise<void> {
  // Under CommonJS (jest, tsx) this resolves to the tables xlsx.js already loaded: setting them again is free.
  codepages ??= import('@e965/xlsx/dist/cpexcel.full').then((m) => {
    x.set_cptable((m as { default?: unknown }).default ?? m);
  });
  return codepages;
}

/**
 * SheetJS reports oddities of a file (an ODS number format it approximates, an unknown BIFF record)
 * with console.error. They are not the clerk's business and would garble the command line's
 * stderr, so they are held back while a file is parsed; the parse itself is synchronous.
 */
export function quietly<T>(f: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const hush = () => undefined;
  console.error = hush;
  console.warn = hush;
  console.log = hush;
  try {
    return f();
  } finally {
    console.error = saved.error;
    console.warn = saved.warn;
    console.log = saved.log;
  }
}
