import { isErrorValue } from '../model/grid';
import type { TableDef } from '../templates/schema';
import { withoutUnitMark } from './moneyUnit';
import { isSubtitleText, isTableLabel, isTotalLabel, norm } from './normalise';
import type { SheetView } from './sheetView';

/**
 * Finds the header block under a title and maps each defined column to a sheet column by its
 * header text (lowest non-empty header text of the column first, then the band texts above).
 * Works with merged or unmerged headers, 1–3 header rows and an optional `1 2 3 …` row.
 */
export interface HeaderMap {
  headerStart: number;
  /** Last header row (including a column-number row). */
  headerEnd: number;
  columns: Record<string, { col: number; header: string }>;
}

const MAX_GAP_BEFORE_HEADER = 6;
const MAX_HEADER_ROWS = 5;

/** A header text as a vocabulary key; a unit mark (`合计（元）`) does not make it another column. */
function headerKey(text: string): string {
  return withoutUnitMark(norm(text));
}

function hasNumber(v: SheetView, r: number): boolean {
  const w = v.rowWidth(r);
  for (let c = 0; c < w; c++) {
    const x = v.value(r, c);
    if (typeof x === 'number' || (x !== null && isErrorValue(x))) return true;
  }
  return false;
}

/** A row of consecutive small integers 1 2 3 … under the header (表12/表13). */
export function isColumnNumberRow(v: SheetView, r: number): boolean {
  const texts = v.rowTexts(r);
  if (texts.length < 3) return false;
  return texts.every((t, i) => norm(t.text) === String(i + 1));
}

export function isHeaderRow(v: SheetView, r: number, vocab: Set<string>): boolean {
  if (hasNumber(v, r)) return false;
  const texts = v.rowTexts(r);
  if (texts.length === 0) return false;
  const matched = texts.filter((t) => vocab.has(headerKey(t.text)));
  if (matched.length === 0) return false;
  if (matched.every((t) => isTotalLabel(t.text))) return false;
  return matched.length / texts.length >= 0.6;
}

function isSubtitleRow(v: SheetView, r: number): boolean {
  const texts = v.rowTexts(r);
  return texts.length > 0 && texts.some((t) => isSubtitleText(t.text) || isTableLabel(t.text));
}

/** First header row at or after `from`, skipping subtitle and label lines. */
export function findHeaderStart(v: SheetView, from: number, to: number, vocab: Set<string>): number | undefined {
  let gap = 0;
  for (let r = from; r <= to && gap <= MAX_GAP_BEFORE_HEADER; r++) {
    if (v.isBlankRow(r)) continue;
    if (isSubtitleRow(v, r)) continue;
    if (isHeaderRow(v, r, vocab)) return r;
    gap++;
  }
  return undefined;
}

function candidates(d: TableDef, key: string): Set<string> {
  const col = d.columns.find((c) => c.key === key);
  if (!col) return new Set();
  return new Set([col.header, ...col.aliases].map(norm));
}

export function mapHeader(
  v: SheetView,
  d: TableDef,
  from: number,
  to: number,
  vocab: Set<string>,
): HeaderMap | undefined {
  const headerStart = findHeaderStart(v, from, to, vocab);
  if (headerStart === undefined) return undefined;
  let headerEnd = headerStart;
  while (headerEnd + 1 <= to && headerEnd + 1 - headerStart < MAX_HEADER_ROWS && isHeaderRow(v, headerEnd + 1, vocab))
    headerEnd++;
  const textEnd = headerEnd;
  if (headerEnd + 1 <= to && isColumnNumberRow(v, headerEnd + 1)) headerEnd++;

  let width = 0;
  for (let r = headerStart; r <= textEnd; r++) width = Math.max(width, v.rowWidth(r));
  // Texts per column, top to bottom, as the clerk sees them through merges.
  const colTexts: string[][] = [];
  for (let c = 0; c < width; c++) {
    const texts: string[] = [];
    for (let r = headerStart; r <= textEnd; r++) {
      const t = v.mergedText(r, c);
      if (t !== '' && texts[texts.length - 1] !== t) texts.push(t);
    }
    colTexts.push(texts);
  }

  const columns: HeaderMap['columns'] = {};
  const taken = new Set<number>();
  let cursor = 0;
  for (const col of d.columns) {
    const names = candidates(d, col.key);
    const order: number[] = [];
    for (let c = cursor; c < width; c++) order.push(c);
    for (let c = 0; c < cursor && c < width; c++) order.push(c);
    const pick = (test: (texts: string[]) => string | undefined): { c: number; header: string } | undefined => {
      for (const c of order) {
        if (taken.has(c)) continue;
        const h = test(colTexts[c]);
        if (h !== undefined) return { c, header: h };
      }
      return undefined;
    };
    const lowest = (texts: string[]) => {
      const t = texts[texts.length - 1];
      return t !== undefined && names.has(headerKey(t)) ? t : undefined;
    };
    const any = (texts: string[]) => texts.find((t) => names.has(headerKey(t)));
    const hit = pick(lowest) ?? pick(any);
    if (!hit) continue;
    taken.add(hit.c);
    columns[col.key] = { col: hit.c, header: hit.header };
    cursor = hit.c + 1;
  }
  if (Object.keys(columns).length < 2) return undefined;
  return { headerStart, headerEnd, columns };
}
