import {
  TemplateParams,
  type TemplateParamsInput,
  type TableDef,
  type TableId,
  type SideDef,
  type BodyDef,
} from './schema';
import { TABLES, withYear, UNIT_OF_MEASURE } from './tables';
import type { PlannedCell, SheetPlan, StyleName } from './plan';
import type { Merge } from '../model/grid';
import { columnLetter } from '../model/grid';
import { CATEGORIES, DEFAULT_CODES, codeLevel, compareCodes, parentCode } from '../reference';
import { defaultEconomicRows, type EconomicTemplateRow } from './renderEconomicRows';
import { LINKS, TABLES_WITH_CODE_LIST } from './renderLinks';

/**
 * One generic renderer for the 13 tables, driven by the TableDefs. Layout conventions (see
 * docs/templates.md):
 *   row 0 label 预算公开表N · row 1 title (merged) · row 2 单位名称/部门名称 … 单位：万元
 *   rows 3… header (def.header) · then the body · then ONE reserved blank row (note row).
 * Every total is a formula; open lists (coded blocks, 表11 units, 表12/13 projects) have their
 * sums reach down to the reserved row, so a row inserted at the bottom of a list is still summed.
 */
export const TITLE_ROWS = 3;
const LANDSCAPE_WIDTH = 120;
const TITLE_ROW_HEIGHT = 32;
const HEADER_ROW_HEIGHT = 30;
/** Unit subtotals of a 部门 表12/13 are indented like the published 004 (U+3000). */
export const UNIT_INDENT = '\u3000';

export interface RenderOptions {
  /** Blank project rows per unit in 表12/表13 (default: the table's blankRows). */
  projectRows?: number;
  /** 表6 class and item rows (default: the shipped economic reference). */
  economicRows?: EconomicTemplateRow[];
}

export interface CodeRow {
  code: string;
  name: string;
}

export interface RenderContext {
  params: TemplateParams;
  options: RenderOptions;
  /** Tables rendered in this workbook: cross-sheet formulas only ever point at these. */
  tables: ReadonlySet<TableId>;
  /** 功能分类 rows of 表2/3/5, depth-first, parents completed. */
  codes: CodeRow[];
}

export function renderTemplates(input: TemplateParamsInput, options: RenderOptions = {}): SheetPlan[] {
  const parsed = TemplateParams.safeParse(input);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.') || '参数'}：${i.message}`).join('；');
    throw new Error(`模板参数有误：${msg}`);
  }
  const params = parsed.data;
  if (
    options.projectRows !== undefined &&
    (!Number.isInteger(options.projectRows) || options.projectRows < 1 || options.projectRows > 500)
  ) {
    throw new Error(`项目行数必须是 1–500 的整数，收到：${options.projectRows}`);
  }
  const wanted = new Set<TableId>(params.tables ?? TABLES.map((t) => t.id));
  const ctx: RenderContext = { params, options, tables: wanted, codes: resolveCodes(params.codes) };
  return TABLES.filter((t) => wanted.has(t.id)).map((def) => renderTable(def, params, ctx));
}

/** Clerk-supplied codes (or the shipped seed list), with missing 类/款 parents added, depth-first. */
export function resolveCodes(given: readonly CodeRow[] | undefined): CodeRow[] {
  const base =
    given ??
    DEFAULT_CODES.ordered()
      .filter((c) => c.seen)
      .map((c) => ({ code: c.code, name: c.name }));
  const byCode = new Map<string, CodeRow>();
  for (const c of base) {
    const code = c.code.trim();
    if (!codeLevel(code)) throw new Error(`科目编码“${c.code}”不是3/5/7位数字编码`);
    if (!byCode.has(code)) byCode.set(code, { code, name: c.name.trim() });
  }
  for (const code of [...byCode.keys()]) {
    for (let p = parentCode(code); p; p = parentCode(p)) {
      if (!byCode.has(p)) byCode.set(p, { code: p, name: DEFAULT_CODES.get(p)?.name ?? '' });
    }
  }
  return [...byCode.values()].sort((a, b) => compareCodes(a.code, b.code));
}

