import Decimal from 'decimal.js';
import { locateTables } from '../../src/core/locate';
import type { LocatedTable, TableRow } from '../../src/core/model/disclosure';
import { parseAddr, type Workbook } from '../../src/core/model/grid';
import { parseMoney } from '../../src/core/money';
import { TABLES } from '../../src/core/templates/tables';
import type { TableId } from '../../src/core/templates/schema';
import { buildSeed, loadFixture, SEED_IDS, type SeedId } from '../fixtures/seeds';
import type { SeedLayout } from '../fixtures/seeds';

/**
 * Every table of every seed, in the printed and the stacked layout, is found where the builder
 * put it, and every amount of the transcription comes back equal, from a cell that holds it.
 * Expected values come from the JSON transcription, never from the locator.
 */
const LAYOUTS: SeedLayout[] = ['published', 'stacked'];
const CASES: [SeedId, SeedLayout][] = SEED_IDS.flatMap((s) => LAYOUTS.map((l): [SeedId, SeedLayout] => [s, l]));

interface ExpectedAmount {
  what: string;
  row: TableRow | undefined;
  key: string;
  printed: string | null;
}

function moneyKeys(id: TableId, only?: string[]): string[] {
  const def = TABLES.find((t) => t.id === id);
  const keys = (def?.columns ?? []).filter((c) => c.role === 'money').map((c) => c.key);
  return only ? keys.filter((k) => only.includes(k)) : keys;
}

/** Pairs the transcription's rows with the located rows, in print order, column by column. */
function expectedAmounts(seed: SeedId, id: TableId, t: LocatedTable): ExpectedAmount[] {
  const fx = loadFixture(seed).tables;
  const out: ExpectedAmount[] = [];
  const add = (
    rows: { values: Record<string, string | null> }[],
    located: TableRow[],
    headers: string[],
    keys: string[],
    what: string,
  ) => {
    expect(located).toHaveLength(rows.length);
    rows.forEach((row, i) =>
      headers.forEach((h, j) =>
        out.push({ what: `${what} row ${i} ${h}`, row: located[i], key: keys[j], printed: row.values[h] ?? null }),
      ),
    );
  };
  switch (id) {
    case 't1':
    case 't4': {
      const f = fx[id];
      const def = TABLES.find((d) => d.id === id);
      if (def?.body.kind !== 'summary') throw new Error('summary expected');
      add(
        f.income,
        t.rows.filter((r) => r.side === 'income'),
        f.columns.income,
        def.body.income.moneyColumns,
        `${id} income`,
      );
      add(
        f.expenditure,
        t.rows.filter((r) => r.side === 'expenditure'),
        f.columns.expenditure,
        def.body.expenditure.moneyColumns,
        `${id} exp`,
      );
      break;
    }
    case 't9': {
      const f = fx.t9;
      add(
        f.rows.map((r) => ({ values: r.values.income })),
        t.rows,
        f.columns.income,
        ['soe_income'],
        't9 income',
      );
      add(
        f.rows.map((r) => ({ values: r.values.expenditure })),
        t.rows,
        f.columns.expenditure,
        ['total', 'basic', 'project'],
        't9 exp',
      );
      break;
    }
    default: {
      const f = fx[id];
      add(f.rows, t.rows, f.columns, moneyKeys(id), id);
    }
  }
  return out;
}

function cellValue(wb: Workbook, sheet: string, cell: string): unknown {
  const s = wb.sheets.find((x) => x.name === sheet);
  const { r, c } = parseAddr(cell);
  return s?.rows[r]?.[c]?.value ?? null;
}

