import type { Disclosure } from '../core/model/disclosure';
import type { Finding } from '../core/model/finding';
import type { Workbook } from '../core/model/grid';
import { WorkbookReadError } from '../xlsx/sniff';
import { formatFileReport, summaryOf, toJsonFile, type FileResult, type FileSummary } from './report';

/**
 * One file of `check`: read it, run the engine, and turn the result into what is printed for it
 * (the Chinese report, or its entry of the --json document) plus the few numbers the closing
 * summary needs. The same function runs in the command's process and in its worker threads, so
 * both print byte for byte the same; only strings leave it, never the workbook.
 */
export type Analyze = (wb: Workbook) => { disclosure: Disclosure; findings: Finding[] };
export type ReadWorkbook = (file: string) => Promise<Workbook>;

export interface CheckOutcome {
  /** The text block for this file, or its JSON entry (without separators). */
  report: string;
  summary: FileSummary;
}

/*
 * Loaded on first use, so `--help` and `--version` need neither the reader nor the rule engine.
 * With require: the compiled CLI is CommonJS, where an import() of a relative path is an ES module
 * import that would need the compiled file's extension.
 */
type ReaderModule = typeof import('../xlsx/readWorkbook');
type EngineModule = typeof import('../core/check');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const defaultRead: ReadWorkbook = (file) => (require('../xlsx/readWorkbook') as ReaderModule).readWorkbookFile(file);
const defaultAnalyze: Analyze = (wb) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('../core/check') as EngineModule).analyzeWorkbook(wb);

export function outcomeOf(r: FileResult, json: boolean): CheckOutcome {
  return { report: json ? JSON.stringify(toJsonFile(r)) : formatFileReport(r), summary: summaryOf(r) };
}

export async function checkResult(file: string, read?: ReadWorkbook, analyze?: Analyze): Promise<FileResult> {
  let wb: Workbook;
  try {
    wb = await (read ?? defaultRead)(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file, error: e.message };
    return { file, error: `无法读取：${e instanceof Error ? e.message : String(e)}` };
  }
  try {
    const a = (analyze ?? defaultAnalyze)(wb);
    return { file, disclosure: a.disclosure, findings: a.findings };
  } catch (e) {
    // A rule crashing must not hide the other files' results; report it as this file's error.
    return { file, error: `校验时出现程序错误：${e instanceof Error ? e.message : String(e)}` };
  }
}

export async function checkFile(
  file: string,
  opts: { json: boolean; read?: ReadWorkbook; analyze?: Analyze },
): Promise<CheckOutcome> {
  return outcomeOf(await checkResult(file, opts.read, opts.analyze), opts.json);
}
