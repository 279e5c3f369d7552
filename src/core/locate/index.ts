import type { Disclosure, LocatedTable, TableRow } from '../model/disclosure';
import type { Finding } from '../model/finding';
import type { Workbook } from '../model/grid';
import { addr } from '../model/grid';
import type { BodyDef, TableDef } from '../templates/schema';
import { TABLES } from '../templates/tables';
import type { BodyReader } from './context';
import { findTitles, type TitleHit } from './findTitles';
import { mapHeader, type HeaderMap } from './mapHeader';
import { markExactToFen, tableUnit } from './moneyUnit';
import { readMeta } from './meta';
import { halfWidthDigits, isNoteText, isSubtitleText, isTableLabel, norm } from './normalise';
import { readCoded } from './readCoded';
import { readDualCoded } from './readDualCoded';
import { readEconomic } from './readEconomic';
import { readFixedSide, readSummary } from './readFixed';
import { readProjects } from './readProjects';
import { readUnits } from './readUnits';
import { SheetView } from './sheetView';
import { headerVocabulary } from './vocabulary';

/**
 * Finds the 13 tables in any workbook — ours (tagged sheets) or a clerk's own layout — by
 * title and header text, never by address, and reads every body row into the semantic model.
 * Never throws on odd input: what cannot be read becomes a finding (P1 bad amount, P2 table
 * not found, P3 row not recognised, P9 unexpected failure while reading one table).
 */
export interface LocateOptions {
  year?: number;
}

const READERS: Record<BodyDef['kind'], BodyReader> = {
  summary: readSummary,
  coded: readCoded,
  dualCoded: readDualCoded,
  economic: readEconomic,
  fixed: readFixedSide,
  units: readUnits,
  projects: readProjects,
};

interface Attempt {
  sheet: number;
  /** Title row, or undefined when the sheet is recognised by its tag or name only. */
  titleRow?: number;
  titleCol?: number;
  fromTemplate: boolean;
}

function regionEnd(view: SheetView, titles: readonly TitleHit[], sheet: number, from: number): number {
  let end = view.rowCount - 1;
  for (const t of titles) if (t.sheet === sheet && t.row > from && t.row - 1 < end) end = t.row - 1;
  return end;
}

function attemptsFor(def: TableDef, views: readonly SheetView[], titles: readonly TitleHit[]): Attempt[] {
  const out: Attempt[] = [];
  views.forEach((v, s) => {
    if (v.sheet.tag !== def.id) return;
    const t = titles.find((h) => h.sheet === s && h.id === def.id);
    out.push({ sheet: s, titleRow: t?.row, titleCol: t?.col, fromTemplate: true });
  });
  for (const t of titles)
    if (t.id === def.id)
      out.push({ sheet: t.sheet, titleRow: t.row, titleCol: t.col, fromTemplate: views[t.sheet].sheet.tag === def.id });
  // Last resort: a sheet named after the table but whose title was deleted or reworded.
  const key = norm(def.titleKey);
  views.forEach((v, s) => {
    const name = norm(v.sheet.name ?? '');
    if (titles.some((t) => t.sheet === s)) return;
    if (name.includes(key) || name === norm(def.sheetName)) out.push({ sheet: s, fromTemplate: false });
  });
  return out;
}

