import { useCallback, useState } from 'react';
import { downloadBytes, outputName } from './download';
import type { XlsxFileAdapter } from './fileAdapter';
import type { RunJob } from './useJob';

export const EXAMPLE_URL = 'example/datong-2024.xlsx';
export const EXAMPLE_NAME = '大同市人社局2024（示例）.xlsx';

/**
 * What only a file needs, as toolbar actions: open (picker, drop or the bundled example),
 * insert missing tables, build the forms, write the narrative, download. Each runs as one job
 * and returns the sentence the status line shows. `onOpened` resets the view for a new file.
 */
export function usePageActions(adapter: XlsxFileAdapter, run: RunJob, onOpened: () => void) {
  const [fileName, setFileName] = useState<string>();

  const openBytes = useCallback(
    async (name: string, bytes: Uint8Array): Promise<string> => {
      const summary = await adapter.open(name, bytes);
      setFileName(name);
      onOpened();
      // An .xls/.et/.ods is edited as its .xlsx copy; the note says what the copy does not keep.
      const note = adapter.session?.note ? ` ${adapter.session.note}` : '';
      return `已打开“${name}”：识别出 ${summary.tables.length} 张公开表，发现 ${summary.findings.length} 条问题。${note}`;
    },
    [adapter, onOpened],
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

  return { fileName, openFile, loadExample, insertMissing, buildForms, writeNarrative, download };
}

export type PageActions = ReturnType<typeof usePageActions>;
