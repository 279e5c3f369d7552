import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Finding } from '../../core/model/finding';
import { SEVERITY_LABEL } from '../../core/model/finding';
import type { Workbook } from '../../core/model/grid';
import { locateTables } from '../../core/locate';
import { checkNarrative } from '../../core/narrative/check';
import { generateNarrative, narrativeToText } from '../../core/narrative/generate';
import { NarrativeInputs, parseNarrativeInputs } from '../../core/narrative/inputs';
import { attachedFormsCount, narrativeLinesFromWorkbook } from '../../core/narrative/rules';
import type { Level } from '../../core/templates/schema';

/**
 * `budget-disclosure narrative IN.xlsx`: without --text prints the 第三部分 情况说明 written
 * from IN's tables (plus --inputs); with --text FILE checks that text against the tables and
 * exits 1 when an error is found.
 */
export interface NarrativeOptions {
  inputs?: string;
  text?: string;
  json?: boolean;
  level?: string;
  forms?: string;
}

export interface NarrativeResult {
  exitCode: number;
  stdout: string;
  /** Notes for the clerk that are not the result (tables not found …). */
  stderr: string[];
}

/** Text files from a Chinese Windows are often GBK: fall back when UTF-8 does not decode. */
function decodeText(bytes: Buffer): string {
  const utf8 = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  return utf8.includes('\uFFFD') ? new TextDecoder('gbk').decode(bytes) : utf8;
}

async function readTextFile(file: string, what: string): Promise<string> {
  if (!existsSync(file)) throw new Error(`找不到${what}“${file}”`);
  return decodeText(await readFile(file));
}

async function loadInputs(file: string | undefined): Promise<NarrativeInputs> {
  if (!file) return NarrativeInputs.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(await readTextFile(file, '输入项文件'));
  } catch (e) {
    if (e instanceof SyntaxError) throw new Error(`输入项文件“${file}”不是有效的 JSON：${e.message}`, { cause: e });
    throw e;
  }
  const r = parseNarrativeInputs(raw);
  if (!r.ok) throw new Error(`输入项文件“${file}”有误：\n${r.errors.join('\n')}`);
  return r.inputs;
}

function parseLevel(s: string | undefined): Level | undefined {
  if (s === undefined) return undefined;
  if (s === '单位' || s === '部门') return s;
  throw new Error(`--level 只能是“单位”或“部门”，收到“${s}”`);
}

function parseCount(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s.trim())) throw new Error(`--forms 应为所附绩效目标表的张数（整数），收到“${s}”`);
  return Number(s);
}

export function formatFinding(f: Finding): string {
  return `[${SEVERITY_LABEL[f.severity]}] ${f.rule} ${f.message}`;
}

export async function runNarrative(
  file: string,
  opts: NarrativeOptions,
  read: (f: string) => Promise<Workbook> = (f) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('../../xlsx/readWorkbook') as typeof import('../../xlsx/readWorkbook')).readWorkbookFile(f),
): Promise<NarrativeResult> {
  const level = parseLevel(opts.level);
  const formsCount = parseCount(opts.forms);
  const inputs = await loadInputs(opts.inputs);
  const wb = await read(file);
  const d = locateTables(wb);
  const stderr = d.findings.filter((f) => f.severity === 'error').map((f) => `读取报表：${f.message}`);

  if (!opts.text) {
    const n = generateNarrative(d, inputs, level);
    return { exitCode: 0, stdout: opts.json ? JSON.stringify(n, null, 2) : narrativeToText(n), stderr };
  }

  // `--text -` would be ambiguous with a file named "-"; the sheet inside IN is asked for explicitly.
  const text =
    opts.text === 'sheet' && !existsSync(opts.text)
      ? narrativeLinesFromWorkbook(wb)
      : await readTextFile(opts.text, '情况说明文本');
  if (text === undefined) throw new Error(`“${file}”中没有名为“情况说明”的工作表`);
  const findings = checkNarrative(d, text, { inputs, formsCount: formsCount ?? attachedFormsCount(wb) });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const stdout = opts.json
    ? JSON.stringify({ findings }, null, 2)
    : findings.length
      ? [...findings.map(formatFinding), `共${findings.length}条，其中错误${errors}条。`].join('\n')
      : '情况说明与报表一致，未发现问题。';
  return { exitCode: errors > 0 ? 1 : 0, stdout, stderr };
}

export function register(program: Command): void {
  program
    .command('narrative')
    .description('生成第三部分情况说明；或用 --text 校验已写好的情况说明与报表是否一致')
    .argument('<IN>', '预算公开工作簿（.xlsx、.xls、.et 或 .ods）')
    .option('--inputs <inputs.json>', '报表以外的输入项（上年数、原因、政府采购、资产等），JSON')
    .option('--text <FILE>', '要校验的情况说明文本文件（UTF-8 或 GBK）；写 sheet 则读取工作簿中的“情况说明”工作表')
    .option('--level <单位|部门>', '按单位或部门口径措辞（默认取自工作簿）')
    .option('--forms <n>', '所附项目支出绩效目标表张数（用于核对第十段）')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, opts: NarrativeOptions) => {
      const r = await runNarrative(file, opts);
      for (const line of r.stderr) process.stderr.write(`提示：${line}\n`);
      process.stdout.write(r.stdout + '\n');
      process.exitCode = r.exitCode;
    });
}
