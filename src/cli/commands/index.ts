import type { Command } from 'commander';

/**
 * Each subcommand lives in its own module and registers itself here. A module is loaded only
 * when its command is registered, and a run of one command (`check FILE`) registers only that
 * one: checking a file does not load the template writer, the fixer or the add-in server, whose
 * loading was a third of the start-up of `check`. `--help` and anything else register them all.
 * With require: the compiled CLI is CommonJS (see checkFile.ts).
 */
type Register = (program: Command) => void;

/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, () => Register> = {
  generate: () => (require('./generate') as typeof import('./generate')).register,
  check: () => (require('./check') as typeof import('./check')).register,
  forms: () => (require('./forms') as typeof import('./forms')).register,
  narrative: () => (require('./narrative') as typeof import('./narrative')).register,
  'serve-addin': () => (require('./serveAddin') as typeof import('./serveAddin')).register,
  balance: () => (require('./balance') as typeof import('./balance')).register,
  fix: () => (require('./fix') as typeof import('./fix')).register,
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Registers every command, or only `only` when it names one. */
export function registerCommands(program: Command, only?: string): void {
  const names = only !== undefined && Object.hasOwn(COMMANDS, only) ? [only] : Object.keys(COMMANDS);
  for (const name of names) COMMANDS[name]()(program);
}
