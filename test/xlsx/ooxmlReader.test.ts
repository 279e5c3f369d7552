import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { renderTemplates } from '../../src/core/templates/layout';
import { DateFormats } from '../../src/xlsx/cellValues';
import { readOoxml } from '../../src/xlsx/ooxml/readOoxml';
import { shiftFormula } from '../../src/xlsx/ooxml/sharedFormulas';
import { readWithSheetJS, readWorkbookBytes } from '../../src/xlsx/readWorkbook';
import { writePlansToXlsx } from '../../src/xlsx/write';
import { writeGridToXlsx } from '../../src/xlsx/writeGrid';
import { crc32 } from '../../src/xlsx/zipCheck';
import { buildSeedWorkbook, SEED_IDS } from '../fixtures/seeds';
import { readXlsxWithExceljs } from './exceljsReader';

/**
 * The .xlsx reader of src/xlsx/ooxml (fflate + htmlparser2's tokenizer) against the SheetJS reader
 * it stands in for on .xlsx files: the same grid, cell for cell, on real workbooks and on packages
 * written by hand to hold what Excel, WPS and other writers put in them (prefixed namespaces, rich
 * text with phonetic runs, inline strings, shared formulas, escapes, chart sheets …).
 */
const EXAMPLE = join(__dirname, '..', '..', 'assets', 'example', 'datong-2024.xlsx');

/** The grid of the .xlsx reader itself, failing if it left the file to SheetJS. */
function fast(bytes: Uint8Array) {
  const read = readOoxml(bytes);
  if (!('workbook' in read)) throw new Error(`damaged: ${read.damaged}`);
  return read.workbook;
}

async function expectSameAsSheetJS(bytes: Uint8Array) {
  const ours = fast(bytes);
  expect(ours).toEqual(await readWithSheetJS(bytes, 'x.xlsx', 'ooxml'));
  return ours;
}

describe('the .xlsx reader gives the grid SheetJS gives', () => {
  it.each(SEED_IDS.flatMap((id) => (['published', 'stacked'] as const).map((layout) => [id, layout] as const)))(
    'seed %s (%s)',
    async (id, layout) => {
      await expectSameAsSheetJS(await writeGridToXlsx(buildSeedWorkbook(id, layout)));
    },
  );

  it('the bundled example', async () => {
    await expectSameAsSheetJS(readFileSync(EXAMPLE));
  });

  it('a generated 部门 template with units and projects', async () => {
    const plans = renderTemplates({ year: 2026, unit: '某市某局', level: '部门', units: ['甲单位', '乙单位'] });
    const wb = await expectSameAsSheetJS(await writePlansToXlsx(plans, undefined));
    expect(wb.sheets.filter((s) => s.tag).length).toBeGreaterThanOrEqual(13);
  });

  it('readWorkbookBytes uses it for .xlsx', async () => {
    const bytes = readFileSync(EXAMPLE);
    expect(await readWorkbookBytes(bytes, 'x.xlsx')).toEqual(fast(bytes));
  });
});

describe('shared formulas', () => {
  it('are expanded as SheetJS and exceljs expand them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    for (let r = 1; r <= 4; r++) {
      ws.getCell(r, 1).value = r;
      ws.getCell(r, 2).value = r * 10;
    }
    ws.getCell('C1').value = { formula: 'A1+B1+$A$1+A$1+$B2', result: 12 } as ExcelJS.CellFormulaValue;
    for (const a of ['C2', 'C3', 'C4'])
      ws.getCell(a).value = { sharedFormula: 'C1', result: 0 } as ExcelJS.CellSharedFormulaValue;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const ours = await expectSameAsSheetJS(bytes);
    expect(ours.sheets[0].rows.map((r) => r[2]?.formula)).toEqual([
      'A1+B1+$A$1+A$1+$B2',
      'A2+B2+$A$1+A$1+$B3',
      'A3+B3+$A$1+A$1+$B4',
      'A4+B4+$A$1+A$1+$B5',
    ]);
    expect(ours.sheets[0].rows.map((r) => r[2]?.formula)).toEqual(
      (await readXlsxWithExceljs(bytes)).sheets[0].rows.map((r) => r[2]?.formula),
    );
  });

  it('moves relative references by the offset from the master cell, columns too', () => {
    expect(shiftFormula("SUM(A1:B2)+'表 2'!C3+$D$4+LOG10(E5)", 2, 1)).toBe("SUM(B3:C4)+'表 2'!D5+$D$4+LOG10(F7)");
  });
});

