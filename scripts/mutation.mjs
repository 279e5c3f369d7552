// `npm run mutation [-- --mutate <file or glob>[,<more>]]`: StrykerJS on the rule families with
// stryker.conf.js. Stryker 10's CLI module refuses Node < 22 as soon as it is loaded (and the
// package index loads it); the engine itself runs on the Node 20 this project uses. So the run
// goes through the `Stryker` class (https://stryker-mutator.io/docs/stryker-js/api/ —
// `new Stryker(options).runMutationTest()`), loaded from its own file. On Node ≥ 22,
// `npx stryker run` does the same.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const core = dirname(require.resolve('@stryker-mutator/core/package.json'));
const { Stryker } = await import(pathToFileURL(join(core, 'dist', 'src', 'stryker.js')).href);

const args = process.argv.slice(2);
const options = {};
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i].split('=');
  const value = inline ?? args[++i];
  if (flag === '--mutate' || flag === '-m') options.mutate = value.split(',').filter(Boolean);
  else if (flag === '--concurrency') options.concurrency = Number(value);
  else if (flag === '--incremental') {
    options.incremental = true;
    i--;
  } else throw new Error(`unknown option ${args[i]} (use --mutate, --concurrency, --incremental)`);
}

const results = await new Stryker(options).runMutationTest();
const killed = results.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
const valid = results.filter((m) => !['CompileError', 'RuntimeError', 'Ignored'].includes(m.status)).length;
console.log(
  `MUTATION score ${valid ? ((100 * killed) / valid).toFixed(2) : 'n/a'} % (${killed}/${valid} valid mutants)`,
);
