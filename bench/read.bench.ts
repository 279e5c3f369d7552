import { execFileSync, spawn } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deptWorkbookXlsx } from './deptWorkbook';

/**
 * Reading and checking 部门-sized workbooks (bench/deptWorkbook.ts: 13 tables + ~2,000 rows of
 * 绩效目标表), every ratio measured in this run on this machine:
 *
 *  read.speedup      exceljs reader ÷ SheetJS reader, same bytes, medians of warm reads, each reader in
 *                    processes of its own, alternating (≥ 8 wanted)
 *  check.one         `budget-disclosure check FILE`, process start to exit (≤ 600 ms wanted)
 *  check.dir50       `budget-disclosure check DIR` over 50 such workbooks, start to exit
 *  check.dir50.ratio that ÷ one process of exceljs merely loading the same 50 (≤ 1/3 wanted)
 *  check.dir1000.rss peak resident memory of `check DIR` over 1,000 of them (hard links) (≤ 400 MB wanted)
 *
 * The command runs built as `npm ci` installs it (`npm run build:cli`, the `prepare` script: tsc and the bundle).
 */
const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'budget-disclosure.js');
const READS = 6;
const ROUNDS = 3;

/** Times of `n` warm reads of `file` by one reader, in a process of its own (bench/readTimes.ts). */
function readTimes(reader: 'exceljs' | 'sheetjs', file: string, n: number): number[] {
  const out = execFileSync(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), join(__dirname, 'readTimes.ts'), reader, file, String(n)],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as number[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall time of a child process from spawn to exit, and its peak RSS (the worker threads are in it). */
function timed(args: string[]): Promise<{ ms: number; rssMb: number; code: number | null }> {
  const rssFile = join(tmpdir(), `bd-bench-rss-${process.pid}-${Date.now()}`);
  // maxRSS of the whole process, recorded as it exits (Linux reports kilobytes).
  const prelude = `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)))`;
  return new Promise((ok, fail) => {
    const t = performance.now();
    const child = spawn(process.execPath, ['-e', `${prelude}; require(process.argv[1])`, '--', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', fail);
    child.on('exit', (code) => {
      const ms = performance.now() - t;
      let rssMb = 0;
      try {
        rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
        rmSync(rssFile, { force: true });
      } catch {
        // no figure: the child died before writing it
      }
      ok({ ms, rssMb, code });
    });
  });
}

/** One node process that loads exceljs and opens every file with it, doing nothing else. */
function exceljsLoadAll(files: string[]): Promise<number> {
  const list = join(tmpdir(), `bd-bench-list-${process.pid}.json`);
  writeFileSync(list, JSON.stringify(files));
  const script = join(tmpdir(), `bd-bench-exceljs-${process.pid}.js`);
  writeFileSync(
    script,
    `const ExcelJS = require(${JSON.stringify(require.resolve('exceljs'))});
     const fs = require('fs');
     (async () => { for (const f of JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))) await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(f)); })();`,
  );
  return timed([script, list]).then((r) => {
    rmSync(list, { force: true });
    rmSync(script, { force: true });
    return r.ms;
  });
}

export async function run(report: (name: string, value: number, unit: string) => void): Promise<void> {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'bd-bench-read-'));
  try {
    const bytes = await deptWorkbookXlsx();
    const file = join(dir, 'dept.xlsx');
    writeFileSync(file, bytes);
    report('read.workbook.size', Math.round(bytes.length / 1024), 'KB');

    const before: number[] = [];
    const after: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      before.push(...readTimes('exceljs', file, READS));
      after.push(...readTimes('sheetjs', file, READS));
    }
    report('read.exceljs', Math.round(median(before)), 'ms');
    report('read.sheetjs', Math.round(median(after)), 'ms');
    report('read.speedup', median(before) / median(after), 'x');

    const one: number[] = [];
    for (let i = 0; i < 5; i++) one.push((await timed([BIN, 'check', file])).ms);
    report('check.one', Math.round(median(one)), 'ms');

    const dir50 = join(dir, 'dir50');
    mkdirSync(dir50);
    const files50 = Array.from({ length: 50 }, (_, i) => join(dir50, `单位${String(i + 1).padStart(2, '0')}.xlsx`));
    for (const f of files50) writeFileSync(f, bytes);
    const check50 = await timed([BIN, 'check', dir50, '--no-progress']);
    if (check50.code !== 1)
      process.stderr.write(`read.bench: check DIR exited ${check50.code}, expected 1 (errors found)\n`);
    const load50 = await exceljsLoadAll(files50);
    report('check.dir50', Math.round(check50.ms), 'ms');
    report('exceljs.load50', Math.round(load50), 'ms');
    report('check.dir50.ratio', check50.ms / load50, 'x');

    const dir1000 = join(dir, 'dir1000');
    mkdirSync(dir1000);
    for (let i = 0; i < 1000; i++) linkSync(file, join(dir1000, `单位${String(i + 1).padStart(4, '0')}.xlsx`));
    const check1000 = await timed([BIN, 'check', dir1000, '--no-progress']);
    report('check.dir1000', Math.round(check1000.ms), 'ms');
    report('check.dir1000.rss', Math.round(check1000.rssMb), 'MB');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
