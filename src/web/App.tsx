import { Button, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Finding } from '../core/model/finding';
import { parseAddr, type Workbook } from '../core/model/grid';
import { RECORD_SHEET } from '../core/forms/sync';
import { TABLES } from '../core/templates/tables';
import { App as PaneApp } from '../taskpane/components/App';
import { cellMarks, involvedCells } from './findingMarks';
import { GridView, type GridFocus } from './GridView';
import { downloadBytes, outputName } from './download';
import type { XlsxFileAdapter } from './fileAdapter';

export const EXAMPLE_URL = 'example/datong-2024.xlsx';
/** Beyond this many sheets (a form per project) a drop-down is quicker than scrolling tabs. */
const MANY_SHEETS = 20;
export const EXAMPLE_NAME = '大同市人社局2024（示例）.xlsx';

interface Status {
  kind: 'info' | 'error';
  text: string;
}

export interface WebAppProps {
  adapter: XlsxFileAdapter;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

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

/** The active sheet tab stays visible when a finding switches to a far-away sheet. */
const keepInView = (el: HTMLButtonElement | null) => el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });

/** Lets the spinner paint before a long synchronous engine run. */
const nextFrame = () => new Promise<void>((ok) => setTimeout(ok, 0));

/**
 * The page: a toolbar for what only a file needs (open, example, 写入情况说明, 下载), the task
 * pane's own pages on the left (校验 lists the findings; clicking one selects the cell), and the
 * workbook as a read-only grid on the right.
 */
