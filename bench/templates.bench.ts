import { renderTemplates } from '../src/core/templates/layout';
import { writePlansToXlsx } from '../src/xlsx/write';
import { libreOfficeAvailable, recalculateWithLibreOffice } from '../src/xlsx/libreoffice';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Cost of `generate`: planning all 13 tables, and writing them with exceljs (no disk). */
export async function run(report: (name: string, value: number, unit: string) => void): Promise<void> {
  const params = { year: 2026, unit: '大同市就业创业服务中心', level: '单位' as const };
  const rounds = 20;
  let t = performance.now();
  for (let i = 0; i < rounds; i++) renderTemplates(params);
  report('templates.render13', (performance.now() - t) / rounds, 'ms');

  const plans = renderTemplates(params);
  report(
    'templates.cells13',
    plans.reduce((s, p) => s + p.cells.length, 0),
    'cells',
  );
  t = performance.now();
  let bytes = 0;
  for (let i = 0; i < 5; i++) bytes = (await writePlansToXlsx(plans, undefined)).length;
  report('templates.writeXlsx13', (performance.now() - t) / 5, 'ms');
  report('templates.xlsxSize13', Math.round(bytes / 1024), 'KiB');

  const big = renderTemplates(
    { ...params, level: '部门', units: Array.from({ length: 30 }, (_v, i) => `下属单位${i + 1}`) },
    { projectRows: 20 },
  );
  t = performance.now();
  await writePlansToXlsx(big, undefined);
  report('templates.writeXlsxDept30units20projects', performance.now() - t, 'ms');

  // One LibreOffice recalculation of the 13 tables, profile start-up included (what a CI check pays).
  if (libreOfficeAvailable()) {
    const dir = mkdtempSync(join(tmpdir(), 'bd-bench-'));
    try {
      const file = join(dir, 't.xlsx');
      await writePlansToXlsx(plans, file);
      t = performance.now();
      await recalculateWithLibreOffice(file, join(dir, 'out'));
      report('templates.libreofficeRecalc13', performance.now() - t, 'ms');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
