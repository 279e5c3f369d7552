import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The layering rules of eslint.config.mjs, proven to fire: each probe lints a small file as if it
 * lived at `filePath`, with the project's own config, and expects (or not) a no-restricted-imports
 * error. A config change that silently drops a rule fails here. All probes go through one ESLint
 * process (lintProbes.mjs): ESLint loads its config with a dynamic import jest's VM refuses.
 */
const probeScript = path.join(__dirname, 'lintProbes.mjs');
const cases: { filePath: string; code: string }[] = [];
let results: string[][] | undefined;

/** Registers a probe now; its answer is read after the one batched ESLint run of beforeAll. */
function probe(filePath: string, ...imports: string[]): () => boolean {
  const code = `${imports.join('\n')}\nexport const probe = 1;\n`;
  const i = cases.push({ filePath, code }) - 1;
  return () => (results?.[i] ?? []).includes('no-restricted-imports');
}

beforeAll(() => {
  const out = execFileSync(process.execPath, [probeScript], { input: JSON.stringify(cases), encoding: 'utf8' });
  results = JSON.parse(out) as string[][];
});

const CORE = 'src/core/rules/probe.ts';

describe('layering enforced by ESLint', () => {
  const forbiddenInCore = [
    ['react', probe(CORE, "import 'react';")],
    ['exceljs', probe(CORE, "import 'exceljs';")],
    ['SheetJS', probe(CORE, "import '@e965/xlsx';")],
    ['Office.js', probe(CORE, "import '@microsoft/office-js';")],
    ['node:fs', probe(CORE, "import 'node:fs';")],
    ['fs', probe(CORE, "import 'fs';")],
    ['a host', probe(CORE, "import '../../excel/officeAdapter';")],
    ['the file layer', probe(CORE, "import '../../xlsx/read';")],
    ['the pane', probe(CORE, "import '../../taskpane/components/App';")],
  ] as const;
  test.each(forbiddenInCore)('src/core may not import %s', (_what, restricted) => {
    expect(restricted()).toBe(true);
  });

  const coreOwn = probe(CORE, "import 'decimal.js';", "import '../locate/normalise';", "import '../model/grid';");
  test('src/core may import its own modules and decimal.js (the silent case)', () => {
    expect(coreOwn()).toBe(false);
  });

  const crossHost = [
    ['src/web/probe.ts', probe('src/web/probe.ts', "import '../excel/officeAdapter';")],
    ['src/excel/probe.ts', probe('src/excel/probe.ts', "import '../web/fileAdapter';")],
    ['src/wps/probe.ts', probe('src/wps/probe.ts', "import '../excel/officeAdapter';")],
    ['src/cli/probe.ts', probe('src/cli/probe.ts', "import '../web/fileAdapter';")],
    ['src/taskpane/components/probe.tsx', probe('src/taskpane/components/probe.tsx', "import '../../excel/xl';")],
  ] as const;
  test.each(crossHost)('%s may not import another host', (_file, restricted) => {
    expect(restricted()).toBe(true);
  });

  const hostOwn = probe('src/web/probe.tsx', "import '../core/check';", "import '../taskpane/components/App';");
  test('a host may import core and the pane (the silent case)', () => {
    expect(hostOwn()).toBe(false);
  });
});
