import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../../src/core/check';
import { renderTemplates } from '../../src/core/templates/layout';
import { readWorkbookBytes } from '../../src/xlsx/readWorkbook';
import { writePlansToXlsx } from '../../src/xlsx/write';
import { writeGridToXlsx } from '../../src/xlsx/writeGrid';
import { buildSeedWorkbook, SEED_IDS } from '../fixtures/seeds';
import { INDENTED_T12, INDENTED_T12_LEVELS } from '../fixtures/indentedT12';
import { readXlsxWithExceljs } from './exceljsReader';

/**
 * The SheetJS reader against the exceljs reader it replaces, on the same .xlsx bytes: the grid
 * must be the same cell for cell (values, formulas, merges and what exceljs showed inside them,
 * indents, tags), so every rule sees what it saw before.
 */
const EXAMPLE = join(__dirname, '..', '..', 'assets', 'example', 'datong-2024.xlsx');

async function both(bytes: Buffer) {
  return { before: await readXlsxWithExceljs(bytes), after: await readWorkbookBytes(bytes, 'x.xlsx') };
}

describe('readWorkbookBytes gives the grid the exceljs reader gave', () => {
  it.each(SEED_IDS.flatMap((id) => (['published', 'stacked'] as const).map((layout) => [id, layout] as const)))(
    'seed %s (%s)',
    async (id, layout) => {
      const { before, after } = await both(await writeGridToXlsx(buildSeedWorkbook(id, layout)));
      expect(after).toEqual(before);
    },
  );

  it('the bundled example (a clerk-style workbook with merged headers), and the same findings', async () => {
    const { before, after } = await both(readFileSync(EXAMPLE));
    expect(after).toEqual(before);
    expect(analyzeWorkbook(after).findings).toEqual(analyzeWorkbook(before).findings);
  });

  it('a generated 部门 template: styles, merges, tags, and formulas saved without results are blank', async () => {
    const plans = renderTemplates({ year: 2026, unit: '某市某局', level: '部门', units: ['甲单位', '乙单位'] });
    const { before, after } = await both(await writePlansToXlsx(plans, undefined));
    expect(after).toEqual(before);
    const t1 = after.sheets.find((s) => s.tag === 't1');
    const formulas = (t1?.rows ?? []).flat().filter((c) => c?.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(10);
    expect(formulas.every((c) => c?.value === null)).toBe(true);
  });

  it('Excel cell indent (a 部门 表12 whose levels show only by indent)', async () => {
    const grid = {
      sheets: [
        {
          name: '表12',
          merges: [],
          rows: INDENTED_T12.map((row, r) =>
            row.map((v, c) =>
              v === null
                ? undefined
                : { value: v, ...(c === 0 && INDENTED_T12_LEVELS[r] ? { indent: INDENTED_T12_LEVELS[r] } : {}) },
            ),
          ),
        },
      ],
    };
    const { before, after } = await both(await writeGridToXlsx(grid));
    expect(after).toEqual(before);
    for (const [r, level] of Object.entries(INDENTED_T12_LEVELS))
      expect(after.sheets[0].rows[Number(r)][0]?.indent).toBe(level);
  });

  it('dates, percentages, booleans, errors, text-formatted codes and a 1904 workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = new Date(Date.UTC(2024, 11, 31));
    ws.getCell('A2').value = new Date(Date.UTC(2024, 0, 2, 13, 30));
    ws.getCell('A3').value = 0.125;
    ws.getCell('A3').numFmt = '0.00%';
    ws.getCell('A4').value = false;
    ws.getCell('A5').value = { error: '#DIV/0!' };
    ws.getCell('A6').value = '0801';
    ws.getCell('A6').numFmt = '@';
    ws.getCell('A7').value = '1,184.32';
    const plain = Buffer.from(await wb.xlsx.writeBuffer());
    const { before, after } = await both(plain);
    expect(after).toEqual(before);
    expect(after.sheets[0].rows.map((r) => r[0]?.value)).toEqual([
      '2024-12-31',
      '2024-01-02T13:30:00.000Z',
      0.125,
      false,
      { error: '#DIV/0!' },
      '0801',
      '1,184.32',
    ]);
    wb.properties.date1904 = true;
    const y1904 = Buffer.from(await wb.xlsx.writeBuffer());
    const again = await both(y1904);
    expect(again.after.sheets[0].rows[0][0]?.value).toBe(again.before.sheets[0].rows[0][0]?.value);
  });
});

describe('where the new reader is right and the old one was not', () => {
  it('a formula whose saved result is 0 reads as 0 (exceljs dropped a 0 result and read blank)', async () => {
    const ws = XLSX.utils.aoa_to_sheet([[5, 5, 0]]);
    ws['C1'] = { t: 'n', v: 0, f: 'A1-B1' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '表');
    const bytes = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const { before, after } = await both(bytes);
    expect(after.sheets[0].rows[0][2]).toEqual({ value: 0, formula: 'A1-B1' });
    expect(before.sheets[0].rows[0][2]).toEqual({ value: null, formula: 'A1-B1' });
  });
});
