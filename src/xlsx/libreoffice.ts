import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Headless LibreOffice for two jobs: recalculating a workbook we wrote (exceljs stores formulas
 * without results) and rendering it to PDF for a visual check.
 *
 * LibreOffice does NOT recalculate .xlsx formulas on load by default — it trusts the cached
 * values. Each run therefore gets a throwaway user profile whose registrymodifications.xcu sets
 * Calc/Formula/Load/OOXMLRecalcMode = 0 ("always recalculate"); the profile also keeps our runs
 * from fighting over, or polluting, a real user's profile.
 */
const SOFFICE_NAMES = ['soffice', 'libreoffice'];
const TIMEOUT_MS = 180_000;

function findSoffice(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of SOFFICE_NAMES) {
    for (const d of dirs) {
      const p = join(d, name);
      try {
        if (statSync(p).isFile()) return p;
      } catch {
        // not in this PATH entry
      }
    }
  }
  return undefined;
}

export function libreOfficeAvailable(): boolean {
  return findSoffice() !== undefined;
}

const RECALC_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function run(cmd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((res, rej) => {
    execFile(cmd, args, { timeout: TIMEOUT_MS, maxBuffer: 10 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) rej(new Error(`LibreOffice 运行失败：${err.message}\n${stderr}`));
      else res({ stdout, stderr });
    });
  });
}

async function convert(input: string, outDir: string, target: string, ext: string): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('未找到 LibreOffice（soffice）：请先运行 scripts/setup.sh 安装');
  const src = resolve(input);
  if (!existsSync(src)) throw new Error(`找不到文件“${input}”`);
  const out = resolve(outDir);
  const produced = join(out, basename(src, extname(src)) + '.' + ext);
  // Converting into the source's own folder would overwrite the clerk's file with LibreOffice's copy.
  if (produced === src) throw new Error(`输出目录不能是源文件所在目录（会覆盖“${input}”）`);
  await mkdir(out, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), 'bd-lo-profile-'));
  try {
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), RECALC_XCU);
    await run(soffice, [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--invisible',
      '--norestore',
      '--nologo',
      '--convert-to',
      target,
      '--outdir',
      out,
      src,
    ]);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  if (!existsSync(produced)) throw new Error(`LibreOffice 未生成“${produced}”`);
  return produced;
}

/** Opens `inXlsx`, recalculates every formula, saves `<outDir>/<same name>.xlsx`; returns its path. */
export function recalculateWithLibreOffice(inXlsx: string, outDir: string): Promise<string> {
  return convert(inXlsx, outDir, 'xlsx:Calc MS Excel 2007 XML', 'xlsx');
}

/** LibreOffice's export filters for the workbook formats we read (names from its filter list). */
const SAVE_AS = {
  xlsx: 'xlsx:Calc MS Excel 2007 XML',
  xls: 'xls:MS Excel 97',
  ods: 'ods:calc8',
} as const;

/**
 * Saves `input` (recalculated) as `<outDir>/<same name>.<format>`, the way a clerk's "另存为"
 * would: the .xls/.ods copies the format tests compare with the .xlsx. Returns the path.
 */
export function saveWithLibreOffice(input: string, outDir: string, format: keyof typeof SAVE_AS): Promise<string> {
  return convert(input, outDir, SAVE_AS[format], format);
}

/** Renders every sheet (recalculated) to `<outDir>/<same name>.pdf`; returns its path. */
export function convertToPdf(xlsx: string, outDir: string): Promise<string> {
  return convert(xlsx, outDir, 'pdf:calc_pdf_Export', 'pdf');
}
