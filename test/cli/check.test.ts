import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectFiles, runCheck, type Analyze } from '../../src/cli/commands/check';
import { locateTables } from '../../src/core/locate';
import type { Finding } from '../../src/core/model/finding';
import { writeGridToXlsx } from '../../src/xlsx/writeGrid';
import { buildSeed, buildSeedWorkbook } from '../fixtures/seeds';

/**
 * The command is tested through runCheck with its output captured; a stub analyzer makes the
 * findings (and so the exit code) independent of the rule engine, the real one is used once.
 */
const dir = mkdtempSync(join(tmpdir(), 'bd-check-'));
const seed000 = join(dir, '000.xlsx');
const seed001 = join(dir, 'nested', '001.xlsx');
const broken = join(dir, 'nested', '坏文件.xlsx');

beforeAll(async () => {
  mkdirSync(join(dir, 'nested'), { recursive: true });
  await writeGridToXlsx(buildSeedWorkbook('000', 'published'), seed000);
  await writeGridToXlsx(buildSeedWorkbook('001', 'published'), seed001);
  writeFileSync(broken, 'this is not a workbook');
  writeFileSync(join(dir, '~$000.xlsx'), 'lock');
  writeFileSync(join(dir, 'notes.txt'), 'not checked');
});

const errorFinding: Finding = {
  rule: 'W2.1',
  severity: 'error',
  table: 't2',
  sheet: '表2',
  cell: 'C5',
  row: '合计',
  column: '合计',
  expected: '10.00',
  actual: '9.00',
  diff: '-1.00',
  message: '表2 预算收入总表 C5 合计为 9.00，各类合计 10.00',
};
const roundingFinding: Finding = {
  rule: 'W3.1',
  severity: 'rounding',
  table: 't3',
  sheet: '表3',
  cell: 'D9',
  expected: '1.01',
  actual: '1.00',
  diff: '-0.01',
  message: '尾差',
};

function stub(findings: Finding[]): Analyze {
  return (wb) => {
    const disclosure = locateTables(wb);
    return { disclosure, findings: [...disclosure.findings, ...findings] };
  };
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, opts: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) } };
}

