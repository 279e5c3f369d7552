import { locateTables } from '../../../src/core/locate';
import type { Disclosure, LocatedTable } from '../../../src/core/model/disclosure';
import type { Cell, Merge, Sheet, Workbook } from '../../../src/core/model/grid';
import { parseAddr } from '../../../src/core/model/grid';
import type { TableId } from '../../../src/core/templates/schema';
import { buildSeed, type SeedId, type SeedLayout } from '../../fixtures/seeds';

/**
 * The seeds rebuilt with another surface and the same meaning (issue 11 “Generalise, and prove
 * it”): titles with and without the year; tables split over pages with the header printed again;
 * amounts as numbers or as text with thousands separators; 表12 flat or grouped by unit; the way a
 * budget system exports its tables (code and name in one cell, 合计 last, float residue). Each is
 * built from the seed workbook in test code; `repaired` removes the seeds' known errors first (000:
 * 租房补贴 → 提租补贴; 001: 表6 split into 人员经费/公用经费 and its 商品和服务 items moved to
 * 公用经费), so a repaired variant must give no 错误 at all.
 */
interface Base {
  wb: Workbook;
  d: Disclosure;
  titleRows: Record<TableId, { sheet: string; row: number }>;
}

function base(seed: SeedId, layout: SeedLayout): Base {
  const { workbook, expected } = buildSeed(seed, layout);
  const titleRows = {} as Base['titleRows'];
  for (const [id, e] of Object.entries(expected)) titleRows[id as TableId] = { sheet: e.sheet, row: e.titleRow };
  return { wb: workbook, d: locateTables(workbook), titleRows };
}

const sheetOf = (wb: Workbook, name: string): Sheet => wb.sheets.find((s) => s.name === name)!;

function cellAt(wb: Workbook, sheet: string, a1: string): { row: (Cell | undefined)[]; c: number } {
  const { r, c } = parseAddr(a1);
  const s = sheetOf(wb, sheet);
  return { row: (s.rows[r] ??= []), c };
}

function setText(wb: Workbook, sheet: string, a1: string, value: string | number | null): void {
  const { row, c } = cellAt(wb, sheet, a1);
  row[c] = { ...(row[c] ?? {}), value };
}

/** Every money cell of every table, with its number, as the seed workbook holds it. */
function moneyCells(b: Base): { sheet: string; cell: string; value: number }[] {
  const out: { sheet: string; cell: string; value: number }[] = [];
  for (const t of Object.values(b.d.tables))
    for (const row of t!.rows)
      for (const a of Object.values(row.values))
        if (a && !a.blank) out.push({ sheet: a.sheet, cell: a.cell, value: a.value.toNumber() });
  return out;
}

// ── the seeds' errors repaired ──

function repair(seed: SeedId, b: Base): void {
  if (seed === '000') {
    for (const id of ['t2', 't3'] as const) {
      const t = b.d.tables[id]!;
      const row = t.rows.find((r) => r.code === '2210202')!;
      const s = sheetOf(b.wb, t.sheet);
      s.rows[row.row][t.columns.name.col] = { value: '提租补贴' };
    }
  }
  if (seed === '001') {
    const t6 = b.d.tables.t6!;
    const col = (k: string) => String.fromCharCode(65 + t6.columns[k].col);
    let side: 'personnel' | 'public' = 'personnel';
    let personnel = 0;
    let pub = 0;
    for (const row of [...t6.rows].sort((x, y) => x.row - y.row)) {
      const total = row.values.total?.value.toNumber() ?? 0;
      const at = (k: string) => `${col(k)}${row.row + 1}`;
      if (row.kind === 'total') continue;
      if (row.kind === 'class') {
        side = /商品和服务|资本性/.test(row.label) ? 'public' : 'personnel';
        if (side === 'public') pub += total;
        else personnel += total;
      }
      setText(b.wb, t6.sheet, at(side), total);
      setText(b.wb, t6.sheet, at(side === 'public' ? 'personnel' : 'public'), null);
    }
    const totalRow = t6.rows.find((r) => r.kind === 'total')!;
    setText(b.wb, t6.sheet, `${col('personnel')}${totalRow.row + 1}`, Math.round(personnel * 100) / 100);
    setText(b.wb, t6.sheet, `${col('public')}${totalRow.row + 1}`, Math.round(pub * 100) / 100);
  }
}

// ── surfaces ──

/** Titles printed without the year (the year then only shows in the header bands). */
function withoutYear(b: Base): void {
  for (const { sheet, row } of Object.values(b.titleRows)) {
    const s = sheetOf(b.wb, sheet);
    const cell = s.rows[row]?.[0];
    if (cell && typeof cell.value === 'string') cell.value = cell.value.replace(/\s*\d{4}\s*年度?\s*/g, '');
  }
}

/** Titles carrying the year in the other form clerks use: `2024年度`. */
function yearDu(b: Base): void {
  for (const { sheet, row } of Object.values(b.titleRows)) {
    const cell = sheetOf(b.wb, sheet).rows[row]?.[0];
    if (cell && typeof cell.value === 'string') cell.value = cell.value.replace(/(\d{4})\s*年(?!度)/, '$1年度');
  }
}

