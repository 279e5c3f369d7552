import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Severity } from '../core/model/finding';
import type { Merge, Sheet } from '../core/model/grid';
import { addr, columnLetter, sheetColCount } from '../core/model/grid';
import { columnWidthPx, displayValue } from './cellText';

/**
 * Read-only view of one sheet. Only the rows in view (plus a margin) are in the DOM, so a
 * 300-project 表12 or a workbook with hundreds of form sheets stays responsive; columns are
 * all rendered (disclosure tables are at most a dozen or so columns wide).
 */
export const ROW_HEIGHT = 24;
const OVERSCAN = 20;
const WIDTH_SAMPLE_ROWS = 300;

export interface GridFocus {
  row: number;
  col: number;
  /** Changes on every click so clicking the same finding twice scrolls again. */
  seq: number;
}

export interface GridViewProps {
  sheet: Sheet;
  marks?: Map<string, Severity>;
  focus?: GridFocus;
  /** Other cells of the selected finding(s) on this sheet (the addends of a failed sum …). */
  involved?: ReadonlySet<string>;
}

interface CellPos {
  row: number;
  col: number;
}

/** Width of the row-number column, px. */
const ROW_HEADER_WIDTH = 40;

export function GridView({ sheet, marks, focus, involved }: GridViewProps) {
  const box = useRef<HTMLDivElement>(null);
  const [picked, setPicked] = useState<CellPos>();
  const rowCount = Math.max(sheet.rows.length, 1);
  const colCount = Math.max(sheetColCount(sheet), 1);
  const widths = useColumnWidths(sheet, colCount);
  const viewHeight = useViewHeight(box);
  const [scrollTop, setScrollTop] = useScrollToFocus(box, sheet, focus, widths, setPicked);
  const cover = useMemo(() => coverage(sheet), [sheet]);

  const { first, last } = rowWindow(scrollTop, viewHeight, rowCount);
  const totalWidth = ROW_HEADER_WIDTH + widths.reduce((a, b) => a + b, 0);
  const ctx: RowContext = { sheet, cover, colCount, first, last, marks, focus, involved, pick: setPicked };
  const body = [];
  for (let r = first; r < last; r++) body.push(<GridRow key={r} r={r} ctx={ctx} />);

  return (
    <>
      <CellBar sheet={sheet} picked={picked} />
      <div
        className="grid-box"
        ref={box}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-sheet={sheet.name}
        role="region"
        aria-label={`工作表 ${sheet.name}`}
      >
        <table className="grid" style={{ width: totalWidth }}>
          <ColumnHeads widths={widths} />
          <tbody>
            <Spacer rows={first} colCount={colCount} />
            {body}
            <Spacer rows={rowCount - last} colCount={colCount} />
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Column widths from the texts of the first rows, so a wide table opens readable. */
function useColumnWidths(sheet: Sheet, colCount: number): number[] {
  return useMemo(() => {
    const cover = coverage(sheet);
    const w: number[] = [];
    for (let c = 0; c < colCount; c++) {
      const texts: string[] = [];
      for (let r = 0; r < Math.min(sheet.rows.length, WIDTH_SAMPLE_ROWS); r++) {
        const cell = sheet.rows[r]?.[c];
        // Titles merged across the table would make their first column huge.
        if (cell && !isMergedAcrossColumns(cover, r, c)) texts.push(displayValue(cell.value));
      }
      // A one-column sheet (情况说明) may use the width a paragraph needs.
      w.push(columnWidthPx(texts, 44, colCount === 1 ? 900 : 280));
    }
    return w;
  }, [sheet, colCount]);
}

/** The grid box's visible height, kept current as the page is resized. */
function useViewHeight(box: RefObject<HTMLDivElement | null>): number {
  const [viewHeight, setViewHeight] = useState(480);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setViewHeight(el.clientHeight || 480);
    measure();
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : undefined;
    ro?.observe(el);
    return () => ro?.disconnect();
  }, [box]);
  return viewHeight;
}

/**
 * The scroll position, and the scrolling a finding asks for: a new sheet starts at its top, a
 * focused cell is brought a third of the way into view and shown in the cell bar (`pick`).
 */
function useScrollToFocus(
  box: RefObject<HTMLDivElement | null>,
  sheet: Sheet,
  focus: GridFocus | undefined,
  widths: number[],
  pick: (p: CellPos) => void,
): [number, (top: number) => void] {
  const [scrollTop, setScrollTop] = useState(0);

  useEffect(() => {
    if (box.current && !focus) {
      box.current.scrollTop = 0;
      box.current.scrollLeft = 0;
      setScrollTop(0);
    }
  }, [box, sheet, focus]);

  useEffect(() => {
    const el = box.current;
    if (!el || !focus) return;
    const top = Math.max(0, (focus.row + 1) * ROW_HEIGHT - el.clientHeight / 3);
    let left = ROW_HEADER_WIDTH;
    for (let c = 0; c < focus.col && c < widths.length; c++) left += widths[c];
    pick({ row: focus.row, col: focus.col });
    el.scrollTop = top;
    el.scrollLeft = Math.max(0, left - el.clientWidth / 3);
    setScrollTop(el.scrollTop);
  }, [box, focus, widths, pick]);

  return [scrollTop, setScrollTop];
}

