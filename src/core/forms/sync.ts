import { addr, parseAddr, textAt, valueAt, type Sheet, type Workbook } from '../model/grid';
import { Decimal, parseMoney } from '../money';
import type { SheetPlan } from '../templates/plan';
import { COST_CONTROL_NAME, draftForm } from './draft';
import { planToSheet } from './grid';
import { renderFormContents } from './layout';
import { locateForms, type LocatedForm } from './locate';
import { matchForms, type MatchHow } from './match';
import { FormSettings, SPLIT_KEYS, type FieldKey, type FormContent, type FormSettingsInput, type Side } from './model';
import type { ProjectLine } from './projects';
import { sameNameKey } from '../text/sameName';

/**
 * Keeping forms in step with 表12 (docs/domain.md § 目标表的生成与同步): only fields we prefill are ever written
 * (项目名称, 实施单位, the 12 money cells, the untouched 预算控制数 row), and only when the cell
 * still holds what we prefilled last time — recorded on a small record sheet, because a value
 * that differs from 表12 may be the clerk's deliberate correction. Texts and indicators the
 * clerk typed are never touched; forms of removed projects are flagged, never deleted.
 */
export type SyncField = FieldKey | 'cost.period' | 'cost.annual';
export type CellContent = string | number | null;

export const RECORD_SHEET = '预填记录';
export const RECORD_TAG = 'formsPrefill';
/** Column (0-based, right of A:H) where a removed project's form gets its flag. */
export const FLAG_COL = 9;

export interface CellUpdate {
  sheet: string;
  cell: string;
  field: SyncField | 'flag';
  projectName: string;
  from: CellContent;
  to: CellContent;
  /** Why a differing cell was not written. */
  keptBecause?: 'clerkEdited' | 'notOurs';
}

export interface SyncOptions {
  /** Overwrite every differing prefilled cell, or only these (`Sheet!A1` or `A1`). */
  force?: boolean | string[];
}

export interface SyncResult {
  /** Projects without a form: new forms to add. */
  added: ProjectLine[];
  /** Forms whose prefilled fields differ from 表12 (applied or not). */
  outOfDate: { project: ProjectLine; form: LocatedForm; how: MatchHow; fields: SyncField[] }[];
  /** Cell writes to apply (prefilled fields and flags). */
  updates: CellUpdate[];
  /** Differing prefilled cells left alone (clerk changed them, or the form is not ours). */
  kept: CellUpdate[];
  /** Forms whose project is no longer in 表12. */
  flagged: { form: LocatedForm; reason: string }[];
  /** The record of what we prefilled, after this sync. */
  record: RecordEntry[];
}

/** The forms a sync rewrites, each with its cell writes; a flag on a removed project's form is not a rewrite. */
export function updatesByForm(updates: readonly CellUpdate[]): CellUpdate[][] {
  const byForm = new Map<string, CellUpdate[]>();
  for (const u of updates) {
    if (u.field === 'flag') continue;
    const key = `${u.sheet}|${u.projectName}`;
    byForm.set(key, [...(byForm.get(key) ?? []), u]);
  }
  return [...byForm.values()];
}

export interface RecordEntry {
  key: string; // normalised 实施单位|项目名称 as written on the form
  field: SyncField;
  value: CellContent;
}

export function recordKey(unit: string, name: string): string {
  return `${sameNameKey(unit)}|${sameNameKey(name)}`;
}

/** Prefilled fields of a form content and what they hold. */
export function prefilledValues(c: FormContent): [SyncField, CellContent][] {
  const out: [SyncField, CellContent][] = [
    ['projectName', c.projectName],
    ['implementingUnit', c.implementingUnit],
  ];
  for (const side of ['period', 'annual'] as const) {
    const sf = c.funds[side];
    out.push([`funds.${side}.total`, sf.total.toNumber()]);
    for (const k of SPLIT_KEYS)
      out.push([`funds.${side}.${k}`, sf.blank[k] && sf.split[k].isZero() ? null : sf.split[k].toNumber()]);
    const cost = c.indicators.find((i) => i.side === side && i.level2 === '成本指标' && i.level3 === COST_CONTROL_NAME);
    if (cost) out.push([`cost.${side}` as SyncField, cost.value]);
  }
  return out;
}

/** A form printing its money in 万元 gets 万元 (the record keeps what was written). */
function inFormUnit(v: CellContent, f: LocatedForm): CellContent {
  return f.fundsUnit === '万元' && typeof v === 'number' ? new Decimal(v).div(10000).toNumber() : v;
}

