import type { CellStyle, SheetPlan, StyleName } from '../core/templates/plan';
import { columnWidthRuns, foldRects, GENERAL, prepareSheet, rectAddress } from '../core/templates/planLayout';
import { chooseNames, type SheetConflict } from '../core/templates/sheetNames';
import { STYLES } from '../core/templates/styles';
import { isStaleReference, quoteSheet, tagToDefinedName } from '../core/templates/tagNames';
import { XL, bgr, type EtApplication, type EtRange, type EtWorkbook, type EtWorksheet } from './et';
import { activeWorkbook } from './read';

/**
 * Inserts SheetPlans as new sheets at the end of the active workbook, in calls that grow with the
 * layout's shape (style and number-format rectangles, merges, width runs), not with its cells:
 * each sheet's contents go in as one 2-D `Formula` array. Nothing that exists is overwritten:
 * taken names come back as conflicts with a proposed free name (core's sheet-name rules), and
 * nothing is written until the caller passes the clerk's choice.
 */
export interface WpsInsertOptions {
  renames?: Record<string, string>;
  styles?: Record<StyleName, CellStyle>;
  onProgress?: (p: { done: number; total: number; message: string }) => void;
}

export interface WpsInsertedSheet {
  tag: string;
  name: string;
  /** Undefined when another sheet already carries this tag (a second copy of the table). */
  definedName?: string;
}

export type WpsInsertResult =
  | { status: 'conflicts'; conflicts: SheetConflict[] }
  | { status: 'inserted'; sheets: WpsInsertedSheet[]; notes: string[] };

interface ExistingName {
  refersTo: unknown;
  delete: () => void;
}

export function insertTemplatesEt(
  app: EtApplication,
  plans: SheetPlan[],
  opts: WpsInsertOptions = {},
): WpsInsertResult {
  const wb = activeWorkbook(app);
  const report = (done: number, message: string): void => opts.onProgress?.({ done, total: plans.length, message });
  report(0, '正在读取现有工作表…');
  const sheets = wb.Worksheets;
  const count = sheets.Count;
  const existing: string[] = [];
  for (let i = 1; i <= count; i++) existing.push(sheets.Item(i).Name);
  const { targets, conflicts } = chooseNames(plans, existing, opts.renames ?? {});
  if (conflicts.length > 0) return { status: 'conflicts', conflicts };

  const names = definedNames(wb);
  const styles = opts.styles ?? STYLES;
  const inserted: WpsInsertedSheet[] = [];
  const notes = new Set<string>();
  let last = count > 0 ? sheets.Item(count) : undefined;
  const added: { ws: EtWorksheet; plan: SheetPlan }[] = [];
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i];
    const ws = last ? sheets.Add(undefined, last) : sheets.Add();
    ws.Name = targets[i];
    added.push({ ws, plan });
    last = ws;
    writeSheet(ws, plan, styles);
    if (!printSetup(ws, plan)) notes.add('打印设置（A4、适合页宽）未能应用，请在“页面布局”中设置');
    inserted.push({ tag: plan.tag, name: targets[i], definedName: tagSheet(wb, names, plan.tag, targets[i]) });
    report(i + 1, `已写入 ${targets[i]}`);
  }
  // Freezing works on the window of the active sheet, so each new sheet is visited once.
  for (const { ws, plan } of added) {
    if (!plan.freezeRows) continue;
    ws.Activate();
    if (!freezeTop(app, plan.freezeRows)) notes.add('未能冻结表头行，请在“视图”中冻结窗格');
  }
  added[0]?.ws.Activate();
  report(plans.length, '插入完成');
  return { status: 'inserted', sheets: inserted, notes: [...notes] };
}

function definedNames(wb: EtWorkbook): Map<string, ExistingName> {
  const out = new Map<string, ExistingName>();
  const names = wb.Names;
  const count = names.Count;
  for (let i = 1; i <= count; i++) {
    const n = names.Item(i);
    out.set(n.Name.toUpperCase(), { refersTo: n.RefersTo, delete: () => n.Delete() });
  }
  return out;
}

