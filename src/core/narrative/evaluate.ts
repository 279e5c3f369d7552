import { Decimal, classifyDiff, moneyString, roundingTolerance } from '../money';
import { stripOrdinal } from '../locate/normalise';
import { CATEGORIES } from '../reference';
import { sameNameKey } from '../text/sameName';
import {
  FIGURE_CHECKS,
  ROW_LIST_CHECKS,
  type FactKey,
  type FigureCheck,
  type LastYearKey,
  type RowListCheck,
} from './catalogue';
import type { Fig, NamedFig, TableFacts } from './facts';
import { amountText } from './format';
import type { ParagraphNo } from './generate';
import { wan, type NarrativeInputs } from './inputs';
import type { NarrativeSection } from './parse';
import type { Mention, Placed, Placement } from './place';
import { hitOf, type Hit, type Reporter } from './report';

/** What one paragraph's checks share: the tables, the inputs, the placed figures, the findings. */
export interface SectionContext {
  f: TableFacts;
  inputs?: NarrativeInputs;
  r: Reporter;
  s: NarrativeSection;
  placement: Placement;
  /** Expected figures that could not be placed: the paragraph's one 信息 line (N0u). */
  missing: string[];
  /** Set when a procedure has said all there is to say about the paragraph (八 `无机关运行经费`). */
  quiet: boolean;
  /** Memo of `unplacedAmounts`. */
  unplaced?: Placed[];
}

const sumFig = (...xs: (Fig | undefined)[]): Fig => ({
  value: xs.reduce((a, x) => a.plus(x?.value ?? 0), new Decimal(0)),
});

/** The table (or input) figure an entry names; undefined when its table or input is missing. */
export function factOf(key: FactKey, f: TableFacts, inputs?: NarrativeInputs): Fig | undefined {
  const p = inputs?.procurement;
  switch (key) {
    case 't1.incomeGrand':
      return f.t1?.incomeGrand;
    case 't1.incomeTotal':
      return f.t1?.incomeTotal;
    case 't1.carryIn':
      return f.t1?.carryIn;
    case 't1.gpb':
      return f.t1?.sources.gpb;
    case 't1.fund':
      return f.t1?.sources.fund;
    case 't1.soe':
      return f.t1?.sources.soe;
    case 't1.special':
      return f.t1?.sources.special;
    case 't1.unit':
      return f.t1?.sources.unit;
    case 't1.fiscal':
      return f.t1 && sumFig(f.t1.sources.gpb, f.t1.sources.fund, f.t1.sources.soe);
    case 't1.expGrand':
      return f.t1?.expGrand;
    case 't1.expCurrent':
      return f.t1?.expCurrent;
    case 't1.expCarry':
      return f.t1?.expCarry;
    case 't3.total':
      return f.t3?.total;
    case 't3.basic':
      return f.t3?.basic;
    case 't3.project':
      return f.t3?.project;
    case 't4.incomeGrand':
      return f.t4?.incomeGrand;
    case 't4.incomeTotal':
      return f.t4?.incomeTotal;
    case 't4.carryIn':
      return f.t4?.carryIn;
    case 't4.gpb':
      return f.t4?.gpb;
    case 't4.fund':
      return f.t4?.fund;
    case 't4.soe':
      return f.t4?.soe;
    case 't4.gpbCurrent':
      return f.t4?.current.gpb;
    case 't4.fundCurrent':
      return f.t4?.current.fund;
    case 't4.soeCurrent':
      return f.t4?.current.soe;
    case 't5.total':
      return f.t5?.total;
    case 't6.total':
      return f.t6?.total;
    case 't6.personnel':
      return f.t6?.personnel;
    case 't6.public':
      return f.t6?.public;
    case 't10.total':
      return f.t10?.total;
    case 't10.abroad':
      return f.t10?.abroad;
    case 't10.reception':
      return f.t10?.reception;
    case 't10.vehicle':
      return f.t10?.vehicle;
    case 't10.vehicleRunning':
      return f.t10?.vehicleRunning;
    case 't10.vehiclePurchase':
      return f.t10?.vehiclePurchase;
    case 't11.total':
      return f.t11?.total;
    case 'in.procurement.total':
      return (
        p &&
        sumFig({ value: new Decimal(p.goods) }, { value: new Decimal(p.works) }, { value: new Decimal(p.services) })
      );
    case 'in.procurement.goods':
      return p && { value: new Decimal(p.goods) };
    case 'in.procurement.works':
      return p && { value: new Decimal(p.works) };
    case 'in.procurement.services':
      return p && { value: new Decimal(p.services) };
  }
}

