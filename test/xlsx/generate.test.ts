import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadCodesFile, parseTables, runGenerate } from '../../src/cli/commands/generate';

const dir = mkdtempSync(join(tmpdir(), 'bd-generate-'));
const quiet = () => undefined;

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

test('writes the 13 tables, then refuses to overwrite without --force', async () => {
  const out = join(dir, 'a.xlsx');
  const logs: string[] = [];
  await runGenerate({ year: '2026', unit: '大同市就业创业服务中心', output: out }, (m) => logs.push(m), quiet);
  expect(await sheetNames(out)).toHaveLength(13);
  expect(logs.join('')).toContain('已生成 13 张表');

  writeFileSync(out, 'clerk work');
  await expect(runGenerate({ year: '2026', unit: 'x', output: out }, quiet, quiet)).rejects.toThrow('已存在');
  expect(readFileSync(out, 'utf8')).toBe('clerk work');
  await runGenerate({ year: '2026', unit: 'x', output: out, force: true, tables: 't1,t2' }, quiet, quiet);
  expect(await sheetNames(out)).toEqual(['表1 预算收支总表', '表2 预算收入总表']);
});

test('部门 with units: 表11/12 get one block per unit', async () => {
  const out = join(dir, 'dept.xlsx');
  await runGenerate(
    {
      year: '2024',
      unit: '某局',
      level: '部门',
      units: '甲单位，乙单位',
      tables: '11,12',
      projectRows: '2',
      output: out,
    },
    quiet,
    quiet,
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const t11 = wb.getWorksheet('表11 机关运行经费表') as ExcelJS.Worksheet;
  expect([t11.getCell('A7').value, t11.getCell('A8').value]).toEqual(['甲单位', '乙单位']);
  const t12 = wb.getWorksheet('表12 项目支出表(本年)') as ExcelJS.Worksheet;
  // rows: 7 部门 total, 8 甲 subtotal, 9–10 projects, 11 乙 subtotal, 12–13 projects
  expect(String(t12.getCell('A11').value).trim()).toBe('乙单位');
  expect((t12.getCell('C7').value as { formula: string }).formula).toBe('C8+C11');
});

test('clear Chinese errors for bad options', async () => {
  const out = join(dir, 'bad.xlsx');
  await expect(runGenerate({ unit: 'x', output: out }, quiet, quiet)).rejects.toThrow('--year');
  await expect(runGenerate({ year: '2026', output: out }, quiet, quiet)).rejects.toThrow('--unit');
  await expect(runGenerate({ year: '2026', unit: 'x', level: '省', output: out }, quiet, quiet)).rejects.toThrow(
    '--level',
  );
  await expect(runGenerate({ year: '2026', unit: 'x' }, quiet, quiet)).rejects.toThrow('-o');
  await expect(runGenerate({ year: '2026', unit: 'x', output: join(dir, 'a.csv') }, quiet, quiet)).rejects.toThrow(
    '.xlsx',
  );
  await expect(
    runGenerate({ year: '2026', unit: 'x', output: join(dir, 'no', 'a.xlsx') }, quiet, quiet),
  ).rejects.toThrow('输出目录不存在');
  await expect(
    runGenerate({ year: '2026', unit: 'x', codes: join(dir, 'none.csv'), output: out }, quiet, quiet),
  ).rejects.toThrow('找不到科目文件');
  expect(existsSync(out)).toBe(false);
  expect(() => parseTables('t1,t14')).toThrow('t14');
  expect(parseTables('1、表2,t13')).toEqual(['t1', 't2', 't13']);
});

test('codes from a GBK CSV (as Excel saves it on Chinese Windows) and from an xlsx', async () => {
  const gbk = new Uint8Array([
    // "科目编码,科目名称\n2080101,行政运行\n" in GBK
    0xbf, 0xc6, 0xc4, 0xbf, 0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0xbf, 0xc6, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0x32,
    0x30, 0x38, 0x30, 0x31, 0x30, 0x31, 0x2c, 0xd0, 0xd0, 0xd5, 0xfe, 0xd4, 0xcb, 0xd0, 0xd0, 0x0a,
  ]);
  const csv = join(dir, 'codes.csv');
  writeFileSync(csv, gbk);
  const warnings: string[] = [];
  expect(await loadCodesFile(csv, (m) => warnings.push(m))).toEqual([{ code: '2080101', name: '行政运行' }]);
  expect(warnings).toEqual([]);

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('科目');
  ws.addRow(['编码', '名称']);
  ws.addRow([2080101, '行政运行']); // typed as a number by a clerk
  ws.addRow(['abc', '坏行']);
  const xlsx = join(dir, 'codes.xlsx');
  await wb.xlsx.writeFile(xlsx);
  expect(await loadCodesFile(xlsx, (m) => warnings.push(m))).toEqual([{ code: '2080101', name: '行政运行' }]);
  expect(warnings.join('')).toContain('第3行“abc”');

  const out = join(dir, 'codes-out.xlsx');
  await runGenerate({ year: '2026', unit: 'x', codes: csv, tables: 't2', output: out }, quiet, quiet);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(out);
  const t2 = back.worksheets[0];
  // parents completed from the reference: 208, 20801, then the 项
  expect([t2.getCell('A7').value, t2.getCell('A8').value, t2.getCell('A9').value]).toEqual(['208', '20801', '2080101']);
});

test('the CLI entry: exit code 0 on success, 2 with a Chinese message on refusal', async () => {
  const { spawnSync } = await import('node:child_process');
  const root = join(__dirname, '..', '..');
  const out = join(dir, 'cli.xlsx');
  const args = [
    join(root, 'src', 'cli', 'main.ts'),
    'generate',
    '--year',
    '2026',
    '--unit',
    '测试单位',
    '--tables',
    't10',
    '-o',
    out,
  ];
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const ok = spawnSync(tsx, args, { encoding: 'utf8' });
  expect(ok.status).toBe(0);
  expect(ok.stdout).toContain('已生成 1 张表');
  const again = spawnSync(tsx, args, { encoding: 'utf8' });
  expect(again.status).toBe(2);
  expect(again.stderr).toContain('已存在');
});
