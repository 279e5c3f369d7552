import type { Disclosure, LocatedTable } from '../model/disclosure';
import type { Finding } from '../model/finding';
import { tableDef } from '../templates/tables';
import { columnHeader, rowLabel } from './describe';
import { evaluateIdentity, pushIf } from './identity';
import type { RuleModule } from './types';

/** Columns a row of a two-sided table (表1/表4) owns; undefined = every column. */
function sideColumns(table: LocatedTable, side: 'income' | 'expenditure' | undefined): Set<string> | undefined {
  const body = tableDef(table.id).body;
  if (!side || body.kind !== 'summary') return undefined;
  return new Set(body[side].moneyColumns);
}

/** `rowIdentities` of every table definition: target column = Σ part columns, in every data row. */
export function checkRowIdentities(d: Disclosure): Finding[] {
  const out: Finding[] = [];
  for (const table of Object.values(d.tables)) {
    if (!table) continue;
    const def = tableDef(table.id);
    const incomeCols = sideColumns(table, 'income');
    const expenditureCols = sideColumns(table, 'expenditure');
    for (const ident of def.rowIdentities) {
      // Precondition: the target column is printed (a part column that is not counts as 0).
      if (!table.columns[ident.target]) continue;
      const column = columnHeader(table, ident.target);
      const partNames = ident.parts.filter((p) => table.columns[p]).map((p) => columnHeader(table, p));
      for (const row of table.rows) {
        const own = row.side === 'income' ? incomeCols : row.side === 'expenditure' ? expenditureCols : undefined;
        // 表1/表4: an income row has no 合计/小计 column of the expenditure side.
        if (own && !own.has(ident.target)) continue;
        const target = row.values[ident.target];
        if (!target) continue;
        const parts = ident.parts.map((p) => row.values[p]);
        pushIf(
          out,
          evaluateIdentity({
            rule: ident.rule,
            table: table.id,
            printed: target,
            parts,
            rowLabel: rowLabel(row),
            column,
            expectedWhat: `同行${partNames.join('+')}之和为`,
          }),
        );
      }
    }
  }
  return out;
}

export const ROW_IDENTITY_RULES: RuleModule = {
  id: 'row-identities',
  description: '同一行内：合计列 = 各分项列之和（表定义 rowIdentities）',
  run: (ctx) => checkRowIdentities(ctx.disclosure),
};
