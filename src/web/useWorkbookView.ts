import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../core/model/finding';
import { parseAddr, type Workbook } from '../core/model/grid';
import { RECORD_SHEET } from '../core/forms/sync';
import { TABLES } from '../core/templates/tables';
import { cellMarks, involvedCells } from './findingMarks';
import type { GridFocus } from './GridView';
import type { XlsxFileAdapter } from './fileAdapter';

/** Sheet name → the standard tables the locator found on it (a stacked sheet holds several). */
function recognisedBySheet(adapter: XlsxFileAdapter): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const t of Object.values(adapter.lastAnalysis?.disclosure.tables ?? {})) {
    if (!t) continue;
    const def = TABLES.find((d) => d.id === t.id);
    m.set(t.sheet, [...(m.get(t.sheet) ?? []), def ? def.sheetName : t.id]);
  }
  return m;
}

/**
 * What the right-hand side shows, kept in step with the adapter: the workbook's sheets, which
 * one is open, the cell a finding asked for (`focus`), and the findings' marks. A finding the
 * pane selects switches sheet and focuses its cell; `onSelectError` hears when it cannot.
 */
export function useWorkbookView(adapter: XlsxFileAdapter, onSelectError: (text: string) => void) {
  const [grid, setGrid] = useState<Workbook>();
  const [findings, setFindings] = useState<Finding[]>([]);
  const [recognised, setRecognised] = useState<Map<string, string[]>>(new Map());
  const [sheetIndex, setSheetIndex] = useState(0);
  const [focus, setFocus] = useState<GridFocus>();
  const seq = useRef(0);
  const sheetsRef = useRef<Workbook['sheets']>([]);
  // The forms' 预填记录 sheet is hidden in Excel; hidden here too.
  const sheets = useMemo(() => (grid?.sheets ?? []).filter((s) => s.name !== RECORD_SHEET), [grid]);
  sheetsRef.current = sheets;

  useEffect(() => adapter.onGridChanged(setGrid), [adapter]);
  useEffect(
    () =>
      adapter.onFindingsChanged((s) => {
        setFindings(s.findings);
        setRecognised(recognisedBySheet(adapter));
      }),
    [adapter],
  );
  useEffect(
    () =>
      adapter.onSelect(({ sheet, cell }) => {
        const i = sheetsRef.current.findIndex((s) => s.name === sheet);
        if (i < 0) return;
        try {
          const { r, c } = parseAddr(cell.split(':')[0]);
          setSheetIndex(i);
          setFocus({ row: r, col: c, seq: ++seq.current });
        } catch {
          onSelectError(`无法定位到 ${sheet}!${cell}`);
        }
      }),
    [adapter, onSelectError],
  );

  /** Opens sheet `i` at its top (no focused cell). */
  const showSheet = useCallback((i: number) => {
    setSheetIndex(i);
    setFocus(undefined);
  }, []);

  const sheet = sheets[Math.min(sheetIndex, Math.max(sheets.length - 1, 0))];
  const marks = useMemo(() => cellMarks(findings), [findings]);
  const involved = useMemo(
    () => (sheet && focus ? involvedCells(findings, sheet.name, focus) : undefined),
    [findings, sheet, focus],
  );

  return { loaded: grid !== undefined, sheets, sheetIndex, sheet, focus, marks, involved, recognised, showSheet };
}

export type WorkbookView = ReturnType<typeof useWorkbookView>;
