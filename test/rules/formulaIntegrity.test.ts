import { checkFormulaIntegrity } from '../../src/core/rules/formulaIntegrity';
import type { Workbook } from '../../src/core/model/grid';
import { disclosure, table } from './support/build';

/** 表3 with 合计 (row 5), 类 208 (6), 款 20801 (7), 项 2080101/2080102 (8, 9). */
const t3 = (opts: {
  kuan?: { formula: string; value: string } | string;
  fromTemplate?: boolean;
  xiang2?: string | { text: string } | { error: string };
}) =>
  table(
    't3',
    [
      { kind: 'total', key: 'total', values: { total: { formula: 'C6', value: '15.00' } } },
      { kind: 'lei', code: '208', name: '社会保障和就业支出', values: { total: { formula: 'C7', value: '15.00' } } },
      {
        kind: 'kuan',
        code: '20801',
        name: '人力资源和社会保障管理事务',
        values: { total: opts.kuan ?? { formula: 'SUM(C8:C9)', value: '15.00' } },
      },
      { kind: 'xiang', code: '2080101', name: '行政运行', values: { total: '10.00' } },
      { kind: 'xiang', code: '2080102', name: '一般行政管理事务', values: { total: opts.xiang2 ?? '5.00' } },
    ],
    { fromTemplate: opts.fromTemplate },
  );

const fi = (t: ReturnType<typeof t3>, wb?: Workbook) => checkFormulaIntegrity(disclosure(t), wb);

describe('formula integrity', () => {
  it('a complete set of formulas passes', () => {
    expect(fi(t3({}))).toEqual([]);
  });

  it('FI1: a typed number over a 款 total where the others are formulas', () => {
    const f = fi(t3({ kuan: '15.00' }));
    expect(f.map((x) => [x.rule, x.severity, x.cell])).toEqual([['FI1', 'warning', 'C7']]);
    expect(f[0].message).toContain('合计被手工数字覆盖');
  });

  it('FI1 is not raised in a clerk workbook without any formula', () => {
    const plain = table('t3', [
      { kind: 'kuan', code: '20801', name: '人力资源和社会保障管理事务', values: { total: '15.00' } },
      { kind: 'xiang', code: '2080101', name: '行政运行', values: { total: '15.00' } },
    ]);
    expect(fi(plain)).toEqual([]);
  });

  it('FI2: a SUM that misses a child row is a 提示 (the sum rule reports the wrong total)', () => {
    const f = fi(t3({ kuan: { formula: 'SUM(C8:C8)', value: '10.00' } }));
    expect(f.map((x) => [x.rule, x.severity, x.cell])).toEqual([['FI2', 'warning', 'C7']]);
    expect(f[0].cells).toEqual([
      { sheet: '表3 预算支出总表', cell: 'C7' },
      { sheet: '表3 预算支出总表', cell: 'C9' },
    ]);
    expect(f[0].message).toContain('C9');
  });

  it('FI2 accepts the template SUMPRODUCT over the whole block', () => {
    const f = fi(
      t3({ kuan: { formula: 'SUMPRODUCT((LEN($A$8:$A$10)=7)*(LEFT($A$8:$A$10,5)=$A7)*C$8:C$10)', value: '15.00' } }),
    );
    expect(f).toEqual([]);
  });

  it('FI3: an error value in a table is an error', () => {
    const f = fi(t3({ xiang2: { error: '#REF!' } }));
    expect(f.filter((x) => x.rule === 'FI3').map((x) => [x.severity, x.cell, x.actual])).toEqual([
      ['error', 'C9', '#REF!'],
    ]);
  });

  it('FI3 also finds error values in label cells of the table range', () => {
    const wb: Workbook = {
      sheets: [
        {
          name: '表3 预算支出总表',
          merges: [],
          rows: [[], [], [], [], [], [], [], [undefined, { value: { error: '#NAME?' } }]],
        },
      ],
    };
    const f = fi(t3({}), wb);
    expect(f.map((x) => [x.rule, x.cell, x.actual])).toEqual([['FI3', 'B8', '#NAME?']]);
  });

  it('FI4: a number stored as text in a money column', () => {
    const f = fi(t3({ xiang2: { text: '5.00' } }));
    expect(f.map((x) => [x.rule, x.severity, x.cell])).toEqual([['FI4', 'warning', 'C9']]);
  });
});