export function WebApp({ adapter }: WebAppProps) {
  const [grid, setGrid] = useState<Workbook>();
  const [fileName, setFileName] = useState<string>();
  const [findings, setFindings] = useState<Finding[]>([]);
  const [recognised, setRecognised] = useState<Map<string, string[]>>(new Map());
  const [sheetIndex, setSheetIndex] = useState(0);
  const [focus, setFocus] = useState<GridFocus>();
  const [busy, setBusy] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [dragOver, setDragOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
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
          setStatus({ kind: 'error', text: `无法定位到 ${sheet}!${cell}` });
        }
      }),
    [adapter],
  );

  const run = useCallback(async (label: string, job: () => Promise<string | void>) => {
    setBusy(label);
    setStatus(undefined);
    await nextFrame();
    try {
      const done = await job();
      if (done) setStatus({ kind: 'info', text: done });
    } catch (e) {
      setStatus({ kind: 'error', text: `${label}失败：${message(e)}` });
    } finally {
      setBusy(undefined);
    }
  }, []);

  const openBytes = useCallback(
    async (name: string, bytes: Uint8Array): Promise<string> => {
      const summary = await adapter.open(name, bytes);
      setFileName(name);
      setSheetIndex(0);
      setFocus(undefined);
      return `已打开“${name}”：识别出 ${summary.tables.length} 张公开表，发现 ${summary.findings.length} 条问题。`;
    },
    [adapter],
  );

  const openFile = useCallback(
    (file: File) => run('打开文件', async () => openBytes(file.name, new Uint8Array(await file.arrayBuffer()))),
    [run, openBytes],
  );

  const loadExample = () =>
    run('载入示例', async () => {
      const res = await fetch(EXAMPLE_URL);
      if (!res.ok) throw new Error(`示例工作簿不在页面目录中（${res.status}）`);
      return openBytes(EXAMPLE_NAME, new Uint8Array(await res.arrayBuffer()));
    });

  const insertMissing = () =>
    run('插入缺少的表', async () => {
      const { inserted } = await adapter.insertMissingTables();
      return inserted.length === 0
        ? '13 张公开表都已存在，无需插入'
        : `已插入 ${inserted.length} 张表：${inserted.join('、')}`;
    });

  const buildForms = () =>
    run('生成绩效目标表', async () => {
      const out = await adapter.syncForms();
      if (out.status === 'unavailable') return out.message;
      return [`绩效目标表：新增 ${out.added.length} 张`, ...out.notes].join('；');
    });

  const writeNarrative = () =>
    run('写入情况说明', async () => {
      await adapter.writeNarrative();
      return '已写入工作表“情况说明”（第三部分 情况说明），请补充上年数和原因等表中没有的内容';
    });

  const download = () =>
    run('下载', async () => {
      const name = outputName(fileName ?? '预算公开.xlsx');
      downloadBytes(await adapter.fileBytes(), name);
      return `已下载“${name}”`;
    });

  const sheet = sheets[Math.min(sheetIndex, Math.max(sheets.length - 1, 0))];
  const marks = useMemo(() => cellMarks(findings), [findings]);
  const involved = useMemo(
    () => (sheet && focus ? involvedCells(findings, sheet.name, focus) : undefined),
    [findings, sheet, focus],
  );

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragOver(false);
    const f = e.dataTransfer.files[0];
    if (f) void openFile(f);
  };

  const loaded = grid !== undefined;
  return (
    <div
      className="app"
      onDragOver={(e) => {
        e.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={onDrop}
    >
      <div className="topbar" role="toolbar" aria-label="文件操作">
        <h1>预算公开助手</h1>
        <Button appearance="primary" size="small" onClick={() => input.current?.click()} disabled={!!busy}>
          打开 .xlsx
        </Button>
        <Button size="small" onClick={() => void loadExample()} disabled={!!busy}>
          载入示例
        </Button>
        <Button size="small" onClick={() => void insertMissing()} disabled={!loaded || !!busy}>
          插入缺少的表
        </Button>
        <Button size="small" onClick={() => void buildForms()} disabled={!loaded || !!busy}>
          生成/更新绩效目标表
        </Button>
        <Button size="small" onClick={() => void writeNarrative()} disabled={!loaded || !!busy}>
          写入情况说明
        </Button>
        <Button size="small" onClick={() => void download()} disabled={!loaded || !!busy}>
          下载
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          data-testid="file-input"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (f) void openFile(f);
          }}
        />
        {fileName && (
          <span className="filename" title={fileName}>
            {fileName}
          </span>
        )}
      </div>
      {busy && (
        <div className="status" role="status">
          <Spinner size="tiny" label={`${busy}…`} labelPosition="after" />
        </div>
      )}
      {status && (
        <div
          className={`status ${status.kind}`}
          role={status.kind === 'error' ? 'alert' : 'status'}
          data-testid="status"
        >
          {status.text}
        </div>
      )}
      <div className="main">
        <div className="side" data-testid="pane">
          <PaneApp adapter={adapter} initialPage="validate" />
        </div>
        <div className="content">
          {!loaded ? (
            <div className={`drop${dragOver ? ' over' : ''}`} data-testid="drop">
              把预算公开工作簿（.xlsx）拖到这里，或点击“打开 .xlsx”。文件只在本机浏览器中处理，不会上传。
              <br />
              没有现成文件？点击“载入示例”查看大同市人社局 2024 年单位预算公开表（含真实的尾差和科目名称问题）。
            </div>
          ) : (
            <>
              {sheets.length > MANY_SHEETS && (
                <select
                  className="sheetpick"
                  aria-label="选择工作表"
                  value={sheetIndex}
                  onChange={(e) => {
                    setSheetIndex(Number(e.currentTarget.value));
                    setFocus(undefined);
                  }}
                >
                  {sheets.map((s, i) => (
                    <option key={s.name} value={i}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
              <div className="sheettabs" role="tablist" aria-label="工作表">
                {sheets.map((s, i) => {
                  const n = marks.get(s.name)?.size ?? 0;
                  return (
                    <button
                      key={s.name}
                      type="button"
                      role="tab"
                      aria-selected={i === sheetIndex}
                      className={[i === sheetIndex ? 'on' : '', recognised.has(s.name) ? 'table' : '']
                        .filter(Boolean)
                        .join(' ')}
                      title={recognised.has(s.name) ? `已识别：${recognised.get(s.name)?.join('、')}` : undefined}
                      ref={i === sheetIndex ? keepInView : undefined}
                      onClick={() => {
                        setSheetIndex(i);
                        setFocus(undefined);
                      }}
                    >
                      {s.name}
                      {n > 0 && (
                        <span className="badge" aria-label={`${n} 个问题单元格`}>
                          {n}
                        </span>
                      )}
                    </button>
                  );
                })}
              </div>
              {sheet ? (
                <GridView
                  key={sheet.name}
                  sheet={sheet}
                  marks={marks.get(sheet.name)}
                  focus={focus}
                  involved={involved}
                />
              ) : (
                <div className="empty">工作簿中没有工作表</div>
              )}
            </>
          )}
        </div>
      </div>
    </div>
  );
}
