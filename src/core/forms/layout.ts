import type Decimal from 'decimal.js';
import type { Merge } from '../model/grid';
import type { PlannedCell, SheetPlan, StyleName } from '../templates/plan';
import { draftForm } from './draft';
import {
  FormSettings,
  INDICATOR_SKELETON,
  SPLIT_KEYS,
  SPLIT_LABEL,
  TEXT_KEYS,
  TEXT_LABEL,
  TOTAL_LABEL,
  type FormContent,
  type FormSettingsInput,
  type Indicator,
  type Side,
} from './model';
import type { ProjectLine } from './projects';

/**
 * The canonical 8-column form grid of docs/domain.md § 目标表字段 (A:B labels, C:E 实施期, F:H 年度) as a
 * renderer-neutral SheetPlan. Field order and label wording follow the seeds exactly, so the
 * locator reads our forms with the same code as the published ones.
 */
export const FORM_COLUMN_WIDTHS = [10, 16, 16, 24, 14, 16, 24, 14];
export const INDICATOR_HEADER = [
  '绩效指标',
  '一级指标',
  '二级指标',
  '三级指标',
  '指标值',
  '二级指标',
  '三级指标',
  '指标值',
];
export const SIGNATURE_LABELS = ['负责人：', '经办人：', '联系电话：', '填报日期：'] as const;
/** Rows left empty between two stacked forms. */
export const STACK_GAP = 2;

export interface FormBlock {
  cells: PlannedCell[];
  merges: Merge[];
  rows: number;
  /** Taller rows for the texts the clerk writes (points, by sheet row). */
  rowHeights: Record<number, number>;
}

/** Row heights in points: room for two or three lines of 概况/依据/目标 text. */
export const FORM_ROW_HEIGHTS = { title: 26, text: 42, goals: 56 };

class BlockWriter {
  readonly cells: PlannedCell[] = [];
  readonly merges: Merge[] = [];
  readonly heights: Record<number, number> = {};
  constructor(private readonly moneyFormat: string) {}

  put(row: number, col: number, value: string | number | null, style: StyleName, numFmt?: string): void {
    const cell: PlannedCell = { row, col, value, style };
    if (numFmt) cell.numFmt = numFmt;
    this.cells.push(cell);
  }
  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.merges.push({ top, left, bottom, right });
  }
  money(row: number, col: number, d: Decimal, blank: boolean | undefined): void {
    // An amount with 分 never hides them behind an integer format (003: 290,366.42).
    const fmt = d.isInteger() ? this.moneyFormat : '#,##0.00';
    this.put(row, col, blank && d.isZero() ? null : d.toNumber(), 'formMoney', fmt);
  }
}

interface SideRows {
  level2: string;
  rows: Record<Side, Indicator[]>;
}

/** Indicator groups in skeleton order; a 二级 the skeleton lacks keeps its own row group. */
function indicatorGroups(indicators: Indicator[]): { level1: string; items: SideRows[] }[] {
  const groups = INDICATOR_SKELETON.map((g) => ({
    level1: g.level1,
    items: g.level2.map((l2) => ({ level2: l2, rows: { period: [] as Indicator[], annual: [] as Indicator[] } })),
  }));
  for (const ind of indicators) {
    let g = groups.find((x) => x.level1 === ind.level1);
    if (!g) {
      g = { level1: ind.level1, items: [] };
      groups.push(g);
    }
    let item = g.items.find((x) => x.level2 === ind.level2);
    if (!item) {
      item = { level2: ind.level2, rows: { period: [], annual: [] } };
      g.items.push(item);
    }
    item.rows[ind.side].push(ind);
  }
  return groups;
}