/** UTF-8 bytes as this realm's Uint8Array (fflate's zipSync tells files from folders with instanceof). */
const utf8 = (xml: string) => Uint8Array.from(Buffer.from(xml, 'utf8'));

/** A package of the given parts (name → XML), with the rels and content types Excel writes. */
function pkg(parts: Record<string, string>): Uint8Array {
  const files: Record<string, string> = {
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  };
  const zipped: Record<string, Uint8Array> = {};
  for (const [name, xml] of Object.entries({ ...files, ...parts })) zipped[name] = utf8(xml);
  return zipSync(zipped);
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function workbookRels(extra = ''): string {
  return (
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId8" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rId9" Type="${REL}/styles" Target="/xl/styles.xml"/>${extra}</Relationships>`
  );
}

const STYLES =
  `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>` +
  `<numFmt numFmtId="165" formatCode="#,##0.00_ "/></numFmts>` +
  `<cellStyleXfs count="1"><xf numFmtId="0"><alignment indent="5"/></xf></cellStyleXfs>` +
  `<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="0" applyAlignment="1"><alignment horizontal="left" indent="2"/></xf><xf numFmtId="14"/></cellXfs>` +
  `<dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></dxf></dxfs></styleSheet>`;

describe('SpreadsheetML as other writers save it', () => {
  it('prefixed namespaces, rich text, phonetic runs, inline strings, escapes, types and styles', async () => {
    const sst =
      `<x:sst xmlns:x="${MAIN}" count="4" uniqueCount="4">` +
      `<x:si><x:t>一般公共预算</x:t></x:si>` +
      `<x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">合计 </x:t></x:r><x:r><x:t>（万元）</x:t></x:r><x:rPh sb="0" eb="2"><x:t>ごうけい</x:t></x:rPh></x:si>` +
      `<x:si><x:t>A &amp; B &lt;1&gt; _x000D_行&#x4E00;</x:t></x:si>` +
      `<x:si><x:t><![CDATA[<原样>]]></x:t></x:si></x:sst>`;
    const sheet =
      `<x:worksheet xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="s"><x:v>3</x:v></x:c></x:row>` +
      `<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c><x:c r="B2" t="b"><x:v>1</x:v></x:c><x:c r="C2" t="b"><x:v>0</x:v></x:c><x:c r="D2" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="E2" t="e"><x:v>#SPILL!</x:v></x:c></x:row>` +
      `<x:row r="3"><x:c r="A3" s="1"><x:v>45657</x:v></x:c><x:c r="B3" s="2"><x:v>1184.32</x:v></x:c><x:c r="C3" s="3" t="s"><x:v>0</x:v></x:c><x:c r="D3" s="4"><x:v>45658.5</x:v></x:c><x:c r="E3" s="3"/></x:row>` +
      `<x:row r="4"><x:c r="A4" t="str"><x:f>"甲"&amp;"乙"</x:f><x:v>甲乙</x:v></x:c><x:c r="B4"><x:f>SUM(B3:B3)</x:f></x:c><x:c r="C4"><x:f>B3*0</x:f><x:v>0</x:v></x:c><x:c r="D4" t="str"><x:f>""</x:f><x:v></x:v></x:c></x:row>` +
      // Cells (and a row) without references: the next column, the next row (ECMA-376 18.3.1.4, 18.3.1.73).
      `<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c><x:c r="E5"><x:v>5</x:v></x:c><x:c><x:v>6</x:v></x:c></x:row>` +
      `<x:row r="7"><x:c r="B7" s="3" t="s"><x:v>1</x:v></x:c><x:c r="C7" s="3"/></x:row>` +
      `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B7:C8"/></x:mergeCells>` +
      `<x:extLst><x:ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormatting><x14:cfRule type="expression"><xm:f xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">$A$1&gt;0</xm:f></x14:cfRule><xm:sqref xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">A1</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></x:ext></x:extLst>` +
      `</x:worksheet>`;
    const bytes = pkg({
      'xl/workbook.xml':
        `<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:workbookPr/><x:sheets><x:sheet name="表1 预算收支总表" sheetId="1" r:id="rId1"/></x:sheets>` +
        `<x:definedNames><x:definedName name="BD_TABLE_t1">'表1 预算收支总表'!$A$1:$D$8</x:definedName></x:definedNames></x:workbook>`,
      'xl/_rels/workbook.xml.rels': workbookRels(),
      'xl/worksheets/sheet1.xml': sheet,
      'xl/sharedStrings.xml': sst,
      'xl/styles.xml': STYLES,
    });
    const wb = await expectSameAsSheetJS(bytes);
    const s = wb.sheets[0];
    expect(s.tag).toBe('t1');
    expect(s.rows[0].map((c) => c?.value)).toEqual(['一般公共预算', '合计 （万元）', 'A & B <1> \r行一', '<原样>']);
    expect(s.rows[1].map((c) => c?.value)).toEqual(['内联', true, false, { error: '#DIV/0!' }, { error: '#VALUE!' }]);
    expect(s.rows[2].map((c) => c?.value)).toEqual(['2024-12-31', 1184.32, '一般公共预算', '2025-01-01T12:00:00.000Z']);
    expect(s.rows[2][2]?.indent).toBe(2);
    expect(s.rows[3]).toEqual([
      { value: '甲乙', formula: '"甲"&"乙"' },
      { value: null, formula: 'SUM(B3:B3)' },
      { value: 0, formula: 'B3*0' },
      { value: '', formula: '""' },
    ]);
    expect(s.rows[4].map((c) => c?.value)).toEqual([1, 2, undefined, undefined, 5, 6]);
    expect(s.rows[6][1]).toEqual({ value: '合计 （万元）', indent: 2 });
    expect(s.rows[6][2]).toEqual({ value: '合计 （万元）', indent: 2 });
    expect(s.rows[7][1]).toEqual({ value: '合计 （万元）' });
  });

  it('chart sheets are skipped and a 1904 workbook dates from 1904', async () => {
    const bytes = pkg({
      'xl/workbook.xml':
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr date1904="1"/><sheets>` +
        `<sheet name="图" sheetId="2" r:id="rId2"/><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': workbookRels(
        `<Relationship Id="rId2" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/>`,
      ),
      'xl/chartsheets/sheet1.xml': `<chartsheet xmlns="${MAIN}"><sheetPr/></chartsheet>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" s="1"><v>44195</v></c></row></sheetData></worksheet>`,
      'xl/styles.xml': STYLES,
    });
    const wb = await expectSameAsSheetJS(bytes);
    expect(wb.sheets.map((s) => s.name)).toEqual(['表']);
    // 45657 days from 1900 and 44195 from 1904 are the same day.
    expect(wb.sheets[0].rows[0][0]?.value).toBe('2024-12-31');
  });

  it('what it leaves to SheetJS is still read: an ISO date stored as a cell value', async () => {
    const bytes = pkg({
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': workbookRels(),
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="d" s="1"><v>2024-12-31T00:00:00Z</v></c><c r="B1"><v>7</v></c></row></sheetData></worksheet>`,
      'xl/styles.xml': STYLES,
    });
    expect(() => readOoxml(bytes)).toThrow('ISO date');
    const wb = await readWorkbookBytes(bytes, 'x.xlsx');
    expect(wb).toEqual(await readWithSheetJS(bytes, 'x.xlsx', 'ooxml'));
    expect(wb.sheets[0].rows[0][1]?.value).toBe(7);
  });
});

describe('pieces shared with the SheetJS reader', () => {
  it('tells date formats as SheetJS does', () => {
    const formats = [
      ...Object.values(XLSX.SSF.get_table()),
      'yyyy"年"m"月"d"日"',
      '[$-804]yyyy"年"m"月";@',
      '#,##0.00_ ;[Red]\\-#,##0.00\\ ',
      '0.00_);\\(0.00\\)',
      '[h]:mm:ss',
      '"合计"0.00',
      '_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-',
      'General;General;"-"',
      'b2yyyy-mm-dd',
      'A/P h',
      '[Blue]0;[Red]-0',
      '0.0E+00',
      '# ?/?',
      '上午/下午h"时"',
      '\\d0',
      '"d"0',
      '*d0',
    ];
    const dates = new DateFormats();
    for (const f of formats)
      expect([f, dates.is(f)]).toEqual([f, f === 'General' || f === '@' ? false : XLSX.SSF.is_date(f)]);
  });

  it('crc32 is the zip CRC-32', () => {
    const bitwise = (d: Uint8Array) => {
      let c = 0xffffffff;
      for (const x of d) {
        c ^= x;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    };
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
    for (const n of [0, 1, 7, 8, 9, 16, 17, 1000, 4099]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n * 7) & 0xff);
      expect(crc32(data)).toBe(bitwise(data));
    }
  });
});
