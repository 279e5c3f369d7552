import { Decimal } from '../money';
import { NameMatcher } from './names';
import type { ParagraphNo } from './generate';
import { extractFigures, type Figure } from './parse';
import {
  CHANGE_WORDS,
  CLAUSE_ENDS,
  COMPARE_WORDS,
  LIST_JOINERS,
  NOT_LAST_YEAR,
  PASS_OVER,
  RESPECTIVELY,
  SENTENCE_ENDS,
  SHARE_WORDS,
  TERMS,
  type TermDef,
} from './vocabulary';

/**
 * Places the figures of one paragraph by meaning: which item each figure belongs to, and what it
 * is for that item (its amount, its share, its change against last year, the rate of that change,
 * last year's amount, a count). The sentence template does not matter; the words do:
 *
 * - an item is a name of the vocabulary (`vocabulary.ts`), wherever it stands;
 * - a figure right after a change word (`减少83.12万元`, `下降6.56%`) is a change or its rate,
 *   never an amount; after a share word (`占`, `占比`) a share; after last year's words
 *   (`上年预算数为`, `较上年预算数…`) last year's amount;
 * - an amount or share belongs to the nearest item before it in the same sentence, as long as no
 *   other amount came between (`收入总计X，其中：…`: the second amount is not the total's);
 * - a change belongs to the nearest item before it that can change (the paragraph says which:
 *   in 一 the totals, not `上年结转`), and further compared changes are its sub-explanations;
 * - a count belongs to the item right after it (`48个项目`) or else the nearest before it;
 * - `A、B分别为x、y` gives x to A and y to B.
 */
export type Role = 'amount' | 'previous' | 'change' | 'rate' | 'share' | 'pct' | 'count';

export interface Placed {
  fig: Figure;
  role: Role;
  /** Changes: the signed value (`减少2` → −2); `与上年持平` is a change of 0 with `same`. */
  signed?: Decimal;
  same?: boolean;
  /** The clause compares with last year (`比上年`, `较2023年`, `与上年相比`, `同比`). */
  compared?: boolean;
}

export interface Mention {
  term: string;
  start: number;
  end: number;
  /** The part of the paragraph it stands in (一: income or expenditure half), when the paragraph has parts. */
  scope?: string;
  amount?: Placed;
  share?: Placed;
  count?: Placed;
  previous?: Placed;
  change?: Placed;
  rate?: Placed;
  /** Further compared changes after its own: the parts a reason breaks the change into. */
  subChanges: Placed[];
}

export interface Placement {
  mentions: Mention[];
  figures: Placed[];
}

