import Decimal from 'decimal.js';
import { addr, textAt, valueAt, type Merge, type Sheet, type Workbook } from '../model/grid';
import { readAmount } from './values';
import { ZERO, parseMoney } from '../money';
import {
  SPLIT_KEYS,
  TEXT_KEYS,
  TEXT_LABEL,
  canonicalLevel2,
  level1Of,
  LEVEL1_LABELS,
  type FieldKey,
  type PerformanceForm,
  type Side,
  type SideFunds,
  type SplitKey,
} from './model';
import { sameNameKey } from '../text/sameName';

/**
 * Reads 项目支出绩效目标表 from any sheet: our canonical grid and the seeds' printed layouts
 * (no title in 001, `经济效益` without 指标 in 003, 二级 labels slipped into the 一级 column,
 * 一级 `效益指标` printed on the 成本 row, pages repeated per §3.6). Labels are found by text,
 * not by fixed position, so a form moved or widened by the clerk is still read.
 */

export interface FormProblem {
  sheet: string;
  cell: string;
  message: string;
  /** The money field whose cell could not be read (so the rules leave that figure alone). */
  field?: FieldKey;
}

/** A row of the funds block whose label is none of the five sources but which holds money. */
export interface UnknownFundsRow {
  side: Side;
  cell: string;
  label: string;
}

export interface LocatedForm extends PerformanceForm {
  problems: FormProblem[];
  /** The unit the form prints its money in; `funds` are always 元 (× 10,000 from a 万元 form). */
  fundsUnit: '元' | '万元';
  /** Source rows the reader does not know: the five known sources may not be the whole split. */
  unknownFundsRows: UnknownFundsRow[];
}

const norm = (s: string): string => sameNameKey(s).replace(/[:：]$/, '');

/**
 * How the five fund sources are labelled, after the same-name rule and without a leading
 * `其中：` (data: another county's wording is one more entry).
 */
export const SPLIT_WORDS: Record<SplitKey, readonly string[]> = {
  central: ['中央财政资金', '中央补助资金', '中央转移支付资金', '中央资金', '中央补助'],
  provincial: ['省级财政资金', '省级补助资金', '省级转移支付资金', '省财政资金', '省级资金', '省级补助'],
  local: [
    '市县(区)财政资金',
    '市县财政资金',
    '市县(区)资金',
    '县(区)财政资金',
    '市级财政资金',
    '县级财政资金',
    '区级财政资金',
    '本级财政资金',
    '地方财政资金',
  ],
  selfRaised: ['单位自筹', '自筹资金', '单位资金', '自有资金'],
  other: ['其他资金'],
};

/** Memo of splitKeyOf: every cell of every funds-block row is asked, and labels repeat across forms. */
const splitKeyMemo = new Map<string, SplitKey | undefined>();

function splitKeyOf(label: string): SplitKey | undefined {
  if (splitKeyMemo.has(label)) return splitKeyMemo.get(label);
  const s = label.replace(/^其中:?/, '');
  const key = s ? SPLIT_KEYS.find((k) => SPLIT_WORDS[k].some((w) => s === w || s.startsWith(w))) : undefined;
  if (splitKeyMemo.size < 10_000) splitKeyMemo.set(label, key);
  return key;
}

const TEXT_MATCH: Record<(typeof TEXT_KEYS)[number], string[]> = {
  overview: [TEXT_LABEL.overview],
  basis: [TEXT_LABEL.basis],
  necessity: [TEXT_LABEL.necessity],
  measures: ['保证项目实施的制度、措施', '保证项目实施的制度措施'],
  plan: [TEXT_LABEL.plan],
};

/** TEXT_MATCH after the same-name rule, as the cells are compared. */
const TEXT_MATCH_NORM = Object.fromEntries(
  Object.entries(TEXT_MATCH).map(([k, labels]) => [k, new Set(labels.map(norm))]),
) as Record<(typeof TEXT_KEYS)[number], Set<string>>;

const SIGNATURE: Record<'leader' | 'handler' | 'phone' | 'date', string> = {
  leader: '负责人',
  handler: '经办人',
  phone: '联系电话',
  date: '填报日期',
};

