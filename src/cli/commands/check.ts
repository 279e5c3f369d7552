import type { Command } from 'commander';
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyzeWorkbook } from '../../core/check';
import type { Disclosure } from '../../core/model/disclosure';
import type { Finding } from '../../core/model/finding';
import type { Workbook } from '../../core/model/grid';
import { readXlsx, WorkbookReadError } from '../../xlsx/read';
import { formatFileReport, formatSummary, isUnreadable, toJson, type FileResult } from '../report';

/**
 * `budget-disclosure check FILE…|DIR`: reads each workbook (never writes it), locates the 13
 * tables, runs every rule and reports. Exit 0 = no error found, 1 = errors found, 2 = some
 * file could not be read (the others are still checked and reported).
 */
export type Analyze = (wb: Workbook) => { disclosure: Disclosure; findings: Finding[] };
export type ReadWorkbook = (file: string) => Promise<Workbook>;

export interface RunCheckOptions {
  analyze?: Analyze;
  read?: ReadWorkbook;
  /** Where the report goes (stdout). */
  out?: (text: string) => void;
  /** Where progress goes (stderr). */
  err?: (text: string) => void;
  json?: boolean;
  /** true: always show progress; false: never; undefined: when stderr is a terminal. */
  progress?: boolean;
  errIsTTY?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNREADABLE = 2;

const isXlsx = (name: string) => /\.xlsx$/i.test(name) && !name.startsWith('~$');

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
    else if (isXlsx(name)) out.push(full);
  }
}

/** Files named on the command line, and every .xlsx under the directories named (no `~$` locks). */
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
      if (found.length === 0) problems.push({ file: input, error: `文件夹“${input}”中没有 .xlsx 文件` });
      files.push(...found);
    } else if (basename(input).startsWith('~$')) {
      continue; // Excel's lock file of an open workbook, not a workbook
    } else {
      files.push(input);
    }
  }
  return { files: [...new Set(files)], problems };
}

async function checkOne(file: string, read: ReadWorkbook, analyze: Analyze): Promise<FileResult> {
  let wb: Workbook;
  try {
    wb = await read(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file, error: e.message };
    return { file, error: `无法读取：${e instanceof Error ? e.message : String(e)}` };
  }
  try {
    const a = analyze(wb);
    return { file, disclosure: a.disclosure, findings: a.findings };
  } catch (e) {
    // A rule crashing must not hide the other files' results; report it as this file's error.
    return { file, error: `校验时出现程序错误：${e instanceof Error ? e.message : String(e)}` };
  }
}

export function exitCodeOf(results: readonly FileResult[]): number {
  if (results.some(isUnreadable)) return EXIT_UNREADABLE;
  if (results.some((r) => !isUnreadable(r) && r.findings.some((f) => f.severity === 'error'))) return EXIT_ERRORS;
  return EXIT_OK;
}

export async function runCheck(
  inputs: readonly string[],
  opts: RunCheckOptions = {},
): Promise<{ exitCode: number; results: FileResult[] }> {
  const analyze = opts.analyze ?? ((wb: Workbook) => analyzeWorkbook(wb));
  const read = opts.read ?? readXlsx;
  const out = opts.out ?? ((t: string) => process.stdout.write(t));
  const err = opts.err ?? ((t: string) => process.stderr.write(t));
  const { files, problems } = collectFiles(inputs);
  const showProgress = files.length > 1 && (opts.progress ?? opts.errIsTTY ?? process.stderr.isTTY === true);
  const results: FileResult[] = [...problems];
  for (let i = 0; i < files.length; i++) {
    if (showProgress) err(`[${i + 1}/${files.length}] ${basename(files[i])}\n`);
    const r = await checkOne(files[i], read, analyze);
    results.push(r);
    if (!opts.json) out(formatFileReport(r) + '\n\n');
  }
  if (opts.json) out(JSON.stringify(toJson(results)) + '\n');
  else out(formatSummary(results) + '\n');
  return { exitCode: exitCodeOf(results), results };
}

interface CheckCliOptions {
  json?: boolean;
  progress?: boolean;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('校验预算公开工作簿（.xlsx）：识别13张公开表并核对表内、表间关系；可给多个文件或文件夹')
    .argument('<files...>', '.xlsx 文件或文件夹（文件夹内所有 .xlsx，含子文件夹）')
    .option('--json', '输出 JSON（金额为字符串）')
    .option('--progress', '总是在标准错误输出进度')
    .option('--no-progress', '不显示进度')
    .action(async (files: string[], opts: CheckCliOptions) => {
      const { exitCode } = await runCheck(files, { json: opts.json === true, progress: opts.progress });
      process.exitCode = exitCode;
    });
}
