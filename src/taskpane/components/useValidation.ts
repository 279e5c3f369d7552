import { useCallback, useEffect, useState } from 'react';
import type { Finding } from '../../core/model/finding';
import { errorText, type ValidationSummary, type WorkbookAdapter } from '../adapter';

/**
 * The latest validation (from the button or a live pass), whether one is running, and what
 * went wrong; a notice (marks switched off) holds for the session once a pass gave one.
 */
export function useValidation(adapter: WorkbookAdapter) {
  const [summary, setSummary] = useState<ValidationSummary | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  useEffect(
    () =>
      adapter.onFindingsChanged((next) => {
        setSummary(next);
        setError(undefined);
        // A notice (marks switched off) holds for the session: later passes do not repeat it.
        if (next.notice) setNotice(next.notice);
      }),
    [adapter],
  );
  useEffect(() => adapter.onLiveError?.((m) => setError(`自动校验失败：${m}`)), [adapter]);

  const validateAll = useCallback(async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await adapter.validate();
      setSummary(next);
      if (next.notice) setNotice(next.notice);
    } catch (e) {
      setError(`校验失败：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  }, [adapter]);

  const select = (f: Finding): void => {
    if (!f.sheet || !f.cell) return;
    adapter
      .selectCell(f.sheet, f.cell)
      .catch((e: unknown) => setError(`无法定位到 ${f.sheet}!${f.cell}：${errorText(e)}`));
  };

  return { summary, busy, error, notice, validateAll, select };
}
