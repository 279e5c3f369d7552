import type { Severity } from '../../core/model/finding';
import type { XlConditionalFormatCollection, XlContext } from '../xl';
import { MARK_FILL, markFormula, parseMarkFormula } from '../../core/marks/markStyle';
import { parseAddr } from '../../core/model/grid';

/**
 * Marks as conditional formats, recognised by their formula (markStyle.ts). A pass queues a scan
 * of the conditional formats of every sheet it reads with its read sync, then, once the findings
 * are known, deletes the marks no longer wanted and adds the missing ones in one write sync.
 * Nothing is remembered between passes: the workbook is the record.
 */

/** sheet id → cell address → severity */
export type MarkMap = Map<string, Map<string, Severity>>;

export type MarkScan = Map<string, XlConditionalFormatCollection>;

const SCAN_PROPS = 'items/type,items/customOrNullObject/rule/formula';

export function queueMarkScan(ctx: XlContext, sheetIds: readonly string[]): MarkScan {
  const scan: MarkScan = new Map();
  for (const id of sheetIds) {
    const coll = ctx.workbook.worksheets.getItem(id).getRange().conditionalFormats;
    coll.load(SCAN_PROPS);
    scan.set(id, coll);
  }
  return scan;
}

export interface MarkUpdate {
  added: number;
  removed: number;
  /** The marks in place once the queued writes are synced. */
  marks: MarkMap;
}

/**
 * Queues the deletes and adds that turn the scanned marks into `wanted` (nothing is queued when
 * they already agree). Only scanned sheets are marked: on any other, marks of an earlier session
 * could be there unseen, and adding would double them. `beforeFirstWrite` runs once, just before
 * the first delete or add is queued.
 */
export function queueMarkUpdate(
  ctx: XlContext,
  scan: MarkScan,
  wanted: MarkMap,
  beforeFirstWrite?: () => void,
): MarkUpdate {
  let writing = false;
  const write = (): void => {
    if (!writing) beforeFirstWrite?.();
    writing = true;
  };
  const marks: MarkMap = new Map();
  const keep = (sheetId: string, address: string, severity: Severity): void => {
    let cells = marks.get(sheetId);
    if (!cells) marks.set(sheetId, (cells = new Map()));
    cells.set(address, severity);
  };
  let removed = 0;
  for (const [sheetId, coll] of scan) {
    for (const cf of coll.items) {
      if (cf.type !== 'Custom' || cf.customOrNullObject.isNullObject) continue;
      const mark = parseMarkFormula(cf.customOrNullObject.rule.formula);
      if (!mark) continue; // the clerk's own conditional format: never touched
      const want = wanted.get(sheetId)?.get(mark.address);
      if (want === mark.severity && !marks.get(sheetId)?.has(mark.address)) keep(sheetId, mark.address, mark.severity);
      else {
        write();
        cf.delete();
        removed++;
      }
    }
  }
  let added = 0;
  for (const [sheetId, cells] of wanted) {
    if (!scan.has(sheetId)) continue;
    for (const [address, severity] of cells) {
      const fill = MARK_FILL[severity];
      if (!fill || marks.get(sheetId)?.has(address)) continue;
      const { r, c } = parseAddr(address);
      write();
      const cf = ctx.workbook.worksheets.getItem(sheetId).getRange(address).conditionalFormats.add('Custom');
      cf.custom.rule.formula = markFormula(severity, r, c);
      cf.custom.format.fill.color = fill;
      keep(sheetId, address, severity);
      added++;
    }
  }
  return { added, removed, marks };
}