/** Texts that are labels, never values (a value search stops at them). */
const LABELS = new Set(
  [
    '项目名称',
    '主管部门及代码',
    '实施单位',
    '项目属性',
    '项目期',
    '项目资金(元)',
    '项目资金(万元)',
    '项目资金',
    '实施期资金总额',
    '年度资金总额',
    // Only the standard source labels: a project may well be named 中央补助资金 (other wordings
    // are bounded by the next label on their row, see splitRow).
    '其中:中央财政资金',
    ...SPLIT_KEYS.map((k) => SPLIT_WORDS[k][0]),
    '总体目标',
    '实施期目标',
    '年度目标',
    '绩效指标',
    '一级指标',
    '二级指标',
    '三级指标',
    '指标值',
    ...Object.values(SIGNATURE),
    ...Object.values(TEXT_MATCH).flat(),
  ].map(norm),
);

class SheetReader {
  private readonly mergeAt = new Map<string, Merge>();
  constructor(readonly sheet: Sheet) {
    for (const m of sheet.merges) this.mergeAt.set(`${m.top},${m.left}`, m);
  }
  private readonly normCache: (string | undefined)[][] = [];
  private readonly textCache: (string | undefined)[][] = [];
  /** Cell text; cached like `n`, since value searches pass over the same cells again. */
  text(r: number, c: number): string {
    const row = (this.textCache[r] ??= []);
    let v = row[c];
    if (v === undefined) {
      v = textAt(this.sheet, r, c);
      row[c] = v;
    }
    return v;
  }
  /** Normalised text; cached because every row is probed for many labels. */
  n(r: number, c: number): string {
    const row = (this.normCache[r] ??= []);
    let v = row[c];
    if (v === undefined) {
      const cell = this.sheet.rows[r]?.[c];
      v = cell === undefined || cell.value === null ? '' : norm(this.text(r, c));
      row[c] = v;
    }
    return v;
  }
  width(r: number): number {
    return Math.max(this.sheet.rows[r]?.length ?? 0, 8);
  }
  /** Column right of a (possibly merged) cell. */
  after(r: number, c: number): number {
    const m = this.mergeAt.get(`${r},${c}`);
    return (m ? m.right : c) + 1;
  }
  isLabel(r: number, c: number): boolean {
    return LABELS.has(this.n(r, c));
  }
  /** First non-empty, non-label cell right of the label at (r,c), before the next label. */
  valueAfter(r: number, c: number, end = this.width(r)): { c: number; text: string } {
    const start = this.after(r, c);
    for (let x = start; x < end; x++) {
      if (this.isLabel(r, x)) break;
      const t = this.text(r, x);
      if (t) return { c: x, text: t };
    }
    return { c: start, text: '' };
  }
  find(r: number, pred: (s: string) => boolean, from = 0, end = this.width(r)): number {
    for (let c = from; c < end; c++) if (pred(this.n(r, c))) return c;
    return -1;
  }
}

function isFormStart(rd: SheetReader, r: number, c: number): boolean {
  if (rd.n(r, c) !== '项目名称') return false;
  for (let k = 1; k <= 4; k++) {
    const row = r + k;
    if (rd.find(row, (s) => s === '主管部门及代码' || s === '项目属性' || s.startsWith('项目资金'), 0, c + 3) >= 0)
      return true;
  }
  return false;
}

interface Block {
  start: number; // 项目名称 row
  top: number; // first row incl. title lines
  end: number; // exclusive
  col: number; // label column
}

function findBlocks(rd: SheetReader): Block[] {
  const starts: { r: number; c: number }[] = [];
  for (let r = 0; r < rd.sheet.rows.length; r++) {
    const row = rd.sheet.rows[r];
    if (!row) continue;
    const w = Math.min(rd.width(r), 12);
    for (let c = 0; c < w; c++) {
      // Cheap pre-test: a 项目名称 label is text holding 称 whatever its spacing or punctuation.
      const v = row[c]?.value;
      if (typeof v !== 'string' || !v.includes('称')) continue;
      if (isFormStart(rd, r, c)) {
        starts.push({ r, c });
        break;
      }
    }
  }
  const blocks: Block[] = [];
  starts.forEach((s, i) => {
    let top = s.r;
    // Title and year lines sit just above 项目名称 (skipping blank rows).
    for (let k = 1; k <= 4 && s.r - k >= 0; k++) {
      const t = rd.n(s.r - k, s.c) || rd.n(s.r - k, 0);
      if (!t) continue;
      if (t.includes('绩效目标') || /^\(?\d{4}\)?年度\)?$/.test(t) || /^\(\d{4}年度\)$/.test(t)) top = s.r - k;
      else break;
    }
    blocks.push({ start: s.r, top, end: rows(rd), col: s.c });
    if (i > 0) blocks[i - 1].end = Math.min(blocks[i - 1].end, top);
  });
  return blocks;
}