// ─── sheet builder ──────────────────────────────────────────────────────────────────────────

type MoneyRole = 'input' | 'formula' | 'blank';

interface Built {
  cells: Map<string, PlannedCell>;
  money: Map<string, MoneyRole>;
  totalRows: Set<number>;
  merges: Merge[];
}

const key = (r: number, c: number) => `${r},${c}`;

function put(
  b: Built,
  row: number,
  col: number,
  style: StyleName,
  content: { value?: string | number | null; formula?: string } = {},
): void {
  const cell: PlannedCell = { row, col, style };
  if (content.formula !== undefined) cell.formula = content.formula;
  else if (content.value !== undefined) cell.value = content.value;
  b.cells.set(key(row, col), cell);
}

function putMoney(b: Built, row: number, col: number, role: MoneyRole, formula?: string): void {
  const total = b.totalRows.has(row);
  put(b, row, col, total && role === 'formula' ? 'moneyTotal' : 'money', formula !== undefined ? { formula } : {});
  b.money.set(key(row, col), role);
}

function colIndex(def: TableDef, columnKey: string): number {
  const i = def.columns.findIndex((c) => c.key === columnKey);
  if (i < 0) throw new Error(`表${def.number}没有列“${columnKey}”（表定义有误）`);
  return i;
}

const L = (col: number) => columnLetter(col);
const cellRef = (row: number, col: number) => `${L(col)}${row + 1}`;

/** Σ of rows of one column; runs of 3+ adjacent rows become SUM(X5:X9). */
export function sumOfRows(col: number, rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  if (sorted.length === 0) return '0';
  const terms: string[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
    const run = sorted.slice(start, i);
    if (run.length >= 3) terms.push(`SUM(${cellRef(run[0], col)}:${cellRef(run[run.length - 1], col)})`);
    else terms.push(...run.map((r) => cellRef(r, col)));
    start = i;
  }
  return terms.join('+');
}

