#!/usr/bin/env node
'use strict';
// Entry of the `budget-disclosure` command. Runs the compiled CLI (tsc -p tsconfig.cli.json → dist/cli).
let main;
try {
  main = require('../dist/cli/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/cli')) {
    process.stderr.write('错误：命令行尚未编译。请先运行 npm run build:cli（即 tsc -p tsconfig.cli.json）。\n');
    process.exit(2);
  }
  throw e;
}
// `check … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(0);
  throw e;
});
main
  .buildProgram()
  .parseAsync(process.argv)
  .catch((e) => {
    process.stderr.write(`错误：${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
