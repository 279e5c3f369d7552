import { Tokenizer } from 'htmlparser2';

/**
 * A streaming view of one XML part for the .xlsx reader, on htmlparser2's low-level Tokenizer
 * (https://github.com/fb55/htmlparser2, `Tokenizer` in `xmlMode`; its callbacks report positions
 * in the text). No attribute objects and no tree are built: a reader asks for the few attributes
 * it wants while a start tag is reported, and for the text of the few elements it wants.
 * Entities and character references are decoded by the tokenizer. Element and attribute names
 * are local names: a namespace prefix (`x:c`, `r:id`) is dropped.
 */
export interface XmlHandler {
  /** A start tag (also of an empty element): its attributes can be read from `scan` meanwhile. */
  open(name: string, scan: XmlScanner): void;
  /** An end tag, or the end of an empty element. */
  close(name: string, scan: XmlScanner): void;
}

const MAX_ATTRIBUTES = 64;

/** The tokenizer's callbacks (htmlparser2 `Callbacks`), as methods: nothing is allocated per tag. */
export class XmlScanner {
  /** Per attribute of the current start tag: name start, name end, value start, value end. */
  private readonly spans = new Int32Array(MAX_ATTRIBUTES * 4);
  /** An attribute value that held an entity, decoded; undefined where the span is the value. */
  private readonly decoded: (string | undefined)[] = [];
  private count = 0;
  private tagName = '';
  private collecting = false;
  private collected = '';
  /** Row and column (0-based) of the last reference read by `cellRef`. */
  refRow = -1;
  refCol = -1;

  private constructor(
    readonly xml: string,
    private readonly handler: XmlHandler,
  ) {}

  /** Runs the whole of `xml` through `handler`. */
  static scan(xml: string, handler: XmlHandler): void {
    const tokenizer = new Tokenizer({ xmlMode: true }, new XmlScanner(xml, handler));
    tokenizer.write(xml);
    tokenizer.end();
  }

  onopentagname(start: number, end: number): void {
    this.tagName = localName(this.xml, start, end);
    this.count = 0;
  }

  onattribname(start: number, end: number): void {
    if (this.count >= MAX_ATTRIBUTES) return;
    const at = this.count * 4;
    this.spans[at] = start;
    this.spans[at + 1] = end;
    this.spans[at + 2] = -1;
    this.spans[at + 3] = -1;
    this.decoded[this.count] = undefined;
    this.count++;
  }

  onattribdata(start: number, end: number): void {
    const i = this.count - 1;
    if (i < 0 || i >= MAX_ATTRIBUTES) return;
    if (this.spans[i * 4 + 2] < 0 && this.decoded[i] === undefined) {
      this.spans[i * 4 + 2] = start;
      this.spans[i * 4 + 3] = end;
    } else {
      // The value goes on after an entity.
      this.decoded[i] = this.attrAt(i) + this.xml.slice(start, end);
    }
  }

  onattribentity(codepoint: number): void {
    const i = this.count - 1;
    if (i >= 0 && i < MAX_ATTRIBUTES) this.decoded[i] = this.attrAt(i) + String.fromCodePoint(codepoint);
  }

  onopentagend(): void {
    this.handler.open(this.tagName, this);
  }

  onselfclosingtag(): void {
    this.handler.open(this.tagName, this);
    this.handler.close(this.tagName, this);
  }

  onclosetag(start: number, end: number): void {
    this.handler.close(localName(this.xml, start, end), this);
  }

  ontext(start: number, end: number): void {
    if (this.collecting) this.collected += this.xml.slice(start, end);
  }

  ontextentity(codepoint: number): void {
    if (this.collecting) this.collected += String.fromCodePoint(codepoint);
  }

  oncdata(start: number, end: number, offset: number): void {
    if (this.collecting) this.collected += this.xml.slice(start, end - offset);
  }

  onattribend(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}