export interface PlaceOptions {
  paragraph: ParagraphNo;
  /** Names known only from the tables (表4/表5 categories) or other data (vehicle categories). */
  extra?: readonly { key: string; names: readonly string[] }[];
  /** Items that take the changes of this paragraph. */
  changeTerms?: ReadonlySet<string>;
  /** Parts of the paragraph: the item that opens each part, and the part before any is named. */
  scopes?: { initial: string; openedBy: Readonly<Record<string, string>> };
  /** The budget year: `2023年预算数3.50万元` in a 2024 document is last year's amount. */
  year?: number;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join('|');

const byParagraph = new Map<ParagraphNo, NameMatcher>();
/** Keyed on the `extra` list itself: callers hand the same list for the same tables (`listTerms`). */
const byExtra = new WeakMap<object, Map<ParagraphNo, NameMatcher>>();

/** The names read in one paragraph (its vocabulary, plus names from the tables), built once per set. */
function matcherFor(paragraph: ParagraphNo, extra: PlaceOptions['extra']): NameMatcher {
  const cache = extra?.length ? (byExtra.get(extra) ?? new Map<ParagraphNo, NameMatcher>()) : byParagraph;
  if (extra?.length) byExtra.set(extra, cache);
  let m = cache.get(paragraph);
  if (m) return m;
  const applies = (t: TermDef) => !t.only || t.only.includes(paragraph);
  m = new NameMatcher();
  for (const t of PASS_OVER.filter(applies)) for (const n of t.names) m.add(n, null);
  for (const e of extra ?? []) for (const n of e.names) m.add(n, e.key);
  for (const t of TERMS.filter(applies)) for (const n of t.names) m.add(n, t.key);
  cache.set(paragraph, m);
  return m;
}

const CLAUSE_END_RE = new RegExp(`[${CLAUSE_ENDS.map(esc).join('')}]`);
const SENTENCE_END_RE = new RegExp(`[${SENTENCE_ENDS.map(esc).join('')}]`);
const LAST_YEAR = alt(COMPARE_WORDS.lastYear);
/** `比上年`, `较2023年`, `与上年度`, `同比`, `与上年相比`. */
const COMPARE_RE = new RegExp(
  `(?:(?:${alt(COMPARE_WORDS.lead)})\\s*(?:${LAST_YEAR}|\\d{4}\\s*年度?)|${alt(COMPARE_WORDS.standalone)})`,
);
/** `与上年预算数相同`: a word of sameness, with a comparison with last year before it in its clause. */
const SAME_WORD_RE = new RegExp(alt(COMPARE_WORDS.same), 'g');
const COMPARED_BEFORE_RE = new RegExp(
  `(?:(?:${alt(COMPARE_WORDS.lead)})\\s*(?:${LAST_YEAR}|\\d{4}\\s*年度?)|${alt(COMPARE_WORDS.standalone)})[^，,；;。\\d%]{0,10}$`,
);
const FILLERS = `(?:${alt(CHANGE_WORDS.fillers)})?`;
const VERB_RE = new RegExp(
  `(${alt([...CHANGE_WORDS.up, ...CHANGE_WORDS.down, ...CHANGE_WORDS.signed])})${FILLERS}\\s*[:：]?\\s*$`,
);
const SHORT_VERB_RE = new RegExp(`(${alt([...CHANGE_WORDS.shortUp, ...CHANGE_WORDS.shortDown])})${FILLERS}\\s*$`);
const DOWN = new Set<string>([...CHANGE_WORDS.down, ...CHANGE_WORDS.shortDown]);
const SHARE_RE = new RegExp(`(?:${alt(SHARE_WORDS)})[^，,；;。\\d%]{0,16}$`);
/** A name right after `占…` is what the share is of (`占收入总计的100%`), not the item. */
const DENOMINATOR_RE = new RegExp(`(?:${alt(SHARE_WORDS)})[^，,；;。\\d%]{0,12}$`);
const LAST_YEAR_BEFORE = new RegExp(
  `(?:${LAST_YEAR})(?![^，,；;。\\d]*(?:${alt(NOT_LAST_YEAR)}))[^，,；;。\\d]{0,10}$`,
);
const RESPECTIVELY_RE = new RegExp(`^\\s*(?:的?\\s*(?:预算数?|金额)?\\s*)(?:${alt(RESPECTIVELY)})`);
const JOINER_RE = new RegExp(`^\\s*(?:${alt(LIST_JOINERS)})?\\s*$`);

const yearCache = new Map<number, { last: RegExp; current: RegExp }>();
function yearPatterns(year: number) {
  let y = yearCache.get(year);
  if (!y) yearCache.set(year, (y = { last: new RegExp(`${year - 1}\\s*年`), current: new RegExp(`${year}\\s*年`) }));
  return y;
}

function clauseStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_END_RE.test(text[i])) return i + 1;
  return 0;
}

