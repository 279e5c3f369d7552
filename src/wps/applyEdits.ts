import {
  changedWhy,
  editValueOf,
  stillHolds,
  textAsTyped,
  writeFor,
  type AppliedEdit,
  type ApplyResult,
  type CellBefore,
  type CellEdit,
  type CellWrite,
  type SkippedEdit,
} from '../core/fixes';
import { addr, parseAddr, type Merge } from '../core/model/grid';
import { rectAddress } from '../core/templates/planLayout';
import { asGrid, formulaOf, toCellValue } from './cellValues';
import type { EtWorkbook, EtWorksheet } from './et';

/**
 * Writes a plan of cell edits (src/core/fixes) through the ET object model. The model is
 * synchronous and has no batch, so the cost is calls, and they grow with sheets and runs of
 * adjacent cells, not with the values: per sheet one `Range` over the edited cells read as two
 * 2-D arrays (`Value2`, `Formula`), the cells still holding the edit's `old` value written as
 * horizontal runs — `Range(run).Formula = [[…]]`, which takes constants as typed input, as the
 * inserter writes whole sheets — and one `Value2` read back where formulas were written. A number
 * format is read and set per cell, only where an edit carries one or where a text that looks like
 * a number must stay text. A cell the clerk changed since the preview is skipped, never overwritten.
 * The caller wraps this in the live validator's own-write guard (adapter.ts).
 */
export interface EtApplyResult extends ApplyResult {
  /** Cells written (sheet → A1 addresses), so late change events on exactly these are known as ours. */
  written: Map<string, string[]>;
}

/** Above this many cells a sheet's edits are read cell by cell rather than as one bounding range. */
const MAX_BOUNDING_CELLS = 100_000;

interface Target {
  edit: CellEdit;
  r: number;
  c: number;
}

interface Todo extends Target {
  before: CellBefore;
  write: CellWrite;
}

function bounds(targets: readonly Target[]): Merge {
  return {
    top: Math.min(...targets.map((t) => t.r)),
    left: Math.min(...targets.map((t) => t.c)),
    bottom: Math.max(...targets.map((t) => t.r)),
    right: Math.max(...targets.map((t) => t.c)),
  };
}

const area = (m: Merge) => (m.bottom - m.top + 1) * (m.right - m.left + 1);

/** A format only matters where the edit sets one or writes a text that typing would turn into a number. */
function needsFormat(edit: CellEdit): boolean {
  return (
    edit.numberFormat !== undefined ||
    (typeof edit.new === 'string' && edit.formula === undefined && textAsTyped(edit.new, undefined) !== edit.new)
  );
}

/** What each target cell holds now: one bounding read per sheet (or one per cell when far apart). */
function readBefore(ws: EtWorksheet, targets: readonly Target[]): CellBefore[] {
  const box = bounds(targets);
  let at: (t: Target) => { v: unknown; f: unknown };
  if (area(box) <= MAX_BOUNDING_CELLS) {
    const range = ws.Range(rectAddress(box));
    const values = asGrid(range.Value2);
    const formulas = asGrid(range.Formula);
    at = (t) => ({ v: values[t.r - box.top]?.[t.c - box.left], f: formulas[t.r - box.top]?.[t.c - box.left] });
  } else {
    at = (t) => {
      const range = ws.Range(addr(t.r, t.c));
      return { v: asGrid(range.Value2)[0][0], f: asGrid(range.Formula)[0][0] };
    };
  }
  return targets.map((t) => {
    const { v, f } = at(t);
    const formula = formulaOf(f);
    const before: CellBefore = { value: editValueOf(toCellValue(v, formula !== undefined)) };
    if (formula !== undefined) before.formula = formula;
    if (needsFormat(t.edit)) {
      const format = ws.Range(t.edit.cell).NumberFormat;
      if (typeof format === 'string') before.numberFormat = format;
    }
    return before;
  });
}

