import type { Command } from 'commander';

/** Each subcommand lives in its own module and registers itself here. */
type Register = (program: Command) => void;
const registrations: Register[] = [];

export function registerCommands(program: Command): void {
  for (const r of registrations) r(program);
}
