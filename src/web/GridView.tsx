import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
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

export function GridView({ sheet, marks, focus, involved }: GridViewProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(480);
  const [picked, setPicked] = useState<{ row: number; col: number }>();
  const rowCount = Math.max(sheet.rows.length, 1);
  const colCount = Math.max(sheetColCount(sheet), 1);

  const widths = useMemo(() => {
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

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setViewHeight(el.clientHeight || 480);
    measure();
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : undefined;
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);

  // A new sheet starts at its top unless a finding asked for a cell.
  useEffect(() => {
    if (box.current && !focus) {
      box.current.scrollTop = 0;
      box.current.scrollLeft = 0;
      setScrollTop(0);
    }
  }, [sheet, focus]);

  useEffect(() => {
    const el = box.current;
    if (!el || !focus) return;
    const top = Math.max(0, (focus.row + 1) * ROW_HEIGHT - el.clientHeight / 3);
    let left = 40;
    for (let c = 0; c < focus.col && c < widths.length; c++) left += widths[c];
    setPicked({ row: focus.row, col: focus.col });
    el.scrollTop = top;
    el.scrollLeft = Math.max(0, left - el.clientWidth / 3);
    setScrollTop(el.scrollTop);
  }, [focus, widths]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  const totalWidth = 40 + widths.reduce((a, b) => a + b, 0);

  const cover = useMemo(() => coverage(sheet), [sheet]);
  const body = [];
  for (let r = first; r < last; r++) {
    const row = sheet.rows[r];
    const cells = [];
    for (let c = 0; c < colCount; c++) {
      const m = cover.get(r * COL_STRIDE + c);
      let span: { colSpan: number; rowSpan: number } | undefined;
      let src = { r, c };
      if (m) {
        // A merge is drawn once, from its first row inside the rendered window.
        const anchorRow = Math.max(m.top, first);
        if (r !== anchorRow || c !== m.left) continue;
        span = { colSpan: m.right - m.left + 1, rowSpan: Math.min(m.bottom, last - 1) - anchorRow + 1 };
        src = { r: m.top, c: m.left };
      }
      const cell = src.r === r ? row?.[src.c] : sheet.rows[src.r]?.[src.c];
      const a = addr(src.r, src.c);
      const sev = marks?.get(addr(r, c)) ?? (m ? marks?.get(a) : undefined);
      const focused =
        focus !== undefined && (m ? inMerge(m, focus.row, focus.col) : focus.row === r && focus.col === c);
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
      cells.push(
        <td
          key={c}
          className={cls}
          onClick={() => setPicked({ row: src.r, col: src.c })}
          data-cell={addr(r, c)}
          data-sev={sev}
          colSpan={span?.colSpan}
          rowSpan={span?.rowSpan}
          title={cell?.formula ? `${a} = ${cell.formula}` : text ? `${a} ${text}` : a}
        >
          {text}
        </td>,
      );
    }
    body.push(
      <tr key={r} style={{ height: ROW_HEIGHT }}>
        <th className="rh" scope="row">
          {r + 1}
        </th>
        {cells}
      </tr>,
    );
  }

  const pickedCell = picked ? sheet.rows[picked.row]?.[picked.col] : undefined;
  return (
    <>
      <div className="cellbar" data-testid="cellbar" aria-live="polite">
        {picked ? (
          <>
            <b>{addr(picked.row, picked.col)}</b> {pickedCell?.formula ? `=${pickedCell.formula} → ` : ''}
            {pickedCell ? displayValue(pickedCell.value) : ''}
          </>
        ) : (
          '点击单元格查看完整内容'
        )}
      </div>
      <div
        className="grid-box"
        ref={box}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-sheet={sheet.name}
        role="region"
        aria-label={`工作表 ${sheet.name}`}
      >
        <table className="grid" style={{ width: totalWidth }}>
          <colgroup>
            <col style={{ width: 40 }} />
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
          <tbody>
            {first > 0 && (
              <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }}>
                <td colSpan={colCount + 1} className="spacer" />
              </tr>
            )}
            {body}
            {last < rowCount && (
              <tr aria-hidden="true" style={{ height: (rowCount - last) * ROW_HEIGHT }}>
                <td colSpan={colCount + 1} className="spacer" />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
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
