import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { locateTables } from '../../core/locate';
import { ProjectList, applyProjectList, projectsFromDisclosure, type ProjectLine } from '../../core/forms/projects';
import { FormSettings, type FormSettingsInput, type TitleMode } from '../../core/forms/model';
import { SIDE_LABEL } from '../../core/forms/model';
import { addedFormPlans, planSync, recordPlan, updatesByForm, type SyncResult } from '../../core/forms/sync';
import type { SheetPlan } from '../../core/templates/plan';
import { readWorkbookBytes } from '../../xlsx/readWorkbook';
import { Decimal, formatYuan } from '../../core/money';
import { locateForms } from '../../core/forms/locate';
import { settingsFromForms } from '../../core/forms/infer';

/**
 * `budget-disclosure forms IN.xlsx -o OUT.xlsx`: builds a 项目支出绩效目标表 for every 表12
 * project that has none and brings existing forms in step with 表12 (prefilled cells only),
 * writing a copy of IN with every other sheet kept. IN is never written.
 */
export interface FormsCliOptions {
  output?: string;
  city?: string;
  county?: string;
  title?: string;
  deptCode?: string;
  year?: string;
  stacked?: boolean;
  moneyFormat?: string;
  force?: boolean;
  forceCell?: string[];
  forceAllCells?: boolean;
  projects?: string;
}

export interface FormsCliResult {
  exitCode: number;
  stdout: string;
  sync: SyncResult;
}

const TITLE_MODES: Record<string, TitleMode> = {
  目标表: 'city',
  申报表: 'cityApplication',
  县级: 'county',
  无: 'none',
};

function settingsFrom(
  opts: FormsCliOptions,
  year: number | undefined,
  unit: string | undefined,
  implied: Partial<FormSettingsInput>,
): FormSettings {
  const y = opts.year !== undefined ? Number(opts.year) : year;
  if (y === undefined || !Number.isInteger(y)) {
    throw new Error(
      opts.year !== undefined
        ? `--year 应为四位年份，收到“${opts.year}”`
        : '无法从工作簿确定预算年度，请用 --year 指定（如 --year 2026）',
    );
  }
  const fromOptions = opts.county !== undefined || opts.city !== undefined || opts.title !== undefined;
  let titleMode: TitleMode = opts.county ? 'county' : opts.city ? 'city' : 'none';
  // Without title options, new forms copy the title of the forms already in the workbook.
  if (!fromOptions && implied.titleMode) {
    titleMode = implied.titleMode;
    if (titleMode === 'county') opts = { ...opts, county: implied.place };
    else if (titleMode !== 'none') opts = { ...opts, city: implied.place };
  }
  if (opts.title !== undefined) {
    const m = TITLE_MODES[opts.title];
    if (!m) throw new Error(`--title 只能是 ${Object.keys(TITLE_MODES).join('、')}，收到“${opts.title}”`);
    titleMode = m;
  }
  if ((titleMode === 'city' || titleMode === 'cityApplication') && !opts.city)
    throw new Error('标题需要城市名：请加 --city（如 --city 大同），或用 --title 无');
  if (titleMode === 'county' && !opts.county) throw new Error('县级标题需要县名：请加 --county（如 --county 新绛）');
  if (opts.moneyFormat !== undefined && !['#,##0', '#,##0.00'].includes(opts.moneyFormat)) {
    throw new Error(`--money-format 只能是 #,##0 或 #,##0.00，收到“${opts.moneyFormat}”`);
  }
  const input: FormSettingsInput = {
    year: y,
    titleMode,
    place: titleMode === 'county' ? (opts.county ?? '') : (opts.city ?? ''),
    department: opts.deptCode ?? implied.department ?? '',
    placement: opts.stacked ? 'stacked' : 'perSheet',
    moneyFormat: (opts.moneyFormat as '#,##0' | '#,##0.00' | undefined) ?? '#,##0',
    documentUnit: unit,
  };
  const parsed = FormSettings.safeParse(input);
  if (!parsed.success) throw new Error(`参数有误：${parsed.error.issues.map((i) => i.message).join('；')}`);
  return parsed.data;
}

