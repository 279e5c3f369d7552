import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { renderTemplates, type CodeRow } from '../../core/templates/layout';
import { TABLE_IDS, type TableId, type Level } from '../../core/templates/schema';
import { loadFunctionalCodes } from '../../core/reference';

/**
 * `budget-disclosure generate`: writes the 13 公开表 as a fresh workbook whose totals are
 * formulas. Never overwrites an existing file unless --force: a clerk's filled workbook is
 * worth more than any template.
 */
export interface GenerateOptions {
  year?: string;
  unit?: string;
  level?: string;
  units?: string;
  tables?: string;
  codes?: string;
  projectRows?: string;
  output?: string;
  force?: boolean;
}

const LIST_SEPARATORS = /[,，、;；\s]+/;

function splitList(s: string | undefined): string[] {
  return (s ?? '')
    .split(LIST_SEPARATORS)
    .map((x) => x.trim())
    .filter(Boolean);
}

export function parseTables(s: string): TableId[] {
  return splitList(s).map((t) => {
    const id = /^\d+$/.test(t) ? `t${t}` : t.replace(/^表/, 't').toLowerCase();
    if (!(TABLE_IDS as readonly string[]).includes(id))
      throw new Error(`--tables 中的“${t}”不是表1–表13（写法如 t1,t2 或 1,2）`);
    return id as TableId;
  });
}

/** CSV exported by Excel on a Chinese Windows is GBK; fall back to it when UTF-8 does not decode. */
function decodeText(bytes: Buffer): string {
  const utf8 = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  if (!utf8.includes('\uFFFD')) return utf8;
  return new TextDecoder('gbk').decode(bytes);
}

async function readCodeRows(file: string): Promise<unknown[][]> {
  if (!existsSync(file)) throw new Error(`找不到科目文件“${file}”`);
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') {
    // Loaded here, not at startup: every command would otherwise pay for exceljs (~0.3 s).
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.readFile(file);
    } catch (e) {
      throw new Error(`无法读取科目文件“${file}”（不是有效的 .xlsx）：${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
      });
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new Error(`科目文件“${file}”中没有工作表`);
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      rows.push(
        [1, 2].map((c) => {
          const v = row.getCell(c).value;
          return v === null || v === undefined
            ? ''
            : typeof v === 'object' && 'result' in v
              ? v.result
              : typeof v === 'object' && 'richText' in v
                ? v.richText.map((t) => t.text).join('')
                : v;
        }),
      );
    });
    return rows;
  }
  if (ext === '.csv' || ext === '.txt') {
    const text = decodeText(await readFile(file));
    return text.split(/\r?\n/).map((line) => line.split(/[,\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
  }
  throw new Error(`科目文件必须是 .csv 或 .xlsx：“${file}”`);
}

export async function loadCodesFile(file: string, warn: (msg: string) => void): Promise<CodeRow[]> {
  const { table, skipped } = loadFunctionalCodes(await readCodeRows(file));
  // The first skipped row is usually the header line (科目编码,科目名称): not worth a warning.
  for (const s of skipped) if (!(s.row === 1 && /编码|代码|科目/.test(s.reason))) warn(`科目文件已跳过：${s.reason}`);
  const codes = table.ordered().map((c) => ({ code: c.code, name: c.name }));
  if (codes.length === 0) throw new Error(`科目文件“${file}”中没有找到任何3/5/7位科目编码（第一列编码，第二列名称）`);
  return codes;
}

export async function runGenerate(
  opts: GenerateOptions,
  log: (msg: string) => void,
  warn: (msg: string) => void,
): Promise<string> {
  if (!opts.output) throw new Error('请用 -o 指定输出文件，例如 -o 2026年预算公开表.xlsx');
  const out = resolve(opts.output);
  if (extname(out).toLowerCase() !== '.xlsx') throw new Error(`输出文件必须以 .xlsx 结尾：“${opts.output}”`);
  if (existsSync(out) && !opts.force)
    throw new Error(`文件“${opts.output}”已存在。为避免覆盖已填写的工作簿，本命令不会覆盖它；确需覆盖请加 --force`);
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory())
    throw new Error(`输出目录不存在：“${dirname(out)}”`);
  if (!opts.year || !/^\d{4}$/.test(opts.year.trim()))
    throw new Error(`请用 --year 指定四位预算年度，例如 --year 2026（收到：${opts.year ?? '无'}）`);
  if (!opts.unit || !opts.unit.trim())
    throw new Error('请用 --unit 指定单位（部门）全称，例如 --unit "大同市人力资源和社会保障局"');
  const level = (opts.level ?? '单位').trim();
  if (level !== '单位' && level !== '部门') throw new Error(`--level 只能是“单位”或“部门”（收到：${level}）`);
  const units = splitList(opts.units);
  if (units.length > 0 && level === '单位') warn('提示：--units 只用于部门预算（--level 部门），已忽略');
  let projectRows: number | undefined;
  if (opts.projectRows !== undefined) {
    projectRows = Number(opts.projectRows);
    if (!Number.isInteger(projectRows) || projectRows < 1)
      throw new Error(`--project-rows 必须是正整数（收到：${opts.projectRows}）`);
  }
  const codes = opts.codes ? await loadCodesFile(opts.codes, warn) : undefined;
  const plans = renderTemplates(
    {
      year: Number(opts.year),
      unit: opts.unit.trim(),
      level: level as Level,
      units: level === '部门' ? units : [],
      ...(opts.tables ? { tables: parseTables(opts.tables) } : {}),
      ...(codes ? { codes } : {}),
    },
    projectRows ? { projectRows } : {},
  );
  // Loaded only now (exceljs); require, as the CLI is CommonJS (see checkFile.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writePlansToXlsx } = require('../../xlsx/write') as typeof import('../../xlsx/write');
  await writePlansToXlsx(plans, out);
  log(`已生成 ${plans.length} 张表（${plans.map((p) => p.name).join('、')}）：${out}`);
  if (!codes && plans.some((p) => ['t2', 't3', 't5'].includes(p.tag))) {
    log('提示：表2/表3/表5 预置了常用功能分类科目，请删除本单位不用的科目行，或用 --codes 提供本单位的科目清单。');
  }
  return out;
}

export function register(program: Command): void {
  program
    .command('generate')
    .description('生成预算公开表模板（13张表，合计均为公式）')
    .option('--year <year>', '预算年度，例如 2026')
    .option('--unit <name>', '单位（部门）全称')
    .option('--level <level>', '单位 或 部门', '单位')
    .option('--units <list>', '部门预算的下属单位，逗号分隔（表11/12/13 每个单位一块）')
    .option('--tables <list>', '只生成这些表，例如 t1,t2,t3 或 1,2,3（默认全部13张）')
    .option('--codes <file>', '功能分类科目清单 .csv 或 .xlsx（第一列编码，第二列名称）')
    .option('--project-rows <n>', '表12/表13 每个单位预留的项目行数')
    .option('-o, --output <file>', '输出的 .xlsx 文件')
    .option('--force', '覆盖已存在的输出文件', false)
    .action(async (opts: GenerateOptions) => {
      await runGenerate(
        opts,
        (m) => process.stdout.write(m + '\n'),
        (m) => process.stderr.write(m + '\n'),
      );
    });
}
