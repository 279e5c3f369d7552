import type { Finding, Severity } from '../model/finding';
import { Decimal, classifyDiff, moneyString, roundingTolerance, sum } from '../money';
import type { Fig } from './facts';
import { amountText, decimalsOf } from './format';
import type { ParagraphNo } from './generate';
import type { NarrativeLine, NarrativeSection } from './parse';
import type { Mention, Placed } from './place';

/** Rule id of each paragraph's own checks (docs/narrative.md). */
export const PARAGRAPH_RULE: Record<ParagraphNo, string> = {
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

/** A figure placed on an item, with the phrase that shows it (`公务接待费比上年下降2万元`). */
export interface Hit {
  fig: Placed['fig'];
  start: number;
  phrase: string;
}

export function hitOf(s: NarrativeSection, m: Mention | undefined, p: Placed | undefined): Hit | undefined {
  if (!m || !p) return undefined;
  const start = Math.min(m.start, p.fig.index);
  return { fig: p.fig, start, phrase: s.text.slice(start, Math.max(m.end, p.fig.end)) };
}

/**
 * Builds the narrative's findings: where (paragraph, worksheet cell), the phrase quoted, and the
 * comparison (amount, percentage, sum) with the engine's 尾差 tolerance.
 */
export class Reporter {
  readonly out: Finding[] = [];
  /** Figures already reported as a 元/万元 slip, so the sweep does not repeat them. */
  private readonly slips = new Set<string>();

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

  /** A narrative amount against a table figure; `0 元` for a 0 万元 cell is a unit slip (提示). */
  amount(rule: string, s: NarrativeSection, h: Hit | undefined, expected: Fig | undefined, source: string) {
    if (!h || !expected) return;
    const actual = h.fig.value;
    // A table printed in 元 gives exact 万元 figures (537,003 元 → 53.7003); a text that writes
    // 万元 to the cent states that figure rounded, so it is compared rounded the same way
    // (docs/domain.md § 尾差). A text figure with more decimals is compared exactly.
    const target =
      actual.decimalPlaces() <= 2 && expected.value.decimalPlaces() > 2
        ? expected.value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
        : expected.value;
    const diff = actual.minus(target);
    const cls = classifyDiff(diff, roundingTolerance(2));
    const ex = { expected: moneyString(target), actual: moneyString(actual), diff: moneyString(diff) };
    if (h.fig.kind === 'yuan') {
      if (cls === 'equal' || actual.div(10000).minus(expected.value).abs().lt('0.005')) {
        this.slips.add(`${s.no}:${h.fig.index}`);
        this.push(
          rule,
          'warning',
          s,
          h.phrase,
          h.start,
          `金额单位写成了“元”，${source}为${amountText(target)}万元，应写“万元”。`,
          ex,
          expected.at,
        );
        return;
      }
    }
    if (cls === 'equal') return;
    const what = cls === 'rounding' ? '与表中数有尾差' : '与表中数不一致';
    this.push(
      rule,
      cls === 'rounding' ? 'rounding' : 'error',
      s,
      h.phrase,
      h.start,
      `${what}：文中${h.fig.raw}${h.fig.unit}，${source}为${amountText(target)}万元（差${moneyString(diff)}）。`,
      ex,
      expected.at,
    );
  }

  /** A printed percentage against the exact value; fewer than 2 decimals is a 提示. */
  percent(rule: string, s: NarrativeSection, h: Hit | undefined, exact: Decimal | undefined, what: string) {
    if (!h || exact === undefined) return;
    const printed = h.fig.value;
    const dec = decimalsOf(h.fig.raw);
    const rounded2 = exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const ex = { expected: rounded2.toFixed(2), actual: h.fig.raw, diff: printed.minus(rounded2).toFixed(2) };
    const fewer = () =>
      this.push(
        rule,
        'warning',
        s,
        h.phrase,
        h.start,
        `${what}只保留了${dec}位小数，应为${rounded2.toFixed(2)}%。`,
        ex,
      );
    // Shares of one sentence are distributed to add up to 100.00: ±0.01 off plain rounding is by design.
    if (printed.minus(exact).abs().lt('0.015')) {
      if (dec < 2 && !(printed.isZero() || printed.eq(100))) fewer();
      return;
    }
    const half = new Decimal(10).pow(-dec).div(2);
    if (dec < 2 && printed.minus(exact).abs().lte(half)) {
      fewer();
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

  /** Any amount written in 元 in a paragraph whose amounts are 万元 (001 七 `0 元`). */
  unitSlips(s: NarrativeSection, figures: readonly Placed[]) {
    if (s.no === '十二') return;
    for (const { fig: f } of figures) {
      if (f.kind !== 'yuan' || this.slips.has(`${s.no}:${f.index}`)) continue;
      const phrase = s.text.slice(Math.max(0, f.index - 12), f.end);
      this.push(
        PARAGRAPH_RULE[s.no],
        'warning',
        s,
        phrase,
        f.index,
        `“${f.raw}${f.unit}”单位应为“万元”（情况说明金额均以万元计）。`,
      );
    }
  }
}