/** What a figure is, from the words before it in its clause. */
function roleOf(text: string, f: Figure, prev: Placed | undefined, year: number | undefined): Placed {
  const prevEnd = prev?.fig.end ?? 0;
  const from = Math.max(clauseStart(text, f.index), prevEnd);
  const before = text.slice(from, f.index);
  // `分别占83.32%、16.68%`, `分别减少2万元、3万元`: the next of a list is what the first is.
  if (prev && prev.fig.kind === f.kind && prev.role !== 'amount' && JOINER_RE.test(text.slice(prevEnd, f.index))) {
    const signed = prev.signed && (prev.signed.isNegative() ? f.value.negated() : f.value);
    return { fig: f, role: prev.role, ...(signed ? { signed } : {}), ...(prev.compared ? { compared: true } : {}) };
  }
  const clause = text.slice(clauseStart(text, f.index), f.index);
  const compared = COMPARE_RE.test(clause);
  const verb = VERB_RE.exec(before) ?? (compared ? SHORT_VERB_RE.exec(before) : null);
  if (verb) {
    const neg = DOWN.has(verb[1]);
    if (f.kind === 'pct') return { fig: f, role: 'rate', compared };
    // `比上年减少1辆`, `增加2个` are changes of a count: neither a count nor an amount.
    const wan = f.kind === 'yuan' ? f.value.div(10000) : f.value;
    return { fig: f, role: 'change', signed: neg ? wan.negated() : wan, compared };
  }
  if (f.kind === 'count') return { fig: f, role: 'count' };
  if (f.kind === 'pct') return { fig: f, role: SHARE_RE.test(before) ? 'share' : 'pct' };
  // Last year's amount: `较上年预算数1267.44万元`, `上年预算数为3.50万元`, `2023年预算3.50万元`.
  const lastYearWord = LAST_YEAR_BEFORE.test(before);
  const years = year === undefined ? undefined : yearPatterns(year);
  const lastAt = years ? before.search(years.last) : -1;
  const lastYearNumber = years !== undefined && lastAt >= 0 && !years.current.test(before.slice(lastAt));
  if (lastYearWord || lastYearNumber) return { fig: f, role: 'previous' };
  return { fig: f, role: 'amount' };
}

/** `与上年预算数相同`, `同比持平`: a change of 0 without a figure. */
function sameTokens(text: string): Placed[] {
  const out: Placed[] = [];
  SAME_WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SAME_WORD_RE.exec(text))) {
    // Looking back from the rare word is cheaper than trying every 与/和 of the text forwards.
    const from = Math.max(clauseStart(text, m.index), m.index - 24);
    const c = COMPARED_BEFORE_RE.exec(text.slice(from, m.index));
    if (!c) continue;
    const start = from + c.index;
    const end = m.index + m[0].length;
    const fig: Figure = {
      kind: 'wan',
      value: new Decimal(0),
      raw: text.slice(start, end),
      unit: '',
      index: start,
      end,
    };
    out.push({ fig, role: 'change', signed: new Decimal(0), same: true, compared: true });
  }
  return out;
}

interface MentionToken {
  kind: 'mention';
  at: number;
  m: Mention;
  /** Not the subject of the figures around it: `占收入总计的…`, `（含人员经费和公用经费）`. */
  denominator: boolean;
}

/** A name inside a bracket that holds no figure is an aside (`986.77万元（含人员经费和公用经费），占…`). */
function isAside(text: string, m: Mention, figures: readonly Placed[]): boolean {
  const open = Math.max(text.lastIndexOf('（', m.start), text.lastIndexOf('(', m.start));
  if (open < 0) return false;
  const closedBefore = Math.max(text.lastIndexOf('）', m.start), text.lastIndexOf(')', m.start));
  if (closedBefore > open) return false;
  const rel = text.slice(m.end).search(/[）)]/);
  if (rel < 0) return false;
  const close = m.end + rel;
  return !figures.some((p) => p.fig.index > open && p.fig.index < close);
}
interface FigureToken {
  kind: 'figure';
  at: number;
  p: Placed;
}

/** Every item named in `text`, leftmost and longest first. */
export function findMentions(text: string, opts: Pick<PlaceOptions, 'paragraph' | 'extra'>): Mention[] {
  return matcherFor(opts.paragraph, opts.extra)
    .find(text)
    .filter((h): h is typeof h & { value: string } => h.value !== null)
    .map((h) => ({ term: h.value, start: h.start, end: h.end, subChanges: [] }));
}

