import type { Severity } from '../core/model/finding';
import { parseAddr } from '../core/model/grid';
import { MARK_FILL, markFormula, parseMarkFormula } from '../core/marks/markStyle';
import { bgr, XL, type EtFormatCondition, type EtWorksheet } from './et';

/**
 * Marks as conditional formats recognised by their own formula, exactly as the Excel host writes
 * them (src/core/marks/markStyle.ts): `=AND(ROW()=7,COLUMN()=3,ISTEXT("BD-MARK:error"))`, one per
 * cell, type xlExpression, a fill by severity. So a workbook marked in Excel and opened in WPS (or
 * the other way) has its marks recognised, kept or removed by either host; a conditional format
 * paints over the cell's own fill without changing it, and deleting it leaves the cell exactly as
 * it was. The clerk's own conditional formats (any other formula, any other type) are never touched.
 *
 * The ET model reads conditional formats one by one (`FormatConditions.Item(i)`), so a scan costs
 * calls per conditional format on the sheet (at most MAX_MARKS of ours, plus the clerk's), never
 * per cell. Function names in a WPS formula are English in the Chinese UI too, so the formula
 * reads back as written (FormatConditions.Add: Formula1 is the formula text).
 */

/** sheet name → cell address → severity */
export type MarkMap = Map<string, Map<string, Severity>>;

interface FoundMark {
  index: number;
  cf: EtFormatCondition;
  address: string;
  severity: Severity;
}

/** The marks found on each scanned sheet (by sheet name). */
export type MarkScan = Map<string, { ws: EtWorksheet; marks: FoundMark[] }>;

export function scanMarks(worksheets: Map<string, EtWorksheet>): MarkScan {
  const scan: MarkScan = new Map();
  for (const [name, ws] of worksheets) {
    const coll = ws.Cells.FormatConditions;
    const count = coll.Count;
    const marks: FoundMark[] = [];
    for (let i = 1; i <= count; i++) {
      const cf = coll.Item(i);
      // Formula1 only for formula rules: colour scales and data bars have none to read.
      if (cf.Type !== XL.expression) continue;
      const mark = parseMarkFormula(cf.Formula1);
      if (mark) marks.push({ index: i, cf, ...mark });
    }
    scan.set(name, { ws, marks });
  }
  return scan;
}

export interface MarkUpdate {
  added: number;
  removed: number;
  marks: MarkMap;
}

/** Deletes the scanned marks no longer wanted (and duplicates), adds the missing ones. */
export function updateMarks(scan: MarkScan, wanted: MarkMap): MarkUpdate {
  const marks: MarkMap = new Map();
  let removed = 0;
  let added = 0;
  for (const [sheet, { ws, marks: found }] of scan) {
    const kept = new Map<string, Severity>();
    const drop: FoundMark[] = [];
    for (const m of found) {
      if (wanted.get(sheet)?.get(m.address) === m.severity && !kept.has(m.address)) kept.set(m.address, m.severity);
      else drop.push(m);
    }
    // Highest index first: deleting a format renumbers the ones after it, never the ones before.
    for (const m of drop.sort((a, b) => b.index - a.index)) {
      m.cf.Delete();
      removed++;
    }
    for (const [address, severity] of wanted.get(sheet) ?? []) {
      const fill = MARK_FILL[severity];
      if (!fill || kept.has(address)) continue;
      const { r, c } = parseAddr(address);
      const cf = ws.Range(address).FormatConditions.Add(XL.expression, undefined, markFormula(severity, r, c));
      cf.Interior.Color = bgr(fill);
      // New rules may land below the clerk's own; a mark must show over them.
      if (typeof cf.SetFirstPriority === 'function') cf.SetFirstPriority();
      kept.set(address, severity);
      added++;
    }
    if (kept.size > 0) marks.set(sheet, kept);
  }
  return { added, removed, marks };
}
