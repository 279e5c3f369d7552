import { Command } from 'commander';
import { join } from 'node:path';
import { serveAddinCommand } from '../commands/serveAddin';

/**
 * `node server/serve-addin.js …` in the release package: the CLI's serve-addin command bundled
 * into one file with nothing to install but Node.js, serving the package's site/ folder.
 */
const program = serveAddinCommand(new Command('serve-addin'), { root: join(__dirname, '..', 'site') });
program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`错误：${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
