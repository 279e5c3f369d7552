import type { LocatedTable, TableRow } from '../model/disclosure';
import type { Finding } from '../model/finding';
import { addr } from '../model/grid';
import { tableDef } from '../templates/tables';
import { columnHeader, place, rowLabel } from './describe';
import { evaluateIdentity, pushIf } from './identity';
import { indexTable } from './tableIndex';
import type { RuleModule } from './types';

function codeCell(table: LocatedTable, row: TableRow): string {
  const col = table.columns.code?.col ?? 0;
  return addr(row.row, col);
}

function structural(
  table: LocatedTable,
  rule: string,
  row: TableRow,
  message: string,
  severity: Finding['severity'],
): Finding {
  const cell = codeCell(table, row);
  return {
    rule,
    severity,
    table: table.id,
    sheet: table.sheet,
    cell,
    cells: [{ sheet: table.sheet, cell }],
    row: rowLabel(row),
    message: `${place(table.id, table.sheet, cell)}（${rowLabel(row)}）${message}`,
  };
}

/**
 * 功能分类 hierarchy of a coded table (表2/3/5/7/8), every money column:
 * 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类; a 款/项 whose parent row is missing is reported once.
 */
export function checkCodedHierarchy(table: LocatedTable): Finding[] {
  const body = tableDef(table.id).body;
  if (body.kind !== 'coded') return [];
  const rule = body.hierarchyRule;
  const idx = indexTable(table);
  const out: Finding[] = [];
  const leis: TableRow[] = [];
  for (const row of idx.byCode.values()) {
    const code = row.code!;
    if (row.kind === 'lei') leis.push(row);
    const parent = row.kind === 'xiang' ? code.slice(0, 5) : row.kind === 'kuan' ? code.slice(0, 3) : undefined;
    if (parent && !idx.byCode.has(parent)) {
      const up = row.kind === 'xiang' ? '款' : '类';
      out.push(
        structural(
          table,
          rule,
          row,
          `的上级${up}科目 ${parent} 不在表中，无法核对${up}级合计，请补上 ${parent} 行`,
          'error',
        ),
      );
    }
    if (row.kind === 'xiang') continue;
    const kids = idx.children.get(code) ?? [];
    const childWord = row.kind === 'lei' ? '款' : '项';
    if (kids.length === 0) {
      const nonZero = idx.moneyKeys.some((k) => row.values[k] && !row.values[k]!.value.isZero());
      if (nonZero)
        out.push(
          structural(
            table,
            rule,
            row,
            `有金额但其下没有${childWord}级科目；预算按项级科目编制，请补列${childWord}级科目`,
            'warning',
          ),
        );
      continue;
    }
    for (const key of idx.moneyKeys) {
      const printed = row.values[key];
      if (!printed) continue;
      pushIf(
        out,
        evaluateIdentity({
          rule,
          table: table.id,
          printed,
          parts: kids.map((k) => k.values[key]),
          rowLabel: rowLabel(row),
          column: columnHeader(table, key),
          expectedWhat: `其下各${childWord}合计`,
        }),
      );
    }
  }
  const total = idx.total;
  if (total && leis.length > 0) {
    for (const key of idx.moneyKeys) {
      const printed = total.values[key];
      if (!printed) continue;
      pushIf(
        out,
        evaluateIdentity({
          rule,
          table: table.id,
          printed,
          parts: leis.map((l) => l.values[key]),
          rowLabel: rowLabel(total),
          column: columnHeader(table, key),
          expectedWhat: `各类合计`,
        }),
      );
    }
  }
  return out;
}

export const HIERARCHY_RULES: RuleModule = {
  id: 'coded-hierarchy',
  description: '功能分类科目层级：类 = Σ款，款 = Σ项，合计 = Σ类（表2/3/5/7/8）',
  run: (ctx) => Object.values(ctx.disclosure.tables).flatMap((t) => (t ? checkCodedHierarchy(t) : [])),
};
