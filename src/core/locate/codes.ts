import { codeLevel } from '../reference';
import { halfWidthDigits } from './normalise';

/**
 * A 功能分类科目编码 as text, whatever the cell held: 2080101 (number), '2080101', ' 208 ',
 * '２０８'. Also splits `2080101 行政运行` typed into one cell.
 */
export function readCode(value: unknown): { code?: string; rest: string } {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value > 0 ? { code: String(value), rest: '' } : { rest: String(value) };
  }
  if (typeof value !== 'string') return { rest: '' };
  const t = halfWidthDigits(value)
    .replace(/[\u3000]/g, ' ')
    .trim();
  const m = /^(\d{3}(?:\d{2}){0,2})(?:\s+|(?=[^\d]))?(.*)$/.exec(t);
  if (m && codeLevel(m[1])) return { code: m[1], rest: m[2].trim() };
  return { rest: t };
}