function cellOf(f: LocatedForm, field: SyncField): string | undefined {
  if (field === 'cost.period' || field === 'cost.annual') {
    const side: Side = field === 'cost.period' ? 'period' : 'annual';
    return f.indicators.find((i) => i.side === side && i.level2 === '成本指标' && i.level3 === COST_CONTROL_NAME)
      ?.valueCell;
  }
  return f.cells[field];
}

function current(sheet: Sheet | undefined, cell: string): CellContent {
  if (!sheet) return null;
  const { r, c } = parseAddr(cell);
  const v = valueAt(sheet, r, c);
  return typeof v === 'object' && v !== null ? null : typeof v === 'boolean' ? String(v) : v;
}

/** Same content as a clerk would see it: money numerically, text ignoring whitespace. */
export function sameContent(a: CellContent, b: CellContent, money: boolean): boolean {
  if (money) {
    const x = parseMoney(a);
    const y = parseMoney(b);
    return x.ok && y.ok ? x.value.eq(y.value) : String(a ?? '') === String(b ?? '');
  }
  return sameNameKey(String(a ?? '')) === sameNameKey(String(b ?? ''));
}

export function readRecord(wb: Workbook): Map<string, Map<SyncField, CellContent>> {
  const out = new Map<string, Map<SyncField, CellContent>>();
  const sheet = wb.sheets.find((s) => s.tag === RECORD_TAG || s.name === RECORD_SHEET);
  if (!sheet) return out;
  for (let r = 1; r < sheet.rows.length; r++) {
    const key = textAt(sheet, r, 0);
    const field = textAt(sheet, r, 1) as SyncField;
    if (!key || !field) continue;
    const v = valueAt(sheet, r, 2);
    const m = out.get(key) ?? new Map<SyncField, CellContent>();
    m.set(field, typeof v === 'object' && v !== null ? null : typeof v === 'boolean' ? String(v) : v);
    out.set(key, m);
  }
  return out;
}

function forced(opts: SyncOptions, sheet: string, cell: string): boolean {
  if (opts.force === true) return true;
  if (!opts.force) return false;
  return opts.force.some((x) => x === cell || x === `${sheet}!${cell}` || x === `'${sheet}'!${cell}`);
}

export function planSync(
  projects: ProjectLine[],
  wb: Workbook,
  settingsInput: FormSettingsInput | FormSettings,
  opts: SyncOptions = {},
): SyncResult {
  const settings = FormSettings.parse(settingsInput);
  const forms = locateForms(wb);
  const match = matchForms(projects, forms, { cautious: true });
  const record = readRecord(wb);
  const sheets = new Map(wb.sheets.map((s) => [s.name, s]));
  const result: SyncResult = { added: match.missing, outOfDate: [], updates: [], kept: [], flagged: [], record: [] };

  for (const { project, form, how } of match.pairs) {
    const desired = draftForm(project, settings);
    // 实施期 amounts of a multi-year project are the clerk's (project list), not 表12's.
    const keepPeriod = !form.funds.period.total.eq(form.funds.annual.total);
    const rec = record.get(recordKey(form.implementingUnit, form.projectName));
    const fields: SyncField[] = [];
    const newRecord: RecordEntry[] = [];
    const newKey = recordKey(desired.implementingUnit, desired.projectName);
    for (const [field, wantYuan] of prefilledValues(desired)) {
      if (keepPeriod && (field.startsWith('funds.period') || field === 'cost.period')) continue;
      // 表12 without unit rows does not say who carries the project out: the form's unit stays.
      if (field === 'implementingUnit' && project.unitSource === 'default') continue;
      const cell = cellOf(form, field);
      if (!cell) continue;
      const now = current(sheets.get(form.sheet), cell);
      const money = field.startsWith('funds.');
      const want = money ? inFormUnit(wantYuan, form) : wantYuan;
      const recorded = rec?.get(field);
      if (sameContent(now, want, money)) {
        if (rec?.has(field)) newRecord.push({ key: newKey, field, value: want });
        continue;
      }
      // The cost row is the clerk's as soon as it differs from what we wrote.
      if (field.startsWith('cost.') && !(rec?.has(field) && sameContent(now, recorded ?? null, false))) continue;
      fields.push(field);
      const u: CellUpdate = { sheet: form.sheet, cell, field, projectName: form.projectName, from: now, to: want };
      const ours = rec?.has(field) ?? false;
      const untouched = ours && sameContent(now, recorded ?? null, money);
      if (untouched || forced(opts, form.sheet, cell)) {
        result.updates.push(u);
        newRecord.push({ key: newKey, field, value: want });
      } else {
        result.kept.push({ ...u, keptBecause: ours ? 'clerkEdited' : 'notOurs' });
        if (ours) newRecord.push({ key: newKey, field, value: recorded ?? null });
      }
    }
    // Fields that did not change keep their record entry.
    if (rec) {
      for (const [field, value] of rec)
        if (!newRecord.some((e) => e.field === field)) newRecord.push({ key: newKey, field, value });
    }
    result.record.push(...newRecord);
    if (fields.length) result.outOfDate.push({ project, form, how, fields });
  }

  for (const form of match.extra) {
    const reason = `表12中已没有项目“${form.projectName}”，请确认是否删除此绩效目标表`;
    result.flagged.push({ form, reason });
    result.updates.push({
      sheet: form.sheet,
      cell: addr(form.firstRow, FLAG_COL),
      field: 'flag',
      projectName: form.projectName,
      from: current(sheets.get(form.sheet), addr(form.firstRow, FLAG_COL)),
      to: `⚠ ${reason}`,
    });
    const rec = record.get(recordKey(form.implementingUnit, form.projectName));
    if (rec)
      for (const [field, value] of rec)
        result.record.push({ key: recordKey(form.implementingUnit, form.projectName), field, value });
  }

  for (const p of match.missing) {
    const c = draftForm(p, settings);
    for (const [field, value] of prefilledValues(c))
      result.record.push({ key: recordKey(c.implementingUnit, c.projectName), field, value });
  }
  return result;
}

