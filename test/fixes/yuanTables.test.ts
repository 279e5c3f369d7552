import { analyzeWorkbook } from '../../src/core/check';
import { balanceWorkbook } from '../../src/core/balance';
import { locateTables } from '../../src/core/locate';
import type { Workbook } from '../../src/core/model/grid';
import { parseAddr } from '../../src/core/model/grid';
import { filledTemplate } from '../rules/support/template';
import { recalc } from '../rules/support/recalc';
import { SURFACE_NAMES, variantWorkbook } from '../rules/support/variants';
import { cellAt, copyOf, fix } from './support';

/**
 * The fixers never write a 万元 figure into a cell that prints 元 (docs/locator.md § 金额单位):
 * FI1 and FI4 write in the cell's own unit; 尾差调平 leaves tables printed in 元 out, and says so.
 */
const SOME = SURFACE_NAMES.find((s) => s.startsWith('some tables in 元'))!;
const EVERY = SURFACE_NAMES.find((s) => s.startsWith('every table in 元'))!;

/** The filled template with 表6 printed in 元: typed figures × 10000, unit line 单位：元, recalculated. */
function t6InYuan(): Workbook {
  const { wb, layout } = filledTemplate();
  const t6 = layout.tables.t6!;
  const sheet = wb.sheets.find((s) => s.name === t6.sheet)!;
  for (const row of t6.rows)
    for (const a of Object.values(row.values)) {
      if (!a) continue;
      const { r, c } = parseAddr(a.cell);
      const cell = sheet.rows[r]?.[c];
      if (cell && !cell.formula && typeof cell.value === 'number') cell.value = cell.value * 10000;
    }
  for (const row of sheet.rows.slice(0, t6.headerRow))
    for (const c of row ?? [])
      if (c && typeof c.value === 'string') c.value = c.value.replace('单位：万元', '单位：元');
  recalc(wb);
  return wb;
}

describe('FI1 in a table printed in 元', () => {
  const wb = t6InYuan();
  const d = locateTables(wb);
  const total = d.tables.t6!.rows.find((r) => r.kind === 'class')!.values.total!;

  it('the template with 表6 in 元 is read as 元 and checks clean', () => {
    expect(d.tables.t6!.unit).toBe('元');
    expect(total.unit).toBe('元');
    expect(analyzeWorkbook(wb).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('restores the formula with the value in 元', () => {
    const typed = copyOf(wb);
    const original = cellAt(wb, total.sheet, total.cell)!;
    expect(original.formula).toBeDefined();
    expect(typeof original.value === 'number' && original.value >= 10000).toBe(true);
    const { r, c } = parseAddr(total.cell);
    typed.sheets.find((s) => s.name === total.sheet)!.rows[r][c] = { value: 12345 };
    const out = fix(typed, ['FI1']);
    const edit = out.plan.edits.find((e) => e.sheet === total.sheet && e.cell === total.cell)!;
    expect(edit.formula).toBe(original.formula);
    expect(edit.new).toBe(original.value);
    expect(edit.reason).toContain('12345.00元');
    expect(edit.reason).toContain(`${(original.value as number).toFixed(2)}元`);
  });
});

describe('FI4 in a table printed in 元', () => {
  it('text → the same number, in 元', () => {
    // 000 prints amounts ≥ 1000 as text: in 表2 (元) they stay text, now × 10000.
    const wb = variantWorkbook('000', SOME, false);
    const d = locateTables(wb);
    const out = fix(wb, ['FI4']);
    const inT2 = out.plan.edits.filter((e) => e.sheet === d.tables.t2!.sheet);
    expect(inT2.length).toBeGreaterThan(0);
    for (const e of inT2) {
      const a = d.tables.t2!.rows.flatMap((r) => Object.values(r.values)).find((x) => x && x.cell === e.cell)!;
      expect(a.unit).toBe('元');
      expect(e.new).toBe(a.printed!.toNumber());
    }
  });
});

describe('尾差调平 with tables printed in 元', () => {
  it('some tables in 元: only 万元 tables change; each 元 table is named in a note', () => {
    const wb = variantWorkbook('000', SOME, false);
    const d = locateTables(wb);
    const yuanSheets = new Set(['t2', 't6', 't9', 't12'].map((id) => d.tables[id as 't2']!.sheet));
    const r = balanceWorkbook(wb);
    expect(r.changes.length).toBeGreaterThan(0);
    expect(r.changes.filter((c) => yuanSheets.has(c.sheet))).toEqual([]);
    expect(r.notes).toHaveLength(4);
    expect(r.notes!.join('')).toContain('表2');
  });

  it('every table in 元: nothing written, 13 notes', () => {
    const r = balanceWorkbook(variantWorkbook('003', EVERY, false));
    expect(r.changes).toEqual([]);
    expect(r.notes).toHaveLength(13);
  });

  it('all in 万元: no note (the seeds as printed)', () => {
    expect(balanceWorkbook(variantWorkbook('003', SURFACE_NAMES[0], false)).notes).toBeUndefined();
  });
});
