import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workbook } from '../../src/core/model/grid';
import { renderTemplates } from '../../src/core/templates/layout';
import { planToSheet } from '../../src/core/templates/planToGrid';
import { parsedRefs, type RefRect } from '../../src/core/rules/formulaRefs';
import { plainFormulaRefs } from '../../src/core/rules/plainFormulaRefs';
import { readWorkbookBytes } from '../../src/xlsx/readWorkbook';
import { buildSeedWorkbook, SEED_IDS } from '../fixtures/seeds';

/**
 * The formula-integrity rules read a formula's references without the full parser when the
 * formula is plain (plainFormulaRefs.ts). Wherever that reading answers, it must answer what the
 * parser answers: the same cells, on every formula of the templates, the seeds and the example,
 * and on formulas written to probe the edges; where it does not answer, the parser is asked.
 */
const EXAMPLE = join(__dirname, '..', '..', 'assets', 'example', 'datong-2024.xlsx');

/** The cells a set of rectangles covers, as comparable text (order and duplicates do not matter to `covers`). */
function cells(refs: readonly RefRect[]): string[] {
  const out = new Set<string>();
  for (const r of refs)
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) out.add(`${r.sheet}!${row},${col}`);
  return [...out].sort();
}

function formulasOf(wb: Workbook): { formula: string; sheet: string; row: number; col: number }[] {
  const out: { formula: string; sheet: string; row: number; col: number }[] = [];
  for (const s of wb.sheets)
    s.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c?.formula) out.push({ formula: c.formula, sheet: s.name, row: r, col });
      }),
    );
  return out;
}

async function corpus() {
  const plans = renderTemplates({ year: 2026, unit: '某市某局', level: '部门', units: ['甲单位', '乙单位'] });
  const single = renderTemplates({ year: 2026, unit: '某单位', level: '单位' });
  return [
    ...formulasOf({ sheets: [...plans, ...single].map(planToSheet) }),
    ...SEED_IDS.flatMap((id) => formulasOf(buildSeedWorkbook(id, 'published'))),
    ...formulasOf(await readWorkbookBytes(readFileSync(EXAMPLE), 'example.xlsx')),
  ];
}

const PROBES = [
  'SUM(A1:B2)+C3',
  "'表2 预算收入总表'!$D$6",
  "SUMIF('表2 预算收入总表'!$A$6:$A$48,\"201\",'表2 预算收入总表'!$C$6:$C$48)",
  'SUMPRODUCT((LEN($A$9:$A$48)=7)*(LEFT($A$9:$A$48,5)=$A8)*D$9:D$48)',
  "'It''s'!A1+Sheet2!B2:C3",
  'Sheet2!A1:B2',
  'IF(A1>0,B1,-C1)',
  'IF(A1<>"",B1&"元",C1%)',
  'ROUND(A1/10000,2)',
  'LOG10(E5)+E5',
  '-A1+(+B1)',
  'A1*(B1-C1)^2',
  'TODAY()',
  '_xlfn.IFS(A1>1,B1,A1<=1,C1)',
  '1.5E+3*A1',
  'SUM(A1:A3)/COUNT(A1:A3)',
  'A1=B1',
];

const REFUSED = [
  'SUM(A:A)', // whole column
  'SUM(1:3)', // whole rows
  'A1:B2 B1:C2', // intersection
  'Total*2', // a defined name
  'SUM(A1,,B1)', // an empty argument
  '{1,2}*A1', // an array constant
  '#REF!+A1',
  'B2:A1', // a reversed range
  'ROW(A1)',
  'OFFSET(A1,1,1)',
  'INDIRECT("A1")',
  'SUM(A1', // unbalanced
  'A1+',
  '表2!A1', // an unquoted sheet name outside ASCII: left to the parser's rules
  'a1+1',
  'A1:A',
  'IF(A1>0,TRUE,FALSE)', // booleans look like names
];

describe('plain formulas read without the parser', () => {
  it('every formula of the templates, the seeds and the example: the parser’s cells wherever it answers', async () => {
    const all = await corpus();
    let answered = 0;
    for (const f of all) {
      const plain = plainFormulaRefs(f.formula, f.sheet);
      if (!plain) continue;
      answered++;
      const parsed = parsedRefs(f.formula, f.sheet, f.row, f.col);
      expect([f.formula, parsed && cells(parsed)]).toEqual([f.formula, cells(plain)]);
    }
    // Nearly all of them are plain: that is the point.
    expect(answered).toBeGreaterThan(all.length * 0.9);
  });

  it.each(PROBES)('%s', (formula) => {
    const plain = plainFormulaRefs(formula, '表1');
    expect(plain).toBeDefined();
    const parsed = parsedRefs(formula, '表1', 20, 9);
    expect(parsed && cells(parsed)).toEqual(cells(plain ?? []));
  });

  it.each(REFUSED)('leaves %s to the parser', (formula) => {
    expect(plainFormulaRefs(formula, '表1')).toBeUndefined();
  });
});