describe.each(CASES)('seed %s, %s layout', (seed, layout) => {
  const { workbook, expected } = buildSeed(seed, layout);
  const d = locateTables(workbook);
  const fx = loadFixture(seed);

  it('finds all 13 tables with no reading findings', () => {
    expect(Object.keys(d.tables).sort()).toEqual(TABLES.map((t) => t.id).sort());
    expect(d.findings).toEqual([]);
  });

  it.each(TABLES.map((t) => t.id))('%s is at the sheet and range the builder used', (id) => {
    const t = d.tables[id];
    expect(t && { sheet: t.sheet, range: t.range }).toEqual({ sheet: expected[id].sheet, range: expected[id].range });
    expect(t?.fromTemplate).toBe(false);
  });

  it.each(TABLES.map((t) => t.id))('%s: every printed amount comes back equal from a cell holding it', (id) => {
    const t = d.tables[id] as LocatedTable;
    const amounts = expectedAmounts(seed, id, t);
    for (const a of amounts) {
      const got = a.row?.values[a.key];
      const want = a.printed === null ? new Decimal(0) : new Decimal(a.printed);
      expect({ what: a.what, value: got?.value.toString(), blank: got?.blank }).toEqual({
        what: a.what,
        value: want.toString(),
        blank: a.printed === null,
      });
      const held = parseMoney(cellValue(workbook, got?.sheet ?? '', got?.cell ?? 'A1'));
      expect({ what: a.what, held: held.ok ? held.value.toString() : 'unparsable' }).toEqual({
        what: a.what,
        held: want.toString(),
      });
    }
  });

  it('reads codes, names and row kinds as printed', () => {
    for (const id of ['t2', 't3', 't5'] as const) {
      const printed = fx.tables[id].rows.map((r) =>
        r.code === null
          ? { kind: 'total', code: undefined }
          : { kind: { 3: 'lei', 5: 'kuan', 7: 'xiang' }[r.code.length], code: r.code },
      );
      expect(d.tables[id]?.rows.map((r) => ({ kind: r.kind, code: r.code }))).toEqual(printed);
      const names = fx.tables[id].rows.filter((r) => r.code !== null).map((r) => r.name);
      expect(d.tables[id]?.rows.filter((r) => r.kind !== 'total').map((r) => r.name)).toEqual(names);
    }
    expect(d.tables.t6?.rows.map((r) => r.kind)).toEqual(fx.tables.t6.rows.map((r) => r.kind));
    expect(d.tables.t11?.rows.map((r) => r.kind)).toEqual(fx.tables.t11.rows.map((r) => r.kind));
    // 单位 documents: the first 表12 row (unit name or 合计) is the total, the rest are projects.
    expect(d.tables.t12?.rows.map((r) => r.kind)).toEqual(
      fx.tables.t12.rows.map((_r, i) => (i === 0 ? 'total' : 'project')),
    );
  });

  it('keeps the notes printed under the tables', () => {
    for (const id of TABLES.map((t) => t.id))
      expect([id, d.tables[id]?.note ?? null]).toEqual([id, fx.tables[id].note]);
  });

  if (layout === 'published') {
    it('reads year, unit and level from titles and subtitles', () => {
      expect(d.meta.year).toBe(fx.year);
      expect(d.meta.unit).toBe(fx.unit);
      if (seed !== '001') expect(d.meta.level).toBe('单位');
    });
  }
});

describe('seed-specific shapes', () => {
  it('001 表6: items under the blank-A 对事业单位经常性补助 row belong to that class', () => {
    const t6 = locateTables(buildSeed('001', 'published').workbook).tables.t6 as LocatedTable;
    const rows = loadFixture('001').tables.t6.rows;
    const classRow = rows.findIndex((r) => r.econName === '' && r.govName === '对事业单位经常性补助');
    expect(classRow).toBeGreaterThan(0);
    expect(t6.rows[classRow]).toMatchObject({ kind: 'class', name: '对事业单位经常性补助' });
    expect(t6.rows[classRow + 1]).toMatchObject({ kind: 'item', parent: '对事业单位经常性补助' });
  });

  it('003 published: 科目编码 typed as numbers come back as text codes', () => {
    const wb = buildSeed('003', 'published').workbook;
    const t2 = locateTables(wb).tables.t2 as LocatedTable;
    const xiang = t2.rows.find((r) => r.code === '2080150');
    expect(xiang?.kind).toBe('xiang');
    expect(typeof cellValue(wb, t2.sheet, `A${(xiang?.row ?? 0) + 1}`)).toBe('number');
  });

  it('000 published: amounts written as "1,184.32" text are read as 1184.32', () => {
    const wb = buildSeed('000', 'published').workbook;
    const total = locateTables(wb).tables.t2?.rows.find((r) => r.kind === 'total')?.values.total;
    expect(total?.raw).toBe('1,184.32');
    expect(total?.value.toString()).toBe('1184.32');
  });

  it('表4: the second 一、一般公共预算 (under 上年财政拨款结转) is the carry-over row', () => {
    const t4 = locateTables(buildSeed('000', 'published').workbook).tables.t4 as LocatedTable;
    const income = t4.rows.filter((r) => r.side === 'income').map((r) => r.key);
    expect(income).toEqual([
      'gpb',
      'fund',
      'soe',
      'income_total',
      'carry_in',
      'carry_gpb',
      'carry_fund',
      'carry_soe',
      'income_grand',
    ]);
    const exp = t4.rows.filter((r) => r.side === 'expenditure').map((r) => r.key);
    expect(exp.slice(0, 3)).toEqual(['cat:201', 'cat:202', 'cat:203']);
    expect(exp.slice(30)).toEqual(['exp_total', 'carry_out', 'exp_grand']);
  });
});