/** Σ of columns of one row (a row identity): SUM(C5:G5) when contiguous. */
export function sumOfColumns(row: number, cols: readonly number[]): string {
  const sorted = [...cols].sort((a, b) => a - b);
  const contiguous = sorted.every((c, i) => i === 0 || c === sorted[i - 1] + 1);
  if (contiguous && sorted.length >= 2)
    return `SUM(${cellRef(row, sorted[0])}:${cellRef(row, sorted[sorted.length - 1])})`;
  return sorted.map((c) => cellRef(row, c)).join('+');
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A coded table's aggregate written in `row`: Σ of the rows below it down to the reserved row
 * whose code is one level down (LEN = 3 for 合计; LEN = own length + 2 and the same prefix for a
 * 类/款 of `codeLength` digits). Keyed on the code, so a 项 inserted inside the block still counts.
 */
export function codedSumFormula(
  codeCol: number,
  moneyCol: number,
  row: number,
  reserved: number,
  codeLength?: number,
): string {
  const codes = `$${L(codeCol)}$${row + 2}:$${L(codeCol)}$${reserved + 1}`;
  const money = `${L(moneyCol)}$${row + 2}:${L(moneyCol)}$${reserved + 1}`;
  if (codeLength === undefined) return `SUMPRODUCT((LEN(${codes})=3)*${money})`;
  const own = `$${L(codeCol)}${row + 1}`;
  return `SUMPRODUCT((LEN(${codes})=${codeLength + 2})*(LEFT(${codes},${codeLength})=${own})*${money})`;
}

/** 表1/表4 category row from 表2: SUMIF(表2 科目编码, 类 code, 表2 `fromCol`) over its 合计 row … reserved row. */
export function categoryLinkFormula(
  sheet: string,
  codeCol: number,
  fromCol: number,
  firstRow: number,
  lastRow: number,
  code: string,
): string {
  const q = quoteSheet(sheet);
  return `SUMIF(${q}!$${L(codeCol)}$${firstRow + 1}:$${L(codeCol)}$${lastRow + 1},"${code}",${q}!$${L(fromCol)}$${firstRow + 1}:$${L(fromCol)}$${lastRow + 1})`;
}

// ─── table renderer ─────────────────────────────────────────────────────────────────────────

export function renderTable(def: TableDef, params: TemplateParams, ctx: RenderContext): SheetPlan {
  const n = def.columns.length;
  const b: Built = { cells: new Map(), money: new Map(), totalRows: new Set(), merges: [] };

  put(b, 0, 0, 'label', { value: def.label });
  put(b, 1, 0, 'title', { value: withYear(def.title, params.year) });
  b.merges.push({ top: 1, left: 0, bottom: 1, right: n - 1 });
  const nameLine = `${params.level === '部门' ? '部门名称' : '单位名称'}：${params.unit}`;
  put(b, 2, 0, 'subtitle', { value: nameLine });
  if (n >= 3) b.merges.push({ top: 2, left: 0, bottom: 2, right: n - 2 });
  put(b, 2, n - 1, 'unitOfMeasure', { value: UNIT_OF_MEASURE });

  for (let r = 0; r < def.headerRows; r++) for (let c = 0; c < n; c++) put(b, TITLE_ROWS + r, c, 'header');
  for (const h of def.header) {
    const top = TITLE_ROWS + h.row;
    put(b, top, h.col, 'header', { value: withYear(h.text, params.year) });
    if (h.rowSpan > 1 || h.colSpan > 1)
      b.merges.push({ top, left: h.col, bottom: top + h.rowSpan - 1, right: h.col + h.colSpan - 1 });
  }

  const bodyStart = TITLE_ROWS + def.headerRows;
  const bodyEnd = renderBody(def, def.body, b, bodyStart, ctx);
  applyRowIdentities(def, b, bodyStart, bodyEnd);

  const rowHeights: Record<number, number> = { 1: TITLE_ROW_HEIGHT };
  for (let r = 0; r < def.headerRows; r++) rowHeights[TITLE_ROWS + r] = HEADER_ROW_HEIGHT;
  const columnWidths = def.columns.map((c) => c.width);
  const totalWidth = columnWidths.reduce((s, w) => s + w, 0);
  return {
    name: def.sheetName,
    tag: def.id,
    cells: [...b.cells.values()].sort((x, y) => x.row - y.row || x.col - y.col),
    merges: b.merges,
    columnWidths,
    rowHeights,
    print: { paper: 'A4', orientation: totalWidth > LANDSCAPE_WIDTH ? 'landscape' : 'portrait', fitToWidth: true },
    freezeRows: bodyStart,
  };
}

/** Returns the first row after the body (the reserved note row). */
function renderBody(def: TableDef, body: BodyDef, b: Built, start: number, ctx: RenderContext): number {
  switch (body.kind) {
    case 'summary':
      return renderSummary(def, body, b, start, ctx);
    case 'coded':
    case 'dualCoded':
      return renderCoded(def, body.totalLabel, b, start, TABLES_WITH_CODE_LIST.includes(def.id) ? ctx.codes : []);
    case 'economic':
      return renderEconomic(def, body.totalLabel, b, start, ctx.options.economicRows ?? defaultEconomicRows());
    case 'fixed':
      return renderFixedSide(
        def,
        body.side,
        b,
        start,
        body.side.rows.reduce((m, r) => Math.max(m, r.at + 1), 0),
        undefined,
      );
    case 'units':
      return renderUnits(def, body.totalLabel, b, start, ctx);
    case 'projects':
      return renderProjects(def, b, start, ctx);
  }
}

// 表1 / 表4: two sides on shared rows.
function renderSummary(
  def: TableDef,
  body: Extract<BodyDef, { kind: 'summary' }>,
  b: Built,
  start: number,
  ctx: RenderContext,
): number {
  const links = LINKS[def.id];
  const linked = links && ctx.tables.has(links.source) ? links : undefined;
  const source = linked ? sourceGeometry(linked.source, ctx) : undefined;
  renderFixedSide(def, body.income, b, start, body.rowCount, linked && source ? { links: linked, source } : undefined);
  renderFixedSide(
    def,
    body.expenditure,
    b,
    start,
    body.rowCount,
    linked && source ? { links: linked, source } : undefined,
  );
  return start + body.rowCount;
}

interface SourceGeometry {
  sheet: string;
  def: TableDef;
  totalRow: number;
  /** Range of the code column and money columns used by SUMIF: 合计 row … reserved row. */
  firstRow: number;
  lastRow: number;
}

function sourceGeometry(id: TableId, ctx: RenderContext): SourceGeometry {
  const def = TABLES.find((t) => t.id === id);
  if (!def) throw new Error(`未知的表：${id}`);
  const totalRow = TITLE_ROWS + def.headerRows;
  const codes = TABLES_WITH_CODE_LIST.includes(id) ? ctx.codes.length : 0;
  return { sheet: def.sheetName, def, totalRow, firstRow: totalRow, lastRow: totalRow + 1 + codes };
}

function renderFixedSide(
  def: TableDef,
  side: SideDef,
  b: Built,
  start: number,
  rowCount: number,
  link: { links: NonNullable<(typeof LINKS)[TableId]>; source: SourceGeometry } | undefined,
): number {
  const labelCol = colIndex(def, side.labelColumn);
  const moneyCols = side.moneyColumns.map((k) => colIndex(def, k));
  const rowOf = new Map<string, number>(side.rows.map((r) => [r.key, start + r.at]));
  const categoryRows = side.categories ? CATEGORIES.map((_c, i) => start + i) : [];
  for (const r of side.rows) if (r.sum) b.totalRows.add(start + r.at);

  for (let i = 0; i < rowCount; i++) {
    const row = start + i;
    const fixed = side.rows.find((r) => r.at === i);
    const category = side.categories && i < CATEGORIES.length ? CATEGORIES[i] : undefined;
    if (!fixed && !category) {
      put(b, row, labelCol, 'text');
      for (const c of moneyCols) putMoney(b, row, c, 'blank');
      continue;
    }
    if (category) {
      put(b, row, labelCol, 'text', { value: category.label });
      for (const k of side.moneyColumns) {
        const c = colIndex(def, k);
        const l = link?.links.categories.find((x) => x.column === k);
        if (l && link) {
          const s = link.source;
          const formula = categoryLinkFormula(
            s.sheet,
            colIndex(s.def, 'code'),
            colIndex(s.def, l.from),
            s.firstRow,
            s.lastRow,
            category.code,
          );
          putMoney(b, row, c, 'formula', formula);
        } else putMoney(b, row, c, 'input');
      }
      continue;
    }
    if (!fixed) continue;
    put(b, row, labelCol, fixed.sum ? 'textTotal' : 'text', { value: fixed.label });
    const cols = fixed.columns ?? side.moneyColumns;
    for (const k of side.moneyColumns) {
      const c = colIndex(def, k);
      if (!cols.includes(k)) {
        putMoney(b, row, c, 'blank');
        continue;
      }
      if (fixed.sum) {
        const rows = fixed.sum.of.flatMap((of) => {
          if (of === '@categories') return categoryRows;
          const r = rowOf.get(of);
          if (r === undefined)
            throw new Error(`表${def.number}固定行“${fixed.key}”引用了不存在的行“${of}”（表定义有误）`);
          return [r];
        });
        putMoney(b, row, c, 'formula', sumOfRows(c, rows));
        continue;
      }
      const l = link?.links.rows.find((x) => x.row === fixed.key && x.column === k);
      if (l && link) {
        const s = link.source;
        putMoney(b, row, c, 'formula', `${quoteSheet(s.sheet)}!$${L(colIndex(s.def, l.from))}$${s.totalRow + 1}`);
      } else putMoney(b, row, c, 'input');
    }
  }
  return start + rowCount;
}

interface ColumnGroup {
  codeCol: number;
  nameCol: number | undefined;
  moneyCols: number[];
}

/** 表9 has two code columns (收入 and 支出 sides); each money column sums by the code column to its left. */
function columnGroups(def: TableDef): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  def.columns.forEach((c, i) => {
    if (c.role === 'code') groups.push({ codeCol: i, nameCol: undefined, moneyCols: [] });
    const g = groups[groups.length - 1];
    if (!g) return;
    if (c.role === 'name' && g.nameCol === undefined) g.nameCol = i;
    if (c.role === 'money') g.moneyCols.push(i);
  });
  if (groups.length === 0) throw new Error(`表${def.number}没有科目编码列（表定义有误）`);
  return groups;
}

