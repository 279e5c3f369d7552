import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { runNarrative, register } from '../../src/cli/commands/narrative';
import { locateTables } from '../../src/core/locate';
import { tableFacts } from '../../src/core/narrative/facts';
import { writeGridToXlsx } from '../../src/xlsx/writeGrid';
import { buildSeedWorkbook } from '../fixtures/seeds';
import { publishedInputs } from './publishedInputs';
import { seedDisclosure, seedNarrativeText } from './seedDisclosure';

/**
 * End to end through the real reader and locator: a seed rebuilt as .xlsx, then
 * `narrative IN.xlsx [--text] [--inputs]`.
 */
const dir = mkdtempSync(join(tmpdir(), 'narrative-cli-'));
const xlsx = (seed: '000' | '003') => {
  const file = join(dir, `${seed}.xlsx`);
  return writeGridToXlsx(buildSeedWorkbook(seed, 'published'), file).then(() => file);
};
const textFile = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('the locator feeds the same figures as the test builder', () => {
  it.each([
    ['000', 'published'],
    ['000', 'stacked'],
    ['003', 'published'],
    ['003', 'stacked'],
  ] as const)('seed %s, %s layout', (seed, layout) => {
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'at' ? undefined : v)));
    expect(strip(tableFacts(locateTables(buildSeedWorkbook(seed, layout))))).toEqual(
      strip(tableFacts(seedDisclosure(seed))),
    );
  });
});

describe('budget-disclosure narrative', () => {
  it('prints the generated paragraphs (with inputs from a JSON file)', async () => {
    const inputs = textFile('inputs-000.json', JSON.stringify(publishedInputs('000')));
    const r = await runNarrative(await xlsx('000'), { inputs });
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('第三部分 2024年度单位预算情况说明');
    expect(r.stdout).toContain('比上年减少83.12万元，下降6.56%');
    expect(r.stdout).toContain('政府采购预算总额28.00万元');
  });

  it('--json gives heading and 12 paragraphs', async () => {
    const r = await runNarrative(await xlsx('003'), { json: true });
    const out = JSON.parse(r.stdout) as { heading: string; paragraphs: { no: string }[] };
    expect(out.paragraphs.map((p) => p.no)).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '七',
      '八',
      '九',
      '十',
      '十一',
      '十二',
    ]);
  });

  it('--text checks a written narrative: clean 000 exits 0', async () => {
    const r = await runNarrative(await xlsx('000'), {
      text: textFile('000.txt', seedNarrativeText('000')),
      forms: '14',
    });
    expect(r).toMatchObject({ exitCode: 0, stdout: '情况说明与报表一致，未发现问题。' });
  });

  it('--text on 003 with the 13 attached forms exits 1 and names the phrase', async () => {
    const r = await runNarrative(await xlsx('003'), {
      text: textFile('003.txt', seedNarrativeText('003')),
      forms: '13',
    });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('[错误] N10');
    expect(r.stdout).toContain('公开项目绩效目标14个');
    expect(r.stdout).toContain('其中错误1条');
  });

  it('--text sheet checks the 情况说明 sheet inside the workbook and names its cell', async () => {
    const wb = buildSeedWorkbook('000', 'published');
    const lines = seedNarrativeText('000')
      .replace('项目支出197.55万元，占16.68%', '项目支出197.55万元，占16.86%')
      .split('\n');
    wb.sheets.push({ name: '情况说明', rows: lines.map((t) => [{ value: t }]), merges: [] });
    const file = join(dir, '000-with-text.xlsx');
    await writeGridToXlsx(wb, file);
    const r = await runNarrative(file, { text: 'sheet', json: true });
    expect(r.exitCode).toBe(1);
    const row = lines.findIndex((l) => l.includes('16.86%')) + 1;
    expect(JSON.parse(r.stdout).findings).toMatchObject([
      { rule: 'N3', sheet: '情况说明', cell: `A${row}`, expected: '16.68', actual: '16.86' },
    ]);
  });

  it('bad input is a clear error, not a crash', async () => {
    const file = await xlsx('000');
    await expect(
      runNarrative(file, { inputs: textFile('bad.json', '{ "lastYear": { "incomeTotal": "abc" } }') }),
    ).rejects.toThrow(/lastYear\.incomeTotal/);
    await expect(runNarrative(file, { inputs: textFile('broken.json', '{') })).rejects.toThrow(/不是有效的 JSON/);
    await expect(runNarrative(file, { text: join(dir, 'missing.txt') })).rejects.toThrow(/找不到情况说明文本/);
    await expect(runNarrative(file, { level: '科室' })).rejects.toThrow(/--level/);
    await expect(runNarrative(file, { text: 'sheet' })).rejects.toThrow(/情况说明/);
  });

  it('registers the subcommand', () => {
    const program = new Command();
    register(program);
    const cmd = program.commands.find((c) => c.name() === 'narrative');
    expect(cmd).toBeDefined();
    expect(cmd!.options.map((o) => o.long)).toEqual(
      expect.arrayContaining(['--inputs', '--text', '--json', '--level', '--forms']),
    );
  });
});
