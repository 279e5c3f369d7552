import { analyzeWorkbook } from '../../src/core/check';
import type { Workbook } from '../../src/core/model/grid';
import { consistentWorkload } from '../../bench/rules.bench';
import { recalc } from './support/recalc';
import { cellOf, filledTemplate, setValue } from './support/template';

const errorsOf = (wb: Workbook) => analyzeWorkbook(wb).findings.filter((f) => f.severity === 'error');

/** Deletes a sheet row the way Excel does: rows below move up, references to them follow. */
function deleteRow(wb: Workbook, sheetName: string, r: number): void {
  const sheet = wb.sheets.find((s) => s.name === sheetName)!;
  sheet.rows.splice(r, 1);
  const shift = (formula: string, home: string) =>
    formula.replace(
      /((?:'(?:[^']|'')+'|[^\s'!(),+*=<>&:]+)!)?(\$?[A-Z]{1,3}\$?)(\d+)/g,
      (m, pre: string | undefined, col: string, row: string) => {
        const target = pre ? pre.slice(0, -1).replace(/^'|'$/g, '').replace(/''/g, "'") : home;
        const n = Number(row);
        return target === sheetName && n > r + 1 ? `${pre ?? ''}${col}${n - 1}` : m;
      },
    );
  for (const s of wb.sheets)
    for (const row of s.rows) for (const c of row ?? []) if (c?.formula) c.formula = shift(c.formula, s.name);
}

describe('generated templates', () => {
  it('filled with consistent numbers: no table finding at all, only the reminder to build the forms', () => {
    const { wb } = filledTemplate();
    const findings = analyzeWorkbook(wb).findings;
    expect(findings.filter((f) => f.table !== 'form')).toEqual([]);
    // The template has projects in 表12 but no 绩效目标表 yet: one information line, no error.
    expect(findings.filter((f) => f.table === 'form').map((f) => [f.rule, f.severity])).toEqual([['F1', 'info']]);
  });

  it('a changed 项 amount is found and located at that 科目 row', () => {
    const { wb, layout } = filledTemplate();
    const at = cellOf(layout, 't3', '2080101', 'basic');
    setValue(wb, at, 301);
    recalc(wb);
    const errors = errorsOf(wb);
    expect(errors.length).toBeGreaterThan(0);
    const row = String(at.r + 1);
    // X5 (表2 + 上年结转 = 表3) points at the 表3 row of 2080101 (错误); X9 (表5 基本 ≤ 表3 基本) involves
    // the changed cell as a 提示: 表3 基本 above 表5 is what 基本支出 from other funds looks like.
    const here = errors.filter((f) => f.sheet === at.sheet && f.cell?.endsWith(row) && f.row?.startsWith('2080101'));
    expect(here.map((f) => f.rule)).toContain('X5');
    const x9 = analyzeWorkbook(wb).findings.filter((f) => f.rule === 'X9' && f.row?.startsWith('2080101'));
    expect(x9.map((f) => f.severity)).toEqual(['warning']);
    expect(x9[0].cells).toContainEqual({ sheet: at.sheet, cell: at.cell });
  });

  it('two columns swapped (办公费 typed into 人员经费) is found at that cell', () => {
    const { wb, layout } = filledTemplate();
    const pub = cellOf(layout, 't6', '办公费', 'public');
    const per = cellOf(layout, 't6', '办公费', 'personnel');
    setValue(wb, pub, null);
    setValue(wb, per, 6);
    recalc(wb);
    const f = errorsOf(wb).filter((x) => x.rule === 'W6.4');
    expect(f.map((x) => [x.sheet, x.cell])).toEqual(expect.arrayContaining([[per.sheet, per.cell]]));
  });

  it('a deleted 项 row in 表2 is found at the row of that code in 表3', () => {
    const { wb, layout } = filledTemplate();
    const gone = cellOf(layout, 't2', '2080505', 'gpb');
    const t3row = cellOf(layout, 't3', '2080505', 'total');
    deleteRow(wb, gone.sheet, gone.r);
    recalc(wb);
    const f = errorsOf(wb).filter((x) => x.rule === 'X5');
    expect(f.length).toBeGreaterThan(0);
    expect(f.some((x) => x.sheet === t3row.sheet && x.cell?.endsWith(String(t3row.r + 1)))).toBe(true);
  });

  it('a total overwritten with a typed number is FI1, located', () => {
    const { wb, layout } = filledTemplate();
    const at = cellOf(layout, 't2', '20801', 'gpb');
    const sheet = wb.sheets.find((s) => s.name === at.sheet)!;
    sheet.rows[at.r][at.c] = { value: 350 };
    recalc(wb);
    const f = analyzeWorkbook(wb).findings.filter((x) => x.rule === 'FI1');
    expect(f.map((x) => [x.sheet, x.cell, x.severity])).toEqual([[at.sheet, at.cell, 'warning']]);
  });

  it('a SUM range shrunk by hand misses a project: FI2 at the total, naming the row', () => {
    const { wb, layout } = filledTemplate();
    const total = layout.tables.t12!.rows.find((r) => r.kind === 'total')!;
    const at = cellOf(layout, 't12', total.key, 'gpb');
    const cell = wb.sheets.find((s) => s.name === at.sheet)!.rows[at.r][at.c]!;
    const first = at.r + 2;
    cell.formula = `SUM(C${first + 1}:C${first + 3})`; // skips the first project row
    recalc(wb);
    const f = analyzeWorkbook(wb).findings.filter((x) => x.rule === 'FI2');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: at.sheet, cell: at.cell, severity: 'warning' });
    expect(f[0].cells).toContainEqual({ sheet: at.sheet, cell: `C${first}` });
    // The total it prints no longer adds up: that contradiction is the sum rule's 错误.
    const sums = analyzeWorkbook(wb).findings.filter((x) => x.severity === 'error' && x.cell === at.cell);
    expect(sums.map((x) => x.rule)).toEqual(['W12.1']);
  });

  it('部门 template (7 units × 10 projects under unit subtotals), filled consistently: no error', () => {
    const { findings } = analyzeWorkbook(consistentWorkload());
    expect(findings.filter((f) => f.severity === 'error' || f.severity === 'rounding')).toEqual([]);
    // The tables it leaves empty have no note yet: W7 says so, nothing else warns.
    expect(
      [...new Set(findings.filter((f) => f.severity === 'warning').map((f) => `${f.rule}:${f.table}`))].sort(),
    ).toEqual(['W7:t10', 'W7:t11', 'W7:t13', 'W7:t7', 'W7:t8', 'W7:t9']);
  });
});
