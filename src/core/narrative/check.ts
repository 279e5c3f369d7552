import type { Disclosure } from '../model/disclosure';
import type { Finding, Severity } from '../model/finding';
import { Decimal, ZERO, classifyDiff, moneyString, roundingTolerance, sum } from '../money';
import { tableFacts, type Fig, type TableFacts } from './facts';
import { amountText, decimalsOf } from './format';
import { wan, type NarrativeInputs, type OverallConvention } from './inputs';
import { extractFigures, splitNarrative, type Figure, type NarrativeLine, type NarrativeSection } from './parse';
import { PARAGRAPH_NUMBERS, type ParagraphNo } from './generate';
import { sameNameKey } from '../text/sameName';

export interface CheckOptions {
  /** Inputs of the generator (last year's figures, 政府采购 …): checked too when given. */
  inputs?: NarrativeInputs;
  /** Number of 项目支出绩效目标表 actually attached (from the forms locator). */
  formsCount?: number;
  /** Whether a 部门（单位）整体支出绩效目标表 is attached; when false, a text promising one is flagged. */
  overallFormAttached?: boolean;
}

/** Rule id per paragraph (docs/narrative.md § Checking). */
const RULE: Record<ParagraphNo, string> = {
  一: 'N1',
  二: 'N2',
  三: 'N3',
  四: 'N4',
  五: 'N5',
  六: 'N6',
  七: 'N7',
  八: 'N8',
  九: 'N9',
  十: 'N10',
  十一: 'N11',
  十二: 'N12',
};

interface Hit {
  fig: Figure;
  /** Offset of the phrase (label start) in the section text. */
  start: number;
  phrase: string;
}

/**
 * Checks a written 第三部分 情况说明 against the located tables (rules N0–N11, docs/narrative.md § Checking).
 * Never throws on odd text: what cannot be found in the text is not checked, except a
 * paragraph that is missing altogether.
 */
export function checkNarrative(
  d: Disclosure,
  text: string | readonly NarrativeLine[],
  opts: CheckOptions = {},
): Finding[] {
  const parsed = splitNarrative(text);
  const c = new Checker(tableFacts(d), opts);
  if (parsed.sections.length === 0) {
    c.out.push({
      rule: 'N0',
      severity: 'warning',
      table: 'narrative',
      message: '情况说明中未找到“一、…”至“十二、…”的段落标题，无法核对。',
    });
    return c.out;
  }
  const found = new Set(parsed.sections.map((s) => s.no));
  const missing = PARAGRAPH_NUMBERS.filter((no) => !found.has(no));
  if (missing.length) {
    c.out.push({
      rule: 'N0',
      severity: 'warning',
      table: 'narrative',
      message: `情况说明缺少第${missing.join('、')}段（标题未找到）。`,
    });
  }
  for (const s of parsed.sections) {
    const run = PARAGRAPH_CHECKS[s.no];
    if (run) run(c, s);
    c.unitSlips(s);
  }
  return c.out;
}

