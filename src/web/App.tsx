import { Button, Spinner } from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Finding } from '../core/model/finding';
import type { Analysis, WebEngine } from './engine';
import { cellMarks, primaryTarget, sortFindings } from './findingMarks';
import { FindingsPanel } from './FindingsPanel';
import { GridView, type GridFocus } from './GridView';
import { downloadBytes, outputName } from './download';
import { XlsxSession, type PlanWriter } from './xlsxSession';

export const EXAMPLE_URL = 'example/datong-2024.xlsx';
export const EXAMPLE_NAME = '大同市人社局2024（示例）.xlsx';

interface Status {
  kind: 'info' | 'error';
  text: string;
}

export interface AppProps {
  engine: WebEngine;
  writePlans: PlanWriter;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Lets the spinner paint before a long synchronous engine run. */
const nextFrame = () => new Promise<void>((ok) => setTimeout(ok, 0));

export function App({ engine, writePlans }: AppProps) {
  const [session, setSession] = useState<XlsxSession>();
  const [analysis, setAnalysis] = useState<Analysis>();
  const [sheetIndex, setSheetIndex] = useState(0);
  const [focus, setFocus] = useState<GridFocus>();
  const [active, setActive] = useState<Finding>();
  const [busy, setBusy] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [dragOver, setDragOver] = useState(false);
  const [version, setVersion] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

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

  const analyze = useCallback(
    (s: XlsxSession): Analysis => {
      const a = engine.analyze(s.grid);
      setAnalysis(a);
      setVersion((v) => v + 1);
      return a;
    },
    [engine],
  );

  const openBytes = useCallback(
    (name: string, bytes: Uint8Array) =>
      run('打开文件', async () => {
        if (!/\.xlsx$/i.test(name)) throw new Error(`“${name}”不是 .xlsx 文件；旧版 .xls 或 WPS 的 .et 文件请先另存为 .xlsx`);
        const s = await XlsxSession.open(engine, name, bytes);
        setSession(s);
        setSheetIndex(0);
        setFocus(undefined);
        setActive(undefined);
        const a = analyze(s);
        const found = Object.keys(a.disclosure.tables).length;
        return `已打开“${name}”：识别出 ${found} 张公开表，发现 ${a.findings.length} 条问题。`;
      }),
    [engine, run, analyze],
  );

  const openFile = useCallback(
    async (file: File) => openBytes(file.name, new Uint8Array(await file.arrayBuffer())),
    [openBytes],
  );

  const loadExample = useCallback(
    () =>
      run('载入示例', async () => {
        const res = await fetch(EXAMPLE_URL);
        if (!res.ok) throw new Error(`示例工作簿不在页面目录中（${res.status}）`);
        await openBytes(EXAMPLE_NAME, new Uint8Array(await res.arrayBuffer()));
      }),
    [run, openBytes],
  );

  const act = useCallback(
    (label: string, job: (s: XlsxSession, a: Analysis) => Promise<string>) => {
      if (!session || !analysis) return;
      void run(label, async () => {
        const text = await job(session, analysis);
        const a = analyze(session);
        return `${text}（现有 ${a.findings.length} 条问题）`;
      });
    },
    [session, analysis, run, analyze],
  );

  const insertMissing = () =>
    act('插入缺少的表', async (s, a) => {
      const plans = engine.missingTablePlans(a, s.grid);
      if (plans.length === 0) return '13 张公开表都已存在，无需插入';
      await s.applyPlans(plans, writePlans);
      return `已插入 ${plans.length} 张表：${plans.map((p) => p.name).join('、')}`;
    });

  const buildForms = () =>
    act('生成绩效目标表', async (s, a) => {
      const plans = engine.formPlans(a, s.grid);
      if (plans.length === 0) return '表12 中没有项目，未生成绩效目标表';
      await s.applyPlans(plans, writePlans);
      return `已生成/更新 ${plans.length} 张绩效目标表`;
    });

  const writeNarrative = () =>
    act('写入情况说明', async (s, a) => {
      await s.writeNarrative(engine.narrative(a));
      return '已写入工作表“情况说明”';
    });

  const download = () => {
    if (!session) return;
    void run('下载', async () => {
      const name = outputName(session.fileName);
      downloadBytes(await session.toBytes(), name);
      return `已下载“${name}”`;
    });
  };

  const sheets = session?.grid.sheets ?? [];
  const sheet = sheets[Math.min(sheetIndex, Math.max(sheets.length - 1, 0))];
  const findings = useMemo(
    () => (analysis ? sortFindings(analysis.findings, sheets.map((s) => s.name)) : []),
    [analysis, version],
  );
  const marks = useMemo(() => cellMarks(findings), [findings]);

  const selectFinding = (f: Finding) => {
    setActive(f);
    const t = primaryTarget(f);
    if (!t) {
      setStatus({ kind: 'info', text: `该问题不对应具体单元格：${f.message}` });
      return;
    }
    const i = sheets.findIndex((s) => s.name === t.sheet);
    if (i < 0) {
      setStatus({ kind: 'error', text: `找不到工作表“${t.sheet}”` });
      return;
    }
    setSheetIndex(i);
    setFocus({ row: t.row, col: t.col, seq: ++seq.current });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragOver(false);
    const f = e.dataTransfer.files[0];
    if (f) void openFile(f);
  };

  const loaded = session !== undefined && analysis !== undefined;
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
      <div className="topbar" role="toolbar" aria-label="操作">
        <h1>预算公开助手</h1>
        <Button appearance="primary" size="small" onClick={() => input.current?.click()} disabled={!!busy}>
          打开 .xlsx
        </Button>
        <Button size="small" onClick={loadExample} disabled={!!busy}>
          载入示例
        </Button>
        <Button size="small" onClick={insertMissing} disabled={!loaded || !!busy}>
          插入缺少的表
        </Button>
        <Button size="small" onClick={buildForms} disabled={!loaded || !!busy}>
          生成/更新绩效目标表
        </Button>
        <Button size="small" onClick={writeNarrative} disabled={!loaded || !!busy}>
          写入情况说明
        </Button>
        <Button size="small" onClick={download} disabled={!loaded || !!busy}>
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
        {session && <span className="filename" title={session.fileName}>{session.fileName}</span>}
      </div>
      {busy && (
        <div className="status" role="status">
          <Spinner size="tiny" label={`${busy}…`} labelPosition="after" />
        </div>
      )}
      {status && (
        <div className={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="status">
          {status.text}
        </div>
      )}
      {!loaded ? (
        <div className={`drop${dragOver ? ' over' : ''}`} data-testid="drop">
          把预算公开工作簿（.xlsx）拖到这里，或点击“打开 .xlsx”。文件只在本机浏览器中处理，不会上传。
          <br />
          没有现成文件？点击“载入示例”查看大同市人社局 2024 年单位预算公开表。
        </div>
      ) : (
        <div className="main">
          <div className="side">
            <FindingsPanel findings={findings} active={active} onSelect={selectFinding} />
          </div>
          <div className="content">
            <div className="sheettabs" role="tablist" aria-label="工作表">
              {sheets.map((s, i) => {
                const n = marks.get(s.name)?.size ?? 0;
                return (
                  <button
                    key={s.name}
                    type="button"
                    role="tab"
                    aria-selected={i === sheetIndex}
                    className={i === sheetIndex ? 'on' : ''}
                    onClick={() => {
                      setSheetIndex(i);
                      setFocus(undefined);
                    }}
                  >
                    {s.name}
                    {n > 0 && <span className="badge">{n}</span>}
                  </button>
                );
              })}
            </div>
            {sheet ? <GridView key={sheet.name} sheet={sheet} marks={marks.get(sheet.name)} focus={focus} /> : <div className="empty">工作簿中没有工作表</div>}
          </div>
        </div>
      )}
    </div>
  );
}
