import type { Command } from 'commander';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { checkFile, outcomeOf, type Analyze, type CheckOutcome, type ReadWorkbook } from '../checkFile';
import { runPool } from '../checkPool';
import { formatSummary, JSON_CLOSE, JSON_OPEN, JSON_SEPARATOR, type FileResult, type FileSummary } from '../report';

/**
 * `budget-disclosure check FILE…|DIR`: reads each workbook (.xlsx, .xls, .et, .ods; never writes
 * it), locates the 13 tables, runs every rule and reports. Exit 0 = no error found, 1 = errors
 * found, 2 = some file could not be read (the others are still checked and reported).
 * Several files are checked in worker threads, one per core (checkPool.ts); the report comes out
 * in the same order, and the same bytes, as checking them one by one.
 */
export type { Analyze, ReadWorkbook };

export interface RunCheckOptions {
  /** A stand-in rule engine (tests); the files are then checked in this process. */
  analyze?: Analyze;
  /** A stand-in reader (tests); the files are then checked in this process. */
  read?: ReadWorkbook;
  /** Where the report goes (stdout). */
  out?: (text: string) => void;
  /** Where progress goes (stderr). */
  err?: (text: string) => void;
  json?: boolean;
  /** true: always show progress; false: never; undefined: when stderr is a terminal. */
  progress?: boolean;
  errIsTTY?: boolean;
  /** Worker threads; default one per core when there are several files, 1 = in this process. */
  jobs?: number;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNREADABLE = 2;

/** The workbooks a folder is searched for; `~$…` are Excel's and WPS's lock files of an open workbook. */
export const WORKBOOK_FILE = /\.(xlsx|xlsm|xls|et|ods)$/i;
const isWorkbookName = (name: string) => WORKBOOK_FILE.test(name) && !name.startsWith('~$');

function walk(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  } catch {
    return;
  }
  for (const name of entries) {
    const full = join(dir, name);
    let st;
    try {
      st = statSync(full);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(full, out);
    else if (isWorkbookName(name)) out.push(full);
  }
}

/** Files named on the command line, and every workbook under the directories named (no `~$` locks). */
export function collectFiles(inputs: readonly string[]): { files: string[]; problems: FileResult[] } {
  const files: string[] = [];
  const problems: FileResult[] = [];
  for (const input of inputs) {
    let isDir: boolean;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      problems.push({ file: input, error: `找不到文件或文件夹“${input}”` });
      continue;
    }
    if (isDir) {
      const found: string[] = [];
      walk(input, found);
      if (found.length === 0)
        problems.push({ file: input, error: `文件夹“${input}”中没有工作簿（.xlsx、.xls、.et、.ods）` });
      files.push(...found);
    } else if (basename(input).startsWith('~$')) {
      continue; // Excel's lock file of an open workbook, not a workbook
    } else {
      files.push(input);
    }
  }
  return { files: [...new Set(files)], problems };
}

export function exitCodeOf(results: readonly FileSummary[]): number {
  if (results.some((r) => r.error !== undefined)) return EXIT_UNREADABLE;
  if (results.some((r) => r.counts.error > 0)) return EXIT_ERRORS;
  return EXIT_OK;
}

function defaultJobs(files: number): number {
  return files < 2 ? 1 : Math.max(1, Math.min(availableParallelism(), files));
}

export async function runCheck(
  inputs: readonly string[],
  opts: RunCheckOptions = {},
): Promise<{ exitCode: number; results: FileSummary[] }> {
  const out = opts.out ?? ((t: string) => process.stdout.write(t));
  const err = opts.err ?? ((t: string) => process.stderr.write(t));
  const json = opts.json === true;
  const { files, problems } = collectFiles(inputs);
  const showProgress = files.length > 1 && (opts.progress ?? opts.errIsTTY ?? process.stderr.isTTY === true);
  const injected = opts.read !== undefined || opts.analyze !== undefined;
  const jobs = injected ? 1 : (opts.jobs ?? defaultJobs(files.length));

  const results: FileSummary[] = [];
  let opened = false;
  const print = (o: CheckOutcome, shown: boolean) => {
    results.push(o.summary);
    if (json) {
      out((opened ? JSON_SEPARATOR : JSON_OPEN) + o.report);
      opened = true;
    } else if (shown) out(o.report + '\n\n');
  };
  // Inputs that are not there are listed in the summary (and in --json), not as a report of their own.
  for (const p of problems as FileResult[]) print(outcomeOf(p, json), false);

  if (jobs > 1) {
    let done = 0;
    await runPool(files, { jobs, json }, (i, o) => {
      if (showProgress) err(`[${++done}/${files.length}] ${basename(files[i])}\n`);
      print(o, true);
    });
  } else {
    for (let i = 0; i < files.length; i++) {
      if (showProgress) err(`[${i + 1}/${files.length}] ${basename(files[i])}\n`);
      print(await checkFile(files[i], { json, read: opts.read, analyze: opts.analyze }), true);
    }
  }
  if (json) out((opened ? '' : JSON_OPEN) + JSON_CLOSE + '\n');
  else out(formatSummary(results) + '\n');
  return { exitCode: exitCodeOf(results), results };
}

interface CheckCliOptions {
  json?: boolean;
  progress?: boolean;
  jobs?: string;
}

function parseJobs(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s.trim()) || Number(s) < 1) throw new Error(`--jobs 应为正整数，收到“${s}”`);
  return Number(s);
}

export function register(program: Command): void {
  program
    .command('check')
    .description(
      '校验预算公开工作簿（.xlsx、.xls、.et、.ods）：识别13张公开表并核对表内、表间关系；可给多个文件或文件夹',
    )
    .argument('<files...>', '工作簿文件或文件夹（文件夹内所有 .xlsx、.xls、.et、.ods，含子文件夹）')
    .option('--json', '输出 JSON（金额为字符串）')
    .option('--progress', '总是在标准错误输出进度')
    .option('--no-progress', '不显示进度')
    .option('--jobs <n>', '同时校验的文件数（默认每个 CPU 核一个）')
    .action(async (files: string[], opts: CheckCliOptions) => {
      const jobs = parseJobs(opts.jobs);
      const { exitCode } = await runCheck(files, { json: opts.json === true, progress: opts.progress, jobs });
      process.exitCode = exitCode;
    });
}
