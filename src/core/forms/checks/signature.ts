import type { Disclosure } from '../../model/disclosure';
import type { Finding } from '../../model/finding';
import type { LocatedForm } from '../locate';
import { at, finding, formName, type FormAnalysis } from './kit';

/** 填报日期 (docs/forms.md § Rules). */

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86400000;

function calendarDate(y: number, mo: number, d: number, h = 0, mi = 0, se = 0): Date | undefined {
  const dt = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
  const valid =
    dt.getUTCFullYear() === y &&
    dt.getUTCMonth() === mo - 1 &&
    dt.getUTCDate() === d &&
    h <= 23 &&
    mi <= 59 &&
    se <= 59;
  return valid ? dt : undefined;
}

/**
 * A 填报日期 as the budget systems and clerks write it: 14 digits (yyyyMMddHHmmss, the export of the
 * 预算管理一体化 system), 8 digits, `2023-10-15`, `2023/10/15`, `2023.10.15`, `2023年10月15日` (with an
 * optional time), or an Excel date serial. Undefined when it is none of these or not a calendar date.
 */
export function parseFormDate(raw: string): Date | undefined {
  const s = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  let m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/.exec(s);
  if (m) return calendarDate(...(m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number]));
  m = /^(\d{4})\s?[-/.年]\s?(\d{1,2})\s?[-/.月]\s?(\d{1,2})\s?日?(?:\s?(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return calendarDate(...(m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number]));
  // An Excel date serial between 1954 and 2119 (a date cell read as its number).
  if (/^\d{5}(\.\d+)?$/.test(s) && Number(s) >= 20000 && Number(s) <= 80000)
    return new Date(EXCEL_EPOCH + Math.floor(Number(s)) * DAY);
  return undefined;
}

function formYear(f: LocatedForm, d: Disclosure): number | undefined {
  const m = /(\d{4})年度/.exec(f.yearLabel ?? '');
  return m ? Number(m[1]) : d.meta.year;
}

const ymd = (dt: Date): string =>
  `${dt.getUTCFullYear()}-${String(dt.getUTCMonth() + 1).padStart(2, '0')}-${String(dt.getUTCDate()).padStart(2, '0')}`;

/**
 * F8 — 填报日期 lies in the filing period of the budget year Y (1 July Y−1 to 31 March Y).
 * Applies to forms that print a 填报日期 label (001 prints none: silent).
 *  - F8   a date outside the period — 提示 (an unusual date: plausible, worth a look);
 *  - F8.1 no date, or one that is not a date — 信息 (many published forms leave it blank).
 * Silent on the period when the budget year is unknown (no year on the form or the tables).
 */
export function checkFilingDate(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const f of a.forms) {
    const cell = at(f, 'signature.date');
    if (!cell) continue;
    const raw = f.signature.date;
    if (!raw) {
      out.push(finding('F8.1', 'info', f, cell, `${formName(f)}填报日期未填写`));
      continue;
    }
    const dt = parseFormDate(raw);
    if (!dt) {
      out.push(finding('F8.1', 'info', f, cell, `${formName(f)}填报日期“${raw}”不是可识别的日期`));
      continue;
    }
    const y = formYear(f, a.disclosure);
    if (y === undefined) continue;
    const from = Date.UTC(y - 1, 6, 1);
    const to = Date.UTC(y, 2, 31, 23, 59, 59);
    if (dt.getTime() >= from && dt.getTime() <= to) continue;
    out.push(
      finding(
        'F8',
        'warning',
        f,
        cell,
        `${formName(f)}填报日期${ymd(dt)}不在通常的填报期（${y - 1}年7月1日至${y}年3月31日）内，请核对`,
      ),
    );
  }
  return out;
}