// 表2/3/5/7/8/9: 合计, then 类/款/项 rows. Aggregates are SUMPRODUCTs keyed on code length and
// prefix over the rows BELOW the aggregate row down to the reserved row, so they never include
// their own cell (no circular reference) and survive rows inserted inside the block.
function renderCoded(def: TableDef, totalLabel: string, b: Built, start: number, codes: CodeRow[]): number {
  const groups = columnGroups(def);
  const reserved = start + 1 + codes.length;

  b.totalRows.add(start);
  groups.forEach((g, gi) => {
    put(b, start, g.codeCol, gi === 0 ? 'textTotal' : 'code', gi === 0 ? { value: totalLabel } : {});
    if (g.nameCol !== undefined) put(b, start, g.nameCol, 'text');
    for (const c of g.moneyCols) putMoney(b, start, c, 'formula', codedSumFormula(g.codeCol, c, start, reserved));
  });

  const g = groups[0];
  codes.forEach((code, i) => {
    const row = start + 1 + i;
    const level = codeLevel(code.code);
    const aggregate = level === 'lei' || level === 'kuan';
    if (aggregate) b.totalRows.add(row);
    put(b, row, g.codeCol, 'code', { value: code.code });
    if (g.nameCol !== undefined) put(b, row, g.nameCol, 'text', { value: code.name });
    for (const c of g.moneyCols) {
      if (!aggregate) {
        putMoney(b, row, c, 'input');
        continue;
      }
      putMoney(b, row, c, 'formula', codedSumFormula(g.codeCol, c, row, reserved, code.code.length));
    }
  });
  return reserved;
}

