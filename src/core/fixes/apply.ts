import type { CellValue } from '../model/grid';
import { parseMoney } from '../money';
import type { CellEdit, EditValue } from './edit';

/**
 * What every face does when it writes a plan of cell edits into a workbook the clerk may have
 * changed since the preview: check each cell still holds the edit's `old` value (a changed cell is
 * skipped and reported, never overwritten), decide what to write (a formula, a value, a number
 * format), and keep what the cell held so the pane can undo the plan through the same method.
 * The hosts (Office.js, the WPS ET model, the page's exceljs copy) only read and write cells.
 */

/** A cell as a host read it just before writing: enough to check an edit and to undo it. */
export interface CellBefore {
  value: EditValue;
  /** Without '='. */
  formula?: string;
  numberFormat?: string;
}

export interface AppliedEdit {
  edit: CellEdit;
  before: CellBefore;
  /** What the cell holds after the write (a formula cell: what the host computed, read back). */
  after: EditValue;
}

export interface SkippedEdit {
  edit: CellEdit;
  /** What the cell holds now (not the edit's `old`); null when its sheet is gone. */
  now: EditValue;
  why: string;
}

export interface ApplyResult {
  applied: AppliedEdit[];
  skipped: SkippedEdit[];
}

/** What a host writes for one edit; nothing when all three are absent (a kept formula). */
export interface CellWrite {
  numberFormat?: string;
  /** A formula with its '=' (`Range.formulas`, `Range.Formula`). */
  formula?: string;
  /** A constant as a host that parses typed input must receive it ('' clears the cell). */
  value?: string | number;
}

/** A read value as edits hold it: blanks and errors are null, a logical value its text. */
export function editValueOf(v: CellValue | undefined): EditValue {
  if (v === null || v === undefined || v === '' || typeof v === 'object') return null;
  return typeof v === 'boolean' ? String(v) : v;
}

/** True when the cell still holds what the plan was made from. */
export function stillHolds(edit: CellEdit, now: EditValue): boolean {
  const norm = (v: EditValue): EditValue => (v === '' ? null : v);
  return norm(now) === norm(edit.old);
}

export function changedWhy(edit: CellEdit, now: EditValue): string {
  const shown = (v: EditValue) => (v === null ? '（空）' : String(v));
  return `${edit.sheet}!${edit.cell} 在预览后已被修改（预览时为 ${shown(edit.old)}，现为 ${shown(now)}），未覆盖`;
}

/** Formats whose cell may take a fix's number format: the clerk chose none (exceljs applier: same rule). */
const TEXT_OR_GENERAL = new Set(['', 'General', '@']);

/** The number format to set for an edit on a cell formatted `current`, if any: every applier's rule. */
export function numberFormatToWrite(edit: CellEdit, current: string | undefined): string | undefined {
  if (edit.numberFormat === undefined || edit.numberFormat === current) return undefined;
  return edit.restoresFormat || TEXT_OR_GENERAL.has(current ?? 'General') ? edit.numberFormat : undefined;
}

/**
 * Excel and WPS read a string written to a cell as if it were typed: "1,184.33" becomes a number,
 * "=…" a formula. A leading apostrophe keeps it text and is not part of the value (Excel's quote
 * prefix; office-js#6687 shows `Range.formulas` consuming it; VBA `Range.PrefixCharacter`). In a
 * text-formatted ('@') cell the string is kept as it is.
 */
export function textAsTyped(s: string, numberFormat: string | undefined): string {
  if (numberFormat === '@') return s;
  if (/^[=+\-@']/.test(s)) return `'${s}`;
  const p = parseMoney(s);
  return p.ok && !p.blank ? `'${s}` : s;
}

/** What to write for an edit into a cell that holds `before` (already checked with stillHolds). */
export function writeFor(edit: CellEdit, before: CellBefore): CellWrite {
  const out: CellWrite = {};
  const format = numberFormatToWrite(edit, before.numberFormat);
  if (format !== undefined) out.numberFormat = format;
  if (edit.formula !== undefined) {
    // A formula the cell already holds stays: the host computes it from the edited cells.
    if (before.formula !== edit.formula) out.formula = `=${edit.formula}`;
  } else if (edit.new === null) out.value = '';
  else if (typeof edit.new === 'number') out.value = edit.new;
  else out.value = textAsTyped(edit.new, format ?? before.numberFormat);
  return out;
}

/** The edits that put back what an applied plan changed (the pane's 撤销上次修正). */
export function undoEdits(applied: readonly AppliedEdit[]): CellEdit[] {
  return applied.map(({ edit, before, after }) => {
    const formatChanged = writeFor(edit, before).numberFormat !== undefined;
    const undo: CellEdit = {
      sheet: edit.sheet,
      cell: edit.cell,
      old: after,
      new: before.value,
      reason: `撤销：${edit.reason}`,
      finding: edit.finding,
    };
    if (before.formula !== undefined) undo.formula = before.formula;
    if (formatChanged && before.numberFormat !== undefined) {
      undo.numberFormat = before.numberFormat;
      undo.restoresFormat = true;
    }
    return undo;
  });
}