  /** From now on, keep the character data (text, references, CDATA) until `takeText`. */
  collectText(): void {
    this.collecting = true;
    this.collected = '';
  }

  /** The character data kept since `collectText`; stops keeping it. */
  takeText(): string {
    const t = this.collected;
    this.collecting = false;
    this.collected = '';
    return t;
  }

  /** Index of the current tag's attribute with local name `name` (`r`; `id` finds `r:id`), or -1. */
  private find(name: string): number {
    const xml = this.xml;
    for (let i = 0; i < this.count; i++) {
      const start = this.spans[i * 4];
      const local = this.spans[i * 4 + 1] - name.length;
      if (local < start || !xml.startsWith(name, local)) continue;
      if (local === start || xml.charCodeAt(local - 1) === 58 /* : */) return i;
    }
    return -1;
  }

  private attrAt(i: number): string {
    const d = this.decoded[i];
    if (d !== undefined) return d;
    const start = this.spans[i * 4 + 2];
    return start < 0 ? '' : interned(this.xml, start, this.spans[i * 4 + 3]);
  }

  /** The value of attribute `name` of the current start tag ('' when it has none), or undefined. */
  attr(name: string): string | undefined {
    const i = this.find(name);
    return i < 0 ? undefined : this.attrAt(i);
  }

  /** A non-negative decimal attribute read in place (cell style indexes, row numbers); -1 when absent or not one. */
  attrUint(name: string): number {
    const i = this.find(name);
    if (i < 0) return -1;
    const d = this.decoded[i];
    return d === undefined ? toUint(this.xml, this.spans[i * 4 + 2], this.spans[i * 4 + 3]) : toUint(d, 0, d.length);
  }

  /**
   * Reads a cell reference attribute (`r="AB12"`) in place into refRow/refCol; false when it is
   * absent or not a plain A1 reference (then `attr` tells which).
   */
  cellRef(name: string): boolean {
    const i = this.find(name);
    if (i < 0) return false;
    const d = this.decoded[i];
    const s = d ?? this.xml;
    const start = d === undefined ? this.spans[i * 4 + 2] : 0;
    const end = d === undefined ? this.spans[i * 4 + 3] : s.length;
    let p = start;
    let col = 0;
    for (; p < end; p++) {
      const c = s.charCodeAt(p);
      if (c < 65 || c > 90) break; // A-Z
      col = col * 26 + (c - 64);
    }
    if (col === 0 || p - start > 3) return false;
    const row = toUint(s, p, end);
    if (row < 1) return false;
    this.refRow = row - 1;
    this.refCol = col - 1;
    return true;
  }
}

/** The digits of `s` between `start` and `end` as a number; -1 when empty or not digits. */
function toUint(s: string, start: number, end: number): number {
  if (start < 0 || end <= start) return -1;
  let n = 0;
  for (let p = start; p < end; p++) {
    const d = s.charCodeAt(p) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function localName(xml: string, start: number, end: number): string {
  for (let p = end - 1; p > start; p--) if (xml.charCodeAt(p) === 58 /* : */) return interned(xml, p + 1, end);
  return interned(xml, start, end);
}

/**
 * Names and short values repeat by the hundred thousand in a part (`c`, `v`, `row`, `t="s"`):
 * one string per distinct text instead of one per occurrence spares the garbage collector.
 */
const INTERNED: string[] = new Array<string>(1024);

function interned(xml: string, start: number, end: number): string {
  const length = end - start;
  if (length > 12) return xml.slice(start, end);
  let h = length;
  for (let p = start; p < end; p++) h = (h * 31 + xml.charCodeAt(p)) & 1023;
  const known = INTERNED[h];
  if (known !== undefined && known.length === length && xml.startsWith(known, start)) return known;
  const s = xml.slice(start, end);
  INTERNED[h] = s;
  return s;
}

/** Runs `handler` over `xml`. */
export function scanXml(xml: string, handler: XmlHandler): void {
  XmlScanner.scan(xml, handler);
}