function locateOne(
  def: TableDef,
  a: Attempt,
  views: readonly SheetView[],
  titles: readonly TitleHit[],
  findings: Finding[],
  unit: string | undefined,
  vocab: Set<string>,
): LocatedTable | undefined {
  const view = views[a.sheet];
  const start = a.titleRow !== undefined ? a.titleRow + 1 : 0;
  const end = regionEnd(view, titles, a.sheet, a.titleRow ?? -1);
  const map = mapHeader(view, def, start, end, vocab);
  if (!map) return undefined;

  const bodyRows: number[] = [];
  let note: string | undefined;
  const repeated = pageRepeat(view, map);
  for (let r = map.headerEnd + 1; r <= end; r++) {
    if (view.isBlankRow(r)) continue;
    const first = view.rowTexts(r)[0]?.text ?? '';
    if (isNoteText(first)) {
      note = first;
      break;
    }
    if (isTableLabel(first)) break;
    if (repeated(r)) continue;
    bodyRows.push(r);
  }
  const local: Finding[] = [];
  const moneyUnit = tableUnit(view, a.titleRow ?? map.headerStart, map.headerEnd);
  const rows: TableRow[] = READERS[def.body.kind]({ view, def, map, findings: local, unit, moneyUnit }, bodyRows);
  findings.push(...local);
  if (moneyUnit === '元') markExactToFen(rows);

  const cols = Object.values(map.columns).map((c) => c.col);
  const top = a.titleRow ?? map.headerStart;
  const left = Math.min(...cols, a.titleCol ?? Infinity);
  const right = Math.max(...cols);
  const bottom = bodyRows.length > 0 ? bodyRows[bodyRows.length - 1] : map.headerEnd;
  const range = `${addr(top, left)}:${addr(bottom, right)}`;
  const table: LocatedTable = {
    id: def.id,
    sheet: view.sheet.name,
    range,
    columns: map.columns,
    headerRow: map.headerEnd,
    rows,
    fromTemplate: a.fromTemplate,
    unit: moneyUnit,
  };
  if (note !== undefined) table.note = note;
  return table;
}

function signature(view: SheetView, r: number): string {
  return view
    .rowTexts(r)
    .map((t) => norm(t.text))
    .join('|');
}

/**
 * A table printed over several pages repeats its header rows (and the `单位：万元` line, a `续表`
 * mark) at the top of each page; a PDF copied into Excel keeps them inside the body. They are
 * page furniture, not rows of the table: a body row whose texts are those of a header row, or
 * that is a subtitle or `续表` line, is skipped.
 */
function pageRepeat(view: SheetView, map: HeaderMap): (r: number) => boolean {
  const header = new Set<string>();
  for (let r = map.headerStart; r <= map.headerEnd; r++) header.add(signature(view, r));
  return (r) => {
    const texts = view.rowTexts(r);
    if (texts.length === 1 && /^[（(]?续表?[)）]?[:：]?$|^续上表$/.test(norm(texts[0].text))) return true;
    if (texts.every((t) => isSubtitleText(t.text))) return true;
    return header.has(signature(view, r));
  };
}

/** Titles without a year (stacked sheets) still print it in the header: `2024年预算数`. */
function yearFromHeaders(views: readonly SheetView[], tables: Disclosure['tables']): number | undefined {
  for (const t of Object.values(tables)) {
    const view = t && views.find((v) => v.sheet.name === t.sheet);
    if (!t || !view) continue;
    const top = Number(/\d+/.exec(t.range)?.[0] ?? 1) - 1;
    for (let r = top; r <= t.headerRow; r++) {
      for (const { text } of view.rowTexts(r)) {
        const m = /(?<!\d)((?:19|20)\d{2})\s*年?(预算数|合计|财政拨款|$)/.exec(halfWidthDigits(text));
        if (m) return Number(m[1]);
      }
    }
  }
  return undefined;
}

export function locateTables(wb: Workbook, opts: LocateOptions = {}): Disclosure {
  const findings: Finding[] = [];
  const sheets = Array.isArray(wb?.sheets) ? wb.sheets.filter((s) => s && Array.isArray(s.rows)) : [];
  const views = sheets.map((s) => new SheetView(s));
  const titles = findTitles(views, TABLES);
  const meta = readMeta(views, titles, opts.year);
  const vocab = headerVocabulary(TABLES);
  const tables: Disclosure['tables'] = {};
  for (const def of TABLES) {
    for (const a of attemptsFor(def, views, titles)) {
      try {
        const t = locateOne(def, a, views, titles, findings, meta.unit, vocab);
        if (t) {
          tables[def.id] = t;
          break;
        }
      } catch (e) {
        findings.push({
          rule: 'P9',
          severity: 'warning',
          table: def.id,
          sheet: views[a.sheet].sheet.name,
          message: `读取${def.sheetName}（工作表“${views[a.sheet].sheet.name}”）时出错：${e instanceof Error ? e.message : String(e)}`,
        });
      }
    }
    if (!tables[def.id])
      findings.push({ rule: 'P2', severity: 'warning', table: def.id, message: `未找到${def.sheetName}` });
  }
  if (meta.year === undefined) {
    const year = yearFromHeaders(views, tables);
    if (year !== undefined) meta.year = year;
  }
  return { meta, tables, findings };
}
