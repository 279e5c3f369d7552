import { readFileSync } from 'fs';
import { join } from 'path';
import { z } from 'zod';
import type { Amount, Disclosure, LocatedTable, RowKind, TableRow } from '../../src/core/model/disclosure';
import { addr } from '../../src/core/model/grid';
import { Decimal, ZERO } from '../../src/core/money';
import { CATEGORIES } from '../../src/core/reference';
import { tableDef } from '../../src/core/templates/tables';
import type { TableId } from '../../src/core/templates/schema';

/**
 * Builds a Disclosure straight from the shared seed transcriptions, independent of the
 * locator, so the narrative tests do not depend on work in progress elsewhere. Amounts keep
 * the printed strings (decimal), blank = null.
 */
export type Seed = '000' | '001' | '003';
const FILES: Record<Seed, string> = {
  '000': 'datong-2024.json',
  '001': 'xinjiang-2024.json',
  '003': 'datong-jiuye-2026.json',
};
const DIR = join(__dirname, '..', 'fixtures', 'data');

const Values = z.record(z.string(), z.string().nullable());
const Row = z.looseObject({
  label: z.string().optional(),
  code: z.string().nullable().optional(),
  name: z.string().optional(),
  econName: z.string().optional(),
  govName: z.string().optional(),
  kind: z.string().optional(),
  unit: z.string().nullable().optional(),
  group: z.string().optional(),
  values: Values,
});
const Table = z.looseObject({
  note: z.string().nullable().optional(),
  rows: z.array(Row).optional(),
  income: z.array(Row).optional(),
  expenditure: z.array(Row).optional(),
});
const Form = z.looseObject({ projectName: z.string() });
const SeedFile = z.looseObject({
  unit: z.string(),
  year: z.number(),
  level: z.enum(['部门', '单位']),
  tables: z.looseObject({ t1: Table, t3: Table, t4: Table, t5: Table, t6: Table, t10: Table, t11: Table, t12: Table }),
  forms: z.array(Form),
  narrative: z.looseObject({ heading: z.string(), paragraphs: z.array(z.string()) }),
});
export type SeedFile = z.infer<typeof SeedFile>;

export function loadSeed(seed: Seed): SeedFile {
  return SeedFile.parse(JSON.parse(readFileSync(join(DIR, FILES[seed]), 'utf8')));
}

const COLUMN_KEYS: Record<string, string> = {
  金额: 'income',
  合计: 'total',
  小计: 'subtotal',
  当年预算安排: 'current',
  上年结转安排: 'carry',
  基本支出: 'basic',
  项目支出: 'project',
  人员经费: 'personnel',
  公用经费: 'public',
  一般公共预算: 'gpb',
  政府性基金预算: 'fund',
  国有资本经营预算: 'soe',
  财政专户管理资金: 'special',
  单位资金: 'unit',
};

function amounts(sheet: string, r: number, values: Record<string, string | null>): Record<string, Amount | undefined> {
  const out: Record<string, Amount | undefined> = {};
  Object.entries(values).forEach(([header, raw], i) => {
    const key = COLUMN_KEYS[header];
    if (!key) return;
    out[key] = { value: raw === null ? ZERO : new Decimal(raw), blank: raw === null, sheet, cell: addr(r, i + 2), raw };
  });
  return out;
}

const strip = (s: string) => s.replace(/^\s*[一二三四五六七八九十]+、/, '').replace(/\s+/g, '');

function table(id: TableId, rows: TableRow[], note?: string | null): LocatedTable {
  return {
    id,
    sheet: tableDef(id).sheetName,
    range: 'A1',
    columns: {},
    headerRow: 0,
    rows,
    fromTemplate: false,
    ...(note ? { note } : {}),
  };
}

