import type { LocatedTable, TableRow } from '../model/disclosure';
import type { Finding } from '../model/finding';
import { tableDef } from '../templates/tables';
import { columnHeader, rowLabel } from './describe';
import { evaluateIdentity, pushIf } from './identity';
import { indexTable } from './tableIndex';
import type { RuleModule } from './types';

function sumCheck(
  table: LocatedTable,
  rule: string,
  target: TableRow,
  parts: TableRow[],
  what: string,
  out: Finding[],
): void {
  for (const key of indexTable(table).moneyKeys) {
    const printed = target.values[key];
    if (!printed) continue;
    pushIf(
      out,
      evaluateIdentity({
        rule,
        table: table.id,
        printed,
        parts: parts.map((p) => p.values[key]),
        rowLabel: rowLabel(target),
        column: columnHeader(table, key),
        expectedWhat: what,
      }),
    );
  }
}

/** 表11: 部门合计 = Σ unit rows. */
export function checkUnits(table: LocatedTable): Finding[] {
  const body = tableDef(table.id).body;
  if (body.kind !== 'units') return [];
  const total = indexTable(table).total;
  const units = table.rows.filter((r) => r.kind === 'unit');
  const out: Finding[] = [];
  // Precondition: a total row and at least one unit row.
  if (total && units.length > 0) sumCheck(table, body.totalRule, total, units, '各单位合计', out);
  return out;
}

/** Projects grouped under the unit subtotal printed above them; projects before any unit are loose. */
export interface ProjectLayout {
  total?: TableRow;
  units: { row: TableRow; projects: TableRow[] }[];
  loose: TableRow[];
}

export function projectLayout(table: LocatedTable): ProjectLayout {
  const rows = [...table.rows].sort((a, b) => a.row - b.row);
  const layout: ProjectLayout = { units: [], loose: [] };
  for (const row of rows) {
    if (row.kind === 'total') layout.total ??= row;
    else if (row.kind === 'unit') layout.units.push({ row, projects: [] });
    else if (row.kind === 'project') {
      const u = layout.units[layout.units.length - 1];
      if (u) u.projects.push(row);
      else layout.loose.push(row);
    }
  }
  return layout;
}

/** The table's printed grand total per column: total row, else Σ unit rows, else Σ projects. */
export function projectGrandTotalRows(table: LocatedTable): TableRow[] {
  const l = projectLayout(table);
  if (l.total) return [l.total];
  if (l.units.length > 0) return [...l.units.map((u) => u.row), ...l.loose];
  return l.loose;
}

/** 表12/表13: unit subtotal = Σ its projects; total = Σ unit subtotals (or Σ projects when flat). */
export function checkProjects(table: LocatedTable): Finding[] {
  const body = tableDef(table.id).body;
  if (body.kind !== 'projects') return [];
  const out: Finding[] = [];
  const l = projectLayout(table);
  // Preconditions: a unit subtotal is checked when projects are listed under it; the total when
  // the table prints one (against Σ units, or Σ projects when it lists no unit).
  for (const u of l.units)
    if (u.projects.length > 0) sumCheck(table, body.totalRule, u.row, u.projects, '本单位各项目合计', out);
  if (l.total) {
    if (l.units.length > 0)
      sumCheck(table, body.totalRule, l.total, [...l.units.map((u) => u.row), ...l.loose], '各单位小计合计', out);
    else if (l.loose.length > 0) sumCheck(table, body.totalRule, l.total, l.loose, '各项目合计', out);
  }
  return out;
}

export const UNIT_RULES: RuleModule = {
  id: 'unit-and-project-totals',
  description: '表11 部门合计 = Σ单位；表12/表13 单位小计 = Σ项目，合计 = Σ单位小计',
  run: (ctx) => {
    const t = ctx.disclosure.tables;
    return [
      ...(t.t11 ? checkUnits(t.t11) : []),
      ...(t.t12 ? checkProjects(t.t12) : []),
      ...(t.t13 ? checkProjects(t.t13) : []),
    ];
  },
};