/** The clerk's project list (项目属性, 项目期, 实施期, 中央/省级), applied over 表12. */
async function withProjectList(
  projects: ProjectLine[],
  file: string | undefined,
): Promise<{ projects: ProjectLine[]; notes: string[] }> {
  if (!file) return { projects, notes: [] };
  if (!existsSync(file)) throw new Error(`找不到项目清单文件“${file}”`);
  let raw: unknown;
  try {
    raw = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`项目清单“${file}”不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const parsed = ProjectList.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (i) =>
        `第${typeof i.path[0] === 'number' ? i.path[0] + 1 : '?'}项${i.path.length > 1 ? `“${i.path.slice(1).join('.')}”` : ''}：${i.message}`,
    );
    throw new Error(`项目清单“${file}”有误：\n${issues.join('\n')}`);
  }
  const r = applyProjectList(projects, parsed.data);
  return { projects: r.projects, notes: r.unmatched.map((n) => `提示：项目清单中的“${n}”在表12中找不到，已忽略`) };
}

const FIELD_LABEL: Record<string, string> = {
  projectName: '项目名称',
  implementingUnit: '实施单位',
  'cost.period': '实施期成本指标（预算控制数）',
  'cost.annual': '年度成本指标（预算控制数）',
};

function fieldLabel(field: string): string {
  if (FIELD_LABEL[field]) return FIELD_LABEL[field];
  const m = /^funds\.(period|annual)\.(\w+)$/.exec(field);
  if (!m) return field;
  const names: Record<string, string> = {
    total: '资金总额',
    central: '中央财政资金',
    provincial: '省级财政资金',
    local: '市县（区）财政资金',
    selfRaised: '单位自筹',
    other: '其他资金',
  };
  return `${SIDE_LABEL[m[1] as 'period' | 'annual']}${names[m[2]] ?? m[2]}`;
}

function show(field: string, v: string | number | null): string {
  if (v === null || v === '') return '空';
  return typeof v === 'number' && field.startsWith('funds.') ? `${formatYuan(new Decimal(v))}元` : String(v);
}

function summary(sync: SyncResult, added: SheetPlan[], out: string): string {
  const lines: string[] = [];
  lines.push(`新增绩效目标表 ${sync.added.length} 张${sync.added.length ? '：' : ''}`);
  for (const p of sync.added) lines.push(`  + ${p.name}（${p.unit}，${p.total.toFixed(2)}万元）`);
  if (added.length && sync.added.length) lines.push(`    写在工作表：${added.map((p) => p.name).join('、')}`);
  const updatedForms = updatesByForm(sync.updates);
  lines.push(`更新绩效目标表 ${updatedForms.length} 张${updatedForms.length ? '：' : ''}`);
  for (const us of updatedForms) {
    lines.push(
      `  ~ ${us[0].projectName}（工作表“${us[0].sheet}”）：${us.map((u) => `${fieldLabel(u.field)} ${u.cell} ${show(u.field, u.from)} → ${show(u.field, u.to)}`).join('；')}`,
    );
  }
  if (sync.kept.length) {
    lines.push(
      `与表12不一致但未改动的单元格 ${sync.kept.length} 个（如确需按表12覆盖，请加 --force-cell 工作表!单元格，或 --force-all-cells）：`,
    );
    for (const k of sync.kept) {
      const why = k.keptBecause === 'clerkEdited' ? '已被手工修改' : '非本工具生成的目标表';
      lines.push(
        `  ! ${k.projectName} ${fieldLabel(k.field)}（工作表“${k.sheet}”${k.cell}）现为 ${show(k.field, k.from)}，按表12应为 ${show(k.field, k.to)}（${why}）`,
      );
    }
  }
  lines.push(`标记（表12中已无此项目，未删除）${sync.flagged.length} 张${sync.flagged.length ? '：' : ''}`);
  for (const f of sync.flagged) lines.push(`  ⚠ ${f.form.projectName}（工作表“${f.form.sheet}”）`);
  lines.push(`已写入：${out}`);
  return lines.join('\n');
}

export async function runForms(input: string, opts: FormsCliOptions): Promise<FormsCliResult> {
  const out = opts.output;
  if (!out) throw new Error('请用 -o 指定输出文件（输入文件不会被修改）');
  if (!existsSync(input)) throw new Error(`找不到输入文件“${input}”`);
  if (resolve(input) === resolve(out)) throw new Error('输出文件不能与输入文件相同：本工具从不改写输入文件');
  if (!/\.xlsx$/i.test(out)) throw new Error(`输出文件“${out}”应以 .xlsx 结尾：输出总是 .xlsx 工作簿`);
  if (existsSync(out) && !opts.force) throw new Error(`输出文件“${out}”已存在；如要覆盖请加 --force`);

  const bytes = await readFile(input);
  const grid = await readWorkbookBytes(bytes, input);
  const disclosure = locateTables(grid, opts.year ? { year: Number(opts.year) } : {});
  if (!disclosure.tables.t12) throw new Error('工作簿中没有找到表12（项目支出预算表（本年预算）），无法生成绩效目标表');
  const listed = await withProjectList(projectsFromDisclosure(disclosure), opts.projects);
  const projects = listed.projects;
  if (projects.length === 0)
    throw new Error(`表12（工作表“${disclosure.tables.t12.sheet}”）中没有项目行，无需生成绩效目标表`);
  const settings = settingsFrom(opts, disclosure.meta.year, disclosure.meta.unit, settingsFromForms(locateForms(grid)));

  const sync = planSync(projects, grid, settings, {
    force: opts.forceAllCells ? true : opts.forceCell?.length ? opts.forceCell : false,
  });
  // The writer (exceljs) is loaded only now: `check` and `narrative` never need it (see checkFile.ts for require).
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { default: ExcelJS } = await import('exceljs');
  const { planToWorksheet } = require('../../xlsx/write') as typeof import('../../xlsx/write');
  const { applyUpdates, writeRecord } = require('../../xlsx/formSync') as typeof import('../../xlsx/formSync');
  const { xlsxCopyOf } = require('../../xlsx/toXlsx') as typeof import('../../xlsx/toXlsx');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const base = await xlsxCopyOf(bytes, input);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(base.bytes as unknown as ArrayBuffer);
  applyUpdates(book, sync.updates);
  const added = addedFormPlans(sync, grid, settings);
  for (const plan of added) planToWorksheet(book, plan);
  writeRecord(book, recordPlan(sync.record));
  try {
    await book.xlsx.writeFile(out);
  } catch (e) {
    throw new Error(`无法写入文件“${out}”：${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  let stdout = [...listed.notes, ...(base.note ? [base.note] : []), summary(sync, added, out)].join('\n');
  if (!settings.department)
    stdout += '\n提示：未指定 --dept-code，“主管部门及代码”留空（如 121-大同市人力资源和社会保障局[部门]）';
  return { exitCode: 0, stdout, sync };
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export function register(program: Command): void {
  program
    .command('forms')
    .description('按表12生成或更新项目支出绩效目标表（写入输出文件，保留原有工作表）')
    .argument('<IN>', '含表12的预算公开工作簿：.xlsx、.xls、.et 或 .ods（不会被修改）')
    .requiredOption('-o, --output <OUT.xlsx>', '输出文件')
    .option('--city <城市名>', '标题“{城市}市级预算部门（单位）项目支出绩效目标表”，如 大同')
    .option('--county <县名>', '县级标题“{县}县级预算部门（单位）项目支出绩效目标表”，如 新绛')
    .option('--title <目标表|申报表|县级|无>', '标题样式（默认：有 --city 为目标表，有 --county 为县级，否则无标题）')
    .option('--dept-code <主管部门及代码>', '如 121-大同市人力资源和社会保障局[部门]')
    .option('--year <年度>', '预算年度（默认取自工作簿）')
    .option(
      '--projects <list.json>',
      '项目清单 JSON：[{"name","attribute","term","periodTotal"(元),"source":"中央|省级|市县"}]',
    )
    .option('--stacked', '新增的目标表集中放在一张工作表上（默认每表一张工作表）')
    .option('--money-format <格式>', '元金额格式：#,##0（默认）或 #,##0.00')
    .option('--force', '输出文件已存在时覆盖')
    .option('--force-cell <工作表!单元格>', '按表12覆盖这个已被手工修改的预填单元格（可重复）', collect)
    .option('--force-all-cells', '按表12覆盖所有与表12不一致的预填单元格（文字和指标仍不动）')
    .action(async (file: string, opts: FormsCliOptions) => {
      const r = await runForms(file, opts);
      process.stdout.write(r.stdout + '\n');
      process.exitCode = r.exitCode;
    });
}