const grouped = (v: number): string => {
  const [i, f] = v.toFixed(2).split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
};

/** Every amount as text, two decimals, thousands separators: “1,184.32”, “53.70”. */
function amountsAsText(b: Base): void {
  for (const m of moneyCells(b)) setText(b.wb, m.sheet, m.cell, grouped(m.value));
}

/** Every amount as a number: what a budget system or a clean copy gives. */
function amountsAsNumbers(b: Base): void {
  for (const m of moneyCells(b)) setText(b.wb, m.sheet, m.cell, m.value);
}

/** Float residue of a SUM in Excel: 1184.3200000000002. */
function floatResidue(b: Base): void {
  for (const m of moneyCells(b)) setText(b.wb, m.sheet, m.cell, m.value + m.value * 2 ** -50);
}

function insertRows(s: Sheet, at: number, rows: (Cell | undefined)[][], merges: Merge[] = []): void {
  s.rows.splice(at, 0, ...rows);
  const n = rows.length;
  s.merges = s.merges.map((m) => (m.top >= at ? { ...m, top: m.top + n, bottom: m.bottom + n } : m));
  s.merges.push(...merges);
}

/** Header rows of a located table: from below the unit line to its last header row. */
function headerRows(b: Base, id: TableId, t: LocatedTable): number[] {
  const first = b.titleRows[id].row + 2;
  return Array.from({ length: t.headerRow - first + 1 }, (_, i) => first + i);
}

/**
 * Tables split over two pages: after half of its body the header rows are printed again (with
 * their merges), as a PDF copied into Excel gives them. Tables from the bottom of a sheet upwards,
 * so the rows of the ones above do not move.
 */
function splitOverPages(b: Base): void {
  const ids: TableId[] = ['t2', 't3', 't5', 't6', 't12'];
  const tables = ids
    .map((id) => ({ id, t: b.d.tables[id]! }))
    .filter(({ t }) => t.rows.length >= 6)
    .sort((x, y) => (x.t.sheet === y.t.sheet ? y.t.headerRow - x.t.headerRow : 0));
  for (const { id, t } of tables) {
    const s = sheetOf(b.wb, t.sheet);
    const body = [...t.rows].map((r) => r.row).sort((x, y) => x - y);
    const at = body[Math.floor(body.length / 2)];
    const head = headerRows(b, id, t);
    const copies = head.map((r) => (s.rows[r] ?? []).map((c) => (c ? { ...c } : undefined)));
    const shift = at + 1 - head[0];
    const merges = s.merges
      .filter((m) => m.top >= head[0] && m.bottom <= head[head.length - 1])
      .map((m) => ({ ...m, top: m.top + shift, bottom: m.bottom + shift }));
    insertRows(s, at, [[], ...copies], merges);
  }
}

/**
 * A 部门's 表12 grouped by unit: the projects split into two units, each under a subtotal row
 * with the sum of its projects (the test adds them up from the seed's own figures).
 */
function t12Grouped(b: Base, indent: boolean): void {
  const t = b.d.tables.t12!;
  const s = sheetOf(b.wb, t.sheet);
  const projects = t.rows.filter((r) => r.kind === 'project').sort((x, y) => x.row - y.row);
  const half = Math.ceil(projects.length / 2);
  const groups = [projects.slice(0, half), projects.slice(half)].filter((g) => g.length > 0);
  const keys = Object.keys(t.columns).filter((k) => k !== 'project_name');
  const pad = (n: number) => (indent ? '\u3000'.repeat(n) : '');
  // Bottom group first, so the rows of the first do not move.
  groups
    .map((g, i) => ({ g, name: `测试下属单位${'甲乙'[i]}` }))
    .reverse()
    .forEach(({ g, name }) => {
      const row: (Cell | undefined)[] = [];
      row[t.columns.project_name.col] = { value: pad(1) + name };
      for (const k of keys) {
        const sum = g.reduce((acc, p) => acc + Math.round((p.values[k]?.value.toNumber() ?? 0) * 100), 0);
        if (sum !== 0) row[t.columns[k].col] = { value: sum / 100 };
      }
      if (indent)
        for (const p of g) {
          const c = s.rows[p.row]?.[t.columns.project_name.col];
          if (c && typeof c.value === 'string') c.value = pad(2) + c.value;
        }
      insertRows(s, g[0].row, [row]);
    });
}

/** A 部门's 表12 flat, without any total row (the total is then Σ projects). */
function t12WithoutTotal(b: Base): void {
  const t = b.d.tables.t12!;
  const total = t.rows.find((r) => r.kind === 'total');
  if (total) sheetOf(b.wb, t.sheet).rows.splice(total.row, 1);
}

/**
 * A budget-system export of the coded tables: `2080101 行政运行` in the code cell with the name
 * cell empty, and the 合计 row printed last.
 */
