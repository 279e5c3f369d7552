import { readFileSync } from 'node:fs';
import { readWorkbookBytes } from '../src/xlsx/readWorkbook';
import { readXlsxWithExceljs } from '../test/xlsx/exceljsReader';

/**
 * Child process of read.bench.ts: reads FILE N times with one reader and prints the times (ms)
 * as JSON. Each reader runs in a process of its own, so neither pays for the other's garbage.
 *   node --require tsx/cjs bench/readTimes.ts sheetjs|exceljs FILE N
 */
async function main(): Promise<void> {
  const [reader, file, n] = process.argv.slice(2);
  const bytes = readFileSync(file);
  const read = reader === 'exceljs' ? () => readXlsxWithExceljs(bytes) : () => readWorkbookBytes(bytes, file);
  await read(); // load and warm up: the figure is the steady state of `check DIR`
  const times: number[] = [];
  for (let i = 0; i < Number(n); i++) {
    const t = performance.now();
    await read();
    times.push(performance.now() - t);
  }
  process.stdout.write(JSON.stringify(times) + '\n');
}

void main();
