import { Decimal } from '../money';
import { PARAGRAPH_NUMBERS, type ParagraphNo } from './generate';
import { TITLE_ENDS, TITLE_WORDS } from './vocabulary';

/** One line of a written narrative; `sheet`/`cell` when it was read from a worksheet cell. */
export interface NarrativeLine {
  text: string;
  sheet?: string;
  cell?: string;
}

export interface NarrativeSection {
  no: ParagraphNo;
  title: string;
  /** The heading line (for locating findings about a missing sentence). */
  headingLine: NarrativeLine;
  lines: NarrativeLine[];
  /** Body lines joined with `\n` (headings excluded); figure offsets refer to this. */
  text: string;
}

export interface ParsedNarrative {
  heading?: string;
  sections: NarrativeSection[];
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A paragraph's title words (vocabulary.ts), in order, anything between. */
const TITLE_KEYS = Object.fromEntries(
  PARAGRAPH_NUMBERS.map((no) => [no, new RegExp(TITLE_WORDS[no].map(escape).join('.*'))]),
) as Record<ParagraphNo, RegExp>;

const HEADING_RE = /^\s*(十[一二]|[一二三四五六七八九十])\s*[、.．,，]\s*(.*)$/;
/** Paragraph titles end in one of these; table titles (`…收支总表`) do not. */
const TITLE_END = new RegExp(`(${TITLE_ENDS.map(escape).join('|')})`);
/** A line of the 目录: dot leaders or a page number after a tab. */
const TOC_LINE = /(\.{4,}|…{2,}|·{4,}|\t\s*\d+\s*$)/;
/** The parts after 第三部分 (名词解释, 附件) are not the narrative. */
const NEXT_PART = /^\s*第[四五六七八]部分/;

/**
 * Clerks paste text from Word/PDF: full-width digits, `％`, `．` and stray spaces inside
 * numbers. Normalised one character for one character so offsets stay valid.
 */
export function normalizeText(s: string): string {
  return (
    s
      .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
      .replace(/％/g, '%')
      .replace(/(\d)．(\d)/g, '$1.$2')
      // A full-width comma typed as a thousands separator (`1，184.32万元`).
      .replace(/(\d)，(?=\d{3}(?:[.,，]\d|\s*万|\s*元))/g, '$1,')
      .replace(/\u3000/g, ' ')
  );
}

/** Markup left by PDF/Word-to-text converters: `#### 一、…`, `<b>…</b>`, `**…**`. */
function stripMarkup(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/^\s*#+\s*/, '')
    .replace(/\*\*/g, '');
}

const SENTENCE_END = /[。；;：:！!？?）)”」]$/;
const SUB_HEADING = /^\s*(?:[（(][一二三四五六七八九十]+[)）]|\d+\s*[、.．])/;

function toLines(input: string | readonly NarrativeLine[]): NarrativeLine[] {
  if (typeof input !== 'string') {
    // Lines read from cells keep their cell, so they are never merged.
    return input.map((l) => ({ ...l, text: stripMarkup(normalizeText(l.text)).trim() })).filter((l) => l.text !== '');
  }
  const out: NarrativeLine[] = [];
  for (const rawLine of input.split(/\r?\n/)) {
    const text = stripMarkup(normalizeText(rawLine)).trim();
    if (!text) continue;
    const prev = out[out.length - 1];
    // Text copied from a PDF breaks lines mid-sentence (001: `一般公` / `共预算`): join them back.
    if (
      prev &&
      !SENTENCE_END.test(prev.text) &&
      !HEADING_RE.test(prev.text) &&
      !SUB_HEADING.test(prev.text) &&
      !HEADING_RE.test(text) &&
      !SUB_HEADING.test(text) &&
      !NEXT_PART.test(text) &&
      !TOC_LINE.test(prev.text) &&
      /[\u4e00-\u9fa5\d，,、]$/.test(prev.text) &&
      prev.text.length >= 20
    ) {
      prev.text += text;
      continue;
    }
    out.push({ text });
  }
  return out;
}

/** A 项目支出绩效目标表 printed inside 十 (000, 003): its lines are the form's, not the narrative's. */
const FORM_START = /绩效目标(?:申报)?表\s*$|^项目名称\s/;