export function placeFigures(text: string, opts: PlaceOptions): Placement {
  const mentions = findMentions(text, opts);
  const figures: Placed[] = [];
  for (const f of extractFigures(text)) figures.push(roleOf(text, f, figures[figures.length - 1], opts.year));
  // A `与上年相同` overlapping a figure is that figure's clause, not a second change.
  for (const s of sameTokens(text)) {
    if (!figures.some((p) => p.fig.index < s.fig.end && p.fig.end > s.fig.index)) figures.push(s);
  }
  const tokens: (MentionToken | FigureToken)[] = [
    ...mentions.map((m): MentionToken => ({
      kind: 'mention',
      at: m.start,
      m,
      denominator: DENOMINATOR_RE.test(text.slice(clauseStart(text, m.start), m.start)) || isAside(text, m, figures),
    })),
    ...figures.map((p): FigureToken => ({ kind: 'figure', at: p.fig.index, p })),
  ].sort((a, b) => a.at - b.at);

  const changeTerms = opts.changeTerms ?? new Set<string>();
  const subjects: Mention[] = [];
  let scope = opts.scopes?.initial;
  let open: Mention | undefined;
  let amountsSinceOpen = 0;
  let chain: Mention[] = [];
  let group: { members: Mention[]; amount: number; share: number } | undefined;
  let changeHolder: Mention | undefined;
  let lastEnd = 0;

  tokens.forEach((tok, i) => {
    if (SENTENCE_END_RE.test(text.slice(lastEnd, tok.at))) {
      open = undefined;
      chain = [];
      group = undefined;
    }
    if (tok.kind === 'mention') {
      lastEnd = Math.max(lastEnd, tok.m.end);
      if (tok.denominator) return;
      const m = tok.m;
      const opened = opts.scopes?.openedBy[m.term];
      if (opened) scope = opened;
      m.scope = scope;
      const prev = chain[chain.length - 1];
      const bare = (x: Mention | undefined) => x && !x.amount && !x.share && !x.change && !x.count;
      if (prev && prev === open && bare(prev) && JOINER_RE.test(text.slice(prev.end, m.start))) chain.push(m);
      else chain = [m];
      open = m;
      amountsSinceOpen = 0;
      if (chain.length >= 2 && RESPECTIVELY_RE.test(text.slice(m.end, m.end + 12)))
        group = { members: [...chain], amount: 0, share: 0 };
      subjects.push(m);
      return;
    }
    const p = tok.p;
    lastEnd = Math.max(lastEnd, p.fig.end);
    switch (p.role) {
      case 'amount': {
        if (group && group.amount < group.members.length) group.members[group.amount++].amount = p;
        else if (open && !open.amount && amountsSinceOpen === 0) open.amount = p;
        amountsSinceOpen++;
        break;
      }
      case 'previous': {
        // Last year's amount belongs to what is compared with last year, like a change.
        const holder = [...subjects].reverse().find((m) => changeTerms.has(m.term));
        if (holder && !holder.previous) holder.previous = p;
        break;
      }
      case 'share':
        if (group && group.share < group.members.length) group.members[group.share++].share = p;
        else if (open && !open.share) open.share = p;
        break;
      case 'count': {
        // `二级项目14个`, `公开14个项目的绩效目标`: the item named before it in its clause;
        // `共有48个项目…`: else the item right after it.
        const inClause = open && !open.count && !CLAUSE_END_RE.test(text.slice(open.end, p.fig.index));
        const next = tokens.slice(i + 1).find((t): t is MentionToken => t.kind === 'mention');
        if (inClause) open!.count = p;
        else if (next && !next.denominator && /^\s*的?\s*$/.test(text.slice(p.fig.end, next.at)) && !next.m.count)
          next.m.count = p;
        else if (open && !open.count) open.count = p;
        break;
      }
      case 'change': {
        // A change of a count (`减少2辆`) is no change of an amount.
        if (p.fig.kind === 'count') break;
        const holder = [...subjects].reverse().find((m) => changeTerms.has(m.term));
        if (!holder) break;
        if (!holder.change) {
          holder.change = p;
          changeHolder = holder;
        } else if (p.compared) {
          holder.subChanges.push(p);
          changeHolder = undefined;
        }
        break;
      }
      case 'rate':
        if (changeHolder?.change && !changeHolder.rate && !changeHolder.change.same) changeHolder.rate = p;
        break;
      case 'pct':
        break;
    }
  });
  return { mentions: subjects, figures };
}
