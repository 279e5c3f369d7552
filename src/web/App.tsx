import { Spinner } from '@fluentui/react-components';
import { useCallback, useState, type DragEvent } from 'react';
import { App as PaneApp } from '../taskpane/components/App';
import { GridView } from './GridView';
import { SheetTabs } from './SheetTabs';
import { Toolbar } from './Toolbar';
import type { XlsxFileAdapter } from './fileAdapter';
import { usePageActions } from './usePageActions';
import { useJob, type Status } from './useJob';
import { useWorkbookView, type WorkbookView } from './useWorkbookView';

export { EXAMPLE_NAME, EXAMPLE_URL } from './usePageActions';

export interface WebAppProps {
  adapter: XlsxFileAdapter;
}

/**
 * The page: a toolbar for what only a file needs (open, example, 写入情况说明, 下载), the task
 * pane's own pages on the left (校验 lists the findings; clicking one selects the cell), and the
 * workbook as a read-only grid on the right.
 */
export function WebApp({ adapter }: WebAppProps) {
  const job = useJob();
  const view = useWorkbookView(adapter, job.fail);
  const { showSheet } = view;
  const showFirstSheet = useCallback(() => showSheet(0), [showSheet]);
  const actions = usePageActions(adapter, job.run, showFirstSheet);
  const drop = useFileDrop(actions.openFile);

  return (
    <div className="app" {...drop.handlers}>
      <Toolbar actions={actions} busy={!!job.busy} loaded={view.loaded} />
      <JobStatus busy={job.busy} status={job.status} />
      <div className="main">
        <div className="side" data-testid="pane">
          <PaneApp adapter={adapter} initialPage="validate" />
        </div>
        <div className="content">{view.loaded ? <SheetArea view={view} /> : <DropHint over={drop.over} />}</div>
      </div>
    </div>
  );
}

/** A file dragged anywhere onto the page opens like one picked with 打开. */
function useFileDrop(openFile: (f: File) => Promise<void>) {
  const [over, setOver] = useState(false);
  const handlers = {
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      const f = e.dataTransfer.files[0];
      if (f) void openFile(f);
    },
  };
  return { over, handlers };
}

/** The running job's spinner, then what the last job said. */
function JobStatus({ busy, status }: { busy?: string; status?: Status }) {
  return (
    <>
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
    </>
  );
}

/** Before a workbook is open: where to drop it, and that it never leaves the machine. */
function DropHint({ over }: { over: boolean }) {
  return (
    <div className={`drop${over ? ' over' : ''}`} data-testid="drop">
      把预算公开工作簿（.xlsx、.xls、.et 或 .ods）拖到这里，或点击“打开工作簿”。文件只在本机浏览器中处理，不会上传。
      <br />
      没有现成文件？点击“载入示例”查看大同市人社局 2024 年单位预算公开表（含真实的尾差和科目名称问题）。
    </div>
  );
}

/** The open workbook: sheet tabs, then the open sheet as a grid. */
function SheetArea({ view }: { view: WorkbookView }) {
  const { sheet, marks, focus, involved } = view;
  return (
    <>
      <SheetTabs view={view} />
      {sheet ? (
        <GridView key={sheet.name} sheet={sheet} marks={marks.get(sheet.name)} focus={focus} involved={involved} />
      ) : (
        <div className="empty">工作簿中没有工作表</div>
      )}
    </>
  );
}
