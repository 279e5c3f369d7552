import type { Amount, LocatedTable, TableRow } from '../model/disclosure';
import { tableDef } from '../templates/tables';
import { economicLayout } from './economic';
import { CATEGORY_KEYS } from './fixedRowSums';
import { indexTable } from './tableIndex';
import { projectLayout } from './units';

/**
 * Every cell our template fills with a formula (docs/domain.md § 公式单元格), with the cells that
 * formula must read. The formula-integrity rules compare this with what the sheet really holds.
 */
export interface Derivation {
  /** Cells of the same kind (aggregates of a table, one row identity on one kind of row) share a
   *  group: one formula in a group means the others should carry one too. */
  group: string;
  /** Rule that checks this identity (W2.1, W6.2, W12.1 …, from the table definition); '' for the
   *  cross-sheet category links, which the X catalogue checks. */
  rule: string;
  /** Cells the formula must read; empty when they live on another sheet (表1/表4 category links). */
  reads: (Amount | undefined)[];
  /** "其下各款", "同行各资金来源" — for the message. */
  what: string;
}

export interface DerivedCell {
  row: TableRow;
  key: string;
  amount: Amount;
  derivations: Derivation[];
}

export function derivedCells(table: LocatedTable): DerivedCell[] {
  const def = tableDef(table.id);
  const idx = indexTable(table);
  const cells = new Map<string, DerivedCell>();
  const add = (row: TableRow, key: string, d: Derivation) => {
    const amount = row.values[key];
    if (!amount) return;
    const id = `${row.row}:${key}`;
    const hit = cells.get(id);
    if (hit) hit.derivations.push(d);
    else cells.set(id, { row, key, amount, derivations: [d] });
  };
  const sumOver = (target: TableRow, parts: TableRow[], group: string, rule: string, what: string) => {
    for (const k of idx.moneyKeys)
      add(target, k, { group: `${group}:${k}`, rule, reads: parts.map((p) => p.values[k]), what });
  };
  const body = def.body;
  switch (body.kind) {
    case 'coded': {
      const leis: TableRow[] = [];
      for (const row of idx.byCode.values()) {
        if (row.kind === 'lei') leis.push(row);
        if (row.kind === 'xiang') continue;
        const kids = idx.children.get(row.code!) ?? [];
        if (kids.length > 0)
          sumOver(row, kids, 'aggregate', body.hierarchyRule, row.kind === 'lei' ? '其下各款' : '其下各项');
      }
      if (idx.total && leis.length > 0) sumOver(idx.total, leis, 'aggregate', body.hierarchyRule, '各类');
      break;
    }
    case 'summary':
    case 'fixed': {
      const sides = body.kind === 'summary' ? [body.income, body.expenditure] : [body.side];
      for (const side of sides) {
        const rows = new Map<string, TableRow>();
        for (const r of table.rows)
          if (
            !rows.has(r.key) &&
            (!r.side || side.rows.some((f) => f.key === r.key) || (side.categories && r.key.startsWith('cat:')))
          )
            rows.set(r.key, r);
        for (const fixed of side.rows) {
          if (!fixed.sum) continue;
          const target = rows.get(fixed.key);
          if (!target) continue;
          const keys = fixed.sum.of.flatMap((k) => (k === '@categories' ? CATEGORY_KEYS : [k]));
          const parts = keys.map((k) => rows.get(k)).filter((r): r is TableRow => !!r);
          for (const col of fixed.columns ?? side.moneyColumns) {
            add(target, col, {
              group: `fixed:${fixed.key}:${col}`,
              rule: fixed.sum.rule,
              reads: parts.map((p) => p.values[col]),
              what: '各组成行',
            });
          }
        }
        if (side.categories) {
          for (const key of CATEGORY_KEYS) {
            const r = rows.get(key);
            if (!r) continue;
            for (const col of side.moneyColumns)
              add(r, col, { group: `cat:${col}`, rule: '', reads: [], what: '对应明细表' });
          }
        }
      }
      break;
    }
    case 'economic': {
      const l = economicLayout(table);
      for (const c of l.classes)
        if (c.items.length > 0) sumOver(c.row, c.items, 'aggregate', body.classRule, '其下各经济科目');
      if (l.total && l.classes.length > 0)
        sumOver(
          l.total,
          l.classes.map((c) => c.row),
          'aggregate',
          body.totalRule,
          '各类',
        );
      break;
    }
    case 'units': {
      const units = table.rows.filter((r) => r.kind === 'unit');
      if (idx.total && units.length > 0) sumOver(idx.total, units, 'total', body.totalRule, '各单位');
      break;
    }
    case 'projects': {
      const l = projectLayout(table);
      for (const u of l.units)
        if (u.projects.length > 0) sumOver(u.row, u.projects, 'aggregate', body.totalRule, '本单位各项目');
      if (l.total) {
        const parts = l.units.length > 0 ? [...l.units.map((u) => u.row), ...l.loose] : l.loose;
        if (parts.length > 0)
          sumOver(l.total, parts, 'aggregate', body.totalRule, l.units.length > 0 ? '各单位小计' : '各项目');
      }
      break;
    }
    default:
      break;
  }
  for (const ident of def.rowIdentities) {
    if (!table.columns[ident.target]) continue;
    const own = body.kind === 'summary' ? new Set(body.expenditure.moneyColumns) : undefined;
    const ownIncome = body.kind === 'summary' ? new Set(body.income.moneyColumns) : undefined;
    for (const row of table.rows) {
      if (row.side === 'income' && ownIncome && !ownIncome.has(ident.target)) continue;
      if (row.side === 'expenditure' && own && !own.has(ident.target)) continue;
      add(row, ident.target, {
        group: `row:${ident.rule}:${row.kind}`,
        rule: ident.rule,
        reads: ident.parts.map((p) => row.values[p]),
        what: '同行各分项',
      });
    }
  }
  return [...cells.values()];
}
