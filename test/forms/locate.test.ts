import Decimal from 'decimal.js';
import { loadFixture, type SeedId } from '../fixtures/fixture';
import { formExtras, seedFormsSheet } from './seedForms';
import { locateForms, locateFormsInSheet } from '../../src/core/forms/locate';
import { SPLIT_KEYS } from '../../src/core/forms/model';
import type { Sheet } from '../../src/core/model/grid';

const dec = (s: string | null | undefined): string => new Decimal(s ?? 0).toString();

describe('locateForms reads the seeds’ printed forms', () => {
  for (const seed of ['000', '001', '003'] as SeedId[]) {
    it(`seed ${seed}: every field equals the transcription`, () => {
      const fx = loadFixture(seed);
      const forms = locateForms({ sheets: [seedFormsSheet(seed)] });
      expect(forms).toHaveLength(fx.forms.length);
      fx.forms.forEach((pub, i) => {
        const f = forms[i];
        const ex = formExtras(pub);
        expect(f.projectName).toBe(pub.projectName);
        expect(f.title).toBe(pub.title ?? undefined);
        expect(f.yearLabel).toBe(ex.yearLabel ?? undefined);
        expect(f.department).toBe(pub.department ?? '');
        expect(f.implementingUnit).toBe(pub.implementingUnit ?? '');
        expect(f.attribute).toBe(pub.attribute ?? '');
        expect(f.period).toBe(pub.period ?? '');
        expect(f.funds.period.total.toString()).toBe(dec(pub.funds.total));
        expect(f.funds.annual.total.toString()).toBe(dec(pub.funds.annual));
        for (const k of SPLIT_KEYS) {
          expect(f.funds.annual.split[k].toString()).toBe(dec(pub.funds[k]));
          expect(f.funds.period.split[k].toString()).toBe(dec(pub.fundsPeriod[k]));
        }
        expect(f.funds.annual.blank.other).toBe(pub.funds.other === null);
        expect(f.texts).toEqual({
          overview: pub.overview ?? '',
          basis: pub.basis ?? '',
          necessity: pub.necessity ?? '',
          measures: pub.measures ?? '',
          plan: pub.plan ?? '',
          goalsPeriod: pub.goalsPeriod ?? '',
          goalsAnnual: pub.goalsAnnual ?? '',
        });
        const mine = f.indicators.map((x) =>
          [x.side === 'period' ? '实施期' : '年度', x.level1, x.level2, x.level3, x.value].join('|'),
        );
        const theirs = pub.indicators.map((x) => [x.period, x.level1, x.level2, x.level3, x.value].join('|'));
        expect(mine.sort()).toEqual(theirs.sort());
        expect(f.signature.date).toBe(ex.signature?.填报日期 ?? '');
        // Every money row of the seeds is one of the five known sources, in 元.
        expect(f.unknownFundsRows).toEqual([]);
        expect(f.fundsUnit).toBe('元');
        expect(f.problems).toEqual([]);
      });
    });
  }

  it('points each field at its cell', () => {
    const [f] = locateForms({ sheets: [seedFormsSheet('000')] });
    // First form of 000: title A1, year A2, 项目名称 row 3 → value C3; money rows 6–11.
    expect(f.cells.projectName).toBe('C3');
    expect(f.cells.implementingUnit).toBe('G4');
    expect(f.cells['funds.period.total']).toBe('D6');
    expect(f.cells['funds.annual.total']).toBe('G6');
    expect(f.cells['funds.annual.local']).toBe('G9');
    expect(f.cells['funds.annual.other']).toBe('G11');
    const cost = f.indicators.find((i) => i.side === 'annual' && i.level2 === '成本指标');
    expect(cost?.valueCell).toMatch(/^H\d+$/);
  });

  it('reads 成本指标 printed under the 效益指标 一级 label (000 J法律顾问费) as 产出指标', () => {
    const forms = locateForms({ sheets: [seedFormsSheet('000')] });
    const legal = forms.find((f) => f.projectName === 'J法律顾问费');
    const cost = legal?.indicators.filter((i) => i.level2 === '成本指标');
    expect(cost?.map((i) => i.level1)).toEqual(['产出指标', '产出指标']);
  });

  it('merges a form printed over several pages and keeps true duplicates apart (docs/domain.md § 多页与重复的目标表)', () => {
    const sheet = seedFormsSheet('000');
    const forms = locateFormsInSheet(sheet);
    const first = forms[0];
    const rows = sheet.rows.slice(first.firstRow, first.lastRow + 1);
    // Page 1: the header block and the 产出 rows, no signature; page 2: the header again, the rest.
    const header = rows.findIndex((r) => r?.some((c) => c?.value === '一级指标'));
    const costRow = header + 4;
    const page1 = rows.slice(0, costRow + 1);
    const page2 = [...rows.slice(0, header + 1), ...rows.slice(costRow + 1)];
    const twoPages: Sheet = { name: 'p', rows: [...page1, [], ...page2, [], ...rows, [], ...rows], merges: [] };
    const read = locateFormsInSheet(twoPages);
    expect(read).toHaveLength(3); // one 2-page form + the same form twice more (duplicates)
    expect(read[0].pages).toBe(2);
    expect(read[0].indicators).toHaveLength(first.indicators.length);
    expect(read[0].signature.date).toBe(first.signature.date);
    expect(read[1].pages).toBe(1);
  });

  it('reports text in a money cell instead of failing', () => {
    const sheet = seedFormsSheet('001');
    const forms = locateFormsInSheet(sheet);
    const cell = forms[0].cells['funds.annual.total'] ?? '';
    const m = /^([A-Z])(\d+)$/.exec(cell);
    expect(m).not.toBeNull();
    const r = Number(m?.[2]) - 1;
    const c = (m?.[1] ?? 'A').charCodeAt(0) - 65;
    const rowsCopy = sheet.rows.map((x) => (x ? [...x] : x));
    (rowsCopy[r] ??= [])[c] = { value: '两万七' };
    const [f] = locateFormsInSheet({ ...sheet, rows: rowsCopy });
    expect(f.problems).toHaveLength(1);
    expect(f.problems[0].cell).toBe(cell);
    expect(f.problems[0].message).toContain('两万七');
  });

  it('stops a form without signature row (001) at the first two empty rows', () => {
    const sheet = seedFormsSheet('001');
    const rows = [
      ...sheet.rows,
      [],
      [],
      [undefined, undefined, undefined, { value: '注：以上为2024年项目支出绩效目标' }, { value: '完' }],
    ];
    const forms = locateFormsInSheet({ ...sheet, rows });
    const last = forms[forms.length - 1];
    expect(last.indicators.some((i) => i.level3.startsWith('注'))).toBe(false);
    expect(last.indicators).toHaveLength(20);
  });
});
