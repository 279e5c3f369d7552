import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { outcomeOf, type CheckOutcome } from './checkFile';
import type { CheckRequest } from './checkWorker';

/**
 * `check` over many files with worker threads (https://nodejs.org/api/worker_threads.html): one
 * worker per core, each checking one file at a time. Outcomes are handed on in the order of
 * `files`, whatever order they finish in; no file is started more than WINDOW places ahead of
 * the first one still unprinted, so memory stays bounded however many files there are and
 * however slow one of them is. A worker that dies (a crash, or a workbook too big for its heap)
 * costs only the file it was on: that file is reported unreadable and a fresh worker continues.
 */
export interface PoolOptions {
  jobs: number;
  json: boolean;
}

const WINDOW_PER_WORKER = 4;
/** Heap of one worker: far above any real 预算公开 workbook, low enough that one monster cannot take the machine. */
const WORKER_HEAP_MB = 1024;

/** The compiled worker next to this file, or (running from source: tests, tsx) the .ts through tsx's loader. */
function workerScript(): { file: string; execArgv: string[] } {
  const js = join(__dirname, 'checkWorker.js');
  if (existsSync(js)) return { file: js, execArgv: [] };
  return { file: join(__dirname, 'checkWorker.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

export function runPool(
  files: readonly string[],
  opts: PoolOptions,
  onOutcome: (index: number, outcome: CheckOutcome) => void,
): Promise<void> {
  if (files.length === 0) return Promise.resolve();
  const script = workerScript();
  const window = Math.max(1, opts.jobs) * WINDOW_PER_WORKER;
  const ready = new Map<number, CheckOutcome>();
  const working = new Map<Worker, number>();
  const idle: Worker[] = [];
  let nextToSend = 0;
  let nextToEmit = 0;

  return new Promise((resolve) => {
    const finish = () => {
      const all = [...working.keys(), ...idle];
      working.clear();
      idle.length = 0;
      void Promise.all(all.map((w) => w.terminate())).then(() => resolve());
    };

    const flush = () => {
      while (ready.has(nextToEmit)) {
        const o = ready.get(nextToEmit) as CheckOutcome;
        ready.delete(nextToEmit);
        onOutcome(nextToEmit, o);
        nextToEmit++;
      }
      if (nextToEmit === files.length) finish();
      else while (idle.length > 0 && feed(idle[idle.length - 1])) idle.pop();
    };

    /** Gives `w` the next file if the window allows; false when it must wait. */
    const feed = (w: Worker): boolean => {
      if (nextToSend >= files.length || nextToSend >= nextToEmit + window) return false;
      const index = nextToSend++;
      working.set(w, index);
      const request: CheckRequest = { index, file: files[index], json: opts.json };
      w.postMessage(request);
      return true;
    };

    const lost = (w: Worker, why: string) => {
      const index = working.get(w);
      working.delete(w);
      const waiting = idle.indexOf(w);
      if (waiting >= 0) idle.splice(waiting, 1);
      if (index !== undefined && !ready.has(index) && index >= nextToEmit) {
        ready.set(index, outcomeOf({ file: files[index], error: `校验时出现程序错误：${why}` }, opts.json));
      }
      if (nextToSend < files.length) start();
      flush();
    };

    const start = () => {
      const w = new Worker(script.file, {
        execArgv: script.execArgv,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
        stdout: false,
        stderr: false,
      });
      w.on('message', (m: { index: number; outcome: CheckOutcome }) => {
        working.delete(w);
        ready.set(m.index, m.outcome);
        if (!feed(w)) idle.push(w);
        flush();
      });
      w.on('error', (e) => {
        const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        lost(w, oom ? '工作簿过大，读取时内存不足' : e.message);
      });
      w.on('exit', (code) => {
        if (working.has(w)) lost(w, `校验进程意外退出（${code}）`);
      });
      if (!feed(w)) idle.push(w);
    };

    for (let i = 0; i < Math.min(opts.jobs, files.length); i++) start();
  });
}