/** Last year's figure from the inputs; the expenditure total falls back on the income total (they are equal). */
export function lastYearOf(key: LastYearKey, inputs?: NarrativeInputs): Decimal | undefined {
  if (!inputs) return undefined;
  const ly = inputs.lastYear;
  const tp = inputs.threePublic;
  switch (key) {
    case 'incomeTotal':
      return wan(ly.incomeTotal);
    case 'expenditureTotal':
      return wan(ly.expenditureTotal ?? ly.incomeTotal);
    case 'gpbCurrent':
      return wan(ly.gpbCurrent);
    case 'adminCost':
      return wan(ly.adminCost);
    case 'threePublic.total':
      return wan(tp.lastYearTotal);
    case 'threePublic.abroad':
      return wan(tp.abroad?.lastYear);
    case 'threePublic.reception':
      return wan(tp.reception?.lastYear);
    case 'threePublic.vehicle':
      return wan(tp.vehicle?.lastYear);
    case 'threePublic.vehicleRunning':
      return wan(tp.vehicleRunning?.lastYear);
    case 'threePublic.vehiclePurchase':
      return wan(tp.vehiclePurchase?.lastYear);
  }
}

const CLAUSE_BREAK = /[，,；;。：:\n]/;

/** A change's own words (`比上年减少83.12万元`), not the whole sentence from the item on. */
export function changeHit(s: NarrativeSection, p: Placed | undefined, upTo?: Placed): Hit | undefined {
  if (!p) return undefined;
  let start = p.fig.index;
  while (start > 0 && !CLAUSE_BREAK.test(s.text[start - 1])) start--;
  const end = Math.max(p.fig.end, upTo?.fig.end ?? 0);
  return { fig: p.fig, start, phrase: s.text.slice(start, end) };
}

export const mentionsOf = (ctx: SectionContext, term: string, scope?: string): Mention[] =>
  ctx.placement.mentions.filter((m) => m.term === term && (scope === undefined || m.scope === scope));

const hasMoney = (ctx: SectionContext) =>
  ctx.placement.figures.some((p) => (p.fig.kind === 'wan' || p.fig.kind === 'yuan') && !p.same);

/** Amounts of the paragraph that no item took: a figure whose item the vocabulary does not know. */
export function unplacedAmounts(ctx: SectionContext): Placed[] {
  if (ctx.unplaced) return ctx.unplaced;
  const taken = new Set<Placed>();
  for (const m of ctx.placement.mentions)
    for (const p of [m.amount, m.share, m.count, m.previous, m.change, m.rate, ...m.subChanges]) if (p) taken.add(p);
  return (ctx.unplaced = ctx.placement.figures.filter((p) => p.role === 'amount' && !taken.has(p)));
}

/**
 * Whether a text must state this figure (see `FigureCheck.expect`): the headline figure always
 * (when the paragraph has any amount, or the table's is not 0); any other only when the table's is
 * not 0 and the text either names the item or has an amount no item took.
 */
function expected(ctx: SectionContext, e: FigureCheck, fact: Fig | undefined, named: boolean): boolean {
  const nonZero = fact !== undefined && !fact.value.isZero();
  if (e.expect === 'always') return nonZero || hasMoney(ctx);
  if (e.expect === 'nonZero') return nonZero && (named || unplacedAmounts(ctx).length > 0 || !!e.absent);
  return false;
}

/** The change of an item against last year, and the rate of that change. */
function checkChange(ctx: SectionContext, e: FigureCheck, m: Mention, current: Decimal) {
  const ch = m.change;
  if (!e.change || !ch?.signed) return;
  const { r, s } = ctx;
  const lastYear =
    lastYearOf(e.change.lastYear, ctx.inputs) ?? (m.previous?.fig.kind === 'wan' ? m.previous.fig.value : undefined);
  const printed = ch.signed;
  if (lastYear !== undefined) {
    const want = current.minus(lastYear);
    const diff = printed.minus(want);
    const cls = classifyDiff(diff, roundingTolerance(2));
    if (cls !== 'equal') {
      const h = changeHit(s, ch)!;
      r.push(
        e.change.rule,
        cls === 'rounding' ? 'rounding' : 'error',
        s,
        h.phrase,
        h.start,
        `增减额应为${moneyString(want)}万元（本年${amountText(current)} − 上年${amountText(lastYear)}），文中为${ch.same ? '与上年相同（0）' : moneyString(printed) + '万元'}。`,
        { expected: moneyString(want), actual: moneyString(printed), diff: moneyString(diff) },
      );
    }
  }
  const last = current.minus(printed);
  if (m.rate && !ch.same && !last.isZero()) {
    const h = changeHit(s, ch, m.rate)!;
    r.percent(e.change.rule, s, { ...h, fig: m.rate.fig }, printed.abs().div(last.abs()).times(100), '增减率');
  }
}

