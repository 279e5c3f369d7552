import type { Disclosure, LocatedTable, TableRow } from '../model/disclosure';
import type { Finding } from '../model/finding';
import { CATEGORIES } from '../reference';
import type { SideDef } from '../templates/schema';
import { tableDef } from '../templates/tables';
import { columnHeader, rowLabel } from './describe';
import { evaluateIdentity, pushIf } from './identity';
import type { RuleModule } from './types';

/** `@categories` = the 30 fixed category rows (reference data), keyed 'cat:<类 code>'. */
export const CATEGORY_KEYS: readonly string[] = CATEGORIES.map((c) => `cat:${c.code}`);

function sideRows(table: LocatedTable, side: 'income' | 'expenditure' | undefined): Map<string, TableRow> {
  const m = new Map<string, TableRow>();
  for (const row of table.rows) {
    if (side && row.side && row.side !== side) continue;
    if (!m.has(row.key)) m.set(row.key, row);
  }
  return m;
}

function checkSide(
  table: LocatedTable,
  side: SideDef,
  sideName: 'income' | 'expenditure' | undefined,
  out: Finding[],
): void {
  const rows = sideRows(table, sideName);
  for (const fixed of side.rows) {
    if (!fixed.sum) continue;
    // Precondition: the total row is printed; a part row that is not counts as 0.
    const target = rows.get(fixed.key);
    if (!target) continue;
    const keys = fixed.sum.of.flatMap((k) => (k === '@categories' ? CATEGORY_KEYS : [k]));
    const partRows = keys.map((k) => rows.get(k));
    const partLabels = fixed.sum.of.map((k) =>
      k === '@categories' ? '各支出功能分类' : (side.rows.find((r) => r.key === k)?.label ?? k),
    );
    for (const col of fixed.columns ?? side.moneyColumns) {
      const printed = target.values[col];
      if (!printed) continue;
      pushIf(
        out,
        evaluateIdentity({
          rule: fixed.sum.rule,
          table: table.id,
          printed,
          parts: partRows.map((r) => r?.values[col]),
          rowLabel: rowLabel(target),
          column: columnHeader(table, col),
          expectedWhat: `${partLabels.join('、')}之和为`,
        }),
      );
    }
  }
}

/** Fixed-row totals (`FixedRowDef.sum`) of 表1, 表4 and 表10. */
export function checkFixedRowSums(d: Disclosure): Finding[] {
  const out: Finding[] = [];
  for (const table of Object.values(d.tables)) {
    if (!table) continue;
    const body = tableDef(table.id).body;
    if (body.kind === 'summary') {
      checkSide(table, body.income, 'income', out);
      checkSide(table, body.expenditure, 'expenditure', out);
    } else if (body.kind === 'fixed') {
      checkSide(table, body.side, undefined, out);
    }
  }
  return out;
}

export const FIXED_ROW_RULES: RuleModule = {
  id: 'fixed-row-sums',
  description: '表1/表4/表10 固定行合计（本年收入合计、本年支出合计、收入总计、公务用车购置及运行费 …）',
  run: (ctx) => checkFixedRowSums(ctx.disclosure),
};
