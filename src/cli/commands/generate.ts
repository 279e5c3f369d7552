import type { Command } from 'commander';

/** `budget-disclosure generate` — filled in by its owner. */
export function register(_program: Command): void {}