/** Splits a written 第三部分 into its paragraphs 一…十二 by their headings. */
export function splitNarrative(input: string | readonly NarrativeLine[]): ParsedNarrative {
  const lines = toLines(input);
  const sections: NarrativeSection[] = [];
  let heading: string | undefined;
  let current: NarrativeSection | undefined;
  let nextIndex = 0;
  let inForms = false;
  for (const line of lines) {
    if (NEXT_PART.test(line.text) && sections.length) break;
    const m = TOC_LINE.test(line.text) ? null : HEADING_RE.exec(line.text);
    if (m) {
      const idx = PARAGRAPH_NUMBERS.indexOf(m[1] as ParagraphNo);
      const head = m[2].slice(0, 30);
      const fits = TITLE_KEYS[PARAGRAPH_NUMBERS[idx]].test(head) && TITLE_END.test(head);
      // A second 一、 heading starts the narrative again (a 目录 without page numbers came first).
      if (fits && idx === 0 && sections.length) {
        sections.length = 0;
        nextIndex = 0;
      }
      if (fits && idx >= nextIndex) {
        const no = PARAGRAPH_NUMBERS[idx];
        const { title, rest } = splitTitle(m[2], no);
        current = { no, title, headingLine: line, lines: [], text: '' };
        inForms = false;
        if (rest) current.lines.push({ ...line, text: rest });
        sections.push(current);
        nextIndex = idx + 1;
        continue;
      }
    }
    if (!current) {
      if (/第三部分/.test(line.text)) heading = line.text;
      continue;
    }
    if (current.no === '十' && FORM_START.test(line.text)) inForms = true;
    if (!inForms) current.lines.push(line);
  }
  for (const s of sections) s.text = s.lines.map((l) => l.text).join('\n');
  return { heading, sections };
}

/** A heading and its first sentence on one line (pasted as one block): cut after the title. */
function splitTitle(s: string, no: ParagraphNo): { title: string; rest: string } {
  // Titles are short; a longer line carries its first sentence after the title.
  if (s.length <= 24 || !/[，,。；;\d]/.test(s)) return { title: s.trim(), rest: '' };
  const ends = new RegExp(TITLE_END.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = ends.exec(s))) {
    const cut = m.index + m[0].length;
    const title = s.slice(0, cut);
    if (TITLE_KEYS[no].test(title))
      return {
        title: title.trim(),
        rest: s
          .slice(cut)
          .replace(/^[：:\s]+/, '')
          .trim(),
      };
  }
  return { title: s.trim(), rest: '' };
}

export type FigureKind = 'wan' | 'yuan' | 'pct' | 'count';

export interface Figure {
  kind: FigureKind;
  value: Decimal;
  /** The numeral as written (`1,184.32`). */
  raw: string;
  unit: string;
  /** Offset of the numeral in the text searched. */
  index: number;
  end: number;
}

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?)`;
/** `万` alone is 万元 when no word follows (`≤120万`, `3.50万，`), not in `1.2万人次`. */
const FIGURE_RE = new RegExp(
  NUM + String.raw`\s*(万元|亿元|万(?![\u4e00-\u9fa5A-Za-z])|元|%|个|辆|台|家|张|项|份|平方米)`,
  'g',
);

const kindOf = (unit: string): FigureKind =>
  unit === '万元' || unit === '万' || unit === '亿元' ? 'wan' : unit === '元' ? 'yuan' : unit === '%' ? 'pct' : 'count';

/**
 * Every typed figure of a text: amounts (`万元`/`元`), percentages and counts. Years, dates,
 * document numbers and `2级项目` carry none of these units and are left out.
 */
export function extractFigures(text: string): Figure[] {
  const out: Figure[] = [];
  const t = normalizeText(text);
  FIGURE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE_RE.exec(t))) {
    // Part of a longer token such as `晋财综【2024】37号` or a decimal cut in half.
    const before = t[m.index - 1];
    if (before !== undefined && /[\d.]/.test(before)) continue;
    const raw = m[1].replace(/,$/, '');
    const digits = raw.replace(/,/g, '');
    if (!/^\d+(\.\d+)?$/.test(digits)) continue;
    out.push({
      kind: kindOf(m[2]),
      // 1.2亿元 is written in 万元 everywhere else.
      value: m[2] === '亿元' ? new Decimal(digits).times(10000) : new Decimal(digits),
      raw,
      unit: m[2],
      index: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/** Key of a figure for comparing two texts figure by figure (`wan:1184.32`). */
export function figureKey(f: Figure): string {
  return `${f.kind}:${f.value.toFixed(2)}`;
}
