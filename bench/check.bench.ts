import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeWorkbook } from '../src/core/check';
import { DEFAULT_CODES } from '../src/core/reference';
import { renderTemplates, type CodeRow } from '../src/core/templates/layout';
import { libreOfficeAvailable, recalculateWithLibreOffice } from '../src/xlsx/libreoffice';
import { readXlsx } from '../src/xlsx/read';
import { writePlansToXlsx } from '../src/xlsx/write';

/**
 * `check` on a large 部门 workbook (30 units, ~150 科目 rows per coded table, 300 projects in
 * 表12 and 表13) against what LibreOffice needs just to open and recalculate the same file:
 * the point of a dedicated checker is to answer much faster than a spreadsheet program.
 * The check runs on LibreOffice's recalculated output, so totals carry real cached values
 * as in a clerk's saved workbook.
 */
const UNITS = 30;
const PROJECTS_PER_UNIT = 10;
const CODE_ROWS = 150;
const RUNS = 3;

/** The shipped codes plus synthetic 项 under existing 款 until there are CODE_ROWS rows. */
function codes(): CodeRow[] {
  const rows: CodeRow[] = DEFAULT_CODES.ordered().map((c) => ({ code: c.code, name: c.name }));
  const have = new Set(rows.map((r) => r.code));
  const kuan = rows.filter((r) => r.code.length === 5).map((r) => r.code);
  for (let n = 60; rows.length < CODE_ROWS && n < 99; n++) {
    for (const k of kuan) {
      const code = `${k}${n}`;
      if (have.has(code) || rows.length >= CODE_ROWS) continue;
      have.add(code);
      rows.push({ code, name: `测试科目${code}` });
    }
  }
  return rows;
}

export function largeWorkbookPlans() {
  const units = Array.from({ length: UNITS }, (_, i) => `测试单位${String(i + 1).padStart(2, '0')}`);
  const plans = renderTemplates(
    { year: 2026, unit: '测试市人力资源和社会保障局', level: '部门', units, codes: codes() },
    { projectRows: PROJECTS_PER_UNIT },
  );
  let n = 0;
  for (const p of plans) {
    for (const c of p.cells) {
      if (c.style === 'money' && c.formula === undefined) c.value = ((n++ % 997) + 1) / 4;
      if (c.style === 'text' && (p.tag === 't12' || p.tag === 't13') && c.col === 0 && c.value == null)
        c.value = `项目${n++}`;
    }
  }
  return plans;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median of RUNS read+analyze runs, and the first (cold: nothing JIT-compiled yet). */
async function timeCheck(file: string): Promise<{ median: number; cold: number }> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const wb = await readXlsx(file);
    analyzeWorkbook(wb);
    times.push(performance.now() - t);
  }
  return { median: median(times), cold: times[0] };
}

export async function run(report: (name: string, value: number, unit: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bd-bench-check-'));
  try {
    const file = join(dir, 'large.xlsx');
    await writePlansToXlsx(largeWorkbookPlans(), file);
    let checked = file;
    let lo: number | undefined;
    if (libreOfficeAvailable()) {
      const t = performance.now();
      checked = await recalculateWithLibreOffice(file, join(dir, 'recalc'));
      lo = performance.now() - t;
    } else {
      process.stderr.write('check.bench: LibreOffice not installed, libreoffice.recalc.large skipped\n');
    }
    const check = await timeCheck(checked);
    report('check.large', Math.round(check.median), 'ms');
    report('check.large.cold', Math.round(check.cold), 'ms');
    if (lo !== undefined) {
      report('libreoffice.recalc.large', Math.round(lo), 'ms');
      report('check.speedup', lo / check.median, 'x');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