// 表6: 合计 = Σ class rows; class = SUM of its item rows.
function renderEconomic(
  def: TableDef,
  totalLabel: string,
  b: Built,
  start: number,
  rows: EconomicTemplateRow[],
): number {
  const econCol = colIndex(def, 'econ_name');
  const govCol = colIndex(def, 'gov_name');
  const moneyCols = def.columns.flatMap((c, i) => (c.role === 'money' ? [i] : []));
  const classRows: number[] = [];
  b.totalRows.add(start);
  rows.forEach((r, i) => {
    const row = start + 1 + i;
    put(b, row, econCol, 'text', { value: r.econName });
    put(b, row, govCol, 'text', { value: r.govName || null });
    if (r.kind === 'class') {
      classRows.push(row);
      b.totalRows.add(row);
      let last = row;
      while (last + 1 - start - 1 < rows.length && rows[last + 1 - start - 1].kind === 'item') last++;
      // A class with no item rows is typed directly (a bureau's list may carry a bare class).
      for (const c of moneyCols) {
        if (last > row) putMoney(b, row, c, 'formula', `SUM(${cellRef(row + 1, c)}:${cellRef(last, c)})`);
        else putMoney(b, row, c, 'input');
      }
    } else for (const c of moneyCols) putMoney(b, row, c, 'input');
  });
  put(b, start, econCol, 'textTotal', { value: totalLabel });
  put(b, start, govCol, 'text');
  for (const c of moneyCols) putMoney(b, start, c, 'formula', sumOfRows(c, classRows));
  return start + 1 + rows.length;
}