const rows = (rd: SheetReader): number => rd.sheet.rows.length;

function emptyFunds(): SideFunds {
  return {
    total: ZERO,
    split: { central: ZERO, provincial: ZERO, local: ZERO, selfRaised: ZERO, other: ZERO },
    blank: {},
  };
}

function emptyForm(rd: SheetReader, b: Block): LocatedForm {
  return {
    sheet: rd.sheet.name,
    tag: rd.sheet.tag,
    firstRow: b.top,
    lastRow: b.end - 1,
    projectName: '',
    department: '',
    implementingUnit: '',
    attribute: '',
    period: '',
    funds: { period: emptyFunds(), annual: emptyFunds() },
    texts: { overview: '', basis: '', necessity: '', measures: '', plan: '', goalsPeriod: '', goalsAnnual: '' },
    indicators: [],
    signature: { leader: '', handler: '', phone: '', date: '' },
    cells: {},
    pages: 1,
    printedLevel2: { period: [], annual: [] },
    problems: [],
    fundsUnit: '元',
    unknownFundsRows: [],
  };
}

const WAN = new Decimal(10000);

/**
 * A money cell of a form: a number, text with separators (`1,890,489`), or text that names its
 * unit (`35,000元`, `3.5万元`, unambiguous whatever the form's unit). Anything else is a problem
 * for the clerk, never a silent 0.
 */
function readMoneyCell(raw: unknown, unitFactor: Decimal): { ok: true; value: Decimal } | { ok: false; why: string } {
  const p = parseMoney(raw);
  if (p.ok) return { ok: true, value: p.value.times(unitFactor) };
  if (typeof raw === 'string') {
    const a = readAmount(raw);
    if (a && !a.perUnit && /元|万/.test(raw)) return { ok: true, value: a.yuan };
  }
  return { ok: false, why: p.reason };
}

/**
 * Reads one form block row by row. Each kind of row (identity, funds, texts, goals, indicator
 * table, signature) has its own method that returns whether the row was its kind.
 */
class BlockReader {
  readonly f: LocatedForm;
  private readonly lc: number;
  /** Inside the funds block: between the 资金总额 row and the first text row. */
  private inFunds = false;
  /** Column of the 年度资金总额 label (the 年度 side of the funds block starts there). */
  private annualCol = -1;
  /** The one side a one-sided funds block prints (only 年度资金总额, or only 实施期资金总额). */
  private onlySide: Side | undefined;
  private goalsHeader = -1;

  constructor(
    private readonly rd: SheetReader,
    private readonly b: Block,
  ) {
    this.f = emptyForm(rd, b);
    this.lc = b.col;
  }

  read(): LocatedForm {
    this.titleLines();
    for (let r = this.b.start; r < this.b.end; r++) {
      if (this.identityRow(r)) continue;
      if (this.totalsRow(r) || this.splitRow(r)) {
        this.unknownFundsCells(r);
        continue;
      }
      if (this.textRow(r) || this.goalsRows(r)) {
        this.inFunds = false;
        continue;
      }
      const next = this.indicatorTable(r);
      if (next !== undefined) {
        this.inFunds = false;
        r = next - 1;
        continue;
      }
      if (this.signatureRow(r)) continue;
      if (this.inFunds) this.unknownFundsCells(r);
    }
    return this.f;
  }

  private get unitFactor(): Decimal {
    return this.f.fundsUnit === '万元' ? WAN : new Decimal(1);
  }

  private labelled(r: number, c: number, key: FieldKey, end?: number): string {
    const v = this.rd.valueAfter(r, c, end);
    this.f.cells[key] = addr(r, v.c);
    return v.text;
  }

  private money(r: number, c: number, side: Side, key: SplitKey | 'total', end?: number): void {
    const v = this.rd.valueAfter(r, c, end);
    const field = `funds.${side}.${key}` as FieldKey;
    const cell = addr(r, v.c);
    this.f.cells[field] = cell;
    const raw = v.text ? valueAt(this.rd.sheet, r, v.c) : null;
    const p = readMoneyCell(typeof raw === 'object' && raw !== null ? null : raw, this.unitFactor);
    const sf = this.f.funds[side];
    let value: Decimal = ZERO;
    if (p.ok) value = p.value;
    else this.f.problems.push({ sheet: this.f.sheet, cell, field, message: `金额${p.why}` });
    if (key === 'total') sf.total = value;
    else sf.split[key] = value;
    sf.blank[key] = !v.text;
  }

