import type { CellValue, Sheet, Workbook } from '../../src/core/model/grid';

/**
 * Seeded mutations of a workbook for the fuzz tests. Own tiny PRNG (mulberry32) so a failing
 * case is reproduced from its seed number alone.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (rnd: Rand, n: number) => Math.floor(rnd() * n);
const pick = <T>(rnd: Rand, xs: readonly T[]): T => xs[int(rnd, xs.length)];

const TEXTS = [
  '合计',
  '12,3a',
  '１２３',
  ' 5 ',
  '—',
  '',
  '2080101',
  '项目名称',
  '注：本表无数据',
  '\u3000\u3000项目',
  '1,184.32',
  '(3.5)',
  'NaN',
  '一、一般公共预算',
  '单位名称：',
  '预算公开表3',
  '2024年预算支出总表',
  '科目编码',
  '#REF!',
  '∞',
];
const ERRORS = ['#REF!', '#VALUE!', '#DIV/0!', '#N/A', '#NAME?'];

function randomValue(rnd: Rand): CellValue {
  switch (int(rnd, 7)) {
    case 0:
      return rnd() * 1e6 - 1e5;
    case 1:
      return int(rnd, 10_000_000);
    case 2:
      return pick(rnd, TEXTS);
    case 3:
      return { error: pick(rnd, ERRORS) };
    case 4:
      return null;
    case 5:
      return pick(rnd, [true, false, Number.NaN, Infinity, -0, 1e308]);
    default:
      return String.fromCharCode(0xff10 + int(rnd, 10)).repeat(1 + int(rnd, 4));
  }
}

function randomCell(rnd: Rand, s: Sheet): { r: number; c: number } {
  const r = int(rnd, Math.max(1, s.rows.length + 2));
  const width = s.rows[r]?.length ?? 6;
  return { r, c: int(rnd, Math.max(1, width + 1)) };
}

function setCell(s: Sheet, r: number, c: number, value: CellValue): void {
  while (s.rows.length <= r) s.rows.push([]);
  (s.rows[r] ??= [])[c] = { value };
}

export type Mutation = (rnd: Rand, wb: Workbook) => void;

export const MUTATIONS: Record<string, Mutation> = {
  value(rnd, wb) {
    const s = pick(rnd, wb.sheets);
    if (!s) return;
    for (let i = 0, n = 1 + int(rnd, 8); i < n; i++) {
      const { r, c } = randomCell(rnd, s);
      setCell(s, r, c, randomValue(rnd));
    }
  },
  formula(rnd, wb) {
    const s = pick(rnd, wb.sheets);
    if (!s) return;
    const { r, c } = randomCell(rnd, s);
    setCell(s, r, c, pick(rnd, [null, 3, { error: '#REF!' }]));
    const cell = s.rows[r]?.[c];
    if (cell) cell.formula = pick(rnd, ['SUM(C7:C9)', 'C8+C19', '#REF!+1', 'SUM(', '']);
  },
  deleteRows(rnd, wb) {
    const s = pick(rnd, wb.sheets);
    if (!s || s.rows.length === 0) return;
    s.rows.splice(int(rnd, s.rows.length), 1 + int(rnd, 4));
  },
  deleteSheet(rnd, wb) {
    if (wb.sheets.length > 0) wb.sheets.splice(int(rnd, wb.sheets.length), 1);
  },
  addMerge(rnd, wb) {
    const s = pick(rnd, wb.sheets);
    if (!s) return;
    const { r, c } = randomCell(rnd, s);
    s.merges.push({ top: r, left: c, bottom: r + int(rnd, 4), right: c + int(rnd, 6) });
  },
  shuffleCells(rnd, wb) {
    const s = pick(rnd, wb.sheets);
    if (!s) return;
    for (let i = 0, n = 1 + int(rnd, 10); i < n; i++) {
      const a = randomCell(rnd, s);
      const b = randomCell(rnd, s);
      const va = s.rows[a.r]?.[a.c];
      const vb = s.rows[b.r]?.[b.c];
      setCell(s, a.r, a.c, vb?.value ?? null);
      setCell(s, b.r, b.c, va?.value ?? null);
    }
  },
  removeTitles(rnd, wb) {
    for (const s of wb.sheets) {
      for (const row of s.rows) {
        if (!row) continue;
        row.forEach((cell, c) => {
          if (cell && typeof cell.value === 'string' && cell.value.includes('表') && rnd() < 0.5) row[c] = undefined;
        });
      }
    }
  },
  holes(rnd, wb) {
    const s = pick(rnd, wb.sheets);
    if (!s) return;
    // Sparse rows as a careless adapter might produce them.
    const r = int(rnd, Math.max(1, s.rows.length));
    delete (s.rows as unknown[])[r];
  },
  tag(rnd, wb) {
    const s = pick(rnd, wb.sheets);
    if (s) s.tag = pick(rnd, ['t1', 't3', 't12', 'form:x', 'zz', '']);
  },
};

const NAMES = Object.keys(MUTATIONS);

export function mutate(wb: Workbook, seed: number): { wb: Workbook; applied: string[] } {
  const rnd = prng(seed);
  const copy = structuredClone(wb);
  const applied: string[] = [];
  for (let i = 0, n = 1 + int(rnd, 5); i < n; i++) {
    const name = pick(rnd, NAMES);
    MUTATIONS[name](rnd, copy);
    applied.push(name);
  }
  return { wb: copy, applied };
}
