import { parentPort } from 'node:worker_threads';
import { analyzeWorkbook } from '../core/check';
import { readWorkbookFile } from '../xlsx/readWorkbook';
import { checkFile, outcomeOf } from './checkFile';

/**
 * A worker thread of `check DIR` (see checkPool.ts): takes one file at a time, answers with the
 * printed report and summary numbers of that file. Holds one workbook at a time.
 */
export interface CheckRequest {
  index: number;
  file: string;
  json: boolean;
}

const port = parentPort;
if (port) {
  port.on('message', (m: CheckRequest) => {
    // Static imports here (the worker needs both anyway), so running from source only needs a require hook.
    checkFile(m.file, { json: m.json, read: readWorkbookFile, analyze: analyzeWorkbook }).then(
      (outcome) => port.postMessage({ index: m.index, outcome }),
      (e: unknown) => {
        const error = `校验时出现程序错误：${e instanceof Error ? e.message : String(e)}`;
        port.postMessage({ index: m.index, outcome: outcomeOf({ file: m.file, error }, m.json) });
      },
    );
  });
}
