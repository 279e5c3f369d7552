import type * as XLSX from '@e965/xlsx';

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
  loading ??= import('@e965/xlsx').then((m) => ((m as { default?: SheetJS }).default ?? m) as SheetJS);
  return loading;
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
