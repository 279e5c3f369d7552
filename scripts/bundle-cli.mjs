// Bundles the command line into two files, dist/cli/bundle/main.js and checkWorker.js (a worker
// of `check DIR`), with esbuild (https://esbuild.github.io/api/#bundle; installed with tsx). One
// file loads faster than the ~200 modules tsc leaves in dist/cli: Node 20 has no compile cache,
// so each module is found, read and compiled on every start (measured on a 部门 workbook: `check
// FILE` 0.69 s → 0.60 s). bin/budget-disclosure.js runs the bundle when it is there, else tsc's
// output. Left outside: SheetJS (loaded only for .xls/.et/.ods, as its ES module build without
// codepages, see src/xlsx/sheetjs.ts) and exceljs (the writer, loaded only by the commands that write).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts', checkWorker: 'src/cli/checkWorker.ts' },
  outdir: 'dist/cli/bundle',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['@e965/xlsx', '@e965/xlsx/*', 'exceljs', 'tsx', 'tsx/*'],
  logLevel: 'warning',
});
