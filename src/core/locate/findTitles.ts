import type { TableDef, TableId } from '../templates/schema';
import { norm } from './normalise';
import type { SheetView } from './sheetView';

/**
 * Finds table titles by their key words, whatever precedes them (year, unit name, `表一`) and
 * however they are spaced. A cell matching several tables is given to the longest key.
 */
export interface TitleHit {
  id: TableId;
  sheet: number;
  row: number;
  col: number;
  text: string;
}

interface TitleKey {
  id: TableId;
  key: string;
}

function keysOf(defs: readonly TableDef[]): TitleKey[] {
  const keys: TitleKey[] = [];
  for (const d of defs) {
    const texts = new Set([d.titleKey, d.title, ...d.titleAliases].map((t) => norm(t).replace(/^\{year\}年/, '')));
    for (const key of texts) if (key) keys.push({ id: d.id, key });
  }
  return keys.sort((a, b) => b.key.length - a.key.length);
}

const MAX_TITLE_LENGTH = 90;

const keyCache = new WeakMap<readonly TableDef[], TitleKey[]>();

function cachedKeys(defs: readonly TableDef[]): TitleKey[] {
  let keys = keyCache.get(defs);
  if (!keys) {
    keys = keysOf(defs);
    keyCache.set(defs, keys);
  }
  return keys;
}

export function titleOf(text: string, defs: readonly TableDef[]): TableId | undefined {
  if (text.length > MAX_TITLE_LENGTH || !text.includes('表')) return undefined;
  const n = norm(text);
  for (const k of cachedKeys(defs)) if (n.includes(k.key)) return k.id;
  return undefined;
}

export function findTitles(views: readonly SheetView[], defs: readonly TableDef[]): TitleHit[] {
  const hits: TitleHit[] = [];
  views.forEach((v, s) => {
    for (let r = 0; r < v.rowCount; r++) {
      const w = v.rowWidth(r);
      for (let c = 0; c < w; c++) {
        const val = v.value(r, c);
        if (typeof val !== 'string') continue;
        const id = titleOf(val, defs);
        if (id) {
          hits.push({ id, sheet: s, row: r, col: c, text: val.trim() });
          break; // one title per row
        }
      }
    }
  });
  return hits;
}
