import Decimal from 'decimal.js';
import type { Workbook } from '../../src/core/model/grid';
import { writeGridToXlsx } from '../../src/xlsx/writeGrid';
import { buildSeedWorkbook } from '../fixtures/seeds';

/**
 * Seed 000 with its 14 projects of 表12 replaced by `n` projects (total row kept consistent),
 * the size the page must stay usable on. Amounts are chosen here, not by the code under test.
 */
export const T12_FIRST_PROJECT_ROW = 6;

export function projectName(i: number): string {
  return `J压力测试项目${String(i + 1).padStart(3, '0')}`;
}

export function bigWorkbook(n: number): Workbook {
  const wb = buildSeedWorkbook('000', 'published');
  const t12 = wb.sheets.find((s) => s.name === '表12');
  if (!t12) throw new Error('seed 000 has no 表12 sheet');
  const rows = t12.rows.slice(0, T12_FIRST_PROJECT_ROW);
  let total = new Decimal(0);
  for (let i = 0; i < n; i++) {
    const amount = new Decimal(i % 7).plus('0.5');
    total = total.plus(amount);
    rows.push([{ value: projectName(i) }, { value: amount.toNumber() }, { value: amount.toNumber() }]);
  }
  rows[T12_FIRST_PROJECT_ROW - 1] = [
    { value: '大同市人力资源和社会保障局' },
    { value: total.toNumber() },
    { value: total.toNumber() },
  ];
  t12.rows = rows;
  return wb;
}

export async function writeBigWorkbook(n: number, file: string): Promise<void> {
  await writeGridToXlsx(bigWorkbook(n), file);
}
