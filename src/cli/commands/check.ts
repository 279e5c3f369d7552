import type { Command } from 'commander';

/** `budget-disclosure check` — filled in by its owner. */
export function register(_program: Command): void {}
