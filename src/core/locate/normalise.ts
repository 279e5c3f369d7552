import { sameNameKey } from '../text/sameName';

/**
 * Text keys for matching titles, headers and row labels written by different hands. What counts
 * as the same text is decided once, in `src/core/text/sameName.ts`; this module adds what only
 * headers need (the year placeholder, printed ordinals, total and note labels).
 */
const FULL_WIDTH_DIGITS = /[\uFF10-\uFF19]/g;

export function halfWidthDigits(s: string): string {
  return s.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Labels and headers repeat on every pass of the live check: normalise each text once. */
const normMemo = new Map<string, string>();
const NORM_MEMO_LIMIT = 20000;

/**
 * Header and label key: the engine's one "same name" rule (`sameNameKey`), plus any 4-digit year
 * folded to `{year}` so a title or column written for another year still matches.
 */
export function norm(s: string): string {
  let n = normMemo.get(s);
  if (n === undefined) {
    n = sameNameKey(s).replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/g, '{year}');
    if (normMemo.size >= NORM_MEMO_LIMIT) normMemo.clear();
    normMemo.set(s, n);
  }
  return n;
}

/** Drops the printed ordinal (`一、`, `（一）`, `①`) so `八、社会保障和就业支出` ≡ `社会保障和就业支出`. */
export function stripOrdinal(s: string): string {
  return s
    .replace(/^[一二三四五六七八九十百]+[、.．]/, '')
    .replace(/^\([一二三四五六七八九十]+\)/, '')
    .replace(/^[\u2460-\u2473]/, '')
    .replace(/^\d+[、.．](?!\d)/, '');
}

export function normLabel(s: string): string {
  return stripOrdinal(norm(s));
}

/** Labels of a total row in any table body. */
export const TOTAL_LABELS = new Set(['合计', '总计', '小计', '部门合计', '单位合计', '合计数'].map(norm));

export function isTotalLabel(s: string): boolean {
  return TOTAL_LABELS.has(norm(s));
}

const NOTE = /^(注|备注|说明)[:：]?/;
export function isNoteText(s: string): boolean {
  const t = s.trim();
  return NOTE.test(t) && t.length > 2;
}

/** `预算公开表3`, `部门公开表9`: the label line above a title. */
export function isTableLabel(s: string): boolean {
  return /^(预算|部门|单位)公开表\d{1,2}$/.test(norm(s));
}

/** `单位名称：…`, `部门名称：…`, `单位：万元` lines between a title and its header. */
export function isSubtitleText(s: string): boolean {
  const n = norm(s);
  return /^(单位|部门)名称:/.test(n) || /^(金额)?单位:(万元|元)$/.test(n) || /单位:(万元|元)$/.test(n);
}