  /** Title and year lines above 项目名称. */
  private titleLines(): void {
    const { rd, b, lc } = this;
    if (b.top >= b.start) return;
    const lines = [];
    for (let r = b.top; r < b.start; r++) {
      const t = rd.text(r, lc) || rd.text(r, 0);
      if (t) lines.push(t);
    }
    this.f.title = lines.find((l) => l.includes('绩效目标'));
    this.f.yearLabel = lines.find((l) => /年度/.test(l) && !l.includes('绩效目标'));
  }

  /** 项目名称; 主管部门及代码 + 实施单位; 项目属性 + 项目期. */
  private identityRow(r: number): boolean {
    const { rd, lc, f } = this;
    const w = rd.width(r);
    if (rd.n(r, lc) === '项目名称') {
      f.projectName = this.labelled(r, lc, 'projectName');
      return true;
    }
    const dept = rd.find(r, (s) => s === '主管部门及代码', lc, lc + 2);
    if (dept >= 0) {
      const unitCol = rd.find(r, (s) => s === '实施单位', dept + 1);
      f.department = this.labelled(r, dept, 'department', unitCol >= 0 ? unitCol : w);
      if (unitCol >= 0) f.implementingUnit = this.labelled(r, unitCol, 'implementingUnit');
      return true;
    }
    const attr = rd.find(r, (s) => s === '项目属性', lc, lc + 2);
    if (attr >= 0) {
      const termCol = rd.find(r, (s) => s === '项目期', attr + 1);
      f.attribute = this.labelled(r, attr, 'attribute', termCol >= 0 ? termCol : w);
      if (termCol >= 0) f.period = this.labelled(r, termCol, 'period');
      return true;
    }
    return false;
  }

  /** 实施期资金总额 / 年度资金总额, and the unit the funds block prints (`项目资金（万元）`). */
  private totalsRow(r: number): boolean {
    const { rd, lc } = this;
    const pTotal = rd.find(r, (s) => s.startsWith('实施期资金总额'), lc);
    const aTotal = rd.find(r, (s) => s.startsWith('年度资金总额'), lc);
    if (pTotal < 0 && aTotal < 0) return false;
    const unitLabel = rd.find(r, (s) => /^(项目资金|实施期资金总额|年度资金总额).*\(万元\)/.test(s), 0);
    if (unitLabel >= 0) this.f.fundsUnit = '万元';
    if (pTotal >= 0) this.money(r, pTotal, 'period', 'total', aTotal > pTotal ? aTotal : rd.width(r));
    if (aTotal >= 0) this.money(r, aTotal, 'annual', 'total');
    this.annualCol = aTotal;
    this.onlySide = pTotal < 0 ? 'annual' : aTotal < 0 ? 'period' : undefined;
    this.inFunds = true;
    return true;
  }

  /** One source row, printed once per side (实施期 left, 年度 right). */
  private splitRow(r: number): boolean {
    const { rd, lc } = this;
    const w = rd.width(r);
    for (let c = lc; c < w; c++) {
      const k = splitKeyOf(rd.n(r, c));
      if (!k) continue;
      const second = rd.find(r, (s) => splitKeyOf(s) === k, c + 1);
      const firstSide: Side = this.onlySide ?? (second >= 0 || c < lc + 5 ? 'period' : 'annual');
      this.money(r, c, firstSide, k, second >= 0 ? second : w);
      if (second >= 0) this.money(r, second, 'annual', k);
      return true;
    }
    return false;
  }

  /**
   * Money in the funds block under a label the reader does not know (`其中：财政拨款`, `上级补助`),
   * on a row of its own or beside a known source on the other side.
   */
  private unknownFundsCells(r: number): void {
    const { rd, lc } = this;
    const w = rd.width(r);
    for (let c = lc; c < w; c++) {
      const label = rd.text(r, c);
      const n = rd.n(r, c);
      if (!label || parseMoney(label).ok || rd.isLabel(r, c) || splitKeyOf(n)) continue;
      if (/^(项目资金|实施期资金总额|年度资金总额)/.test(n)) continue;
      const v = rd.valueAfter(r, c);
      const raw = v.text ? valueAt(rd.sheet, r, v.c) : null;
      if (!v.text || v.c === c || !parseMoney(typeof raw === 'object' ? null : raw).ok) continue;
      if (Object.values(this.f.cells).includes(addr(r, v.c))) continue;
      const side: Side = this.annualCol >= 0 && c >= this.annualCol ? 'annual' : 'period';
      this.f.unknownFundsRows.push({ side, cell: addr(r, v.c), label });
      c = v.c;
    }
  }