/** The record sheet (replaces the previous one). */
export function recordPlan(entries: RecordEntry[]): SheetPlan {
  const cells: SheetPlan['cells'] = [
    { row: 0, col: 0, value: '项目（实施单位|项目名称）', style: 'header' },
    { row: 0, col: 1, value: '字段', style: 'header' },
    { row: 0, col: 2, value: '预填值', style: 'header' },
    { row: 0, col: 3, value: '说明：预算公开助手据此判断哪些单元格仍是自动预填的内容，请勿修改本表', style: 'note' },
  ];
  entries.forEach((e, i) => {
    cells.push({ row: i + 1, col: 0, value: e.key, style: 'text' });
    cells.push({ row: i + 1, col: 1, value: e.field, style: 'text' });
    cells.push({ row: i + 1, col: 2, value: e.value, style: 'text' });
  });
  return {
    name: RECORD_SHEET,
    tag: RECORD_TAG,
    cells,
    merges: [],
    columnWidths: [40, 22, 22, 60],
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: true },
  };
}

/** Sheets for the projects that have no form yet. */
export function addedFormPlans(
  result: SyncResult,
  wb: Workbook,
  settingsInput: FormSettingsInput | FormSettings,
): SheetPlan[] {
  const settings = FormSettings.parse(settingsInput);
  return renderFormContents(
    result.added.map((p) => ({ key: p.key, content: draftForm(p, settings) })),
    settings,
    {
      takenNames: wb.sheets.map((s) => s.name),
      takenTags: wb.sheets.map((s) => s.tag ?? ''),
      stackedSheetName: uniqueName('绩效目标表（新增）', wb),
    },
  );
}

function uniqueName(base: string, wb: Workbook): string {
  const taken = new Set(wb.sheets.map((s) => s.name.toLowerCase()));
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base}${i}`;
  return n;
}

/**
 * Applies a sync to a read-model workbook (tests, and any adapter that edits a grid): cell
 * writes, new form sheets, the refreshed record sheet. Returns a new workbook.
 */
export function applySyncToGrid(
  wb: Workbook,
  result: SyncResult,
  settingsInput: FormSettingsInput | FormSettings,
): Workbook {
  const sheets = wb.sheets
    .filter((s) => s.tag !== RECORD_TAG && s.name !== RECORD_SHEET)
    .map((s) => ({ ...s, rows: s.rows.map((r) => (r ? [...r] : r)) }));
  for (const u of result.updates) {
    const s = sheets.find((x) => x.name === u.sheet);
    if (!s) continue;
    const { r, c } = parseAddr(u.cell);
    const row = (s.rows[r] ??= []);
    row[c] = { value: u.to };
  }
  const added = addedFormPlans(result, { sheets }, settingsInput).map(planToSheet);
  return { sheets: [...sheets, ...added, planToSheet(recordPlan(result.record))] };
}
