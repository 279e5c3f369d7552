import { useCallback, useState } from 'react';

export interface Status {
  kind: 'info' | 'error';
  text: string;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Lets the spinner paint before a long synchronous engine run. */
const nextFrame = () => new Promise<void>((ok) => setTimeout(ok, 0));

/**
 * One page action at a time: `busy` names the running one (the toolbar is disabled meanwhile),
 * `status` is what the last one said — its own summary, or `…失败：<why>` when it threw.
 */
export function useJob() {
  const [busy, setBusy] = useState<string>();
  const [status, setStatus] = useState<Status>();

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

  /** An error outside any action (a finding that points at a cell we cannot show). */
  const fail = useCallback((text: string) => setStatus({ kind: 'error', text }), []);

  return { busy, status, run, fail };
}

export type RunJob = ReturnType<typeof useJob>['run'];
