#!/usr/bin/env node
'use strict';
// Entry of the `budget-disclosure` command. Runs the bundled CLI (dist/cli/bundle, one file that
// starts faster), else tsc's compiled CLI (dist/cli): both are built by the `prepare` script on
// `npm ci`/`npm install`, or by `npm run build:cli`. Without them (installed with
// --ignore-scripts), it runs the TypeScript sources through tsx when that is installed.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundled = join(__dirname, '..', 'dist', 'cli', 'bundle', 'main.js');
const compiled = join(__dirname, '..', 'dist', 'cli', 'cli', 'main.js');
let main;
if (existsSync(bundled)) {
  main = require(bundled);
} else if (existsSync(compiled)) {
  main = require(compiled);
} else {
  try {
    require('tsx/cjs');
    main = require(join(__dirname, '..', 'src', 'cli', 'main.ts'));
  } catch (e) {
    if (e && e.code === 'MODULE_NOT_FOUND' && /tsx/.test(String(e.message))) {
      process.stderr.write('错误：命令行尚未编译。请先运行 npm run build:cli（即 tsc -p tsconfig.cli.json）。\n');
      process.exit(2);
    }
    throw e;
  }
}
// `check … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(0);
  throw e;
});
main
  .buildProgram(process.argv)
  .parseAsync(process.argv)
  .catch((e) => {
    process.stderr.write(`错误：${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
