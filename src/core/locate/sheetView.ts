import type { CellValue, Merge, Sheet } from '../model/grid';
import { isErrorValue, sheetColCount, valueAt } from '../model/grid';

/**
 * Merge-aware reading of one sheet. In a merged header the text sits in the top-left cell
 * only; the locator asks for the text "seen" at any covered position.
 */
export class SheetView {
  readonly cols: number;
  private readonly covering = new Map<number, Merge>();

  constructor(readonly sheet: Sheet) {
    this.cols = Math.max(sheetColCount(sheet), 1);
    for (const m of sheet.merges ?? []) {
      // Huge merges (whole columns) carry no header meaning; cap what we index.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 4000) continue;
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) this.covering.set(this.key(r, c), m);
    }
  }

  private key(r: number, c: number): number {
    return r * 16384 + c;
  }

  get rowCount(): number {
    return this.sheet.rows.length;
  }

  value(r: number, c: number): CellValue {
    return valueAt(this.sheet, r, c);
  }

  /** Raw text of a cell (no trimming), '' for blanks, numbers as printed digits. */
  raw(r: number, c: number): string {
    const v = this.value(r, c);
    if (v === null || isErrorValue(v)) return '';
    return String(v);
  }

  text(r: number, c: number): string {
    const v = this.value(r, c);
    if (v === null || typeof v === 'object') return '';
    if (typeof v !== 'string') return String(v);
    // Most cells have no full-width space: skip the replace (every row is probed many times).
    return v.includes('\u3000') ? v.replace(/\u3000/g, ' ').trim() : v.trim();
  }

  /** Text seen at (r, c), taking the value of the merge that covers it. */
  mergedText(r: number, c: number): string {
    const m = this.covering.get(this.key(r, c));
    return m ? this.text(m.top, m.left) : this.text(r, c);
  }

  /** True when (r, c) is covered by a merge but is not its top-left cell. */
  isCovered(r: number, c: number): boolean {
    const m = this.covering.get(this.key(r, c));
    return !!m && (m.top !== r || m.left !== c);
  }

  rowWidth(r: number): number {
    return this.sheet.rows[r]?.length ?? 0;
  }

  isBlankRow(r: number): boolean {
    const row = this.sheet.rows[r];
    if (!row) return true;
    for (let c = 0; c < row.length; c++) {
      const v = row[c]?.value;
      if (v === null || v === undefined) continue;
      if (this.text(r, c) !== '') return false;
    }
    return true;
  }

  /** Non-empty texts of a row with their columns. */
  rowTexts(r: number): { c: number; text: string }[] {
    const out: { c: number; text: string }[] = [];
    const w = this.rowWidth(r);
    for (let c = 0; c < w; c++) {
      const t = this.text(r, c);
      if (t !== '') out.push({ c, text: t });
    }
    return out;
  }
}