/** One form starting at `top`; returns its cells, merges and height. */
export function planFormBlock(f: FormContent, top: number, moneyFormat: string): FormBlock {
  const w = new BlockWriter(moneyFormat);
  let r = top;
  if (f.title !== undefined) {
    w.put(r, 0, f.title, 'formTitle');
    w.merge(r, 0, r, 7);
    w.heights[r] = FORM_ROW_HEIGHTS.title;
    r++;
    w.put(r, 0, f.yearLabel ?? '', 'formTitle');
    w.merge(r, 0, r, 7);
    r++;
  }
  w.put(r, 0, '项目名称', 'formLabel');
  w.merge(r, 0, r, 1);
  w.put(r, 2, f.projectName, 'formText');
  w.merge(r, 2, r, 7);
  r++;
  const pair = (l: string, lv: string, rl: string, rv: string): void => {
    w.put(r, 0, l, 'formLabel');
    w.merge(r, 0, r, 1);
    w.put(r, 2, lv, 'formText');
    w.merge(r, 2, r, 4);
    w.put(r, 5, rl, 'formLabel');
    w.put(r, 6, rv, 'formText');
    w.merge(r, 6, r, 7);
    r++;
  };
  pair('主管部门及代码', f.department, '实施单位', f.implementingUnit);
  pair('项目属性', f.attribute, '项目期', f.period);

  w.put(r, 0, '项目资金（元）', 'formLabel');
  w.merge(r, 0, r + 5, 1);
  const moneyRows: ('total' | (typeof SPLIT_KEYS)[number])[] = ['total', ...SPLIT_KEYS];
  for (const k of moneyRows) {
    for (const side of ['period', 'annual'] as const) {
      const labelCol = side === 'period' ? 2 : 5;
      const sf = f.funds[side];
      w.put(r, labelCol, k === 'total' ? TOTAL_LABEL[side] : SPLIT_LABEL[k], 'formLabel');
      w.money(r, labelCol + 1, k === 'total' ? sf.total : sf.split[k], sf.blank[k]);
      w.merge(r, labelCol + 1, r, labelCol + 2);
    }
    r++;
  }
  for (const k of TEXT_KEYS) {
    w.put(r, 0, TEXT_LABEL[k], 'formLabel');
    w.merge(r, 0, r, 1);
    w.put(r, 2, f.texts[k], 'formText');
    w.merge(r, 2, r, 7);
    w.heights[r] = FORM_ROW_HEIGHTS.text;
    r++;
  }
  w.put(r, 0, '总体目标', 'formLabel');
  w.merge(r, 0, r + 1, 1);
  w.put(r, 2, '实施期目标', 'formLabel');
  w.merge(r, 2, r, 4);
  w.put(r, 5, '年度目标', 'formLabel');
  w.merge(r, 5, r, 7);
  r++;
  w.put(r, 2, f.texts.goalsPeriod, 'formText');
  w.merge(r, 2, r, 4);
  w.put(r, 5, f.texts.goalsAnnual, 'formText');
  w.merge(r, 5, r, 7);
  w.heights[r] = FORM_ROW_HEIGHTS.goals;
  r++;

  const headerRow = r;
  INDICATOR_HEADER.forEach((h, c) => w.put(r, c, h, 'formLabel'));
  r++;
  for (const g of indicatorGroups(f.indicators)) {
    const gTop = r;
    for (const item of g.items) {
      const n = Math.max(1, item.rows.period.length, item.rows.annual.length);
      for (const side of ['period', 'annual'] as const) {
        const c = side === 'period' ? 2 : 5;
        w.put(r, c, item.level2, 'formLabel');
        w.merge(r, c, r + n - 1, c);
        for (let i = 0; i < n; i++) {
          const ind = item.rows[side][i];
          w.put(r + i, c + 1, ind?.level3 ?? '', 'formText');
          w.put(r + i, c + 2, ind?.value ?? '', 'formText');
        }
      }
      r += n;
    }
    if (r === gTop) continue;
    w.put(gTop, 1, g.level1, 'formLabel');
    w.merge(gTop, 1, r - 1, 1);
  }
  w.merge(headerRow, 0, r - 1, 0);

  const sig = [f.signature.leader, f.signature.handler, f.signature.phone, f.signature.date];
  SIGNATURE_LABELS.forEach((l, i) => {
    w.put(r, i * 2, l, 'formLabel');
    w.put(r, i * 2 + 1, sig[i], 'formText');
  });
  r++;
  return { cells: w.cells, merges: w.merges, rows: r - top, rowHeights: w.heights };
}

/** Short, stable tag part for a project key (defined names allow few characters). */
export function tagKey(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const BAD_SHEET_CHARS = /[\\/?*[\]:]/g;

/** An Excel-legal, unique sheet name (≤ 31 characters) for a form. */
export function formSheetName(projectName: string, taken: Set<string>): string {
  const base = `绩效-${projectName.replace(BAD_SHEET_CHARS, '').replace(/[\s\u3000]/g, '')}`.slice(0, 31);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = `(${i})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

export interface KeyedForm {
  key: string;
  content: FormContent;
}

export interface RenderOptions {
  /** Sheet names already in the workbook (new sheets avoid them). */
  takenNames?: Iterable<string>;
  stackedSheetName?: string;
  /** Tags already in the workbook (a second stacked sheet gets its own tag). */
  takenTags?: Iterable<string>;
}

function emptyPlan(name: string, tag: string): SheetPlan {
  return {
    name,
    tag,
    cells: [],
    merges: [],
    columnWidths: [...FORM_COLUMN_WIDTHS],
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: true },
  };
}

/** Plans for already-built form contents (one sheet each, or stacked on one sheet). */
export function renderFormContents(forms: KeyedForm[], settings: FormSettings, opts: RenderOptions = {}): SheetPlan[] {
  const taken = new Set<string>([...(opts.takenNames ?? [])].map((n) => n.toLowerCase()));
  if (settings.placement === 'stacked') {
    const tags = new Set(opts.takenTags ?? []);
    let tag = 'form:stacked';
    for (let i = 2; tags.has(tag); i++) tag = `form:stacked${i}`;
    const plan = emptyPlan(
      opts.stackedSheetName ?? formSheetName('项目支出绩效目标表', taken).replace(/^绩效-/, ''),
      tag,
    );
    let top = 0;
    for (const f of forms) {
      const b = planFormBlock(f.content, top, settings.moneyFormat);
      plan.cells.push(...b.cells);
      plan.merges.push(...b.merges);
      plan.rowHeights = { ...plan.rowHeights, ...b.rowHeights };
      top += b.rows + STACK_GAP;
    }
    return forms.length ? [plan] : [];
  }
  return forms.map((f) => {
    const plan = emptyPlan(formSheetName(f.content.projectName, taken), `form:${tagKey(f.key)}`);
    const b = planFormBlock(f.content, 0, settings.moneyFormat);
    plan.cells = b.cells;
    plan.merges = b.merges;
    plan.rowHeights = b.rowHeights;
    return plan;
  });
}

/** New forms for 表12 projects (docs/domain.md § 目标表的生成与同步), laid out per the settings. */
export function renderForms(
  projects: ProjectLine[],
  settingsInput: FormSettingsInput | FormSettings,
  opts: RenderOptions = {},
): SheetPlan[] {
  const settings = FormSettings.parse(settingsInput);
  return renderFormContents(
    projects.map((p) => ({ key: p.key, content: draftForm(p, settings) })),
    settings,
    opts,
  );
}
