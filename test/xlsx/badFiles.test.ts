import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../src/cli/commands/check';
import { saveWithLibreOffice } from '../../src/xlsx/libreoffice';
import { readWorkbookBytes, readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { WorkbookReadError, type WorkbookReadFailure } from '../../src/xlsx/sniff';
import { writeGridToXlsx } from '../../src/xlsx/writeGrid';
import { buildSeedWorkbook } from '../fixtures/seeds';
import { requireLibreOffice } from '../libreoffice/helpers';
import { damagedCfb, damagedZip, encryptedOds, encryptedXls, encryptedXlsx, foreignCfb, truncated } from './badFiles';

/**
 * Every kind of file a reviewer's folder really holds that cannot be checked — empty, cut short,
 * damaged, password-protected — in each format: one Chinese line naming the file and what to do,
 * never a stack trace, and the rest of the folder is still checked (exit 2).
 */
jest.setTimeout(300_000);

const dir = mkdtempSync(join(tmpdir(), 'bd-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Format = 'xlsx' | 'xls' | 'et' | 'ods';
const good: Partial<Record<Format, Buffer>> = {};

beforeAll(async () => {
  requireLibreOffice();
  const source = join(dir, 'seed001.xlsx');
  await writeGridToXlsx(buildSeedWorkbook('001', 'published'), source);
  good.xlsx = readFileSync(source);
  good.xls = readFileSync(await saveWithLibreOffice(source, join(dir, 'lo'), 'xls'));
  good.et = good.xls;
  good.ods = readFileSync(await saveWithLibreOffice(source, join(dir, 'lo'), 'ods'));
});

function bytes(f: Format): Buffer {
  const b = good[f];
  if (!b) throw new Error(`no ${f}`);
  return b;
}

const DAMAGED: Record<Format, () => Buffer> = {
  xlsx: () => damagedZip(bytes('xlsx'), 'xl/worksheets/sheet1.xml'),
  xls: () => damagedCfb(bytes('xls')),
  et: () => damagedCfb(bytes('et')),
  ods: () => damagedZip(bytes('ods'), 'content.xml'),
};

const PROTECTED: Record<Format, () => Buffer> = {
  xlsx: encryptedXlsx,
  xls: () => encryptedXls(bytes('xls')),
  et: () => encryptedXls(bytes('et')),
  ods: () => encryptedOds(bytes('ods')),
};

async function failure(b: Uint8Array, name: string): Promise<WorkbookReadError> {
  try {
    await readWorkbookBytes(b, name);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error(`${name} was read`);
}

function expectClerkMessage(e: WorkbookReadError, name: string, reason: WorkbookReadFailure, words: string) {
  expect(e.reason).toBe(reason);
  expect(e.message).toContain(`“${name}”`);
  expect(e.message).toContain(words);
  expect(e.message).not.toMatch(/\n|Error|undefined|at \S+:\d+/);
}

describe.each(['xlsx', 'xls', 'et', 'ods'] as const)('.%s', (f) => {
  it('the good copy reads', async () => {
    const wb = await readWorkbookBytes(bytes(f), `good.${f}`);
    expect(wb.sheets.length).toBe(13);
  });

  it('empty (0 bytes)', async () => {
    expectClerkMessage(await failure(new Uint8Array(0), `空.${f}`), `空.${f}`, 'empty', '空文件');
  });

  it('cut short', async () => {
    expectClerkMessage(await failure(truncated(bytes(f)), `截断.${f}`), `截断.${f}`, 'corrupt', '已损坏');
  });

  it('damaged inside', async () => {
    expectClerkMessage(await failure(DAMAGED[f](), `损坏.${f}`), `损坏.${f}`, 'corrupt', '已损坏');
  });

  it('password-protected', async () => {
    expectClerkMessage(await failure(PROTECTED[f](), `加密.${f}`), `加密.${f}`, 'encrypted', '密码');
  });
});

it('an .et in a layout of WPS’s own names the fix: save as .xlsx in WPS', async () => {
  expectClerkMessage(await failure(foreignCfb(), '专有.et'), '专有.et', 'unsupported', '在 WPS 中打开，另存为 .xlsx');
  // The same container named .xls is simply not a workbook.
  expectClerkMessage(await failure(foreignCfb(), '其他.xls'), '其他.xls', 'not-a-workbook', '不是 Excel 工作簿');
});

it('a folder with every bad file still checks the good ones, in and out of worker threads (exit 2)', async () => {
  const folder = join(dir, 'folder');
  mkdirSync(folder, { recursive: true });
  const names: string[] = [];
  for (const f of ['xlsx', 'xls', 'et', 'ods'] as const) {
    writeFileSync(join(folder, `好.${f}`), bytes(f));
    for (const [kind, make] of [
      ['空', () => Buffer.alloc(0)],
      ['截断', () => truncated(bytes(f))],
      ['损坏', DAMAGED[f]],
      ['加密', PROTECTED[f]],
    ] as const) {
      writeFileSync(join(folder, `${kind}.${f}`), make());
      names.push(`${kind}.${f}`);
    }
  }
  for (const jobs of [1, 2]) {
    const out: string[] = [];
    const { exitCode, results } = await runCheck([folder], {
      jobs,
      out: (t) => void out.push(t),
      err: () => undefined,
    });
    expect(exitCode).toBe(2);
    expect(results).toHaveLength(20);
    const unreadable = results.filter((r) => r.error !== undefined).map((r) => r.file.slice(folder.length + 1));
    expect(unreadable.sort()).toEqual([...names].sort());
    for (const r of results.filter((x) => x.error === undefined)) expect(r.counts.error).toBeGreaterThan(0); // seed 001's known errors
    const text = out.join('');
    expect(text).toContain('共 20 个文件：0 个无错误，4 个有错误，16 个无法读取。');
    expect(text).not.toMatch(/TypeError|RangeError|at .*\.[jt]s:\d+/);
  }
});

it('readWorkbookFile names the path of a missing file or a folder', async () => {
  await expect(readWorkbookFile(join(dir, '没有.xls'))).rejects.toThrow(/找不到文件“.*没有\.xls”/);
  await expect(readWorkbookFile(dir)).rejects.toThrow('是文件夹');
});