/** The rows to put in the DOM: those in view plus OVERSCAN either side. */
function rowWindow(scrollTop: number, viewHeight: number, rowCount: number): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  return { first, last };
}

/** The picked cell's address, formula and full value (a grid cell shows at most its width). */
function CellBar({ sheet, picked }: { sheet: Sheet; picked?: CellPos }) {
  const cell = picked ? sheet.rows[picked.row]?.[picked.col] : undefined;
  return (
    <div className="cellbar" data-testid="cellbar" aria-live="polite">
      {picked ? (
        <>
          <b>{addr(picked.row, picked.col)}</b> {cell?.formula ? `=${cell.formula} → ` : ''}
          {cell ? displayValue(cell.value) : ''}
        </>
      ) : (
        '点击单元格查看完整内容'
      )}
    </div>
  );
}

/** Column widths and the lettered header row (A, B, C …) under the row-number corner. */
function ColumnHeads({ widths }: { widths: number[] }) {
  return (
    <>
      <colgroup>
        <col style={{ width: ROW_HEADER_WIDTH }} />
        {widths.map((w, i) => (
          <col key={i} style={{ width: w }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className="corner" />
          {widths.map((_, i) => (
            <th key={i} className="ch" scope="col">
              {columnLetter(i)}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}

/** Stands in for `rows` rows outside the rendered window, so the scrollbar is true. */
function Spacer({ rows, colCount }: { rows: number; colCount: number }) {
  if (rows <= 0) return null;
  return (
    <tr aria-hidden="true" style={{ height: rows * ROW_HEIGHT }}>
      <td colSpan={colCount + 1} className="spacer" />
    </tr>
  );
}

/** What every rendered row needs to know. */
interface RowContext {
  sheet: Sheet;
  cover: Map<number, Merge>;
  colCount: number;
  first: number;
  last: number;
  marks?: Map<string, Severity>;
  focus?: GridFocus;
  involved?: ReadonlySet<string>;
  pick: (p: CellPos) => void;
}

/** One sheet row: its number, then its cells. */
function GridRow({ r, ctx }: { r: number; ctx: RowContext }) {
  const cells = [];
  for (let c = 0; c < ctx.colCount; c++) {
    const at = placement(ctx, r, c);
    if (at) cells.push(cellElement(ctx, r, c, at));
  }
  return (
    <tr style={{ height: ROW_HEIGHT }}>
      <th className="rh" scope="row">
        {r + 1}
      </th>
      {cells}
    </tr>
  );
}

interface Placement {
  /** The cell whose content is shown (a merge's top-left). */
  src: { r: number; c: number };
  merge?: Merge;
  span?: { colSpan: number; rowSpan: number };
}

/**
 * How cell (r, c) is drawn, or undefined when a merge covering it is drawn from another cell:
 * a merge is drawn once, from its first row inside the rendered window.
 */
function placement(ctx: RowContext, r: number, c: number): Placement | undefined {
  const m = ctx.cover.get(r * COL_STRIDE + c);
  if (!m) return { src: { r, c } };
  const anchorRow = Math.max(m.top, ctx.first);
  if (r !== anchorRow || c !== m.left) return undefined;
  const span = { colSpan: m.right - m.left + 1, rowSpan: Math.min(m.bottom, ctx.last - 1) - anchorRow + 1 };
  return { src: { r: m.top, c: m.left }, merge: m, span };
}

/** One cell with its mark (severity), focus, involvement and formula shown as classes. */
function cellElement(ctx: RowContext, r: number, c: number, { src, merge: m, span }: Placement) {
  const { sheet, marks, focus, involved, pick } = ctx;
  const cell = sheet.rows[src.r]?.[src.c];
  const a = addr(src.r, src.c);
  const sev = marks?.get(addr(r, c)) ?? (m ? marks?.get(a) : undefined);
  const focused = focus !== undefined && (m ? inMerge(m, focus.row, focus.col) : focus.row === r && focus.col === c);
  const text = cell ? displayValue(cell.value) : '';
  const cls = [
    'c',
    typeof cell?.value === 'number' ? 'num' : '',
    sev ? `sev-${sev}` : '',
    focused ? 'focus' : '',
    !focused && involved?.has(a) ? 'involved' : '',
    cell?.formula ? 'fx' : '',
    m ? 'merged' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <td
      key={c}
      className={cls}
      onClick={() => pick({ row: src.r, col: src.c })}
      data-cell={addr(r, c)}
      data-sev={sev}
      colSpan={span?.colSpan}
      rowSpan={span?.rowSpan}
      title={cell?.formula ? `${a} = ${cell.formula}` : text ? `${a} ${text}` : a}
    >
      {text}
    </td>
  );
}

/** Row-major key of a cell; no disclosure sheet comes near this many columns. */
const COL_STRIDE = 16384;

function inMerge(m: Merge, r: number, c: number): boolean {
  return m.top <= r && r <= m.bottom && m.left <= c && c <= m.right;
}

/** Cell key → the multi-cell merge covering it. */
function coverage(sheet: Sheet): Map<number, Merge> {
  const map = new Map<number, Merge>();
  for (const m of sheet.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) map.set(r * COL_STRIDE + c, m);
  }
  return map;
}

function isMergedAcrossColumns(cover: Map<number, Merge>, r: number, c: number): boolean {
  const m = cover.get(r * COL_STRIDE + c);
  return m !== undefined && m.right > m.left;
}