// 表11: 部门合计 then one row per unit.
function renderUnits(def: TableDef, totalLabel: string, b: Built, start: number, ctx: RenderContext): number {
  const labelCol = def.columns.findIndex((c) => c.role === 'label');
  const moneyCols = def.columns.flatMap((c, i) => (c.role === 'money' ? [i] : []));
  const units = unitList(ctx.params);
  const count = Math.max(units.length, def.blankRows);
  const reserved = start + 1 + count;
  b.totalRows.add(start);
  put(b, start, labelCol, 'textTotal', { value: totalLabel });
  for (const c of moneyCols) putMoney(b, start, c, 'formula', `SUM(${cellRef(start + 1, c)}:${cellRef(reserved, c)})`);
  for (let i = 0; i < count; i++) {
    put(b, start + 1 + i, labelCol, 'text', { value: units[i] ?? null });
    for (const c of moneyCols) putMoney(b, start + 1 + i, c, 'input');
  }
  return reserved;
}

function unitList(params: TemplateParams): string[] {
  return params.level === '部门' && params.units.length > 0 ? params.units : [params.unit];
}

// 表12/13: 单位 = the unit's name as total row, then projects; 部门 = 部门 total row (Σ unit
// subtotals), then per unit a subtotal row (SUM of its projects) and its blank project rows.
function renderProjects(def: TableDef, b: Built, start: number, ctx: RenderContext): number {
  const labelCol = def.columns.findIndex((c) => c.role === 'label');
  const moneyCols = def.columns.flatMap((c, i) => (c.role === 'money' ? [i] : []));
  const perUnit = ctx.options.projectRows ?? Math.max(1, def.blankRows);
  const { params } = ctx;
  b.totalRows.add(start);
  put(b, start, labelCol, 'textTotal', { value: params.unit });

  const projectRows = (first: number) => {
    for (let i = 0; i < perUnit; i++) {
      put(b, first + i, labelCol, 'text');
      for (const c of moneyCols) putMoney(b, first + i, c, 'input');
    }
  };

  if (params.level === '单位') {
    const reserved = start + 1 + perUnit;
    for (const c of moneyCols)
      putMoney(b, start, c, 'formula', `SUM(${cellRef(start + 1, c)}:${cellRef(reserved, c)})`);
    projectRows(start + 1);
    return reserved;
  }

  const units = unitList(params);
  const subtotalRows: number[] = [];
  let row = start + 1;
  units.forEach((u, i) => {
    const sub = row;
    subtotalRows.push(sub);
    b.totalRows.add(sub);
    const last = i === units.length - 1;
    // The last unit's range reaches the reserved row so a project added at the bottom still counts.
    const end = sub + perUnit + (last ? 1 : 0);
    // Left-aligned and indented under the centred 部门 row, like the printed hierarchy of seed 004.
    put(b, sub, labelCol, 'text', { value: UNIT_INDENT + u });
    for (const c of moneyCols) putMoney(b, sub, c, 'formula', `SUM(${cellRef(sub + 1, c)}:${cellRef(end, c)})`);
    projectRows(sub + 1);
    row = sub + 1 + perUnit;
  });
  for (const c of moneyCols) putMoney(b, start, c, 'formula', sumOfRows(c, subtotalRows));
  return row;
}

// Within-row identities (合计 = Σ sources) on every body row that carries the target column.
function applyRowIdentities(def: TableDef, b: Built, start: number, end: number): void {
  for (const id of def.rowIdentities) {
    const target = colIndex(def, id.target);
    const parts = id.parts.map((p) => colIndex(def, p));
    for (let row = start; row < end; row++) {
      const role = b.money.get(key(row, target));
      if (role === undefined || role === 'blank') continue;
      putMoney(b, row, target, 'formula', sumOfColumns(row, parts));
    }
  }
}