function exportLayout(b: Base): void {
  for (const id of ['t2', 't3', 't5', 't7', 't8'] as const) {
    const t = b.d.tables[id];
    if (!t) continue;
    const s = sheetOf(b.wb, t.sheet);
    const codeCol = t.columns.code.col;
    const nameCol = t.columns.name.col;
    for (const row of t.rows) {
      if (!row.code) continue;
      const cells = s.rows[row.row];
      cells[codeCol] = { value: `${row.code} ${row.name ?? ''}`.trim() };
      cells[nameCol] = undefined;
    }
    const total = t.rows.find((r) => r.kind === 'total');
    const last = Math.max(...t.rows.map((r) => r.row));
    if (total && total.row < last) {
      const [moved] = s.rows.splice(total.row, 1);
      s.rows.splice(last, 0, moved);
    }
  }
}

/**
 * Tables printed in 元 (other provinces' disclosures): every amount × 10000, exactly, in the style
 * the seed prints it (number, or text with separators), and the unit line `单位：万元` → `单位：元`;
 * or, with `header`, the unit line dropped and each money header marked `（元）`.
 */
function inYuan(b: Base, ids: readonly TableId[], header = false): void {
  tablesInYuan(b.wb, ids, header, b.d);
}

export function tablesInYuan(wb: Workbook, ids: readonly TableId[], header = false, d = locateTables(wb)): void {
  const b = { wb, d };
  for (const id of ids) {
    const t = b.d.tables[id];
    if (!t) continue;
    const top = parseAddr(t.range.split(':')[0]).r;
    for (const row of t.rows)
      for (const a of Object.values(row.values)) {
        if (!a || a.blank) continue;
        const yuan = a.value.times(10000);
        setText(b.wb, a.sheet, a.cell, typeof a.raw === 'string' ? grouped(yuan.toNumber()) : yuan.toNumber());
      }
    const s = sheetOf(b.wb, t.sheet);
    for (let r = top; r < t.headerRow; r++)
      for (const c of s.rows[r] ?? [])
        if (c && typeof c.value === 'string' && /单位[:：]\s*万元/.test(c.value))
          c.value = header ? c.value.replace(/\s*单位[:：]\s*万元/, '') : c.value.replace('万元', '元');
    if (header) {
      const moneyCols = new Set(Object.values(t.rows[0]?.values ?? {}).map((a) => parseAddr(a!.cell).c));
      for (const k of Object.keys(t.columns)) {
        const { col, header: text } = t.columns[k];
        if (!moneyCols.has(col)) continue;
        for (let r = top + 1; r <= t.headerRow; r++) {
          const c = s.rows[r]?.[col];
          if (c && c.value === text) c.value = `${text}（元）`;
        }
      }
    }
  }
}

const ALL_TABLES: TableId[] = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12', 't13'];

type Surface = (b: Base, seed: SeedId) => void;

const SURFACES: Record<string, { layout: SeedLayout; apply: Surface }> = {
  'published (titles with the year)': { layout: 'published', apply: () => undefined },
  'stacked (titles without the year)': { layout: 'stacked', apply: () => undefined },
  'published, titles without the year': { layout: 'published', apply: withoutYear },
  'published, titles with 年度': { layout: 'published', apply: yearDu },
  'split over pages with repeated headers': { layout: 'published', apply: splitOverPages },
  'stacked, split over pages': { layout: 'stacked', apply: splitOverPages },
  'amounts as text with separators': { layout: 'published', apply: amountsAsText },
  'amounts as numbers': { layout: 'published', apply: amountsAsNumbers },
  '表12 grouped by unit (subtotals found by their sums)': { layout: 'published', apply: (b) => t12Grouped(b, false) },
  '表12 grouped by unit (indented)': { layout: 'published', apply: (b) => t12Grouped(b, true) },
  '表12 flat without a total row': { layout: 'published', apply: t12WithoutTotal },
  'some tables in 元 (表2, 表6, 表9, 表12: 单位：元)': {
    layout: 'published',
    apply: (b) => inYuan(b, ['t2', 't6', 't9', 't12']),
  },
  'every table in 元 (单位：元)': { layout: 'published', apply: (b) => inYuan(b, ALL_TABLES) },
  'tables in 元 marked in the header (合计（元）), no unit line': {
    layout: 'published',
    apply: (b) => inYuan(b, ['t1', 't3', 't5', 't12'], true),
  },
  'budget-system export (code and name in one cell, 合计 last, float residue)': {
    layout: 'published',
    apply: (b) => {
      floatResidue(b);
      exportLayout(b);
    },
  },
};

export const SURFACE_NAMES = Object.keys(SURFACES);

export function variantWorkbook(seed: SeedId, surface: string, repaired: boolean): Workbook {
  const s = SURFACES[surface];
  const b = base(seed, s.layout);
  if (repaired) {
    repair(seed, b);
    b.d = locateTables(b.wb);
  }
  s.apply(b, seed);
  return b.wb;
}
