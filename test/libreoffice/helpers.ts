import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { libreOfficeAvailable } from '../../src/xlsx/libreoffice';
import { tableDef, withYear } from '../../src/core/templates/tables';
import type { TableDef, TableId } from '../../src/core/templates/schema';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'data');

/** No skipping: a machine without LibreOffice fails loudly and says how to fix it. */
export function requireLibreOffice(): void {
  if (!libreOfficeAvailable()) {
    throw new Error(
      '未找到 LibreOffice（soffice）：这些测试需要它来重算公式与渲染 PDF。请先运行 scripts/setup.sh（CI 会自动安装）。',
    );
  }
}

export type Values = Record<string, string | null>;
export interface FixtureTable {
  title: string;
  rows?: {
    code?: string | null;
    name?: string;
    label?: string;
    econName?: string;
    govName?: string;
    kind?: string;
    values: Values;
  }[];
  income?: { label: string; values: Values; group?: string }[];
  expenditure?: { label: string; values: Values }[];
}
export interface Fixture {
  unit: string;
  year: number;
  level: '单位' | '部门';
  tables: Record<string, FixtureTable>;
}

export function loadFixture(file: string): Fixture {
  return JSON.parse(readFileSync(`${FIXTURES}/${file}`, 'utf8')) as Fixture;
}

/** Fixture column heading (as printed) → column index of our table definition. */
export function columnOf(id: TableId, heading: string, year: number): number {
  const def: TableDef = tableDef(id);
  const i = def.columns.findIndex(
    (c) => c.role === 'money' && [c.header, ...c.aliases].map((h) => withYear(h, year)).includes(heading),
  );
  if (i < 0) throw new Error(`${id}: no column for fixture heading ${heading}`);
  return i;
}

/** Numeric value of a cell as a spreadsheet computed it (formula result or constant); blank = 0. */
export function numberAt(ws: ExcelJS.Worksheet, row0: number, col0: number): number {
  const v = ws.getCell(row0 + 1, col0 + 1).value;
  if (v === null || v === undefined || v === '') return 0;
  if (typeof v === 'number') return v;
  // exceljs drops a cached <v>0</v>: a formula without result read back from LibreOffice is 0.
  if (typeof v === 'object' && 'formula' in v && !('result' in v)) return 0;
  if (typeof v === 'object' && 'result' in v) {
    const r = v.result;
    if (r === undefined || r === null || r === '') return 0;
    if (typeof r === 'number') return r;
    throw new Error(
      `${ws.name}!${ws.getCell(row0 + 1, col0 + 1).address}: formula result is not a number: ${JSON.stringify(r)}`,
    );
  }
  throw new Error(`${ws.name}!${ws.getCell(row0 + 1, col0 + 1).address}: not a number: ${JSON.stringify(v)}`);
}
