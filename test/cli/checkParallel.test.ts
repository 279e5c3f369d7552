import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCheck } from '../../src/cli/commands/check';
import { writeGridToXlsx } from '../../src/xlsx/writeGrid';
import { buildSeedWorkbook } from '../fixtures/seeds';

/**
 * `check DIR` in worker threads prints exactly what checking the files one by one prints, in the
 * same order, whichever worker finishes first; progress goes to stderr only.
 */
jest.setTimeout(300_000);

const ROOT = resolve(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bd-par-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  mkdirSync(join(dir, 'b'), { recursive: true });
  // A big file first and small ones after it: the small ones finish first in the other worker.
  await writeGridToXlsx(buildSeedWorkbook('000', 'published'), join(dir, 'a-000.xlsx'));
  await writeGridToXlsx(buildSeedWorkbook('001', 'stacked'), join(dir, 'b', '001.xlsx'));
  await writeGridToXlsx(buildSeedWorkbook('003', 'published'), join(dir, 'b', '003.xlsx'));
  copyFileSync(join(dir, 'b', '001.xlsx'), join(dir, 'c-001-copy.xlsx'));
  writeFileSync(join(dir, 'd-坏.ods'), 'not a workbook');
  copyFileSync(join(dir, 'a-000.xlsx'), join(dir, 'e-000-copy.xlsx'));
});

async function check(jobs: number, json: boolean, progress: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const r = await runCheck([dir], { jobs, json, progress, out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { ...r, out: out.join(''), err: err.join('') };
}

it('the report is byte for byte the one-by-one report, text and --json, with the same exit code', async () => {
  for (const json of [false, true]) {
    const one = await check(1, json, false);
    const two = await check(2, json, false);
    expect(two.out).toBe(one.out);
    expect(two.exitCode).toBe(one.exitCode);
    expect(two.exitCode).toBe(2);
    expect(two.results.map((r) => r.file)).toEqual(one.results.map((r) => r.file));
    if (json) {
      const doc = JSON.parse(two.out) as { files: { file: string }[] };
      expect(doc.files.map((f) => f.file.slice(dir.length + 1))).toEqual([
        'a-000.xlsx',
        join('b', '001.xlsx'),
        join('b', '003.xlsx'),
        'c-001-copy.xlsx',
        'd-坏.ods',
        'e-000-copy.xlsx',
      ]);
    }
  }
});

it('progress `[k/n] name` goes to stderr when asked, never into the report', async () => {
  const shown = await check(2, false, true);
  const lines = shown.err.trim().split('\n');
  expect(lines).toHaveLength(6);
  expect(lines.map((l) => /^\[(\d+)\/6\] /.exec(l)?.[1])).toEqual(['1', '2', '3', '4', '5', '6']);
  expect(shown.out).not.toMatch(/\[\d+\/6\]/);
  const quiet = await check(2, false, false);
  expect(quiet.err).toBe('');
  expect(quiet.out).toBe(shown.out);
});

it('the command line: --jobs, --version, and a check that never loads the exceljs writer', () => {
  const probe = `
    require('tsx/cjs');
    const { buildProgram } = require('./src/cli/main.ts');
    process.stdout.write = () => true;
    buildProgram().parseAsync(['node', 'bd', ...JSON.parse(process.argv[1])]).then(() => {
      const loaded = Object.keys(require.cache).filter((k) => k.includes('/node_modules/exceljs/'));
      console.error(JSON.stringify({ exceljs: loaded.length, exitCode: process.exitCode ?? 0 }));
      process.exit(0);
    });`;
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, ['-e', probe, JSON.stringify(args)], { cwd: ROOT, encoding: 'utf8' });
    return JSON.parse(r.stderr.trim().split('\n').pop() ?? '{}') as { exceljs: number; exitCode: number };
  };
  const checked = run(['check', '--jobs', '1', join(dir, 'a-000.xlsx')]);
  expect(checked).toEqual({ exceljs: 0, exitCode: 1 });
  // The probe does see exceljs when a command needs it.
  const generated = run(['generate', '--year', '2026', '--unit', '某局', '-o', join(dir, 'gen.xlsx')]);
  expect(generated.exceljs).toBeGreaterThan(0);

  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
  const printed = execFileSync(process.execPath, [join(ROOT, 'bin', 'budget-disclosure.js'), '--version'], {
    encoding: 'utf8',
  });
  expect(printed.trim()).toBe(version);
});
