import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { locateTables } from '../../src/core/locate';
import { readXlsx, WorkbookReadError } from '../../src/xlsx/read';
import { writeGridToXlsx } from '../../src/xlsx/writeGrid';
import { buildSeedWorkbook } from '../fixtures/seeds';

const dir = mkdtempSync(join(tmpdir(), 'bd-read-'));

async function xlsxOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function failure(input: string | Buffer): Promise<WorkbookReadError> {
  try {
    await readXlsx(input);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error('expected a WorkbookReadError');
}

describe('readXlsx', () => {
  it('reads values, cached formula results, shared formulas, rich text, errors, dates and merges', async () => {
    const buf = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('表3');
      ws.getCell('A1').value = { richText: [{ text: '2024年' }, { font: { bold: true }, text: '预算支出总表' }] };
      ws.mergeCells('A1:E1');
      ws.getCell('B2').value = 1;
      ws.getCell('B3').value = 2;
      ws.getCell('C2').value = { formula: 'B2*2', result: 2 };
      ws.getCell('C3').value = { sharedFormula: 'C2', result: 4 };
      ws.getCell('D2').value = { error: '#REF!' };
      ws.getCell('E2').value = new Date(Date.UTC(2024, 0, 31));
      ws.getCell('A4').value = '2080101';
      ws.getCell('A5').value = '项目一';
      ws.getCell('A5').alignment = { indent: 2 };
    });
    const wb = await readXlsx(buf);
    const s = wb.sheets[0];
    expect(s.name).toBe('表3');
    expect(s.rows[0][0]).toEqual({ value: '2024年预算支出总表' });
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
    expect(s.rows[1][2]).toEqual({ value: 2, formula: 'B2*2' });
    expect(s.rows[2][2]).toEqual({ value: 4, formula: 'B3*2' });
    expect(s.rows[1][3]).toEqual({ value: { error: '#REF!' } });
    expect(s.rows[1][4]).toEqual({ value: '2024-01-31' });
    expect(s.rows[3][0]).toEqual({ value: '2080101' });
    expect(s.rows[4][0]).toEqual({ value: '项目一', indent: 2 });
  });

  it('gives sheets their tag from BD_TABLE_* defined names, even after a rename', async () => {
    const buf = await xlsxOf((wb) => {
      wb.addWorksheet('随便起的名字').getCell('A1').value = 'x';
      wb.addWorksheet('其他').getCell('A1').value = 'y';
      wb.definedNames.add("'随便起的名字'!$A$1", 'BD_TABLE_t3');
      wb.definedNames.add("'其他'!$A$1", 'MyOwnName');
    });
    const wb = await readXlsx(buf);
    expect(wb.sheets.map((s) => s.tag)).toEqual(['t3', undefined]);
  });

  it('a seed written with writeGridToXlsx reads back to the same located amounts, codes as text', async () => {
    const grid = buildSeedWorkbook('003', 'stacked');
    const back = await readXlsx(await writeGridToXlsx(grid));
    const a = locateTables(grid);
    const b = locateTables(back);
    expect(b.findings).toEqual([]);
    for (const id of Object.keys(a.tables) as 't1'[]) {
      const flat = (d: typeof a) =>
        d.tables[id]?.rows.map((r) => [
          r.key,
          r.code ?? null,
          ...Object.values(r.values).map((v) => `${v?.cell}=${v?.value.toString()}`),
        ]);
      expect(flat(b)).toEqual(flat(a));
    }
  });

  it('tells a damaged .xls from a password-protected .xlsx (both are CFB containers)', async () => {
    // .xls is read now (test/xlsx/formats.test.ts); an OLE2 header with nothing behind it is a damaged one.
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from('Workbook', 'utf16le').copy(cfb, 1024);
    const xls = await failure(cfb);
    expect(xls.reason).toBe('corrupt');
    expect(xls.message).toContain('已损坏');
    const enc = Buffer.from(cfb);
    Buffer.from('EncryptedPackage', 'utf16le').copy(enc, 1200);
    const e = await failure(enc);
    expect(e.reason).toBe('encrypted');
    expect(e.message).toContain('密码');
  });

  it('rejects text files, truncated workbooks, zips that are not workbooks and missing files', async () => {
    expect((await failure(Buffer.from('科目编码,科目名称\n208,社会保障和就业支出\n'))).reason).toBe('not-a-workbook');
    const real = await writeGridToXlsx(buildSeedWorkbook('000', 'published'));
    const cut = await failure(real.subarray(0, Math.floor(real.length / 2)));
    expect(cut.reason).toBe('corrupt');
    expect(cut.message).toContain('损坏');
    const notXlsx = await failure(
      Buffer.concat([
        Buffer.from([0x50, 0x4b, 0x03, 0x04]),
        Buffer.alloc(40),
        Buffer.from([0x50, 0x4b, 0x05, 0x06]),
        Buffer.alloc(18),
      ]),
    );
    expect(notXlsx.reason).toBe('not-a-workbook');
    const missing = await failure(join(dir, '没有这个文件.xlsx'));
    expect(missing.reason).toBe('missing');
    expect(missing.message).toContain('没有这个文件.xlsx');
  });

  it('never writes the file it reads', async () => {
    const file = join(dir, 'seed.xlsx');
    writeFileSync(file, await writeGridToXlsx(buildSeedWorkbook('001', 'published')));
    const before = { bytes: readFileSync(file), mtime: statSync(file).mtimeMs };
    await readXlsx(file);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
    expect(readFileSync(file).equals(before.bytes)).toBe(true);
  });
});
