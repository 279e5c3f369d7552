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

/** The code of the row a 款/项 adds up into, or undefined for a 类. */
function parentCode(row: TableRow): string | undefined {
  const code = row.code!;
  return row.kind === 'xiang' ? code.slice(0, 5) : row.kind === 'kuan' ? code.slice(0, 3) : undefined;
}

/**
 * 功能分类 hierarchy of a coded table (表2/3/5/7/8), every money column:
 * 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类.
 *
 * Preconditions (docs/rules.md § 目录): a sum is checked only when every row that should add into
 * it is listed under its own parent. A 款/项 whose parent row is missing is one 提示 per missing
 * parent (the table is incomplete, its printed figures do not contradict each other), and the sums
 * above it stay silent: comparing them would report the missing row again as a false 错误.
 */
export function checkCodedHierarchy(table: LocatedTable): Finding[] {
  const body = tableDef(table.id).body;
  if (body.kind !== 'coded') return [];
  const rule = body.hierarchyRule;
  const idx = indexTable(table);
  const out: Finding[] = [];
  const leis: TableRow[] = [];
  /** Missing parent code → the rows that name it. */
  const orphans = new Map<string, TableRow[]>();
  for (const row of idx.byCode.values()) {
    if (row.kind === 'lei') leis.push(row);
    const parent = parentCode(row);
    if (parent && !idx.byCode.has(parent)) {
      const list = orphans.get(parent);
      if (list) list.push(row);
      else orphans.set(parent, [row]);
    }
  }
  const orphanCodes = [...orphans.values()].flat().map((r) => r.code!);
  const complete = (prefix: string) => !orphanCodes.some((c) => c.startsWith(prefix));
  for (const [parent, rows] of orphans) {
    const up = parent.length === 5 ? '款' : '类';
    const f = structural(
      table,
      rule,
      rows[0],
      `${rows.length > 1 ? `等 ${rows.length} 行` : ''}的上级${up}科目 ${parent} 不在表中，无法核对${up}级合计，请补上 ${parent} 行`,
      'warning',
    );
    f.cells = rows.map((r) => ({ sheet: table.sheet, cell: codeCell(table, r) }));
    out.push(f);
  }
  for (const row of idx.byCode.values()) {
    if (row.kind === 'xiang') continue;
    const code = row.code!;
    const kids = idx.children.get(code) ?? [];
    const childWord = row.kind === 'lei' ? '款' : '项';
    if (kids.length === 0) {
      // Precondition of the 提示: nothing at all is listed under it (an orphan 项 is reported above).
      if (orphanCodes.some((c) => c.startsWith(code))) continue;
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
    if (!complete(code)) continue;
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
  if (total && leis.length > 0 && orphans.size === 0) {
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
