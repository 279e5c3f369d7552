import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CellEdit } from '../../core/fixes/edit';
import type { Workbook } from '../../core/model/grid';
import { readWorkbookBytes } from '../../xlsx/readWorkbook';

/**
 * What `balance` and `fix` share: read IN once (never written), refuse to overwrite OUT without
 * --force, and write OUT as a copy of IN with only the planned cells changed.
 */
export interface CopyOptions {
  output?: string;
  force?: boolean;
}

export interface Input {
  bytes: Buffer;
  grid: Workbook;
}

export async function readInput(input: string, opts: CopyOptions): Promise<Input> {
  const out = opts.output;
  if (!out) throw new Error('请用 -o 指定输出文件（输入文件不会被修改）');
  if (!existsSync(input)) throw new Error(`找不到输入文件“${input}”`);
  if (resolve(input) === resolve(out)) throw new Error('输出文件不能与输入文件相同：本工具从不改写输入文件');
  if (existsSync(out) && !opts.force) throw new Error(`输出文件“${out}”已存在；如要覆盖请加 --force`);
  const bytes = await readFile(input);
  return { bytes, grid: await readWorkbookBytes(bytes, input) };
}

/** Writes OUT; returns a note when the copy had to be rebuilt from the values read. */
export async function writeCopy(input: Input, edits: readonly CellEdit[], out: string): Promise<string | undefined> {
  // The writer (exceljs) is loaded only here, not when `check` starts (require: the CLI is CommonJS).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { editedWorkbook } = require('../../xlsx/applyEdits') as typeof import('../../xlsx/applyEdits');
  const { book, rebuilt } = await editedWorkbook(input.bytes, input.grid, edits);
  try {
    await book.xlsx.writeFile(out);
  } catch (e) {
    throw new Error(`无法写入文件“${out}”：${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return rebuilt ? '提示：输入文件不是 .xlsx，输出按读取到的内容重建为 .xlsx（原格式未保留）' : undefined;
}

/** A cell value as the clerk reads it in a change list. */
export function shown(v: CellEdit['old']): string {
  if (v === null || v === '') return '（空）';
  return typeof v === 'string' ? `“${v}”` : String(v);
}

/** `<name> IN.xlsx -o OUT.xlsx [--json] [--year] [--force]`, plus the command's own options. */
export function registerCopyCommand<O extends CopyOptions>(
  program: Command,
  spec: { name: string; description: string; json: string; options?: [string, string][] },
  run: (file: string, opts: O) => Promise<{ exitCode: number; stdout: string }>,
): void {
  const cmd = program
    .command(spec.name)
    .description(spec.description)
    .argument('<IN.xlsx>', '预算公开工作簿（不会被修改）')
    .requiredOption('-o, --output <OUT.xlsx>', '输出文件');
  for (const [flags, text] of spec.options ?? []) cmd.option(flags, text);
  cmd
    .option('--json', spec.json)
    .option('--year <年度>', '预算年度（默认取自工作簿）')
    .option('--force', '输出文件已存在时覆盖')
    .action(async (file: string, opts: O) => {
      const r = await run(file, opts);
      process.stdout.write(r.stdout + '\n');
      process.exitCode = r.exitCode;
    });
}
