import type { CellValue } from '../core/model/grid';
import { isErrorValue } from '../core/model/grid';

/**
 * How a cell reads on screen. Numbers are shown as Excel would show a 2-decimal money cell,
 * without the binary-float residue a SUM leaves (1184.3200000000002 → 1184.32).
 */
export function displayValue(v: CellValue): string {
  if (v === null) return '';
  if (isErrorValue(v)) return v.error;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    const p = Number(v.toPrecision(15));
    if (Number.isInteger(p)) return String(p);
    // Money carries 2 decimals: 103.3 reads as 103.30, as the published tables print it.
    return Math.abs(p * 100 - Math.round(p * 100)) < 1e-6 ? p.toFixed(2) : String(p);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/** Pixel width for a column from the longest text in its first rows (CJK counts double). */
export function columnWidthPx(texts: Iterable<string>, min = 44, max = 280): number {
  let units = 0;
  for (const t of texts) {
    let u = 0;
    for (const ch of t) u += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
    if (u > units) units = u;
  }
  return Math.max(min, Math.min(max, Math.round(units * 7 + 14)));
}