describe('check command', () => {
  it('collects .xlsx files recursively from a directory and skips ~$ lock files', () => {
    const { files, problems } = collectFiles([dir]);
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(
      ['000.xlsx', join('nested', '001.xlsx'), join('nested', '坏文件.xlsx')].sort(),
    );
    expect(problems).toEqual([]);
    expect(collectFiles([join(dir, '没有.xlsx')]).problems[0]).toMatchObject({
      error: expect.stringContaining('找不到'),
    });
  });

  it('exit 0 when no error, 1 when errors are found', async () => {
    const c = capture();
    expect((await runCheck([seed000], { ...c.opts, analyze: stub([roundingFinding]) })).exitCode).toBe(0);
    expect((await runCheck([seed000], { ...c.opts, analyze: stub([errorFinding]) })).exitCode).toBe(1);
  });

  it('exit 2 when a file cannot be read, still checking and reporting the others', async () => {
    const c = capture();
    const { exitCode, results } = await runCheck([dir], { ...c.opts, analyze: stub([errorFinding]) });
    expect(exitCode).toBe(2);
    expect(results).toHaveLength(3);
    const text = c.out.join('');
    expect(text).toContain('坏文件.xlsx');
    expect(text).toContain('不是 Excel 工作簿');
    expect(text).toContain('共 3 个文件：0 个无错误，2 个有错误，1 个无法读取。');
  });

  it('prints a Chinese report grouped by table with severity counts, sheet!cell and expected/actual/Δ', async () => {
    const c = capture();
    await runCheck([seed000], { ...c.opts, analyze: stub([errorFinding, roundingFinding]) });
    const text = c.out.join('');
    expect(text).toContain('识别到 13/13 张表');
    expect(text).toContain('错误 1 · 提示 0 · 尾差 1');
    expect(text).toContain('【表2 预算收入总表】错误 1 · 提示 0 · 尾差 0');
    expect(text).toContain('[错误] W2.1 表2!C5');
    expect(text).toContain('应为 10.00，实为 9.00，Δ -1.00');
    expect(text.indexOf('【表2 预算收入总表】')).toBeLessThan(text.indexOf('【表3 预算支出总表】'));
  });

  it('--json prints exactly the documented shape, money as strings, unreadable files with their error', async () => {
    const c = capture();
    await runCheck([seed000, broken], { ...c.opts, json: true, analyze: stub([errorFinding]) });
    const doc = JSON.parse(c.out.join('')) as { files: Record<string, unknown>[] };
    expect(doc.files).toHaveLength(2);
    const [ok, bad] = doc.files;
    expect(Object.keys(ok).sort()).toEqual(['file', 'findings', 'tables']);
    const where = buildSeed('000', 'published').expected.t3;
    expect((ok.tables as Record<string, unknown>).t3).toEqual({ sheet: where.sheet, range: where.range });
    expect((ok.findings as unknown[])[0]).toEqual({
      rule: 'W2.1',
      severity: 'error',
      table: 't2',
      sheet: '表2',
      cell: 'C5',
      row: '合计',
      column: '合计',
      expected: '10.00',
      actual: '9.00',
      diff: '-1.00',
      message: errorFinding.message,
    });
    expect(Object.keys(bad).sort()).toEqual(['error', 'file']);
    expect(bad.file).toBe(broken);
  });

  it('shows progress on stderr for several files only when asked or on a terminal', async () => {
    const a = capture();
    await runCheck([dir], { ...a.opts, analyze: stub([]), progress: true });
    expect(a.err.join('')).toMatch(/^\[1\/3\] .+\.xlsx\n\[2\/3\] /);
    const b = capture();
    await runCheck([dir], { ...b.opts, analyze: stub([]), errIsTTY: false });
    expect(b.err).toEqual([]);
    const c = capture();
    await runCheck([dir], { ...c.opts, analyze: stub([]), progress: false, errIsTTY: true });
    expect(c.err).toEqual([]);
    const d = capture();
    await runCheck([seed000], { ...d.opts, analyze: stub([]), progress: true });
    expect(d.err).toEqual([]);
  });

  it('with the real rule engine: seed 001 has errors (exit 1) and its input file is not touched', async () => {
    const before = { bytes: readFileSync(seed001), mtime: statSync(seed001).mtimeMs };
    const c = capture();
    const { exitCode, results } = await runCheck([seed001], { ...c.opts, json: true });
    expect(exitCode).toBe(1);
    const doc = JSON.parse(c.out.join('')) as { files: { findings: { rule: string; table: string }[] }[] };
    // docs/domain.md § 样本中的已知错误: 001 表6 puts 商品和服务支出 in 人员经费 and leaves class/合计 rows split blank.
    expect(doc.files[0].findings.some((f) => f.table === 't6')).toBe(true);
    expect(results).toHaveLength(1);
    expect(statSync(seed001).mtimeMs).toBe(before.mtime);
    expect(readFileSync(seed001).equals(before.bytes)).toBe(true);
  });
});

describe('check through the command line parser', () => {
  it('`check FILE --json --no-progress` is registered, prints JSON and sets the exit code', async () => {
    const { buildProgram } = await import('../../src/cli/main');
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const before = process.exitCode;
    try {
      await buildProgram().parseAsync(['node', 'budget-disclosure', 'check', broken, '--json', '--no-progress']);
      expect(process.exitCode).toBe(2);
    } finally {
      spy.mockRestore();
      process.exitCode = before;
    }
    const doc = JSON.parse(written.join('')) as { files: { file: string; error: string }[] };
    expect(doc.files).toEqual([{ file: broken, error: expect.stringContaining('不是 Excel 工作簿') }]);
  });
});