/** The catalogue entries of one paragraph, evaluated on its placed figures. */
export function evaluateFigures(ctx: SectionContext) {
  const { f, r, s } = ctx;
  for (const e of FIGURE_CHECKS) {
    if (e.paragraph !== s.no) continue;
    const fact = factOf(e.fact, f, ctx.inputs);
    // A missing table is the table rules' finding; nothing here can be compared with it.
    if (fact === undefined && !e.fact.startsWith('in.')) continue;
    const ms = mentionsOf(ctx, e.term, e.scope);
    const alt = e.alt && factOf(e.alt.fact, f, ctx.inputs);
    for (const m of ms) {
      const h = hitOf(s, m, m.amount);
      // Two readings of the same words: compare with the closer one (only differs when it is closer).
      const useAlt = alt && fact && h && h.fig.value.minus(alt.value).abs().lt(h.fig.value.minus(fact.value).abs());
      r.amount(e.rule, s, h, useAlt ? alt : fact, useAlt ? e.alt!.source : e.source);
      if (e.share && fact) {
        const of = factOf(e.share.of, f, ctx.inputs);
        if (of && !of.value.isZero())
          r.percent(e.rule, s, hitOf(s, m, m.share), fact.value.div(of.value).times(100), e.share.what);
      }
      if (fact) checkChange(ctx, e, m, fact.value);
    }
    if (ms.some((m) => m.amount)) continue;
    const covered = e.coveredBy?.some((t) => mentionsOf(ctx, t).some((m) => m.amount || m.share));
    if (covered || !expected(ctx, e, fact, ms.length > 0)) continue;
    if (e.absent && ms.length === 0 && fact && unplacedAmounts(ctx).length === 0) {
      r.push(
        e.rule,
        e.absent,
        s,
        undefined,
        undefined,
        `未说明${e.source.replace(/^表\d+ /, '')}${amountText(fact.value)}万元（${e.source}）。`,
        { expected: moneyString(fact.value) },
        fact.at,
      );
      continue;
    }
    ctx.missing.push(e.source);
  }
}

/** `cat:社会保障和就业` for `八、社会保障和就业支出`, `社会保障和就业支出`, `社会保障和就业`. */
export function categoryKey(name: string): string {
  return 'cat:' + sameNameKey(stripOrdinal(name.trim())).replace(/支出$/, '');
}

function categoryNames(name: string): string[] {
  const n = stripOrdinal(name.trim());
  const short = n.replace(/支出$/, '');
  return short.length >= 4 && short !== n ? [n, short] : [n];
}

const rowsOf = (l: RowListCheck, f: TableFacts): NamedFig[] | undefined =>
  l.rows === 't4.categories' ? f.t4?.categories : f.t5?.lei;

/**
 * The names a paragraph's row lists are read by: the table's rows, and every 类 of the reference
 * so that a category the table does not have is recognised as one.
 */
export function listTerms(no: ParagraphNo, f: TableFacts): { key: string; names: string[] }[] {
  const lists = ROW_LIST_CHECKS.filter((l) => l.paragraph === no);
  if (!lists.length) return [];
  const rows = lists.flatMap((l) => (rowsOf(l, f) ?? []).map((r) => r.name));
  // The same tables give the same list (and so the same compiled names, place.ts) on every edit.
  const key = `${no}|${rows.join('/')}`;
  let terms = listTermsCache.get(key);
  if (!terms) {
    terms = [...rows, ...CATEGORIES.map((c) => c.label)].map((n) => ({ key: categoryKey(n), names: categoryNames(n) }));
    if (listTermsCache.size >= 64) listTermsCache.clear();
    listTermsCache.set(key, terms);
  }
  return terms;
}
const listTermsCache = new Map<string, { key: string; names: string[] }[]>();

/** 四 / 五(二): each named row against the table, rows left out, rows the table does not have. */
export function evaluateRowLists(ctx: SectionContext) {
  const { f, r, s } = ctx;
  for (const l of ROW_LIST_CHECKS) {
    if (l.paragraph !== s.no) continue;
    const rows = rowsOf(l, f);
    if (!rows) continue;
    const byKey = new Map(rows.map((row) => [categoryKey(row.name), row]));
    const named = ctx.placement.mentions.filter((m) => m.term.startsWith('cat:'));
    const of = l.share ? factOf(l.share.of, f, ctx.inputs) : undefined;
    for (const m of named) {
      const row = byKey.get(m.term);
      const h = hitOf(s, m, m.amount);
      if (!row) {
        // `教育支出0万元` names a category the table leaves blank: true, if unusual.
        if (h && !h.fig.value.isZero())
          r.push(
            l.rule,
            l.foreign,
            s,
            h.phrase,
            h.start,
            `“${s.text.slice(m.start, m.end)}”不在${l.source}的非零行中。`,
          );
        continue;
      }
      r.amount(l.rule, s, h, row, `${l.source}“${row.name}”`);
      if (of && !of.value.isZero())
        r.percent(l.rule, s, hitOf(s, m, m.share), row.value.div(of.value).times(100), `${row.name}占比`);
    }
    if (!rows.length) continue;
    // A list is rows named with their amounts; `主要用于社会保障和就业方面` alone lists nothing.
    if (!named.some((m) => m.amount)) {
      // No row named at all: a text that does not break the total down, unless amounts were left
      // that no item took (rows named in words the vocabulary does not know).
      if (unplacedAmounts(ctx).length) ctx.missing.push(`${l.source}明细`);
      continue;
    }
    const listed = new Set(named.map((m) => m.term));
    const at = named[0].start;
    for (const row of rows) {
      if (listed.has(categoryKey(row.name))) continue;
      r.push(
        l.rule,
        l.omitted,
        s,
        undefined,
        at,
        `未列出${l.source}“${row.name}”${amountText(row.value)}万元。`,
        { expected: moneyString(row.value) },
        row.at,
      );
    }
  }
}
