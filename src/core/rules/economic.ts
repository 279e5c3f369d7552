import type { Amount, LocatedTable, TableRow } from '../model/disclosure';
import type { Finding } from '../model/finding';
import { ECONOMIC } from '../reference';
import { tableDef } from '../templates/tables';
import { amountFigure, figureIn, cellRef, columnHeader, place, rowLabel } from './describe';
import { evaluateIdentity, pushIf } from './identity';
import type { RuleModule } from './types';
import { sameNameKey } from '../text/sameName';

export type EconSide = 'personnel' | 'public';

/** Longest names first so '机关商品和服务支出' is not mistaken for a shorter alias. */
const CLASS_NAMES: { text: string; cls: string; side: EconSide }[] = ECONOMIC.classes
  .flatMap((c) => [c.name, ...c.aliases].map((text) => ({ text, cls: c.name, side: c.side })))
  .sort((a, b) => b.text.length - a.text.length);

/** The economic class a 表6 class row stands for (by 部门 or 政府 class name), from reference data. */
export function economicClassOf(row: TableRow): { cls: string; side: EconSide } | undefined {
  const texts = [row.name ?? '', row.label ?? '', row.key ?? ''];
  for (const t of texts) {
    const exact = CLASS_NAMES.find((c) => c.text === t.trim());
    if (exact) return exact;
  }
  for (const t of texts) {
    const hit = CLASS_NAMES.find((c) => t.includes(c.text));
    if (hit) return hit;
  }
  return undefined;
}

const ITEM_NAMES = new Set(
  Object.values(ECONOMIC.items)
    .flat()
    .map((n) => sameNameKey(n)),
);

/**
 * An item printed without its 政府经济科目 name looks like a class row to a reader that goes by
 * the blank second column; a known item name (reference data) under a class is still an item.
 */
function isKnownItem(row: TableRow): boolean {
  return [row.name, row.label].some((t) => t !== undefined && ITEM_NAMES.has(sameNameKey(t)));
}

export interface EconomicLayout {
  total?: TableRow;
  classes: { row: TableRow; cls?: string; side?: EconSide; items: TableRow[] }[];
}

/** Groups 表6 rows: each item under the class row printed above it (sheet order). */
export function economicLayout(table: LocatedTable): EconomicLayout {
  const rows = [...table.rows].sort((a, b) => a.row - b.row);
  const layout: EconomicLayout = { classes: [] };
  for (const row of rows) {
    if (row.kind === 'total') {
      layout.total ??= row;
    } else if (
      row.kind === 'class' &&
      !(economicClassOf(row) === undefined && isKnownItem(row) && layout.classes.length > 0)
    ) {
      const c = economicClassOf(row);
      layout.classes.push({ row, cls: c?.cls, side: c?.side, items: [] });
    } else if (row.kind === 'item' || row.kind === 'class') {
      const owner = layout.classes[layout.classes.length - 1];
      if (owner) owner.items.push(row);
    }
  }
  return layout;
}

/**
 * A class or 合计 row that prints only 合计 and leaves both 人员经费 and 公用经费 blank (001) is one
 * defect, reported by W6.3; checking its blank split columns against the items would repeat it.
 */
function splitMissing(row: TableRow): boolean {
  const t = row.values.total;
  const p = row.values.personnel;
  const q = row.values.public;
  return !!t && !t.value.isZero() && (!p || p.blank) && (!q || q.blank);
}

const SIDE_WORD: Record<EconSide, string> = { personnel: '人员经费', public: '公用经费' };

export function checkEconomic(table: LocatedTable): Finding[] {
  const body = tableDef(table.id).body;
  if (body.kind !== 'economic') return [];
  const out: Finding[] = [];
  const layout = economicLayout(table);
  const keys = ['total', 'personnel', 'public'].filter((k) => table.columns[k]);
  for (const c of layout.classes) {
    // Preconditions: the class lists items; its split columns only when it prints them (splitMissing).
    if (c.items.length === 0) continue;
    for (const key of keys) {
      if (key !== 'total' && splitMissing(c.row)) continue;
      const printed = c.row.values[key];
      if (!printed) continue;
      pushIf(
        out,
        evaluateIdentity({
          rule: body.classRule,
          table: table.id,
          printed,
          parts: c.items.map((i) => i.values[key]),
          rowLabel: rowLabel(c.row),
          column: columnHeader(table, key),
          expectedWhat: '其下各经济科目合计',
        }),
      );
    }
  }
  if (layout.total && layout.classes.length > 0) {
    for (const key of keys) {
      if (key !== 'total' && splitMissing(layout.total)) continue;
      const printed = layout.total.values[key];
      if (!printed) continue;
      pushIf(
        out,
        evaluateIdentity({
          rule: body.totalRule,
          table: table.id,
          printed,
          parts: layout.classes.map((c) => c.row.values[key]),
          rowLabel: rowLabel(layout.total),
          column: columnHeader(table, key),
          expectedWhat: '各类合计',
        }),
      );
    }
  }
  // Column assignment: an amount on the wrong side of its class (docs/domain.md § 经济分类, reference data).
  for (const c of layout.classes) {
    // Precondition: the reference data knows the class, so its side is known.
    if (!c.side || !c.cls) continue;
    const wrong: EconSide = c.side === 'personnel' ? 'public' : 'personnel';
    if (!table.columns[wrong]) continue;
    for (const row of [c.row, ...c.items]) {
      const a: Amount | undefined = row.values[wrong];
      if (!a || a.value.isZero()) continue;
      out.push({
        rule: body.sideRule,
        severity: 'error',
        table: table.id,
        sheet: a.sheet,
        cell: a.cell,
        cells: [...cellRef(a), ...cellRef(row.values[c.side])],
        row: rowLabel(row),
        column: columnHeader(table, wrong),
        expected: '0.00',
        actual: figureIn(a.value, '万元').number,
        diff: figureIn(a.value, '万元').number,
        message:
          `${place(table.id, a.sheet, a.cell)}（${rowLabel(row)}·${SIDE_WORD[wrong]}）为 ${amountFigure(a).text}：` +
          `${c.cls}属于${SIDE_WORD[c.side]}，应填在${SIDE_WORD[c.side]}列而不是${SIDE_WORD[wrong]}列（错误）`,
      });
    }
  }
  return out;
}

export const ECONOMIC_RULES: RuleModule = {
  id: 'economic-classes',
  description: '表6：合计 = Σ类，类 = Σ款，人员经费/公用经费列归属（参考数据 ECONOMIC）',
  run: (ctx) => (ctx.disclosure.tables.t6 ? checkEconomic(ctx.disclosure.tables.t6) : []),
};
