import type { Cell, Workbook } from '../../../src/core/model/grid';
import { columnIndex } from '../../../src/core/model/grid';

/**
 * A small spreadsheet evaluator for exactly the formula shapes our templates write (SUM over
 * ranges, '+' of cells, SUMPRODUCT of LEN/LEFT masks times a range, SUMIF, cross-sheet cell
 * links), so template tests see the values Excel would show without starting LibreOffice.
 * Iterates to a fixed point; anything it does not understand throws, so a new formula shape
 * cannot silently evaluate to 0.
 */
type V = number | string;

interface Ref {
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const REF = /^(?:'((?:[^']|'')+)'!|([^'!]+)!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;

function parseRef(text: string, here: string): Ref | undefined {
  const m = REF.exec(text.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? here);
  const c1 = columnIndex(m[3]);
  const r1 = Number(m[4]) - 1;
  const c2 = m[5] ? columnIndex(m[5]) : c1;
  const r2 = m[6] ? Number(m[6]) - 1 : r1;
  return { sheet, r1, c1, r2, c2 };
}

/** Splits at `sep` outside parentheses and quotes. */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = '';
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (!quote && depth === 0 && ch === sep) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

export function recalc(wb: Workbook, maxPasses = 40): void {
  const sheets = new Map(wb.sheets.map((s) => [s.name, s] as const));
  const get = (sheet: string, r: number, c: number): V => {
    const v = sheets.get(sheet)?.rows[r]?.[c]?.value;
    return typeof v === 'number' || typeof v === 'string' ? v : 0;
  };
  const num = (v: V): number => (typeof v === 'number' ? v : 0);
  const cells = (ref: Ref): V[] => {
    const out: V[] = [];
    for (let r = ref.r1; r <= ref.r2; r++) for (let c = ref.c1; c <= ref.c2; c++) out.push(get(ref.sheet, r, c));
    return out;
  };
  const mustRef = (t: string, here: string): Ref => {
    const ref = parseRef(t, here);
    if (!ref) throw new Error(`recalc: not a reference: ${t}`);
    return ref;
  };
  const term = (t: string, here: string): number => {
    t = t.trim();
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    let m = /^SUM\((.*)\)$/.exec(t);
    if (m)
      return splitTop(m[1], ',').reduce(
        (s, a) => s + cells(mustRef(a, here)).reduce<number>((x, v) => x + num(v), 0),
        0,
      );
    m = /^SUMIF\((.*)\)$/.exec(t);
    if (m) {
      const [crit, key, vals] = splitTop(m[1], ',');
      const k = key.trim().replace(/^"|"$/g, '');
      const cs = cells(mustRef(crit, here));
      const vs = cells(mustRef(vals, here));
      return cs.reduce<number>((s, c, i) => s + (String(c) === k ? num(vs[i]) : 0), 0);
    }
    m = /^SUMPRODUCT\((.*)\)$/.exec(t);
    if (m) {
      const factors = splitTop(m[1], '*').map((f) => f.trim());
      let acc: number[] | undefined;
      for (const f of factors) {
        let vec: number[];
        const len = /^\(LEN\((.+)\)=(\d+)\)$/.exec(f);
        const left = /^\(LEFT\((.+),(\d+)\)=(.+)\)$/.exec(f);
        if (len)
          vec = cells(mustRef(len[1], here)).map((v) => (String(v === 0 ? '' : v).length === Number(len[2]) ? 1 : 0));
        else if (left) {
          const target = String(
            get(mustRef(left[3], here).sheet, mustRef(left[3], here).r1, mustRef(left[3], here).c1),
          );
          vec = cells(mustRef(left[1], here)).map((v) =>
            String(v === 0 ? '' : v).slice(0, Number(left[2])) === target ? 1 : 0,
          );
        } else vec = cells(mustRef(f, here)).map(num);
        acc = acc ? acc.map((a, i) => a * (vec[i] ?? 0)) : vec;
      }
      return (acc ?? []).reduce((s, v) => s + v, 0);
    }
    const ref = parseRef(t, here);
    if (ref && ref.r1 === ref.r2 && ref.c1 === ref.c2) return num(get(ref.sheet, ref.r1, ref.c1));
    throw new Error(`recalc: unsupported formula part: ${t}`);
  };
  const formulas: { sheet: string; cell: Cell }[] = [];
  for (const s of wb.sheets)
    for (const row of s.rows) for (const c of row ?? []) if (c?.formula) formulas.push({ sheet: s.name, cell: c });
  for (let pass = 0; pass < maxPasses; pass++) {
    let changed = false;
    for (const { sheet, cell } of formulas) {
      const v = splitTop(cell.formula!.replace(/^=/, ''), '+').reduce((s, t) => s + term(t, sheet), 0);
      const rounded = Math.round(v * 1e8) / 1e8;
      const next = rounded === 0 ? null : rounded;
      if (cell.value !== next) {
        cell.value = next;
        changed = true;
      }
    }
    if (!changed) return;
  }
  throw new Error('recalc: no fixed point (circular reference?)');
}
