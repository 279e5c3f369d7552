import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell, Workbook } from '../src/core/model/grid';
import { runForms } from '../src/cli/commands/forms';
import { renderForms } from '../src/core/forms/layout';
import { projectsFromDisclosure } from '../src/core/forms/projects';
import { locateTables } from '../src/core/locate';
import { insertTemplates } from '../src/excel/insertTemplates';
import { writeGridToXlsx } from '../src/xlsx/writeGrid';
import { FakeExcel } from '../test/excel/fakeExcel';
import { buildSeedWorkbook } from '../test/fixtures/seeds';

/**
 * forms.cli.300: the `forms` command end to end (read xlsx, locate 表12, plan, write a copy)
 * on seed 000 with its 表12 grown to 300 projects. forms.syncs.300: syncs the Office.js writer
 * needs to insert those 300 form sheets (Excel fake).
 */
const N = 300;

function seedWith300Projects(): Workbook {
  const wb = buildSeedWorkbook('000', 'published');
  const sheet = wb.sheets.find((s) => s.rows.some((r) => r?.[0]?.value === 'Z网络运维服务费'));
  if (!sheet) throw new Error('seed 000 has no 表12 sheet');
  const first = sheet.rows.findIndex((r) => r?.[0]?.value === 'Z网络运维服务费');
  const rows: (Cell | undefined)[][] = sheet.rows.slice(0, first);
  let cents = 0;
  for (let i = 0; i < N; i++) {
    const amount = 1 + (i % 97) + (i % 7) / 100;
    cents += Math.round(amount * 100);
    rows.push([{ value: `J测试项目${String(i + 1).padStart(3, '0')}经费` }, { value: amount }, { value: amount }]);
  }
  const total = cents / 100;
  rows[first - 1] = [{ value: '大同市人力资源和社会保障局' }, { value: total }, { value: total }];
  return {
    sheets: wb.sheets.map((s) =>
      s === sheet ? { ...sheet, rows, merges: sheet.merges.filter((m) => m.bottom < first) } : s,
    ),
  };
}

export async function run(report: (name: string, value: number, unit: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'forms-bench-'));
  try {
    const grid = seedWith300Projects();
    const input = join(dir, 'in.xlsx');
    await writeGridToXlsx(grid, input);
    const t0 = performance.now();
    const r = await runForms(input, {
      output: join(dir, 'out.xlsx'),
      city: '大同',
      deptCode: '121-大同市人力资源和社会保障局[部门]',
    });
    const ms = performance.now() - t0;
    if (r.sync.added.length !== N) throw new Error(`expected ${N} new forms, got ${r.sync.added.length}`);
    report('forms.cli.300', Math.round(ms), 'ms');

    const projects = projectsFromDisclosure(locateTables(grid));
    const plans = renderForms(projects, {
      year: 2024,
      place: '大同',
      department: '121-大同市人力资源和社会保障局[部门]',
    });
    const fake = new FakeExcel();
    const res = await fake.run((ctx) => insertTemplates(ctx, plans, { requirements: fake.requirements }));
    if (res.status !== 'inserted') throw new Error(`insert stopped: ${res.status}`);
    report('forms.syncs.300', fake.syncCount, 'syncs');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