/**
 * A tag name exists once per workbook. A stale one (its sheet deleted, `#REF!`) is ours and is
 * replaced; a live one belongs to the first copy, so a second copy stays untagged.
 */
function tagSheet(wb: EtWorkbook, names: Map<string, ExistingName>, tag: string, sheet: string): string | undefined {
  const definedName = tagToDefinedName(tag);
  const old = names.get(definedName.toUpperCase());
  if (old && !isStaleReference(old.refersTo)) return undefined;
  old?.delete();
  const refersTo = `=${quoteSheet(sheet)}!$A$1`;
  wb.Names.Add(definedName, refersTo);
  names.set(definedName.toUpperCase(), { refersTo, delete: () => undefined });
  return definedName;
}

function writeSheet(ws: EtWorksheet, plan: SheetPlan, styles: Record<StyleName, CellStyle>): void {
  const p = prepareSheet(plan, styles);
  // Number formats first: a code such as 201 must land in a '@' cell to stay text.
  const formatAt = p.numberFormat.map((row) => row.map((f) => (f === GENERAL ? undefined : f)));
  for (const rect of foldRects(formatAt)) ws.Range(rectAddress(rect)).NumberFormat = rect.style;
  ws.Range(rectAddress({ top: 0, left: 0, bottom: p.rows - 1, right: p.cols - 1 })).Formula = p.formulas;
  for (const rect of p.rects) {
    const style = styles[rect.style];
    if (style) applyStyle(ws.Range(rectAddress(rect)), style, rect.bottom > rect.top, rect.right > rect.left);
  }
  for (const m of plan.merges) ws.Range(rectAddress(m)).Merge(false);
  // ColumnWidth is in characters, the unit SheetPlan uses (no conversion to points here).
  for (const run of columnWidthRuns(plan.columnWidths)) ws.Range(run.address).ColumnWidth = run.width;
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    const r = Number(row) + 1;
    ws.Range(`${r}:${r}`).RowHeight = height;
  }
}

const H_ALIGN = { left: XL.left, center: XL.center, right: XL.right } as const;
const V_ALIGN = { top: XL.top, middle: XL.center, bottom: XL.bottom } as const;

function applyStyle(range: EtRange, style: CellStyle, multiRow: boolean, multiCol: boolean): void {
  if (style.bold !== undefined) range.Font.Bold = style.bold;
  if (style.size !== undefined) range.Font.Size = style.size;
  if (style.hAlign) range.HorizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) range.VerticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) range.WrapText = style.wrap;
  if (style.fill) range.Interior.Color = bgr(style.fill);
  if (style.indent) range.IndentLevel = style.indent;
  if (style.border) {
    const edges: number[] = [XL.edgeTop, XL.edgeBottom, XL.edgeLeft, XL.edgeRight];
    if (multiRow) edges.push(XL.insideHorizontal);
    if (multiCol) edges.push(XL.insideVertical);
    const borders = range.Borders;
    for (const e of edges) borders.Item(e).LineStyle = XL.continuous;
  }
}

/** A4, orientation, fit to one page wide. A host refusing it must not undo the table: false. */
function printSetup(ws: EtWorksheet, plan: SheetPlan): boolean {
  try {
    const ps = ws.PageSetup;
    ps.PaperSize = XL.paperA4;
    ps.Orientation = plan.print.orientation === 'landscape' ? XL.landscape : XL.portrait;
    if (plan.print.fitToWidth) {
      ps.Zoom = false;
      ps.FitToPagesWide = 1;
      ps.FitToPagesTall = false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Freezes the title and header rows of the active sheet (Window.SplitRow + FreezePanes). */
function freezeTop(app: EtApplication, rows: number): boolean {
  const win = app.ActiveWindow;
  if (!win) return false;
  try {
    win.FreezePanes = false;
    win.SplitColumn = 0;
    win.SplitRow = rows;
    win.FreezePanes = true;
    return true;
  } catch {
    return false;
  }
}