function summary(id: 't1' | 't4', t: z.infer<typeof Table>): LocatedTable {
  const def = tableDef(id);
  if (def.body.kind !== 'summary') throw new Error('not a summary table');
  const body = def.body;
  const sheet = def.sheetName;
  const rows: TableRow[] = [];
  (t.income ?? []).forEach((r, i) => {
    const label = r.label ?? '';
    const fixed = body.income.rows.find(
      (f) =>
        (strip(f.label) === strip(label) || f.aliases.some((a) => strip(a) === strip(label))) &&
        (r.group
          ? f.key.startsWith('carry_') && f.key !== 'carry_in'
          : !f.key.startsWith('carry_') || f.key === 'carry_in'),
    );
    if (!fixed) throw new Error(`${id} income row not mapped: ${label}`);
    rows.push({ kind: 'fixed', key: fixed.key, row: i, label, side: 'income', values: amounts(sheet, i, r.values) });
  });
  (t.expenditure ?? []).forEach((r, i) => {
    const label = r.label ?? '';
    const cat = CATEGORIES.find((c) => strip(c.label) === strip(label));
    const fixed = body.expenditure.rows.find((f) => strip(f.label) === strip(label));
    const key = cat ? `cat:${cat.code}` : fixed?.key;
    if (!key) return;
    rows.push({ kind: 'fixed', key, row: i, label, side: 'expenditure', values: amounts(sheet, i, r.values) });
  });
  return table(id, rows, t.note);
}

function coded(id: TableId, t: z.infer<typeof Table>): LocatedTable {
  const sheet = tableDef(id).sheetName;
  const rows: TableRow[] = (t.rows ?? []).map((r, i) => {
    const code = r.code ?? undefined;
    const kind: RowKind = !code ? 'total' : code.length === 3 ? 'lei' : code.length === 5 ? 'kuan' : 'xiang';
    return {
      kind,
      key: code ?? 'total',
      row: i,
      code,
      name: r.name,
      label: `${code ?? ''}${r.name ?? ''}`,
      values: amounts(sheet, i, r.values),
    };
  });
  return table(id, rows, t.note);
}

function economic(t: z.infer<typeof Table>): LocatedTable {
  const sheet = tableDef('t6').sheetName;
  let parent: string | undefined;
  const rows: TableRow[] = (t.rows ?? []).map((r, i) => {
    const name = (r.econName || r.govName || '').trim();
    const kind: RowKind = r.kind === 'total' ? 'total' : r.kind === 'class' ? 'class' : 'item';
    if (kind === 'class') parent = `class:${i}`;
    return {
      kind,
      key: kind === 'class' ? `class:${i}` : `${kind}:${i}`,
      row: i,
      name,
      label: name,
      ...(kind === 'item' ? { parent } : {}),
      values: amounts(sheet, i, r.values),
    };
  });
  return table('t6', rows, t.note);
}

function fixedRows(t: z.infer<typeof Table>): LocatedTable {
  const def = tableDef('t10');
  if (def.body.kind !== 'fixed') throw new Error('t10 is fixed');
  const side = def.body.side;
  const rows: TableRow[] = (t.rows ?? []).map((r, i) => {
    const label = r.label ?? '';
    const f = side.rows.find(
      (x) => strip(x.label) === strip(label) || x.aliases.some((a) => strip(a) === strip(label)),
    );
    if (!f) throw new Error(`t10 row not mapped: ${label}`);
    return { kind: 'fixed', key: f.key, row: i, label, values: amounts(def.sheetName, i, r.values) };
  });
  return table('t10', rows, t.note);
}

function listed(id: 't11' | 't12', t: z.infer<typeof Table>): LocatedTable {
  const sheet = tableDef(id).sheetName;
  const rows: TableRow[] = (t.rows ?? []).map((r, i) => {
    const name = (r.name ?? r.label ?? '').trim();
    const kind: RowKind = r.kind === 'project' ? 'project' : r.kind === 'total' ? 'total' : 'unit';
    return {
      kind,
      key: kind === 'total' ? 'total' : name,
      row: i,
      name,
      label: name,
      ...(r.unit ? { unit: r.unit } : {}),
      values: amounts(sheet, i, r.values),
    };
  });
  return table(id, rows, t.note);
}

export function seedDisclosure(seed: Seed): Disclosure {
  const s = loadSeed(seed);
  const t = s.tables;
  return {
    meta: { year: s.year, unit: s.unit, level: s.level },
    tables: {
      t1: summary('t1', t.t1),
      t3: coded('t3', t.t3),
      t4: summary('t4', t.t4),
      t5: coded('t5', t.t5),
      t6: economic(t.t6),
      t10: fixedRows(t.t10),
      t11: listed('t11', t.t11),
      t12: listed('t12', t.t12),
    },
    findings: [],
  };
}

/** The published 第三部分 as one text (one line per printed paragraph). */
export function seedNarrativeText(seed: Seed): string {
  const n = loadSeed(seed).narrative;
  return [n.heading, ...n.paragraphs].join('\n');
}
