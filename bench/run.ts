import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs every bench/*.bench.ts module. Each exports `run(report)` and reports figures as
 * `BENCH <name> <value> <unit>`, one per line, so CI logs and people can grep them.
 */
export type Report = (name: string, value: number, unit: string) => void;

const report: Report = (name, value, unit) => {
  const v = Number.isInteger(value) ? String(value) : value.toFixed(2);
  process.stdout.write(`BENCH ${name} ${v} ${unit}\n`);
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const f of files) {
    const mod = (await import(join(__dirname, f))) as { run: (r: Report) => Promise<void> };
    process.stderr.write(`bench: ${f}\n`);
    await mod.run(report);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
