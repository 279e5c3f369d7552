import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBalance } from '../../src/cli/commands/balance';
import { parseOnly, runFix } from '../../src/cli/commands/fix';
import { analyzeWorkbook } from '../../src/core/check';
import { readXlsx } from '../../src/xlsx/read';
import { writeGridToXlsx } from '../../src/xlsx/writeGrid';
import { buildSeedWorkbook } from '../fixtures/seeds';
import { seedWorkbookWithForms } from '../forms/seedForms';

/** `budget-disclosure balance` and `fix` through their run functions, on real files. */
const dir = mkdtempSync(join(tmpdir(), 'bd-fix-'));
const example = join(dir, 'example.xlsx');
const seed000 = join(dir, '000.xlsx');
const seed001 = join(dir, '001-forms.xlsx');
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

beforeAll(async () => {
  copyFileSync(join(__dirname, '../../assets/example/datong-2024.xlsx'), example);
  await writeGridToXlsx(buildSeedWorkbook('000', 'published'), seed000);
  await writeGridToXlsx(seedWorkbookWithForms('001'), seed001);
});

describe('balance IN -o OUT', () => {
  it('writes a balanced copy that checks with zero 尾差; IN is not written', async () => {
    const before = hash(example);
    const out = join(dir, 'balanced.xlsx');
    const r = await runBalance(example, { output: out });
    expect(hash(example)).toBe(before);
    expect(r.stdout).toContain('尾差调平：3 个数字偏离四舍五入');
    expect(r.stdout).toContain('106.68 → 106.67');
    expect(r.stdout).toContain(`已写入：${out}`);
    const findings = analyzeWorkbook(await readXlsx(out)).findings;
    expect(findings.filter((f) => f.severity === 'rounding')).toEqual([]);
  });

  it('refuses an existing output without --force, and never the input itself', async () => {
    const out = join(dir, 'exists.xlsx');
    writeFileSync(out, 'keep me');
    await expect(runBalance(example, { output: out })).rejects.toThrow('已存在');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    await expect(runBalance(example, { output: example, force: true })).rejects.toThrow('不能与输入文件相同');
    await runBalance(example, { output: out, force: true });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('--json: the same input twice gives byte-identical change lists', async () => {
    const a = await runBalance(example, { output: join(dir, 'j1.xlsx'), json: true });
    const b = await runBalance(example, { output: join(dir, 'j2.xlsx'), json: true });
    const strip = (s: string) => s.replace(/"output":"[^"]*"/, '');
    expect(strip(a.stdout)).toBe(strip(b.stdout));
    const parsed = JSON.parse(a.stdout) as {
      changes: { cell: string; exact?: string; ordinary: string; value: string }[];
    };
    expect(parsed.changes).toHaveLength(26);
    expect(parsed.changes[0]).toMatchObject({ ordinary: '106.68', value: '106.67' });
  });
});

describe('fix IN -o OUT [--only]', () => {
  it('fixes what has one right answer and lists every cell; the output checks without those findings', async () => {
    const out = join(dir, 'fixed.xlsx');
    const r = await runFix(seed000, { output: out });
    expect(r.stdout).toContain('[CN1,CN3] 表2!B21 “租房补贴” → “提租补贴”');
    expect(r.stdout).toContain('[FI4] 表1!B6 “1,184.32” → 1184.32');
    expect(r.stdout).not.toContain('未自动修正');
    const after = analyzeWorkbook(await readXlsx(out)).findings.map((f) => f.rule);
    expect(after).not.toContain('FI4');
    expect(after).not.toContain('CN1');
    expect(after).not.toContain('CN3');
  });

  it('lists what it leaves to the clerk, with the reason', async () => {
    const r = await runFix(seed001, { output: join(dir, 'fixed-001.xlsx'), only: 'F2' });
    expect(r.stdout).toMatch(/未自动修正 \d+ 项（答案不唯一，须由经办人处理）/);
    expect(r.stdout).toContain('实施期金额须由经办人确定');
    expect(r.stdout).toMatch(/\[F2\] 绩效目标表!G\d+ \d+ → \d+：按表12/);
  });

  it('--only limits the fixes to those rules', async () => {
    const out = join(dir, 'only.xlsx');
    const r = await runFix(seed000, { output: out, only: 'cn1，CN3' });
    expect(r.plan.fixes.map((f) => f.finding.rule).sort()).toEqual(['CN1', 'CN3']);
    const after = analyzeWorkbook(await readXlsx(out)).findings.map((f) => f.rule);
    expect(after).toContain('FI4');
  });

  it('--only refuses a rule that has no automatic fix', () => {
    expect(() => parseOnly('FI4,X5')).toThrow('X5 不是可自动修正的规则');
    expect(parseOnly(undefined)).toBeUndefined();
  });

  it('--json lists fixes, reasons for the rest, and the edits', async () => {
    const r = await runFix(seed000, { output: join(dir, 'fj.xlsx'), json: true, only: 'CN1' });
    const parsed = JSON.parse(r.stdout) as { fixes: unknown[]; notFixed: unknown[]; edits: { new: unknown }[] };
    expect(parsed.fixes).toHaveLength(1);
    expect(parsed.edits.map((e) => e.new)).toEqual(['提租补贴', '提租补贴']);
    expect(existsSync(join(dir, 'fj.xlsx'))).toBe(true);
  });
});
