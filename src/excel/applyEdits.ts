import {
  changedWhy,
  editValueOf,
  stillHolds,
  writeFor,
  type AppliedEdit,
  type ApplyResult,
  type CellBefore,
  type CellEdit,
  type SkippedEdit,
} from '../core/fixes';
import type { Progress } from '../taskpane/adapter';
import { ACTION_BYTES, DEFAULT_MAX_PAYLOAD, RequestPacker } from './insertTemplates';
import { EventSuspension } from './ownWrites';
import { toCellValue } from './readWorkbook';
import type { XlContext, XlRange, XlRequirements, XlWorksheet } from './xl';

/**
 * Writes a plan of cell edits (src/core/fixes) into the open workbook in a fixed number of syncs,
 * however many cells change: one sync reads every edited cell (values, formulas, number format),
 * one writes every edit whose cell still holds its `old` value and reads back what the formulas
 * it wrote compute, and on ExcelApi 1.8–1.13 one more switches events back on (ownWrites.ts).
 * Only a plan beyond Excel on the web's request limit (far over 10,000 cells) takes more, one sync
 * per 4 MB, as insertTemplates does. A cell the clerk changed since the preview is skipped, never
 * overwritten; what each written cell held is returned so that the pane can undo.
 *
 * What is written follows core's `writeFor`: `numberFormat` before the contents (a text stays
 * text in a '@' cell), contents through `formulas`, which takes constants as typed input — so a
 * text that looks like a number carries a quote prefix (office-js#6687: the prefix is consumed
 * and the cell holds text) — and nothing at all for a formula the cell already holds.
 */
export interface XlApplyOptions {
  requirements: XlRequirements;
  maxPayloadBytes?: number;
  onProgress?: (p: Progress) => void;
}

export interface XlApplyResult extends ApplyResult {
  syncs: number;
}

interface Read {
  edit: CellEdit;
  range: XlRange;
}

/** Upper bound of the request bytes of one queued action carrying `data`. */
function actionBytes(data: string | number = ''): number {
  return ACTION_BYTES + (typeof data === 'string' ? data.length * 3 + 8 : String(data).length + 4);
}

function beforeOf(range: XlRange): CellBefore {
  const raw = range.values[0][0];
  const f = range.formulas[0][0];
  const before: CellBefore = { value: editValueOf(toCellValue(raw, range.valueTypes[0][0])) };
  if (typeof f === 'string' && f.startsWith('=') && f.length > 1) before.formula = f.slice(1);
  const format = range.numberFormat[0][0];
  if (typeof format === 'string') before.numberFormat = format;
  return before;
}

export async function applyEditsXl(
  ctx: XlContext,
  edits: readonly CellEdit[],
  opts: XlApplyOptions,
): Promise<XlApplyResult> {
  let syncs = 0;
  const sync = async (): Promise<void> => {
    syncs++;
    await ctx.sync();
  };
  const max = opts.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD;
  const total = edits.length;
  const report = (done: number, message: string) => opts.onProgress?.({ done, total, message });
  const skipped: SkippedEdit[] = [];

  report(0, `正在读取要修改的 ${total} 个单元格…`);
  let present = [...edits];
  let reads: Read[];
  try {
    reads = await readCells(ctx, present, max, sync);
  } catch (e) {
    // A sheet renamed or deleted since the preview fails the whole read: find which, skip its edits.
    ctx.workbook.worksheets.load('items/name');
    await sync();
    const names = new Set(ctx.workbook.worksheets.items.map((w) => w.name));
    const gone = present.filter((x) => !names.has(x.sheet));
    if (gone.length === 0) throw e;
    for (const edit of gone)
      skipped.push({ edit, now: null, why: `找不到工作表“${edit.sheet}”（已被重命名或删除），${edit.cell} 未修改` });
    present = present.filter((x) => names.has(x.sheet));
    reads = await readCells(ctx, present, max, sync);
  }

  const todo: { edit: CellEdit; before: CellBefore; range: XlRange; readBack: boolean }[] = [];
  for (const { edit, range } of reads) {
    const before = beforeOf(range);
    if (stillHolds(edit, before.value)) todo.push({ edit, before, range, readBack: edit.formula !== undefined });
    else skipped.push({ edit, now: before.value, why: changedWhy(edit, before.value) });
  }
  if (todo.length === 0) return { applied: [], skipped, syncs };

  report(0, `正在写入 ${todo.length} 个单元格…`);
  // Events off around our writes where only that tells them apart (1.8–1.13), as insert and marks do.
  const events = EventSuspension.for(ctx, opts.requirements);
  try {
    const packer = new RequestPacker(max, sync);
    for (const t of todo) {
      const w = writeFor(t.edit, t.before);
      const bytes =
        ACTION_BYTES +
        (w.numberFormat !== undefined ? actionBytes(w.numberFormat) : 0) +
        (w.formula !== undefined ? actionBytes(w.formula) : w.value !== undefined ? actionBytes(w.value) : 0) +
        (t.readBack ? ACTION_BYTES : 0);
      await packer.add({
        bytes,
        queue: () => {
          events.suspend();
          // Number format first: a text written into a '@' cell stays text.
          if (w.numberFormat !== undefined) t.range.numberFormat = [[w.numberFormat]];
          if (w.formula !== undefined) t.range.formulas = [[w.formula]];
          else if (w.value !== undefined) t.range.formulas = [[w.value]];
          // Loaded after the write in the same batch: what the formula computes now.
          if (t.readBack) t.range.load('values,valueTypes');
        },
      });
    }
    await sync();
  } catch (e) {
    await events.restore().catch(() => undefined);
    throw e;
  }
  // Events go back on in a sync of their own, never behind the writes (ownWrites.ts says why).
  if (events.active) syncs++;
  await events.restore();
  const applied: AppliedEdit[] = todo.map((t) => ({
    edit: t.edit,
    before: t.before,
    after: t.readBack ? editValueOf(toCellValue(t.range.values[0][0], t.range.valueTypes[0][0])) : t.edit.new,
  }));
  report(total, `已写入 ${applied.length} 个单元格`);
  return { applied, skipped, syncs };
}

/** Loads every edited cell; one sync for any plan under the request limit. */
async function readCells(
  ctx: XlContext,
  edits: readonly CellEdit[],
  max: number,
  sync: () => Promise<void>,
): Promise<Read[]> {
  const packer = new RequestPacker(max, sync);
  const sheets = new Map<string, XlWorksheet>();
  const reads: Read[] = [];
  for (const edit of edits) {
    await packer.add({
      bytes: 2 * ACTION_BYTES,
      queue: () => {
        let ws = sheets.get(edit.sheet);
        if (!ws) {
          ws = ctx.workbook.worksheets.getItem(edit.sheet);
          sheets.set(edit.sheet, ws);
        }
        const range = ws.getRange(edit.cell);
        range.load('values,formulas,numberFormat,valueTypes');
        reads.push({ edit, range });
      },
    });
  }
  await sync();
  return reads;
}
