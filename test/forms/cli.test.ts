import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { register, runForms } from '../../src/cli/commands/forms';
import { locateForms } from '../../src/core/forms/locate';
import { locateTables } from '../../src/core/locate';
import { readXlsx } from '../../src/xlsx/read';
import { writeGridToXlsx } from '../../src/xlsx/writeGrid';
import { buildSeedWorkbook, loadFixture } from '../fixtures/seeds';
import { seedWorkbookWithForms } from './seedForms';

const dir = mkdtempSync(join(tmpdir(), 'forms-cli-'));
const hash = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');
const opts = { city: '大同', deptCode: '121-大同市人力资源和社会保障局[部门]' };

describe('budget-disclosure forms', () => {
  const input = join(dir, '000.xlsx');
  beforeAll(async () => {
    await writeGridToXlsx(buildSeedWorkbook('000', 'published'), input);
  });

  it('adds one form per 表12 project, keeps every original sheet and never writes IN', async () => {
    const before = hash(input);
    const out = join(dir, 'out1.xlsx');
    const r = await runForms(input, { ...opts, output: out });
    expect(hash(input)).toBe(before);
    expect(r.stdout).toContain('新增绩效目标表 14 张');
    const original = await readXlsx(input);
    const written = await readXlsx(out);
    for (const s of original.sheets) {
      const copy = written.sheets.find((x) => x.name === s.name);
      expect(copy?.rows.map((row) => row.map((c) => c?.value ?? null))).toEqual(
        s.rows.map((row) => row.map((c) => c?.value ?? null)),
      );
    }
    const forms = locateForms(written);
    expect(forms).toHaveLength(14);
    // Our form and record sheets do not disturb the table locator.
    expect(locateTables(written).tables.t12?.sheet).toBe(locateTables(original).tables.t12?.sheet);
    expect(locateTables(written).findings.map((f) => f.message)).toEqual(
      locateTables(original).findings.map((f) => f.message),
    );
    const fx = loadFixture('000');
    const net = forms.find((f) => f.projectName === 'Z网络运维服务费');
    expect(net?.funds.annual.total.toString()).toBe(
      fx.forms.find((f) => f.projectName === 'Z网络运维服务费')?.funds.annual,
    );
    expect(net?.title).toBe('大同市市级预算部门（单位）项目支出绩效目标表');
    expect(net?.department).toBe('121-大同市人力资源和社会保障局[部门]');
    // The record sheet is there but hidden from the clerk.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.getWorksheet('预填记录')?.state).toBe('hidden');
    const formSheet = book.getWorksheet(net?.sheet ?? '');
    expect(formSheet?.getCell(net?.cells['funds.annual.total'] ?? 'A1').numFmt).toBe('#,##0');
  });

  it('refuses to overwrite OUT without --force and refuses OUT = IN', async () => {
    const out = join(dir, 'exists.xlsx');
    await runForms(input, { ...opts, output: out });
    await expect(runForms(input, { ...opts, output: out })).rejects.toThrow('已存在');
    await expect(runForms(input, { ...opts, output: out, force: true })).resolves.toMatchObject({ exitCode: 0 });
    await expect(runForms(input, { ...opts, output: input, force: true })).rejects.toThrow('不能与输入文件相同');
  });

  it('explains bad input instead of crashing', async () => {
    await expect(runForms(join(dir, 'nope.xlsx'), { ...opts, output: join(dir, 'x.xlsx') })).rejects.toThrow(
      '找不到输入文件',
    );
    const noT12 = join(dir, 'empty.xlsx');
    await writeGridToXlsx({ sheets: [{ name: 'Sheet1', rows: [[{ value: '你好' }]], merges: [] }] }, noT12);
    await expect(runForms(noT12, { ...opts, output: join(dir, 'y.xlsx') })).rejects.toThrow('没有找到表12');
    await expect(runForms(input, { ...opts, output: join(dir, 'z.xlsx'), moneyFormat: '0.0' })).rejects.toThrow(
      '--money-format',
    );
  });

  it('on a workbook that already has the published forms (003) adds the missing one and reports the rest', async () => {
    const in003 = join(dir, '003.xlsx');
    await writeGridToXlsx(seedWorkbookWithForms('003'), in003);
    const out = join(dir, 'out003.xlsx');
    const r = await runForms(in003, { ...opts, output: out });
    expect(r.sync.added.map((p) => p.name)).toEqual(['ZY流动人员人事档案整理加工服务']);
    expect(r.sync.updates.filter((u) => u.field !== 'flag')).toEqual([]);
    expect(r.stdout).toContain('非本工具生成的目标表');
    const written = await readXlsx(out);
    expect(locateForms(written)).toHaveLength(14);
    // Without --city/--dept-code the new form copies the published forms' title and 主管部门.
    const plain = join(dir, 'out003-plain.xlsx');
    await runForms(in003, { output: plain });
    const added = locateForms(await readXlsx(plain)).find((f) => f.projectName === 'ZY流动人员人事档案整理加工服务');
    expect(added?.title).toBe('大同市市级预算部门（单位）项目支出绩效目标表');
    expect(added?.yearLabel).toBe('（2026年度）');
    expect(added?.department).toBe('121-大同市人力资源和社会保障局[部门]');
    expect(added?.implementingUnit).toBe('大同市就业创业服务中心');
  });

  it('registers the command with its options', async () => {
    const program = new Command();
    program.exitOverride();
    register(program);
    const cmd = program.commands.find((c) => c.name() === 'forms');
    expect(cmd?.options.map((o) => o.long)).toEqual(
      expect.arrayContaining(['--output', '--city', '--dept-code', '--stacked', '--force', '--force-cell']),
    );
    const out = join(dir, 'via-program.xlsx');
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync(['node', 'cli', 'forms', input, '-o', out, '--city', '大同', '--stacked']);
    } finally {
      write.mockRestore();
    }
    expect(existsSync(out)).toBe(true);
    const written = await readXlsx(out);
    expect(written.sheets.filter((s) => s.tag === 'form:stacked')).toHaveLength(1);
    expect(locateForms(written)).toHaveLength(14);
  });

  it('applies the clerk’s project list (003 J物业费: 延续性, 2年, 实施期 1,581,000 元)', async () => {
    const in003 = join(dir, '003-tables.xlsx');
    await writeGridToXlsx(buildSeedWorkbook('003', 'published'), in003);
    const list = join(dir, 'projects.json');
    writeFileSync(
      list,
      JSON.stringify([
        { name: 'J物业费', attribute: '延续性项目（阶段开展）', term: '2年', periodTotal: '1,581,000' },
        { name: '不存在的项目' },
      ]),
    );
    const out = join(dir, 'out003-list.xlsx');
    const r = await runForms(in003, { ...opts, output: out, projects: list });
    expect(r.stdout).toContain('“不存在的项目”在表12中找不到');
    const fx = loadFixture('003').forms.find((f) => f.projectName === 'J物业费');
    const mine = locateForms(await readXlsx(out)).find((f) => f.projectName === 'J物业费');
    expect(mine?.attribute).toBe(fx?.attribute);
    expect(mine?.period).toBe(fx?.period);
    expect(mine?.funds.period.total.toString()).toBe(fx?.funds.total);
    expect(mine?.funds.period.split.local.toString()).toBe(fx?.fundsPeriod.local);
    expect(mine?.funds.annual.total.toString()).toBe(fx?.funds.annual);
    writeFileSync(list, JSON.stringify([{ name: 'J物业费', term: '两年' }]));
    await expect(runForms(in003, { ...opts, output: join(dir, 'bad-list.xlsx'), projects: list })).rejects.toThrow(
      '第1项“term”：项目期应写成“N年”',
    );
  });

  it('a second run on its own output after a 表12 change updates the money and keeps what the clerk typed', async () => {
    const out1 = join(dir, 'round1.xlsx');
    await runForms(input, { ...opts, output: out1 });
    const grid1 = await readXlsx(out1);
    const form = locateForms(grid1).find((f) => f.projectName === 'J仲裁委业务费');
    expect(form).toBeDefined();
    const t12 = grid1.sheets.find((s) =>
      s.rows.some((r) => r?.[0]?.value === 'J仲裁委业务费' && typeof r?.[1]?.value !== 'undefined'),
    );
    const t12Row = t12?.rows.findIndex((r) => r?.[0]?.value === 'J仲裁委业务费') ?? -1;
    expect(t12Row).toBeGreaterThan(0);
    // The clerk types an indicator and the overview, and 表12 goes from 7.00 to 8.25 万元.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out1);
    const ws = book.getWorksheet(form?.sheet ?? '');
    const qty = form?.indicators.find((i) => i.side === 'annual' && i.level2 === '数量指标');
    ws!.getCell(qty?.level3Cell ?? 'A1').value = '仲裁案件数';
    ws!.getCell(qty?.valueCell ?? 'A1').value = '≥300件';
    ws!.getCell(form?.cells.overview ?? 'A1').value = '劳动人事争议仲裁委员会日常业务';
    const t12ws = book.getWorksheet(t12?.name ?? '');
    t12ws!.getCell(t12Row + 1, 2).value = 8.25;
    t12ws!.getCell(t12Row + 1, 3).value = 8.25;
    await book.xlsx.writeFile(out1);

    const out2 = join(dir, 'round2.xlsx');
    const r = await runForms(out1, { ...opts, output: out2 });
    expect(r.sync.added).toEqual([]);
    expect(r.stdout).toContain('更新绩效目标表 1 张');
    const after = locateForms(await readXlsx(out2)).find((f) => f.projectName === 'J仲裁委业务费');
    expect(after?.funds.annual.total.toString()).toBe('82500');
    expect(after?.funds.annual.split.local.toString()).toBe('82500');
    expect(after?.funds.period.total.toString()).toBe('82500');
    expect(after?.texts.overview).toBe('劳动人事争议仲裁委员会日常业务');
    const q2 = after?.indicators.find((i) => i.side === 'annual' && i.level2 === '数量指标');
    expect([q2?.level3, q2?.value]).toEqual(['仲裁案件数', '≥300件']);
    expect(after?.indicators.find((i) => i.side === 'annual' && i.level3 === '预算控制数')?.value).toBe('≤8.25万元');
  });
});
