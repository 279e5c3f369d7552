import { balanceEdits, balanceWorkbook } from '../core/balance';
import { analyzeWorkbook } from '../core/check';
import { fixableKeys, planFixes, type ApplyResult, type CellEdit, type FixPlan } from '../core/fixes';
import type { Workbook } from '../core/model/grid';
import { renderTemplates } from '../core/templates/layout';
import type { SheetPlan } from '../core/templates/plan';
import type { TemplateParamsInput } from '../core/templates/schema';
import {
  errorText,
  type AdapterCapabilities,
  type BalancePlan,
  type FormsOutcome,
  type InsertOutcome,
  type InsertRequest,
  type Progress,
  type ValidationSummary,
  type WorkbookAdapter,
} from '../taskpane/adapter';
import { applyEditsXl } from './applyEdits';
import { planFormsFor, type FormPlanResult } from './formPlanner';
import { insertTemplates, type InsertResult } from './insertTemplates';
import { LiveValidator, type Analyzer, type PassResult } from './live/LiveValidator';
import { readWorkbook } from './readWorkbook';
import type { XlContext, XlRequirements, XlRun } from './xl';
import { describeParamsError } from '../core/templates/paramsError';

/**
 * The pane's WorkbookAdapter over Office.js. Everything Office-specific arrives as `run` and
 * `requirements`, so the same class runs against the test fake.
 */
export interface OfficeAdapterOptions {
  run: XlRun;
  requirements: XlRequirements;
  analyze?: Analyzer;
  render?: (params: TemplateParamsInput) => SheetPlan[];
  /** 绩效目标表 plans from the read workbook (default: planFormsFor, from 表12). */
  planForms?: (wb: Workbook) => FormPlanResult;
  debounceMs?: number;
}

export const engineAnalyzer: Analyzer = (wb) => {
  const a = analyzeWorkbook(wb);
  return { findings: a.findings, tables: Object.keys(a.disclosure.tables), fixable: fixableKeys(wb, a) };
};

export class OfficeWorkbookAdapter implements WorkbookAdapter {
  readonly capabilities: AdapterCapabilities;
  readonly live: LiveValidator;
  private listeners = new Set<(s: ValidationSummary) => void>();
  private errorListeners = new Set<(message: string) => void>();

  constructor(private opts: OfficeAdapterOptions) {
    this.live = new LiveValidator({
      run: opts.run,
      requirements: opts.requirements,
      analyze: opts.analyze ?? engineAnalyzer,
      debounceMs: opts.debounceMs,
      onPass: (r) => this.emit(r),
      onError: (e) => {
        for (const cb of this.errorListeners) cb(errorText(e));
      },
    });
    this.capabilities = { liveValidation: this.live.supported, insert: true };
  }

  /** Starts live validation where the host supports it and runs a first pass. */
  async start(): Promise<void> {
    const live = await this.live.start();
    if (live) await this.live.validateNow();
  }

  private emit(r: PassResult): void {
    const s = summaryOf(r);
    for (const cb of this.listeners) cb(s);
  }

  onFindingsChanged(cb: (s: ValidationSummary) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  onLiveError(cb: (message: string) => void): () => void {
    this.errorListeners.add(cb);
    return () => this.errorListeners.delete(cb);
  }

  async validate(): Promise<ValidationSummary> {
    return summaryOf(await this.live.validateNow());
  }

  private read(): Promise<Workbook> {
    return this.opts.run((ctx) => readWorkbook(ctx, { requirements: this.opts.requirements }));
  }

  async planFixes(): Promise<FixPlan> {
    const wb = await this.read();
    return planFixes(wb, analyzeWorkbook(wb));
  }

  async planBalance(): Promise<BalancePlan> {
    const result = balanceWorkbook(await this.read());
    return { result, edits: balanceEdits(result) };
  }

  /** One batched write (applyEdits.ts), as the add-in's own change: it starts no live pass. */
  async applyEdits(edits: readonly CellEdit[], onProgress?: (p: Progress) => void): Promise<ApplyResult> {
    const r = await this.live.asOwnWrite(() =>
      this.opts.run((ctx) => applyEditsXl(ctx, edits, { requirements: this.opts.requirements, onProgress })),
    );
    return { applied: r.applied, skipped: r.skipped };
  }

  async insertTemplates(request: InsertRequest, onProgress?: (p: Progress) => void): Promise<InsertOutcome> {
    let plans: SheetPlan[];
    try {
      plans = (this.opts.render ?? renderTemplates)(request.params);
    } catch (e) {
      throw describeParamsError(e);
    }
    return this.insertPlans(plans, request.renames, onProgress);
  }

  private async insertPlans(
    plans: SheetPlan[],
    renames: Record<string, string> | undefined,
    onProgress?: (p: Progress) => void,
  ): Promise<InsertOutcome> {
    const result: InsertResult = await this.live.asOwnWrite(() =>
      this.opts.run((ctx) =>
        insertTemplates(ctx, plans, { requirements: this.opts.requirements, renames, onProgress }),
      ),
    );
    if (result.status === 'conflicts') return { status: 'conflicts', conflicts: result.conflicts };
    const notes: string[] = [];
    if (result.printSetup === 'failed') notes.push('打印设置（A4、适合页宽）未能应用，请在“页面布局”中设置');
    const untagged = result.sheets.filter((s) => !s.definedName).map((s) => s.name);
    if (untagged.length) notes.push(`${untagged.join('、')} 与已有的表重复，校验时以先插入的为准`);
    // The new tables are empty: validate once so the pane shows what is left to fill in.
    void this.live.validateNow().catch(() => undefined);
    return { status: 'inserted', sheets: result.sheets.map((s) => ({ tag: s.tag, name: s.name })), notes };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.opts.run(async (ctx: XlContext) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      await ctx.sync();
      if (ws.isNullObject) throw new Error(`找不到工作表“${sheet}”，它可能已被重命名或删除，请点击“全部校验”。`);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  async buildForms(renames?: Record<string, string>): Promise<FormsOutcome> {
    const wb = await this.read();
    const { plans, skipped, projects } = (this.opts.planForms ?? planFormsFor)(wb);
    if (projects === 0)
      return { status: 'unavailable', message: '未在表12 项目支出表中找到项目，无法生成绩效目标表。' };
    if (plans.length === 0)
      return { status: 'unavailable', message: `表12 的 ${projects} 个项目都已有绩效目标表，未重复生成。` };
    const out = await this.insertPlans(plans, renames);
    if (out.status === 'inserted' && skipped > 0) out.notes.push(`${skipped} 个项目已有绩效目标表，未重复生成`);
    return out;
  }
}

function summaryOf(r: PassResult): ValidationSummary {
  const s: ValidationSummary = { findings: r.findings, tables: r.tables, finishedAt: r.finishedAt, notice: r.notice };
  if (r.fixable) s.fixable = r.fixable;
  return s;
}

/** The adapter for the real Excel host. Call after Office.onReady. */
export function createOfficeAdapter(extra: Partial<OfficeAdapterOptions> = {}): OfficeWorkbookAdapter {
  const run: XlRun = (batch) => Excel.run((ctx) => batch(ctx));
  const requirements: XlRequirements = {
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
  return new OfficeWorkbookAdapter({ run, requirements, ...extra });
}
