import type { Disclosure, LocatedTable, RowKind } from '../../../src/core/model/disclosure';
import { CATEGORIES } from '../../../src/core/reference';
import type { SideDef, TableId } from '../../../src/core/templates/schema';
import { tableDef, withYear } from '../../../src/core/templates/tables';
import { loadFixture, type SeedId } from '../../fixtures/fixture';
import { table, type Money, type RowSpec } from './build';

/**
 * The seed transcriptions turned straight into a Disclosure (no workbook, no locator), so the
 * rules can be checked against docs/domain.md § 样本中的已知错误 independently of how tables are found.
 */
type Amounts = Record<string, string | null>;

function columnKey(id: TableId, header: string, year: number, allowed?: string[]): string | undefined {
  const norm = (s: string) => withYear(s, year).replace(/\s/g, '');
  const h = norm(header);
  for (const c of tableDef(id).columns) {
    if (c.role !== 'money' || (allowed && !allowed.includes(c.key))) continue;
    if (norm(c.header) === h || c.aliases.some((a) => norm(a) === h)) return c.key;
  }
  return undefined;
}

function values(id: TableId, v: Amounts, year: number, allowed?: string[]): Record<string, Money> {
  const out: Record<string, Money> = {};
  for (const [h, raw] of Object.entries(v)) {
    const k = columnKey(id, h, year, allowed);
    if (!k) throw new Error(`${id}: unknown column ${h}`);
    out[k] = raw;
  }
  return out;
}

const clean = (s: string) => s.replace(/[\s\u3000]/g, '');

const CARRY_SUBROWS = new Set(['carry_gpb', 'carry_fund', 'carry_soe']);

function fixedKey(side: SideDef, label: string, group?: string): string | undefined {
  const l = clean(label);
  if (group) {
    // 表4 上年财政拨款结转 sub-rows: same labels as the income rows, keyed carry_*.
    const carry = side.rows.filter((r) => CARRY_SUBROWS.has(r.key));
    return carry.find((r) => clean(r.label) === l)?.key;
  }
  const hit = side.rows.find((r) => !CARRY_SUBROWS.has(r.key) && [r.label, ...r.aliases].some((a) => clean(a) === l));
  if (hit) return hit.key;
  if (side.categories) {
    const c = CATEGORIES.find((x) => clean(x.label) === l);
    if (c) return `cat:${c.code}`;
  }
  return undefined;
}

export function fixtureDisclosure(seed: SeedId): Disclosure {
  const fx = loadFixture(seed);
  const y = fx.year;
  const t = fx.tables;
  const d: Disclosure = { meta: { year: y, unit: fx.unit, level: fx.level }, tables: {}, findings: [] };
  const put = (x: LocatedTable) => (d.tables[x.id] = x);
  const note = (n: string | null) => n ?? undefined;

  for (const id of ['t1', 't4'] as const) {
    const ft = t[id];
    const body = tableDef(id).body;
    if (body.kind !== 'summary') throw new Error('summary');
    const rows: (RowSpec & { at?: number })[] = [];
    ft.income.forEach((r) => {
      const key = fixedKey(body.income, r.label, r.group);
      if (!key) throw new Error(`${seed} ${id} income row ${r.label}`);
      rows.push({
        kind: 'fixed',
        side: 'income',
        key,
        label: r.label,
        values: values(id, r.values, y, body.income.moneyColumns),
        at: body.income.rows.find((x) => x.key === key)!.at,
      });
    });
    ft.expenditure.forEach((r) => {
      const key = fixedKey(body.expenditure, r.label);
      if (!key) throw new Error(`${seed} ${id} expenditure row ${r.label}`);
      const at = key.startsWith('cat:')
        ? CATEGORIES.findIndex((c) => `cat:${c.code}` === key)
        : body.expenditure.rows.find((x) => x.key === key)!.at;
      rows.push({
        kind: 'fixed',
        side: 'expenditure',
        key,
        label: r.label,
        values: values(id, r.values, y, body.expenditure.moneyColumns),
        at,
      });
    });
    put(table(id, rows, { note: note(ft.note) }));
  }
  for (const id of ['t2', 't3', 't5', 't7', 't8'] as const) {
    const ft = t[id];
    put(
      table(
        id,
        ft.rows.map((r) => {
          const kind: RowKind =
            r.code === null ? 'total' : r.code.length === 3 ? 'lei' : r.code.length === 5 ? 'kuan' : 'xiang';
          return {
            kind,
            key: r.code ?? 'total',
            code: r.code ?? undefined,
            name: r.code === null ? undefined : r.name,
            label: r.name,
            values: values(id, r.values, y),
          };
        }),
        { note: note(t[id].note) },
      ),
    );
  }
  put(
    table(
      't6',
      t.t6.rows.map((r) => ({
        kind: r.kind,
        key: r.econName || r.govName,
        name: r.econName || r.govName,
        label: `${r.econName} ${r.govName}`.trim(),
        values: values('t6', r.values, y),
      })),
      { note: note(t.t6.note) },
    ),
  );
  put(
    table(
      't9',
      t.t9.rows.map((r) => ({
        kind: 'total' as RowKind,
        key: 'total',
        label: r.name,
        values: { ...values('t9', r.values.income, y), ...values('t9', r.values.expenditure, y) },
      })),
      { note: note(t.t9.note) },
    ),
  );
  const t10 = tableDef('t10').body;
  if (t10.kind !== 'fixed') throw new Error('fixed');
  put(
    table(
      't10',
      t.t10.rows.map((r) => {
        const key = fixedKey(t10.side, r.label);
        if (!key) throw new Error(`${seed} t10 row ${r.label}`);
        return { kind: 'fixed' as RowKind, key, label: r.label, values: values('t10', r.values, y) };
      }),
      { note: note(t.t10.note) },
    ),
  );
  put(
    table(
      't11',
      t.t11.rows.map((r) => ({
        kind: r.kind,
        key: r.label,
        label: r.label,
        name: r.label,
        values: values('t11', r.values, y),
      })),
      { note: note(t.t11.note) },
    ),
  );
  for (const id of ['t12', 't13'] as const) {
    put(
      table(
        id,
        t[id].rows.map((r) => ({
          kind: (r.kind === 'department' ? 'total' : r.kind) as RowKind,
          key: r.name,
          name: r.name,
          label: r.name,
          level: r.level,
          unit: r.unit ?? undefined,
          values: values(id, r.values, y),
        })),
        { note: note(t[id].note) },
      ),
    );
  }
  return d;
}
