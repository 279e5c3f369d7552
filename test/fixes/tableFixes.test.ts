import { MONEY_FORMAT, NO_DATA_NOTE } from '../../src/core/templates/tables';
import { locateTables } from '../../src/core/locate';
import { buildSeedWorkbook } from '../fixtures/seeds';
import { filledTemplate } from '../rules/support/template';
import { cellAt, copyOf, expectOnlyFixedGone, fix, setCell } from './support';

/** Each fix kind inside the tables: its finding disappears after the fix and nothing else changes. */
describe('FI4: numbers stored as text → numbers', () => {
  const wb = buildSeedWorkbook('000', 'published');

  it('every FI4 disappears, every other finding stays, amounts unchanged', () => {
    const r = fix(wb, ['FI4']);
    expect(r.before.filter((f) => f.rule === 'FI4').length).toBeGreaterThan(20);
    expect(r.after.filter((f) => f.rule === 'FI4')).toEqual([]);
    expectOnlyFixedGone(r);
    for (const e of r.plan.edits) {
      expect(typeof e.old).toBe('string');
      expect(e.new).toBe(Number(String(e.old).replace(/,/g, '')));
      expect(e.numberFormat).toBe(MONEY_FORMAT);
    }
  });
});

describe('CN1/CN3: a non-standard 科目 name → the standard name in every table', () => {
  it('000: 租房补贴 becomes 提租补贴 in 表2 and 表3; CN1 and CN3 disappear, nothing else changes', () => {
    const r = fix(buildSeedWorkbook('000', 'published'), ['CN1', 'CN3']);
    expect(r.before.filter((f) => f.rule === 'CN1' || f.rule === 'CN3')).toHaveLength(2);
    expect(r.plan.edits.map((e) => [e.sheet, e.cell, e.old, e.new])).toEqual([
      ['表2', 'B21', '租房补贴', '提租补贴'],
      ['表3', 'B21', '租房补贴', '提租补贴'],
    ]);
    expectOnlyFixedGone(r);
  });

  it('keeps the indentation and a code printed in the same cell', () => {
    const wb = copyOf(buildSeedWorkbook('000', 'published'));
    setCell(wb, '表2', 'B21', { value: '\u3000\u3000租房补贴' });
    const r = fix(wb, ['CN3']);
    expect(r.plan.edits.find((e) => e.sheet === '表2')?.new).toBe('\u3000\u3000提租补贴');
  });
});

describe('FI1: a total typed over its formula → the template formula', () => {
  const { wb } = filledTemplate();
  const layout = locateTables(wb);
  const at = (id: 't1' | 't2' | 't3' | 't6' | 't12', pick: (d: typeof layout) => { sheet: string; cell: string }) =>
    pick(layout);
  const targets: [string, { sheet: string; cell: string }][] = [
    [
      '表2 类 208 (SUMPRODUCT on the code)',
      at('t2', (d) => d.tables.t2!.rows.find((r) => r.code === '208')!.values.gpb!),
    ],
    ['表2 合计', at('t2', (d) => d.tables.t2!.rows.find((r) => r.kind === 'total')!.values.total!)],
    ['表3 项 row identity', at('t3', (d) => d.tables.t3!.rows.find((r) => r.code === '2080101')!.values.total!)],
    ['表6 class', at('t6', (d) => d.tables.t6!.rows.find((r) => r.kind === 'class')!.values.total!)],
    ['表1 category link to 表2', at('t1', (d) => d.tables.t1!.rows.find((r) => r.key === 'cat:208')!.values.current!)],
    ['表12 单位 total', at('t12', (d) => d.tables.t12!.rows.find((r) => r.kind === 'total')!.values.gpb!)],
  ];

  it.each(targets)('%s: FI1 disappears, the formula is the template formula, nothing else changes', (_n, a) => {
    const typed = copyOf(wb);
    const original = cellAt(wb, a.sheet, a.cell)!;
    expect(original.formula).toBeDefined();
    setCell(typed, a.sheet, a.cell, { value: original.value });
    const r = fix(typed, ['FI1']);
    const mine = r.before.filter((f) => f.rule === 'FI1' && f.cell === a.cell && f.sheet === a.sheet);
    expect(mine).toHaveLength(1);
    const edit = r.plan.edits.find((e) => e.cell === a.cell && e.sheet === a.sheet)!;
    expect(edit.formula).toBe(original.formula);
    expect(edit.new).toBe(original.value);
    expect(edit.reason).toContain('两者相同');
    expectOnlyFixedGone(r);
  });

  it('shows typed and computed value when they differ', () => {
    const typed = copyOf(wb);
    const a = targets[0][1];
    setCell(typed, a.sheet, a.cell, { value: 12345 });
    const r = fix(typed, ['FI1']);
    const edit = r.plan.edits.find((e) => e.cell === a.cell)!;
    expect(edit.old).toBe(12345);
    expect(edit.reason).toContain('12345.00');
    expect(edit.reason).toContain(String(cellAt(wb, a.sheet, a.cell)!.value));
  });

  it('a total typed as text: the formula wins over text → number, both findings go', () => {
    const typed = copyOf(wb);
    const a = targets[1][1];
    setCell(typed, a.sheet, a.cell, { value: String(cellAt(wb, a.sheet, a.cell)!.value) });
    const r = fix(typed);
    const here = r.before.filter((f) => f.cell === a.cell && f.sheet === a.sheet).map((f) => f.rule);
    expect(here.sort()).toEqual(['FI1', 'FI4']);
    expect(r.plan.edits.filter((e) => e.cell === a.cell && e.sheet === a.sheet)).toHaveLength(1);
    expect(r.plan.notFixed.filter((n) => n.finding.cell === a.cell).map((n) => n.finding.rule)).toEqual(['FI4']);
    expect(r.after.filter((f) => f.cell === a.cell && f.sheet === a.sheet)).toEqual([]);
  });
});

describe('W7: an empty table without its no-data note → 注：本表无数据', () => {
  const { wb } = filledTemplate();
  const t8 = locateTables(wb).tables.t8!;
  const noteRow = wb.sheets
    .find((s) => s.name === t8.sheet)!
    .rows.findIndex((row) => row?.some((c) => c?.value === NO_DATA_NOTE));

  it('the note goes back where the template keeps it; W7 disappears, nothing else changes', () => {
    const bare = copyOf(wb);
    setCell(bare, t8.sheet, `A${noteRow + 1}`, undefined);
    const r = fix(bare, ['W7']);
    expect(r.before.filter((f) => f.rule === 'W7' && f.table === 't8')).toHaveLength(1);
    expect(r.plan.edits).toEqual([
      expect.objectContaining({ sheet: t8.sheet, cell: `A${noteRow + 1}`, new: NO_DATA_NOTE }),
    ]);
    expectOnlyFixedGone(r);
  });

  it('no fix when the rows under the table are not free', () => {
    const crowded = copyOf(wb);
    // Another table starts right under this one (a stacked sheet without a spacer row).
    setCell(crowded, t8.sheet, `A${noteRow + 1}`, { value: '预算公开表9' });
    const r = fix(crowded, ['W7']);
    expect(r.plan.edits).toEqual([]);
    expect(r.plan.notFixed.map((n) => n.why)).toEqual(['表下紧接着的行不是空行，无处写说明']);
  });
});