/** Adjacent cells of one row with contents to write, left to right: one `Formula` write each. */
function runs(todo: readonly Todo[]): Todo[][] {
  const out: Todo[][] = [];
  const sorted = todo
    .filter((t) => t.write.formula !== undefined || t.write.value !== undefined)
    .sort((a, b) => a.r - b.r || a.c - b.c);
  for (const t of sorted) {
    const last = out.at(-1)?.at(-1);
    if (last && last.r === t.r && last.c + 1 === t.c) out[out.length - 1].push(t);
    else out.push([t]);
  }
  return out;
}

const contents = (t: Todo): string | number => t.write.formula ?? t.write.value ?? '';

export function applyEditsEt(wb: EtWorkbook, edits: readonly CellEdit[]): EtApplyResult {
  const applied: AppliedEdit[] = [];
  const skipped: SkippedEdit[] = [];
  const written = new Map<string, string[]>();
  const bySheet = new Map<string, Target[]>();
  for (const edit of edits) {
    const { r, c } = parseAddr(edit.cell);
    const list = bySheet.get(edit.sheet);
    if (list) list.push({ edit, r, c });
    else bySheet.set(edit.sheet, [{ edit, r, c }]);
  }
  // The result lists edits in plan order, whatever order the sheets were written in.
  const order = new Map(edits.map((e, i) => [e, i] as const));
  for (const [name, targets] of bySheet) {
    const ws = sheetNamed(wb, name);
    if (!ws) {
      for (const { edit } of targets)
        skipped.push({ edit, now: null, why: `找不到工作表“${name}”（已被重命名或删除），${edit.cell} 未修改` });
      continue;
    }
    const before = readBefore(ws, targets);
    const todo: Todo[] = [];
    targets.forEach((t, i) => {
      if (stillHolds(t.edit, before[i].value))
        todo.push({ ...t, before: before[i], write: writeFor(t.edit, before[i]) });
      else skipped.push({ edit: t.edit, now: before[i].value, why: changedWhy(t.edit, before[i].value) });
    });
    if (todo.length === 0) continue;
    // Number formats first: a text written into a '@' cell stays text.
    for (const t of todo)
      if (t.write.numberFormat !== undefined) ws.Range(t.edit.cell).NumberFormat = t.write.numberFormat;
    const cells: string[] = [];
    for (const run of runs(todo)) {
      const first = run[0];
      const last = run[run.length - 1];
      const range = ws.Range(rectAddress({ top: first.r, left: first.c, bottom: last.r, right: last.c }));
      range.Formula = run.length === 1 ? contents(first) : [run.map(contents)];
      cells.push(...run.map((t) => t.edit.cell));
    }
    if (cells.length) written.set(name, cells);
    // What the formulas compute now, read back in one go.
    const formulaCells = todo.filter((t) => t.edit.formula !== undefined);
    let after: (t: Todo) => CellEdit['new'] = (t) => t.edit.new;
    if (formulaCells.length > 0) {
      const box = bounds(formulaCells);
      if (area(box) <= MAX_BOUNDING_CELLS) {
        const values = asGrid(ws.Range(rectAddress(box)).Value2);
        after = (t) =>
          t.edit.formula === undefined
            ? t.edit.new
            : editValueOf(toCellValue(values[t.r - box.top]?.[t.c - box.left], true));
      } else {
        after = (t) =>
          t.edit.formula === undefined ? t.edit.new : editValueOf(toCellValue(ws.Range(t.edit.cell).Value2, true));
      }
    }
    for (const t of todo) applied.push({ edit: t.edit, before: t.before, after: after(t) });
  }
  const byPlan = (a: { edit: CellEdit }, b: { edit: CellEdit }) => (order.get(a.edit) ?? 0) - (order.get(b.edit) ?? 0);
  return { applied: applied.sort(byPlan), skipped: skipped.sort(byPlan), written };
}

function sheetNamed(wb: EtWorkbook, name: string): EtWorksheet | undefined {
  try {
    return wb.Worksheets.Item(name) ?? undefined;
  } catch {
    return undefined;
  }
}