  private textRow(r: number): boolean {
    const { rd, lc, f } = this;
    for (const k of TEXT_KEYS) {
      const c = rd.find(r, (s) => TEXT_MATCH_NORM[k].has(s), lc, lc + 2);
      if (c < 0) continue;
      f.texts[k] = this.labelled(r, c, k);
      return true;
    }
    return false;
  }

  /** 总体目标: the 实施期目标 / 年度目标 header, then the row holding both texts. */
  private goalsRows(r: number): boolean {
    const { rd, lc, f } = this;
    if (rd.find(r, (s) => s === '实施期目标', lc) >= 0) {
      this.goalsHeader = r;
      return true;
    }
    if (this.goalsHeader < 0 || r !== this.goalsHeader + 1) return false;
    const w = rd.width(r);
    const aGoalHead = rd.find(this.goalsHeader, (s) => s === '年度目标', lc);
    const split = aGoalHead >= 0 ? aGoalHead : lc + 5;
    const left = firstText(rd, r, lc + 1, split, (c) => rd.n(r, c) === '总体目标');
    const right = firstText(rd, r, split, w);
    f.texts.goalsPeriod = left.text;
    f.cells.goalsPeriod = addr(r, left.c >= 0 ? left.c : lc + 2);
    f.texts.goalsAnnual = right.text;
    f.cells.goalsAnnual = addr(r, right.c >= 0 ? right.c : split);
    return true;
  }

  /** The indicator header (一级指标 … 三级指标); returns the row after the indicator rows. */
  private indicatorTable(r: number): number | undefined {
    const { rd, lc, f } = this;
    if (rd.find(r, (s) => s === '一级指标', lc, lc + 3) < 0 || rd.find(r, (s) => s === '三级指标', lc) < 0)
      return undefined;
    f.cells.indicatorHeader = addr(r, lc);
    return readIndicators(rd, f, r, this.b.end, lc);
  }

  private signatureRow(r: number): boolean {
    const { rd, lc, f } = this;
    if (rd.find(r, (s) => s === '负责人' || s === '填报日期', lc) < 0) return false;
    const w = rd.width(r);
    for (const [k, label] of Object.entries(SIGNATURE) as [keyof typeof SIGNATURE, string][]) {
      const c = rd.find(r, (s) => s === label, lc);
      if (c < 0) continue;
      const next = rd.find(r, (s) => Object.values(SIGNATURE).includes(s), c + 1);
      f.signature[k] = this.labelled(r, c, `signature.${k}`, next >= 0 ? next : w);
    }
    return true;
  }
}

function readBlock(rd: SheetReader, b: Block): LocatedForm {
  return new BlockReader(rd, b).read();
}

function firstText(
  rd: SheetReader,
  r: number,
  from: number,
  end: number,
  skip?: (c: number) => boolean,
): { c: number; text: string } {
  for (let c = from; c < end; c++) {
    if (skip?.(c)) continue;
    const t = rd.text(r, c);
    if (t) return { c, text: t };
  }
  return { c: -1, text: '' };
}

interface SideCursor {
  level2?: string;
  level2Cell?: string;
  /** Column of the 三级 cell (value is the next one). */
  col: number;
  /** Whether the current 二级 group already produced an indicator on this side. */
  used: boolean;
}

/**
 * Indicator rows under the header row `header`, until the signature row or two empty rows;
 * returns the next row. A header with one 三级指标 column is a one-sided form (年度 only, as many
 * counties print them): its indicators are the 年度 side and the 实施期 side is not in the layout.
 */
