/**
 * When two names written by different hands are "the same name": the one rule every part of the
 * engine uses (table titles and headers, 科目 and row labels, project names in 表12 and on the
 * forms, item names in the narrative). Differences a reader does not see as different are dropped:
 *
 * - full-width ASCII forms become half-width: `（）：，；１２３ＡＢ` ≡ `():,;123AB` (U+FF01–U+FF5E);
 * - every space goes, the ideographic space U+3000 and line breaks inside a cell included;
 * - quotation marks go: `“三公”经费` ≡ `"三公"经费` ≡ `三公经费`, `「」『』‘’` too.
 *
 * What stays different on purpose: 、 and , (an enumeration comma is not a thousands separator
 * in a name), the year, ordinals (`一、`); callers that want those folded do it on top of this key
 * (the locator's `norm` folds the year for headers, `stripOrdinal` drops ordinals). See
 * docs/domain.md § 名称比较 for why names drift between tables.
 */
const memo = new Map<string, string>();
const MEMO_LIMIT = 20000;

export function sameNameKey(s: string): string {
  let k = memo.get(s);
  if (k === undefined) {
    k = keyOf(s);
    // The live check re-reads nearly the same labels on every edit; a bounded memo keeps that cheap.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(s, k);
  }
  return k;
}

export function sameName(a: string, b: string): boolean {
  return sameNameKey(a) === sameNameKey(b);
}

function keyOf(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00A0\u200B\uFEFF]/g, '')
    .replace(/["'“”‘’「」『』]/g, '');
}
