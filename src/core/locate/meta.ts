import type { DisclosureMeta } from '../model/disclosure';
import { TABLES } from '../templates/tables';
import { halfWidthDigits, norm } from './normalise';
import type { SheetView } from './sheetView';
import type { TitleHit } from './findTitles';

/**
 * Year, unit and level from what the tables print: `单位名称：…` / `部门名称：…` under a title
 * (which also tells 单位 from 部门), or the unit name in front of the year in a title (001).
 */
const NAME_LINE = /^(单位|部门)名称\s*[:：]\s*(.+)$/;

function yearOf(text: string): number | undefined {
  const m = /(?<!\d)((?:19|20)\d{2})\s*年/.exec(halfWidthDigits(text));
  return m ? Number(m[1]) : undefined;
}

function cleanUnit(s: string): string {
  return s
    .replace(/\s*(金额)?单位\s*[:：]\s*万?元\s*$/, '')
    .replace(/[\u3000]/g, ' ')
    .trim();
}

function unitBeforeYear(title: string): string | undefined {
  return /^(.+?)\s*(?:19|20)\d{2}\s*年/.exec(halfWidthDigits(title))?.[1].trim();
}

/** Titles without a year (stacked sheets): the text before the table's key words. */
function unitBeforeKey(t: TitleHit): string | undefined {
  const def = TABLES.find((d) => d.id === t.id);
  if (!def) return undefined;
  const n = norm(t.text);
  const at = n.indexOf(norm(def.titleKey));
  return at > 0 ? n.slice(0, at).replace(/\{year\}年?$/, '') : undefined;
}

export function readMeta(views: readonly SheetView[], titles: readonly TitleHit[], year?: number): DisclosureMeta {
  const meta: DisclosureMeta = {};
  if (year !== undefined) meta.year = year;
  let titlePrefix: string | undefined;
  for (const t of titles) {
    if (meta.year === undefined) meta.year = yearOf(t.text);
    const v = views[t.sheet];
    for (let r = t.row + 1; r <= t.row + 3 && r < v.rowCount; r++) {
      for (const { text } of v.rowTexts(r)) {
        const m = NAME_LINE.exec(text);
        if (!m) continue;
        const unit = cleanUnit(m[2]);
        if (unit && meta.unit === undefined) {
          meta.unit = unit;
          meta.level = m[1] === '部门' ? '部门' : '单位';
        }
      }
    }
    if (titlePrefix === undefined) {
      const name = unitBeforeYear(t.text) ?? unitBeforeKey(t);
      if (name && name.length >= 4 && !/^表/.test(name) && !/^[一二三四五六七八九十]+、/.test(name)) titlePrefix = name;
    }
    if (meta.year !== undefined && meta.unit !== undefined && meta.level !== undefined) break;
  }
  if (meta.unit === undefined && titlePrefix !== undefined) meta.unit = titlePrefix;
  return meta;
}