type SectionCheck = (c: Checker, s: NarrativeSection) => void;

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?)`;
const num = (s: string) => new Decimal(s.replace(/,/g, ''));
const signed = (word: string, v: Decimal) => (/减少|下降|降低/.test(word) ? v.negated() : v);

class Checker {
  readonly out: Finding[] = [];
  /** Figures already reported as a 元/万元 slip, so the generic sweep does not repeat them. */
  private readonly slips = new Set<string>();
  constructor(
    readonly f: TableFacts,
    readonly opts: CheckOptions,
  ) {}

  /** The first figure of `kinds` right after `label` (a few characters of filler allowed). */
  after(
    s: NarrativeSection,
    label: RegExp,
    from = 0,
    to = s.text.length,
    kinds: Figure['kind'][] = ['wan', 'yuan'],
    within = 8,
  ): Hit | undefined {
    const re = new RegExp(label.source, 'g');
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s.text)) && m.index < to) {
      const end = m.index + m[0].length;
      const fig = extractFigures(s.text.slice(end, Math.min(to, end + within + 20))).find((x) =>
        kinds.includes(x.kind),
      );
      if (fig && fig.index <= within) {
        const abs = { ...fig, index: fig.index + end, end: fig.end + end };
        return { fig: abs, start: m.index, phrase: s.text.slice(m.index, abs.end) };
      }
      if (m[0].length === 0) re.lastIndex++;
    }
    return undefined;
  }

  /** A percentage written right after a hit (`…万元，占86.41%`). */
  shareAfter(s: NarrativeSection, h: Hit): Hit | undefined {
    const tail = s.text.slice(h.fig.end, h.fig.end + 16);
    const m = new RegExp(String.raw`^\s*[，,]?\s*占[^0-9%]{0,14}?` + NUM + String.raw`\s*%`).exec(tail);
    if (!m) return undefined;
    const fig = extractFigures(tail).find((x) => x.kind === 'pct');
    if (!fig) return undefined;
    return {
      fig: { ...fig, index: fig.index + h.fig.end, end: fig.end + h.fig.end },
      start: h.start,
      phrase: s.text.slice(h.start, fig.end + h.fig.end),
    };
  }

  private where(s: NarrativeSection, offset: number): NarrativeLine {
    let pos = 0;
    for (const l of s.lines) {
      if (offset <= pos + l.text.length) return l;
      pos += l.text.length + 1;
    }
    return s.headingLine;
  }

  push(
    rule: string,
    severity: Severity,
    s: NarrativeSection,
    phrase: string | undefined,
    offset: number | undefined,
    problem: string,
    extra: Partial<Finding> = {},
    tableAt?: Fig['at'],
  ) {
    const line = offset === undefined ? s.headingLine : this.where(s, offset);
    const loc = line.sheet ? `工作表“${line.sheet}”${line.cell ?? ''}：` : '';
    const quoted = phrase ? `“${phrase.replace(/\s+/g, ' ').trim()}”` : '';
    const cells: Finding['cells'] = [];
    if (line.sheet && line.cell) cells.push({ sheet: line.sheet, cell: line.cell });
    if (tableAt) cells.push(tableAt);
    this.out.push({
      rule,
      severity,
      table: 'narrative',
      ...(line.sheet ? { sheet: line.sheet } : {}),
      ...(line.cell ? { cell: line.cell } : {}),
      ...(cells.length ? { cells } : {}),
      row: `${s.no}、${s.title}`,
      ...extra,
      message: `${loc}情况说明${s.no}、${s.title}${quoted ? ' ' + quoted : ''}：${problem}`,
    });
  }

  /** A narrative amount against a table cell; `0 元` for a 0 万元 cell is a unit slip (warning). */
  amount(rule: string, s: NarrativeSection, h: Hit | undefined, expected: Fig | undefined, source: string) {
    if (!h || !expected) return;
    const actual = h.fig.value;
    const diff = actual.minus(expected.value);
    const cls = classifyDiff(diff, roundingTolerance(2));
    const ex = { expected: moneyString(expected.value), actual: moneyString(actual), diff: moneyString(diff) };
    if (h.fig.kind === 'yuan') {
      if (cls === 'equal' || actual.div(10000).minus(expected.value).abs().lt('0.005')) {
        this.slips.add(`${s.no}:${h.fig.index}`);
        this.push(
          rule,
          'warning',
          s,
          h.phrase,
          h.start,
          `金额单位写成了“元”，${source}为${amountText(expected.value)}万元，应写“万元”。`,
          ex,
          expected.at,
        );
        return;
      }
    }
    if (cls === 'equal') return;
    const sev: Severity = cls === 'rounding' ? 'rounding' : 'error';
    const what = cls === 'rounding' ? '与表中数有尾差' : '与表中数不一致';
    this.push(
      rule,
      sev,
      s,
      h.phrase,
      h.start,
      `${what}：文中${h.fig.raw}${h.fig.unit}，${source}为${amountText(expected.value)}万元（差${moneyString(diff)}）。`,
      ex,
      expected.at,
    );
  }

  /** A printed percentage against the exact value; fewer than 2 decimals is a warning. */
  percent(rule: string, s: NarrativeSection, h: Hit | undefined, exact: Decimal | undefined, what: string) {
    if (!h || exact === undefined) return;
    const printed = h.fig.value;
    const dec = decimalsOf(h.fig.raw);
    const rounded2 = exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const ex = { expected: rounded2.toFixed(2), actual: h.fig.raw, diff: printed.minus(rounded2).toFixed(2) };
    // Shares of one sentence are distributed to add up to 100.00: ±0.01 off plain rounding is by design.
    if (printed.minus(exact).abs().lt('0.015')) {
      if (dec < 2 && !(printed.isZero() || printed.eq(100))) {
        this.push(
          rule,
          'warning',
          s,
          h.phrase,
          h.start,
          `${what}只保留了${dec}位小数，应为${rounded2.toFixed(2)}%。`,
          ex,
        );
      }
      return;
    }
    const half = new Decimal(10).pow(-dec).div(2);
    if (dec < 2 && printed.minus(exact).abs().lte(half)) {
      this.push(
        rule,
        'warning',
        s,
        h.phrase,
        h.start,
        `${what}只保留了${dec}位小数，应为${rounded2.toFixed(2)}%。`,
        ex,
      );
      return;
    }
    this.push(rule, 'error', s, h.phrase, h.start, `${what}应为${rounded2.toFixed(2)}%，文中写${h.fig.raw}%。`, ex);
  }

  /** Σ parts = total with the 尾差 tolerance of n addends. */
  total(rule: string, s: NarrativeSection, h: Hit, parts: Decimal[], what: string) {
    const expected = sum(parts);
    const diff = h.fig.value.minus(expected);
    const cls = classifyDiff(diff, roundingTolerance(parts.length));
    if (cls === 'equal') return;
    this.push(
      rule,
      cls === 'rounding' ? 'rounding' : 'error',
      s,
      h.phrase,
      h.start,
      `${what}：${parts.map((p) => amountText(p)).join(' + ')} = ${amountText(expected)}万元，文中写${h.fig.raw}万元（差${moneyString(diff)}）。`,
      { expected: moneyString(expected), actual: moneyString(h.fig.value), diff: moneyString(diff) },
    );
  }

  /** A 增减额 and its 增减率 after `from`: the rate must be Δ / (本年 − Δ) × 100. */
  change(
    rule: string,
    s: NarrativeSection,
    current: Decimal | undefined,
    from: number,
    to: number,
    lastYear?: Decimal,
  ): { delta: Decimal; end: number } | undefined {
    const text = s.text.slice(from, to);
    const m = new RegExp(
      String.raw`(?:比|较|与)[^，,。；;\d]{0,6}?(?:上年|\d{4}\s*年)[^，,。；;\d]{0,8}?(增加|减少|增长|下降)\s*` +
        NUM +
        String.raw`\s*万元`,
    ).exec(text);
    if (!m) return undefined;
    const delta = signed(m[1], num(m[2]));
    const start = from + m.index;
    const end = start + m[0].length;
    const phrase = s.text.slice(start, end);
    if (current !== undefined && lastYear !== undefined) {
      const expected = current.minus(lastYear);
      if (!expected.eq(delta)) {
        this.push(
          rule,
          'error',
          s,
          phrase,
          start,
          `增减额应为${moneyString(expected)}万元（本年${amountText(current)} − 上年${amountText(lastYear)}），文中为${moneyString(delta)}万元。`,
          { expected: moneyString(expected), actual: moneyString(delta), diff: moneyString(delta.minus(expected)) },
        );
      }
    }
    const rm = new RegExp(String.raw`^[，,\s]*(?:增加|减少|增长|下降)\s*` + NUM + String.raw`\s*%`).exec(
      s.text.slice(end, to),
    );
    if (rm && current !== undefined) {
      const rateStart = end;
      const fig = extractFigures(rm[0]).find((x) => x.kind === 'pct');
      const exact = current.minus(delta).isZero() ? undefined : delta.abs().div(current.minus(delta).abs()).times(100);
      if (fig && exact) {
        const h: Hit = {
          fig: { ...fig, index: fig.index + rateStart, end: fig.end + rateStart },
          start,
          phrase: s.text.slice(start, rateStart + rm[0].length),
        };
        this.percent(rule, s, h, exact, '增减率');
      }
      return { delta, end: rateStart + rm[0].length };
    }
    return { delta, end };
  }

  /** Any amount written in 元 in a paragraph whose amounts are 万元 (001 七 `0 元`, docs/domain.md § 样本中的已知错误). */
  unitSlips(s: NarrativeSection) {
    if (s.no === '十二') return;
    for (const f of extractFigures(s.text)) {
      if (f.kind !== 'yuan' || this.slips.has(`${s.no}:${f.index}`)) continue;
      // 十一 quotes thresholds such as `50万元（原值）`; 元 there would also be a slip.
      const phrase = s.text.slice(Math.max(0, f.index - 12), f.end);
      this.push(
        RULE[s.no],
        'warning',
        s,
        phrase,
        f.index,
        `“${f.raw}${f.unit}”单位应为“万元”（情况说明金额均以万元计）。`,
      );
    }
  }
}

/** Slot checks per paragraph. */
const PARAGRAPH_CHECKS: Partial<Record<ParagraphNo, SectionCheck>> = {
  一: (c, s) => {
    const t = c.f.t1;
    if (!t) return;
    const split = s.text.search(/支出总计/);
    const incomeEnd = split < 0 ? s.text.length : split;
    const ly = c.opts.inputs?.lastYear;
    const halves = [
      {
        from: 0,
        to: incomeEnd,
        grand: /收入总计/,
        grandFig: t.incomeGrand,
        current: /本年收入/,
        currentFig: t.incomeTotal,
        carryFig: t.carryIn,
        last: wan(ly?.incomeTotal),
        name: '收入总计',
      },
      {
        from: Math.max(0, split),
        to: s.text.length,
        grand: /支出总计/,
        grandFig: t.expGrand,
        current: /本年预算安排/,
        currentFig: t.expCurrent,
        carryFig: t.expCarry,
        last: wan(ly?.expenditureTotal ?? ly?.incomeTotal),
        name: '支出总计',
      },
    ];
    for (const h of halves) {
      // A text without an expenditure half has only the income half to check.
      if (h.name === '支出总计' && split < 0) continue;
      const g = c.after(s, h.grand, h.from, h.to);
      c.amount('N1', s, g, h.grandFig, `表1 ${h.name}`);
      c.amount(
        'N1',
        s,
        c.after(s, h.current, h.from, h.to),
        h.currentFig,
        `表1 ${h.name === '收入总计' ? '本年收入合计' : '支出总计（当年预算安排）'}`,
      );
      c.amount(
        'N1',
        s,
        c.after(s, /上年结转/, h.from, h.to),
        h.carryFig,
        `表1 ${h.name === '收入总计' ? '上年结转' : '支出总计（上年结转安排）'}`,
      );
      // The rate is judged against the table's figure: a wrong amount is reported once, by itself.
      const ch = c.change('N1p', s, h.grandFig.value, g ? g.fig.end : h.from, h.to, h.last);
      if (!ch) continue;
      // A reason that breaks Δ into parts (003: ①一般公共预算较上年减少12.78万元 ②…增加25.54万元).
      const re = new RegExp(String.raw`较上年\s*(增加|减少|增长|下降)\s*` + NUM + String.raw`\s*万元`, 'g');
      re.lastIndex = ch.end;
      const parts: Decimal[] = [];
      let first = -1;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s.text)) && m.index < h.to) {
        if (first < 0) first = m.index;
        parts.push(signed(m[1], num(m[2])));
      }
      if (parts.length >= 2) {
        const expected = sum(parts);
        const diff = ch.delta.minus(expected);
        const cls = classifyDiff(diff, roundingTolerance(parts.length));
        if (cls !== 'equal') {
          c.push(
            'N1p',
            cls === 'rounding' ? 'rounding' : 'error',
            s,
            s.text.slice(first, Math.min(first + 30, h.to)),
            first,
            `原因中分项增减额合计${moneyString(expected)}万元（${parts.map((p) => moneyString(p)).join(' + ')}），与${h.name}增减额${moneyString(ch.delta)}万元${cls === 'rounding' ? '有尾差' : '不一致'}。`,
            { expected: moneyString(ch.delta), actual: moneyString(expected), diff: moneyString(diff) },
          );
        }
      }
    }
  },

  二: (c, s) => {
    const t = c.f.t1;
    if (!t) return;
    const grand = c.after(s, /预算收入/);
    c.amount('N2', s, grand, t.incomeGrand, '表1 收入总计');
    const from = grand ? grand.fig.end : 0;
    const sources: [RegExp, Fig, string][] = [
      [/一般公共预算(?:拨款)?(?:收入)?/, t.sources.gpb, '表1 一般公共预算'],
      [/政府性基金(?:预算)?(?:拨款)?(?:收入)?/, t.sources.fund, '表1 政府性基金预算'],
      [/国有资本经营(?:预算)?(?:拨款)?(?:收入)?/, t.sources.soe, '表1 国有资本经营预算'],
      [/财政专户管理资金(?:收入)?/, t.sources.special, '表1 财政专户管理资金'],
      [/单位资金/, t.sources.unit, '表1 单位资金'],
      [/上年结转(?:收入)?/, t.carryIn, '表1 上年结转'],
    ];
    for (const [re, fig, name] of sources) {
      const h = c.after(s, re, from);
      if (!h) {
        if (!fig.value.isZero())
          c.push(
            'N2',
            'error',
            s,
            undefined,
            undefined,
            `未说明${name.replace('表1 ', '')}收入${amountText(fig.value)}万元（${name}）。`,
            {},
            fig.at,
          );
        continue;
      }
      c.amount('N2', s, h, fig, name);
      c.percent(
        'N2',
        s,
        c.shareAfter(s, h),
        t.incomeGrand.value.isZero() ? undefined : fig.value.div(t.incomeGrand.value).times(100),
        `${name.replace('表1 ', '')}占收入总计的比重`,
      );
    }
  },

  三: (c, s) => {
    const t = c.f.t3;
    if (!t) return;
    c.amount('N3', s, c.after(s, /支出预算/), t.total, '表3 合计');
    for (const [re, fig, name] of [
      [/基本支出/, t.basic, '基本支出'],
      [/项目支出/, t.project, '项目支出'],
    ] as const) {
      const h = c.after(s, re);
      c.amount('N3', s, h, fig, `表3 合计行${name}`);
      if (h)
        c.percent(
          'N3',
          s,
          c.shareAfter(s, h),
          t.total.value.isZero() ? undefined : fig.value.div(t.total.value).times(100),
          `${name}占比`,
        );
    }
  },

  四: (c, s) => {
    const t = c.f.t4;
    if (!t) return;
    c.amount('N4', s, c.after(s, /总预算/), t.incomeGrand, '表4 收入总计');
    c.amount('N4', s, c.after(s, /一般公共预算拨款/), t.gpb, '表4 一般公共预算（含上年结转）');
    c.amount('N4', s, c.after(s, /政府性基金预算拨款/), t.fund, '表4 政府性基金预算（含上年结转）');
    c.amount('N4', s, c.after(s, /国有资本经营预算拨款/), t.soe, '表4 国有资本经营预算（含上年结转）');
    const cur = c.after(s, /当年拨款收入/);
    c.amount('N4', s, cur, t.incomeTotal, '表4 本年收入合计');
    c.amount('N4', s, c.after(s, /上年结转(?:收入)?/, cur ? cur.fig.end : 0), t.carryIn, '表4 上年财政拨款结转');
    namedList(c, s, 'N4', /支出包括[：:]/, t.categories, '表4 支出功能分类', undefined);
  },

  五: (c, s) => {
    const t = c.f.t5;
    if (!t) return;
    const sub2 = s.text.search(/[（(]二[）)]/);
    const end1 = sub2 < 0 ? s.text.length : sub2;
    const h1 = c.after(s, /当年(?:支出|拨款)/, 0, end1);
    c.amount('N5', s, h1, t.total, '表5 合计');
    c.change('N5', s, t.total.value, h1 ? h1.fig.end : 0, end1, wan(c.opts.inputs?.lastYear.gpbCurrent));
    if (sub2 < 0) return;
    const h2 = c.after(s, /当年(?:支出|拨款)/, sub2);
    c.amount('N5', s, h2, t.total, '表5 合计');
    namedList(c, s, 'N5', /主要用于以下方面[：:]|主要用于[：:]/, t.lei, '表5 类级科目', t.total.value);
  },

  六: (c, s) => {
    const t = c.f.t6;
    if (!t) return;
    const derived = t.derived ? '（表6合计行未填，按类汇总）' : '';
    c.amount('N6', s, c.after(s, /基本支出/), t.total, '表6 合计');
    const sides = [
      { re: /人员经费/, fig: t.personnel, side: 'personnel' as const, name: '人员经费' },
      { re: /公用经费/, fig: t.public, side: 'public' as const, name: '公用经费' },
    ];
    for (const x of sides) {
      const h = c.after(s, x.re);
      c.amount('N6', s, h, x.fig, `表6 合计行${x.name}${derived}`);
      const lm = new RegExp(x.re.source + String.raw`[^；;。\n]*?主要包括[：:]([^；;。\n]*)`).exec(s.text);
      if (!lm) continue;
      const listStart = lm.index + lm[0].length - lm[1].length;
      const written = lm[1]
        .split(/[、，,]/)
        .map((n) => n.trim().replace(/等$/, '').trim())
        .filter(Boolean);
      const table = t.items.filter((i) => i.side === x.side).map((i) => i.name);
      const tableSet = new Set(table.map((n) => sameNameKey(n)));
      const writtenSet = new Set(written.map((n) => sameNameKey(n)));
      const absent = written.filter((n) => !tableSet.has(sameNameKey(n)));
      const omitted = table.filter((n) => !writtenSet.has(sameNameKey(n)));
      const phrase = `${x.name}…主要包括：${lm[1].slice(0, 24)}${lm[1].length > 24 ? '…' : ''}`;
      if (absent.length) {
        c.push(
          'N6',
          'error',
          s,
          phrase,
          listStart,
          `列出的${absent.length}项在表6${x.name}中没有：${absent.join('、')}。`,
          { expected: table.join('、'), actual: written.join('、') },
        );
      }
      if (omitted.length) {
        c.push(
          'N6',
          'warning',
          s,
          phrase,
          listStart,
          `表6${x.name}中的${omitted.length}项未列出：${omitted.join('、')}。`,
          { expected: table.join('、'), actual: written.join('、') },
        );
      }
    }
  },

  七: (c, s) => {
    const t = c.f.t10;
    if (!t) return;
    const tot = c.after(s, /三公”?\s*经费(?:支出)?预算/);
    c.amount('N7', s, tot, t.total, '表10 合计');
    let totalDelta: Decimal | undefined;
    if (tot) {
      const tail = s.text.slice(tot.fig.end, tot.fig.end + 40);
      const m = new RegExp(
        String.raw`^[，,\s]*(?:比|较)[^，,。；;\d]{0,4}?(?:上年|\d{4}\s*年)[^，,。；;\d]{0,6}?(增加|减少|增长|下降)\s*` +
          NUM +
          String.raw`\s*万元`,
      ).exec(tail);
      if (m) totalDelta = signed(m[1], num(m[2]));
      else if (/^[，,\s]*与[^，,。；;]{0,10}相同/.test(tail)) totalDelta = ZERO;
      const ly = wan(c.opts.inputs?.threePublic.lastYearTotal);
      if (totalDelta !== undefined && ly !== undefined && !t.total.value.minus(ly).eq(totalDelta)) {
        c.push(
          'N7',
          'error',
          s,
          tot.phrase,
          tot.start,
          `增减额应为${moneyString(t.total.value.minus(ly))}万元，文中为${moneyString(totalDelta)}万元。`,
        );
      }
    }
    const parts = [
      { re: /因公出国[（(]境[）)]费(?:用)?/, fig: t.abroad, name: '因公出国（境）费', inSum: true },
      { re: /公务接待费/, fig: t.reception, name: '公务接待费', inSum: true },
      { re: /公务用车购置及运行(?:维护)?费/, fig: t.vehicle, name: '公务用车购置及运行费', inSum: false },
      { re: /公务用车运行维护费/, fig: t.vehicleRunning, name: '②公务用车运行维护费', inSum: true },
      { re: /公务用车购置费/, fig: t.vehiclePurchase, name: '①公务用车购置费', inSum: true },
    ];
    const from = tot ? tot.fig.end : 0;
    const deltas: Decimal[] = [];
    let allDeltas = true;
    for (const p of parts) {
      const h = c.after(s, p.re, from);
      if (!h) {
        if (p.inSum) allDeltas = false;
        continue;
      }
      c.amount('N7', s, h, p.fig, `表10 ${p.name}`);
      const seg = s.text.slice(h.fig.end).split(/[；;。\n]/)[0];
      const m = new RegExp(String.raw`(增加|减少|增长|下降)\s*` + NUM + String.raw`\s*万元`).exec(seg);
      const d = m ? signed(m[1], num(m[2])) : /相同|持平/.test(seg) ? ZERO : undefined;
      if (!p.inSum) continue;
      if (d === undefined) allDeltas = false;
      else deltas.push(d);
    }
    if (tot && totalDelta !== undefined && allDeltas && deltas.length) {
      const diff = totalDelta.minus(sum(deltas));
      const cls = classifyDiff(diff, roundingTolerance(deltas.length));
      if (cls !== 'equal') {
        c.push(
          'N7',
          cls === 'rounding' ? 'rounding' : 'error',
          s,
          tot.phrase,
          tot.start,
          `各项增减额合计${moneyString(sum(deltas))}万元，与“三公”经费总增减额${moneyString(totalDelta)}万元不一致。`,
          { expected: moneyString(totalDelta), actual: moneyString(sum(deltas)), diff: moneyString(diff) },
        );
      }
    }
  },

  八: (c, s) => {
    const t = c.f.t11;
    if (!t) return;
    const empty = t.total.value.isZero() && t.units.length === 0;
    const says无 = /无机关运行经费/.test(s.text);
    if (says无) {
      if (!empty)
        c.push(
          'N8',
          'error',
          s,
          '无机关运行经费',
          s.text.indexOf('无机关运行经费'),
          `表11机关运行经费为${amountText(t.total.value)}万元，不能写“无机关运行经费”。`,
          {},
          t.total.at,
        );
      return;
    }
    const h = c.after(s, /机关运行经费(?:财政拨款)?(?:预算)?(?:数)?(?:为)?/, 0, s.text.length, ['wan', 'yuan'], 14);
    if (empty && !h) {
      c.push('N8', 'warning', s, undefined, undefined, '表11无数据，应写明“本单位无机关运行经费”。');
      return;
    }
    c.amount('N8', s, h, t.total, '表11 部门合计');
    if (h) c.change('N8', s, t.total.value, h.fig.end, s.text.length, wan(c.opts.inputs?.lastYear.adminCost));
    const u = /(\d+)\s*家/.exec(s.text);
    if (u && t.units.length && Number(u[1]) !== t.units.length) {
      c.push('N8', 'error', s, u[0], u.index, `表11列有${t.units.length}家单位，文中写${u[1]}家。`, {
        expected: String(t.units.length),
        actual: u[1],
      });
    }
  },

  九: (c, s) => {
    const tot = c.after(s, /采购预算总额/);
    const parts = [c.after(s, /货物预算/), c.after(s, /工程预算/), c.after(s, /服务预算/)];
    if (tot && parts.every((p) => p))
      c.total(
        'N9',
        s,
        tot,
        parts.map((p) => p!.fig.value),
        '政府采购预算总额应等于货物、工程、服务之和',
      );
    const p = c.opts.inputs?.procurement;
    if (p) {
      const names = ['政府采购货物预算', '政府采购工程预算', '政府采购服务预算'];
      [p.goods, p.works, p.services].forEach((v, i) =>
        c.amount('N9', s, parts[i], { value: new Decimal(v) }, `填报的${names[i]}`),
      );
    }
  },

  十: (c, s) => {
    const f = c.f;
    const projStart = s.text.search(/(?:二|2)级项目/);
    // 1、整体绩效目标: which amount it cites depends on the region's convention (docs/domain.md § 十、绩效管理情况).
    const overall = c.after(s, /涉及(?:本级)?(?:预算)?资金/, 0, projStart < 0 ? s.text.length : projStart);
    if (overall) {
      const candidates: [OverallConvention, Decimal | undefined, string][] = [
        ['incomeTotal', f.t1?.incomeGrand.value, '表1 收入总计'],
        ['gpbSplit', f.t5?.total.value, '表5 合计'],
        ['projectTotal', f.t12?.total ?? f.t3?.project.value, '表12 项目合计'],
      ];
      const want = c.opts.inputs?.overall.convention;
      const matches = candidates.filter(([, v]) => v !== undefined && v.eq(overall.fig.value));
      if (matches.length === 0) {
        c.push(
          'N10b',
          'error',
          s,
          overall.phrase,
          overall.start,
          `整体绩效目标涉及资金${overall.fig.raw}万元与${candidates
            .filter(([, v]) => v)
            .map(([, v, n]) => `${n}${amountText(v!)}万元`)
            .join('、')}均不符。`,
        );
      } else if (want && !matches.some(([k]) => k === want)) {
        const w = candidates.find(([k]) => k === want)!;
        c.push(
          'N10b',
          'warning',
          s,
          overall.phrase,
          overall.start,
          `按本地口径整体绩效目标应引用${w[2]}${w[1] ? amountText(w[1]) : '?'}万元，文中引用的是${matches[0][2]}。`,
        );
      }
    }
    const promise = /整体(?:支出)?(?:绩效)?目标(?:申报)?表[^。\n]{0,12}见附件/.exec(s.text);
    if (promise && c.opts.overallFormAttached === false) {
      c.push('N10b', 'warning', s, promise[0], promise.index, '文中称整体绩效目标表见附件，但未附整体支出绩效目标表。');
    }
    if (!f.t12 || projStart < 0) return;
    const n = c.after(s, /(?:二|2)级项目/, 0, s.text.length, ['count'], 4);
    const projects = f.t12.projects;
    if (n && !n.fig.value.eq(projects.length)) {
      c.push('N10', 'error', s, n.phrase, n.start, `表12列有${projects.length}个项目，文中写${n.fig.raw}个。`, {
        expected: String(projects.length),
        actual: n.fig.raw,
      });
    }
    const x = c.after(s, /共计金额/);
    c.amount('N10', s, x, { value: f.t12.total, at: projects[0]?.at }, '表12 项目合计');
    const pubAt = s.text.search(/公开项目绩效目标/);
    const splitCheck = (from: number, to: number, count: Hit | undefined, amount: Hit | undefined, label: string) => {
      const n1 = c.after(s, /其他运转类项目/, from, to, ['count'], 3);
      const n2 = c.after(s, /特定目标类项目/, from, to, ['count'], 3);
      if (!n1 || !n2) return;
      const x1 = c.after(s, /涉及(?:项目)?金额/, n1.fig.end, to, ['wan', 'yuan'], 4);
      const x2 = c.after(s, /涉及(?:项目)?金额/, n2.fig.end, to, ['wan', 'yuan'], 4);
      if (count && !n1.fig.value.plus(n2.fig.value).eq(count.fig.value)) {
        c.push(
          'N10',
          'error',
          s,
          n1.phrase,
          n1.start,
          `${label}其他运转类${n1.fig.raw}个 + 特定目标类${n2.fig.raw}个 ≠ ${count.fig.raw}个。`,
        );
      }
      if (amount && x1 && x2)
        c.total('N10', s, amount, [x1.fig.value, x2.fig.value], `${label}其他运转类与特定目标类金额之和`);
    };
    splitCheck(n ? n.fig.end : 0, pubAt < 0 ? s.text.length : pubAt, n, x, '纳入绩效目标管理的项目中');
    if (pubAt < 0) return;
    const m = c.after(s, /公开项目绩效目标/, pubAt, s.text.length, ['count'], 3);
    const y = c.after(s, /涉及项目金额/, pubAt);
    if (m && c.opts.formsCount !== undefined && !m.fig.value.eq(c.opts.formsCount)) {
      c.push(
        'N10',
        'error',
        s,
        m.phrase,
        m.start,
        `文中称公开项目绩效目标${m.fig.raw}个，但所附项目支出绩效目标表为${c.opts.formsCount}张。`,
        {
          expected: String(c.opts.formsCount),
          actual: m.fig.raw,
          diff: String(m.fig.value.minus(c.opts.formsCount).toNumber()),
        },
      );
    }
    if (y) {
      const share = c.after(s, /项目支出总额的/, y.fig.end, s.text.length, ['pct'], 2);
      if (share && !f.t12.total.isZero())
        c.percent('N10', s, share, y.fig.value.div(f.t12.total).times(100), '公开项目金额占项目支出总额的比重');
      if (y.fig.value.gt(f.t12.total))
        c.push(
          'N10',
          'error',
          s,
          y.phrase,
          y.start,
          `公开项目金额${y.fig.raw}万元超过表12项目合计${amountText(f.t12.total)}万元。`,
        );
    }
    splitCheck(m ? m.fig.end : pubAt, s.text.length, m, y, '公开的项目中');
  },

  十一: (c, s) => {
    const actual = c.after(s, /实有/, 0, s.text.length, ['count'], 3);
    if (!actual) return;
    const cats = [
      '领导用车',
      '机要通信用车',
      '应急保障用车',
      '执法执勤用车',
      '特种专业技术用车',
      '事业单位业务用车',
      '其他公务用车',
    ];
    const hits = cats.map((k) => c.after(s, new RegExp(k), actual.fig.end, s.text.length, ['count'], 3));
    if (hits.some((h) => h)) {
      const total = sum(hits.map((h) => h?.fig.value ?? ZERO));
      if (!total.eq(actual.fig.value)) {
        c.push(
          'N11',
          'error',
          s,
          actual.phrase,
          actual.start,
          `各类车辆合计${total.toString()}辆，与实有${actual.fig.raw}辆不符。`,
          { expected: total.toString(), actual: actual.fig.raw },
        );
      }
    }
    const running = c.f.t10?.vehicleRunning;
    if (actual.fig.value.isZero() && running && !running.value.isZero()) {
      c.push(
        'N11',
        'warning',
        s,
        actual.phrase,
        actual.start,
        `实有公务用车0辆，但表10公务用车运行维护费为${amountText(running.value)}万元，请说明。`,
        {},
        running.at,
      );
    }
    const as = c.opts.inputs?.assets;
    if (as) {
      const n = Object.values(as.vehicles).reduce((a, b) => a + (b ?? 0), 0);
      if (!actual.fig.value.eq(n))
        c.push(
          'N11',
          'error',
          s,
          actual.phrase,
          actual.start,
          `填报的实有公务用车为${n}辆，文中写${actual.fig.raw}辆。`,
        );
    }
  },
};

/**
 * A `name amount万元[，占 p%]` list after `intro` against table rows (表4 categories, 表5 类):
 * every non-zero row must be listed with its amount, and nothing else.
 */
function namedList(
  c: Checker,
  s: NarrativeSection,
  rule: string,
  intro: RegExp,
  rows: { name: string; value: Decimal; at?: Fig['at'] }[],
  source: string,
  shareOf: Decimal | undefined,
) {
  const m = intro.exec(s.text);
  if (!m) return;
  const start = m.index + m[0].length;
  const endRel = s.text.slice(start).search(/。|\n/);
  const end = endRel < 0 ? s.text.length : start + endRel;
  const itemRe = new RegExp(String.raw`([\u4e00-\u9fa5（）()“”]+?)\s*` + NUM + String.raw`\s*(万元|元)`, 'g');
  itemRe.lastIndex = start;
  const listed = new Set<string>();
  let im: RegExpExecArray | null;
  while ((im = itemRe.exec(s.text)) && im.index < end) {
    const name = im[1].replace(/^(?:等|和|及|其中|占)/, '');
    const itemStart = im.index;
    const row = rows.find((r) => sameNameKey(r.name) === sameNameKey(name));
    const phrase = s.text.slice(itemStart, itemRe.lastIndex);
    if (!row) {
      // `教育支出0万元` names a category the table leaves blank: true, if unusual.
      if (!num(im[2]).isZero()) c.push(rule, 'error', s, phrase, itemStart, `“${name}”不在${source}的非零行中。`);
      continue;
    }
    listed.add(sameNameKey(row.name));
    const numStart = itemStart + im[0].indexOf(im[2]);
    const fig: Figure = {
      kind: im[3] === '万元' ? 'wan' : 'yuan',
      value: num(im[2]),
      raw: im[2],
      unit: im[3],
      index: numStart,
      end: itemRe.lastIndex,
    };
    const h: Hit = { fig, start: itemStart, phrase };
    c.amount(rule, s, h, row, `${source}“${row.name}”`);
    if (shareOf && !shareOf.isZero())
      c.percent(rule, s, c.shareAfter(s, h), row.value.div(shareOf).times(100), `${row.name}占比`);
  }
  for (const r of rows) {
    if (!listed.has(sameNameKey(r.name))) {
      c.push(
        rule,
        'error',
        s,
        undefined,
        start,
        `未列出${source}“${r.name}”${amountText(r.value)}万元。`,
        { expected: moneyString(r.value) },
        r.at,
      );
    }
  }
}
