import type { Command } from 'commander';
import { register as generate } from './generate';
import { register as check } from './check';
import { register as forms } from './forms';
import { register as narrative } from './narrative';
import { register as serveAddin } from './serveAddin';
import { register as balance } from './balance';
import { register as fix } from './fix';

/** Each subcommand lives in its own module and registers itself here. */
const registrations = [generate, check, forms, narrative, serveAddin, balance, fix];

export function registerCommands(program: Command): void {
  for (const r of registrations) r(program);
}
