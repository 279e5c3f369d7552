import { Button } from '@fluentui/react-components';
import { useRef } from 'react';
import type { PageActions } from './usePageActions';

export interface ToolbarProps {
  actions: PageActions;
  /** A job is running: every button waits. */
  busy: boolean;
  /** A workbook is open: the buttons that work on it are enabled. */
  loaded: boolean;
}

/** The page's own buttons (what only a file needs) and the hidden file picker behind 打开. */
export function Toolbar({ actions, busy, loaded }: ToolbarProps) {
  const input = useRef<HTMLInputElement>(null);
  const { fileName } = actions;
  return (
    <div className="topbar" role="toolbar" aria-label="文件操作">
      <h1>预算公开助手</h1>
      <Button appearance="primary" size="small" onClick={() => input.current?.click()} disabled={busy}>
        打开工作簿
      </Button>
      <Button size="small" onClick={() => void actions.loadExample()} disabled={busy}>
        载入示例
      </Button>
      <Button size="small" onClick={() => void actions.insertMissing()} disabled={!loaded || busy}>
        插入缺少的表
      </Button>
      <Button size="small" onClick={() => void actions.buildForms()} disabled={!loaded || busy}>
        生成/更新绩效目标表
      </Button>
      <Button size="small" onClick={() => void actions.writeNarrative()} disabled={!loaded || busy}>
        写入情况说明
      </Button>
      <Button size="small" onClick={() => void actions.download()} disabled={!loaded || busy}>
        下载
      </Button>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xlsm,.xls,.et,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) void actions.openFile(f);
        }}
      />
      {fileName && (
        <span className="filename" title={fileName}>
          {fileName}
        </span>
      )}
    </div>
  );
}
