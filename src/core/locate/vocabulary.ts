import type { TableDef } from '../templates/schema';
import { norm } from './normalise';

/**
 * Every header word any of the 13 tables uses (our definitions, their aliases and the band
 * texts other provinces print). A row made of these words is a header row, not a body row.
 */
const EXTRA_HEADER_WORDS = [
  '功能分类科目',
  '上年财政拨款结转',
  '收入',
  '支出',
  '金额',
  '项目',
  '本年收入',
  '{year}年预算数',
  '{year}预算数',
  '{year}年财政拨款',
  '财政拨款',
  '预算数',
  '单位名称',
  '项目名称',
  '科目编码',
  '科目名称',
];

export function headerVocabulary(defs: readonly TableDef[]): Set<string> {
  const words = new Set<string>(EXTRA_HEADER_WORDS.map(norm));
  for (const d of defs) {
    for (const c of d.columns) for (const t of [c.header, ...c.aliases]) words.add(norm(t));
    for (const h of d.header) words.add(norm(h.text));
  }
  // The 表12 column-number row (`1 2 3 …`) is recognised on its own; digits are not header words.
  for (const w of [...words]) if (/^\d+$/.test(w) || w === '') words.delete(w);
  return words;
}
