import { renderTemplates } from '../src/core/templates/layout';
import { writePlansToXlsx } from '../src/xlsx/write';

/** Cost of `generate`: planning all 13 tables, and writing them with exceljs (no disk). */
export async function run(report: (name: string, value: number, unit: string) => void): Promise<void> {
  const params = { year: 2026, unit: '大同市就业创业服务中心', level: '单位' as const };
  const rounds = 20;
  let t = performance.now();
  for (let i = 0; i < rounds; i++) renderTemplates(params);
  report('templates.render13', (performance.now() - t) / rounds, 'ms');

  const plans = renderTemplates(params);
  report('templates.cells13', plans.reduce((s, p) => s + p.cells.length, 0), 'cells');
  t = performance.now();
  let bytes = 0;
  for (let i = 0; i < 5; i++) bytes = (await writePlansToXlsx(plans, undefined)).length;
  report('templates.writeXlsx13', (performance.now() - t) / 5, 'ms');
  report('templates.xlsxSize13', Math.round(bytes / 1024), 'KiB');

  const big = renderTemplates({ ...params, level: '部门', units: Array.from({ length: 30 }, (_v, i) => `下属单位${i + 1}`) }, { projectRows: 20 });
  t = performance.now();
  await writePlansToXlsx(big, undefined);
  report('templates.writeXlsxDept30units20projects', performance.now() - t, 'ms');
}
