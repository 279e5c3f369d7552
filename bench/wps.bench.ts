import { renderTemplates } from '../src/core/templates/layout';
import { WpsWorkbookAdapter } from '../src/wps/adapter';
import { FakeEt } from '../test/wps/fakeEt';

/**
 * WPS object-model calls, counted by the ET fake (every property read or write and every method
 * call is one call: the ET model is synchronous, so calls are what a pass costs). A 1-unit and a
 * 30-unit 部门 template are inserted, then:
 * - `wps.calls.validate.*`: the validation pass that runs after each edit (the clerk changes 表3
 *   C7; the pass reads every used range whole, runs the engine and updates the marks). It must be
 *   the same for both sizes: nothing is read cell by cell.
 * - `wps.calls.rescan.*`: 全部校验, which also scans merges and indents afresh; that part grows
 *   with the number of merged areas and the log of a sheet's height, not with its cells.
 * - `wps.calls.insert.*`: inserting the 13 tables (grows with the layout's shape: rectangles of
 *   one style or number format, merges, column runs).
 */
type Report = (name: string, value: number, unit: string) => void;

export async function run(report: Report): Promise<void> {
  for (const units of [1, 30]) {
    const fake = new FakeEt();
    const adapter = new WpsWorkbookAdapter({ app: fake.app });
    const params = {
      year: 2026,
      unit: '测试部门',
      level: '部门' as const,
      units: Array.from({ length: units }, (_, i) => `单位${i + 1}`),
    };
    let before = fake.calls;
    await adapter.insertTemplates({ params });
    report(`wps.calls.insert.${units}unit`, fake.calls - before, 'calls');
    await adapter.live.idle();
    before = fake.calls;
    await adapter.validate();
    report(`wps.calls.rescan.${units}unit`, fake.calls - before, 'calls');
    const t3 = renderTemplates(params).find((p) => p.tag === 't3')?.name ?? fake.sheets[0].name;
    await fake.edit(t3, 'C7', 123.45);
    before = fake.calls;
    await adapter.live.validateNow();
    report(`wps.calls.validate.${units}unit`, fake.calls - before, 'calls');
  }
}
