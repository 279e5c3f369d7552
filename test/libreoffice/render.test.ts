import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TABLES, withYear } from '../../src/core/templates/tables';
import { requireLibreOffice } from './helpers';
import { buildSeed000Workbook, fx } from './seed000Workbook';

/**
 * Runs scripts/render-check.sh on the seed 000 workbook (real amounts, so too-narrow money
 * columns would print ###) and reads the PDF back as text.
 */
const run = promisify(execFile);
let text = '';
let outDir = '';

beforeAll(async () => {
  requireLibreOffice();
  outDir = mkdtempSync(join(tmpdir(), 'bd-render-'));
  const book = join(outDir, 'seed000.xlsx');
  await buildSeed000Workbook().xlsx.writeFile(book);
  await run('bash', ['scripts/render-check.sh', join(outDir, 'out'), book], {
    cwd: join(__dirname, '..', '..'),
    timeout: 170_000,
  });
  text = readFileSync(join(outDir, 'out', 'text.txt'), 'utf8');
});

test('every table title and label is printed, in Chinese', () => {
  for (const t of TABLES) {
    expect(text).toContain(withYear(t.title, fx.year));
    expect(text).toContain(t.label);
  }
  expect(text).toContain(`单位名称：${fx.unit}`);
  expect(text).toContain('单位：万元');
});

test('figures are printed with separators and no column is too narrow (###)', () => {
  expect(text).not.toContain('###');
  // 表3 合计 row, typed nowhere: computed by the template (000 publishes 1184.32 with 尾差; Σ项 = 1,184.31).
  expect(text).toMatch(/1,184\.3[12]/);
  expect(text).toMatch(/986\.7[67]/); // published 986.77, exact Σ of the 项 rows 986.76
  expect(text).toContain('197.55');
  // Codes print as typed text, never as 2,080,101.
  expect(text).toContain('2080101');
  expect(text).not.toContain('2,080,101');
});

test('one PNG per PDF page exists for a human look', () => {
  const pngs = readdirSync(join(outDir, 'out')).filter((f) => /^page-\d+\.png$/.test(f));
  expect(pngs.length).toBeGreaterThanOrEqual(13);
  expect(existsSync(join(outDir, 'out', 'pdf', 'seed000.pdf'))).toBe(true);
});
