import { useState } from 'react';
import { undoEdits, type AppliedEdit, type ApplyResult, type CellEdit } from '../../core/fixes';
import { errorText, type Progress, type WorkbookAdapter } from '../adapter';
import { shownValue } from '../findingGroups';

/**
 * 修正, 全部修正, 调平尾差 and 撤销上次修正 over the adapter: a plan is made from the workbook as it
 * is now (the host reads it and runs core), shown as a preview, and written only when the clerk
 * confirms; the host writes each cell only if it still holds what the preview showed. The last
 * plan written is kept so that it can be undone through the same method (Office.js's own undo
 * cannot be relied on below ExcelApi 1.19, see docs/fixing.md).
 */
export interface FixPreview {
  /** 修正 2210202 科目名称, 全部修正（错误）, 调平尾差 … */
  title: string;
  edits: CellEdit[];
  /** One line about the plan as a whole (the balancer's count of moved figures). */
  summary?: string;
  /** What the plan leaves alone and why (findings without a certain fix, 尾差 that stay). */
  notes: string[];
}

export interface FixMessage {
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
  /** Cells skipped because the clerk changed them, one line each. */
  details?: string[];
}

export interface LastApplied {
  title: string;
  applied: AppliedEdit[];
}

function dedupe(edits: readonly CellEdit[]): CellEdit[] {
  const seen = new Map<string, CellEdit>();
  for (const e of edits) if (!seen.has(`${e.sheet}!${e.cell}`)) seen.set(`${e.sheet}!${e.cell}`, e);
  return [...seen.values()];
}

function skippedLines(r: ApplyResult): string[] {
  return r.skipped.map((s) => s.why);
}

export function useFixes(adapter: WorkbookAdapter, refresh: () => Promise<void>) {
  const [busy, setBusy] = useState<string | undefined>();
  const [progress, setProgress] = useState<Progress | undefined>();
  const [preview, setPreview] = useState<FixPreview | undefined>();
  const [message, setMessage] = useState<FixMessage | undefined>();
  const [last, setLast] = useState<LastApplied | undefined>();

  /** One job at a time: `label` while it runs (正在…), `what` in its failure message. */
  const run = async (label: string, what: string, job: () => Promise<void>): Promise<void> => {
    setBusy(label);
    setMessage(undefined);
    try {
      await job();
    } catch (e) {
      setMessage({ intent: 'error', text: `${what}失败：${errorText(e)}` });
    } finally {
      setBusy(undefined);
      setProgress(undefined);
    }
  };

  /** 修正 one finding or 全部修正 a group: the findings' fixes from a fresh plan, previewed. */
  const fix = (keys: readonly string[], title: string) =>
    run('正在生成修正方案…', '生成修正方案', async () => {
      const plan = await adapter.planFixes();
      const wanted = new Set(keys);
      const fixes = plan.fixes.filter((f) => wanted.has(f.key));
      const notes = plan.notFixed.filter((n) => wanted.has(n.key)).map((n) => `${n.finding.rule}：${n.why}`);
      if (fixes.length === 0) {
        setMessage({
          intent: 'warning',
          text: '这些问题已不存在或无法自动修正，请重新校验后再看。',
          details: notes,
        });
        return;
      }
      const gone = keys.length - fixes.length - notes.length;
      if (gone > 0) notes.push(`${gone} 项问题已不存在（工作簿在校验后被修改过）`);
      setPreview({ title, edits: dedupe(fixes.flatMap((f) => f.edits)), notes });
    });

  /** 调平尾差: the balancer's plan for the whole workbook, previewed. */
  const balance = () =>
    run('正在计算调平方案…', '计算调平方案', async () => {
      const { result, edits } = await adapter.planBalance();
      const notes = [
        ...result.conflicts.map((c) => `冲突：${c.message}`),
        ...result.residuals.map((x) => `仍有尾差：${x.identity.label}，相差 ${x.diff}（${x.note}）`),
        ...(result.notes ?? []),
      ];
      if (edits.length === 0) {
        setMessage({ intent: 'info', text: '没有需要调平的尾差。', details: notes });
        return;
      }
      const summary =
        `${result.moved} 个数字偏离四舍五入${result.twoStep ? `（其中 ${result.twoStep} 个调整两步）` : ''}，` +
        `${result.rounded} 个数字按四舍五入保留两位小数，共改写 ${edits.length} 个单元格`;
      setPreview({ title: '调平尾差', edits, summary, notes });
    });

  /** Writes the previewed plan; keeps what it replaced for 撤销上次修正; then validates again. */
  const confirm = () => {
    const p = preview;
    if (!p) return Promise.resolve();
    setPreview(undefined);
    return run('正在写入…', '写入', async () => {
      const r = await adapter.applyEdits(p.edits, setProgress);
      if (r.applied.length > 0) setLast({ title: p.title, applied: r.applied });
      // The list is fresh before the message says the write is done.
      await refresh();
      const skipped = skippedLines(r);
      setMessage({
        intent: skipped.length ? 'warning' : 'success',
        text:
          `${p.title}：已改写 ${r.applied.length} 个单元格` +
          (skipped.length ? `；${skipped.length} 个单元格在预览后已被修改，未覆盖：` : '。'),
        details: skipped,
      });
    });
  };

  const cancel = () => setPreview(undefined);

  /** Puts back what the last written plan replaced, where the clerk has not changed it since. */
  const undo = () => {
    const l = last;
    if (!l) return Promise.resolve();
    return run('正在撤销…', '撤销', async () => {
      const r = await adapter.applyEdits(undoEdits(l.applied), setProgress);
      setLast(undefined);
      await refresh();
      const skipped = r.skipped.map((s) =>
        s.now === null && !s.why.includes('在预览后')
          ? s.why
          : `${s.edit.sheet}!${s.edit.cell} 在修正后又被修改（修正后为 ${shownValue(s.edit.old)}，现为 ${shownValue(s.now)}）`,
      );
      setMessage({
        intent: skipped.length ? 'warning' : 'success',
        text:
          `已撤销“${l.title}”：恢复 ${r.applied.length} 个单元格` +
          (skipped.length ? `；${skipped.length} 个单元格在修正后又被修改，未恢复：` : '。'),
        details: skipped,
      });
    });
  };

  return { busy, progress, preview, message, last, fix, balance, confirm, cancel, undo };
}