function readIndicators(rd: SheetReader, f: LocatedForm, header: number, end: number, lc: number): number {
  const oneSided = rd.find(header, (s) => s === '三级指标', rd.find(header, (s) => s === '三级指标', lc) + 1) < 0;
  const from = header + 1;
  let level1 = '';
  const cur: Record<Side, SideCursor> = {
    period: { col: lc + 3, used: false },
    annual: { col: lc + 6, used: false },
  };
  let r = from;
  let blanks = 0;
  for (; r < end; r++) {
    if (rd.find(r, (s) => s === '负责人' || s === '填报日期' || s === '项目名称', lc) >= 0) break;
    const w = rd.width(r);
    // Two empty rows end a form printed without a signature row (001): what follows is not ours.
    if (rd.find(r, (s) => s !== '', lc) < 0) {
      if (++blanks >= 2) break;
      continue;
    }
    blanks = 0;
    // 一级 label: anywhere in the two leftmost columns.
    for (let c = lc; c <= lc + 1; c++) {
      const t = rd.n(r, c);
      if (LEVEL1_LABELS.includes(t)) level1 = t;
    }
    // 二级 labels on this row: the first belongs to 实施期 unless it is already on the 年度 side.
    const l2cols: number[] = [];
    for (let c = lc; c < w; c++) if (canonicalLevel2(rd.text(r, c))) l2cols.push(c);
    let pc = oneSided ? undefined : l2cols.find((c) => c < lc + 5);
    let ac = oneSided ? l2cols[0] : l2cols.find((c) => c >= lc + 4 && c !== pc);
    if (pc !== undefined && ac === undefined && pc >= lc + 4 && cur.period.level2 !== undefined) {
      ac = pc;
      pc = undefined;
    }
    for (const [side, c] of [
      ['period', pc],
      ['annual', ac],
    ] as const) {
      if (c === undefined) continue;
      const cs = cur[side];
      const l2 = canonicalLevel2(rd.text(r, c)) ?? rd.text(r, c);
      cs.level2 = l2;
      cs.level2Cell = addr(r, c);
      cs.col = c + 1;
      cs.used = false;
      f.printedLevel2[side].push(l2);
    }
    for (const side of ['period', 'annual'] as const) {
      const cs = cur[side];
      if (!cs.level2) continue;
      const level3 = rd.text(r, cs.col);
      const value = rd.text(r, cs.col + 1);
      if (!level3 && !value && cs.used) continue;
      f.indicators.push({
        level1: level1Of(cs.level2) ?? level1,
        level2: cs.level2,
        level3,
        value,
        side,
        level3Cell: addr(r, cs.col),
        valueCell: addr(r, cs.col + 1),
        level2Cell: cs.level2Cell,
      });
      cs.used = true;
    }
  }
  return r;
}

/** Same project, same amounts: a page of the same form (§3.6) or a duplicate. */
function sameHeader(a: LocatedForm, b: LocatedForm): boolean {
  return (
    sameNameKey(a.projectName) === sameNameKey(b.projectName) &&
    sameNameKey(a.implementingUnit) === sameNameKey(b.implementingUnit) &&
    a.funds.period.total.eq(b.funds.period.total) &&
    a.funds.annual.total.eq(b.funds.annual.total)
  );
}

/** Every form in one sheet; continuation pages (no signature row yet) are merged. */
export function locateFormsInSheet(sheet: Sheet): LocatedForm[] {
  const rd = new SheetReader(sheet);
  const out: LocatedForm[] = [];
  for (const b of findBlocks(rd)) {
    const f = readBlock(rd, b);
    const prev = out[out.length - 1];
    const prevOpen = prev && !prev.cells['signature.date'];
    if (prev && prevOpen && sameHeader(prev, f)) {
      prev.indicators.push(...f.indicators);
      prev.printedLevel2.period.push(...f.printedLevel2.period);
      prev.printedLevel2.annual.push(...f.printedLevel2.annual);
      prev.signature = f.signature;
      for (const k of ['signature.leader', 'signature.handler', 'signature.phone', 'signature.date'] as const) {
        if (f.cells[k]) prev.cells[k] = f.cells[k];
      }
      prev.lastRow = f.lastRow;
      prev.pages++;
      prev.problems.push(...f.problems);
      continue;
    }
    out.push(f);
  }
  return out;
}

const TABLE_TAG = /^t\d{1,2}$/;

/** All forms of a workbook in sheet order. Duplicates stay separate entries (F1 reports them). */
export function locateForms(wb: Workbook): LocatedForm[] {
  const out: LocatedForm[] = [];
  for (const s of wb.sheets) {
    if (s.tag && TABLE_TAG.test(s.tag)) continue;
    out.push(...locateFormsInSheet(s));
  }
  return out;
}

const memo = new WeakMap<Workbook, LocatedForm[]>();

/** locateForms, computed once per workbook object (every F rule reads the same forms). */
export function formsOf(wb: Workbook): LocatedForm[] {
  let v = memo.get(wb);
  if (!v) {
    v = locateForms(wb);
    memo.set(wb, v);
  }
  return v;
}
