#!/usr/bin/env node
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerCommands } from './commands';

/** The package's version, from its package.json (two levels up from src/cli, three from dist/cli/cli). */
export function packageVersion(): string {
  for (const up of ['../..', '../../..']) {
    try {
      const pkg = JSON.parse(readFileSync(join(__dirname, up, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'budget-disclosure' && pkg.version) return pkg.version;
    } catch {
      // not this level
    }
  }
  return '0.0.0';
}

/**
 * budget-disclosure generate | check | forms | narrative | balance | fix. Given the command line,
 * only the command it names is registered (and loaded): see commands/index.ts.
 */
export function buildProgram(argv?: readonly string[]): Command {
  const program = new Command();
  program
    .name('budget-disclosure')
    .description('预算公开助手：生成预算公开表模板、校验预算公开工作簿、生成绩效目标表与情况说明')
    .version(packageVersion(), '-V, --version', '显示版本号')
    .showHelpAfterError('（使用 --help 查看用法）');
  registerCommands(program, argv?.[2]);
  return program;
}

if (require.main === module) {
  // `check … | head` closes the pipe early; that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  buildProgram(process.argv)
    .parseAsync(process.argv)
    .catch((e: unknown) => {
      process.stderr.write(`错误：${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    });
}
