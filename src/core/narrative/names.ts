import { sameNameKey } from '../text/sameName';

/**
 * Finds names in a text, leftmost and longest first, by the engine's one same-name rule
 * (src/core/text/sameName.ts) applied character by character: a full-width character matches
 * its half-width form, spaces and quotation marks inside a name are passed over. A trie walk,
 * not one regular expression of every name, because the vocabulary has a few hundred names and
 * the checker runs on every edit in the live add-in.
 */
interface TrieNode {
  next: Map<string, TrieNode>;
  /** Set when a name ends here (`null`: a phrase read and passed over). */
  value?: string | null;
  ends: boolean;
}

export interface NameHit {
  start: number;
  end: number;
  value: string | null;
}

const OPEN_QUOTES = new Set(['“', '"', '‘', "'", '「', '『']);
const node = (): TrieNode => ({ next: new Map(), ends: false });

/** One character of text as the same-name rule sees it ('' when the rule drops it). */
const fold = (ch: string) => sameNameKey(ch);

export class NameMatcher {
  private readonly root = node();

  /** Adds a name; the first value given for a name wins. */
  add(name: string, value: string | null): void {
    const key = sameNameKey(name);
    if (!key) return;
    let n = this.root;
    for (const ch of key) {
      let m = n.next.get(ch);
      if (!m) n.next.set(ch, (m = node()));
      n = m;
    }
    if (!n.ends) {
      n.ends = true;
      n.value = value;
    }
  }

  find(text: string): NameHit[] {
    const out: NameHit[] = [];
    let i = 0;
    let lastEnd = 0;
    while (i < text.length) {
      const first = this.root.next.get(fold(text[i]));
      if (!first) {
        i++;
        continue;
      }
      let n = first;
      let j = i + 1;
      let best: { end: number; value: string | null } | undefined = n.ends ? { end: j, value: n.value! } : undefined;
      while (j < text.length) {
        const c = fold(text[j]);
        if (c === '') {
          j++;
          continue;
        }
        const m = n.next.get(c);
        if (!m) break;
        n = m;
        j++;
        if (n.ends) best = { end: j, value: n.value! };
      }
      if (!best) {
        i++;
        continue;
      }
      // `“三公”经费`: the opening quote belongs to the name as printed.
      const start = i > lastEnd && OPEN_QUOTES.has(text[i - 1]) ? i - 1 : i;
      out.push({ start, end: best.end, value: best.value });
      i = lastEnd = best.end;
    }
    return out;
  }
}
