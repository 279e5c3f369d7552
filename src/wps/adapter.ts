import { balanceEdits, balanceWorkbook } from '../core/balance';
import { analyzeWorkbook } from '../core/check';
import { fixableKeys, planFixes, type ApplyResult, type CellEdit, type FixPlan } from '../core/fixes';
import { planNewForms, type FormPlanResult } from '../core/forms/plan';
import type { Workbook } from '../core/model/grid';
import { renderTemplates } from '../core/templates/layout';
import { describeParamsError } from '../core/templates/paramsError';
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
import { applyEditsEt } from './applyEdits';
import type { EtApplication } from './et';
import { insertTemplatesEt } from './insert';
import { WpsLiveValidator, type Analyzer, type WpsPassResult } from './live';
import { activeWorkbook, readWorkbookEt } from './read';

/**
 * The pane's WorkbookAdapter over the WPS 表格 object model (`window.Application`), the same
 * interface the Excel host implements over Office.js: the React pane, the engine and the template
 * plans are shared, and test/hosts runs one behaviour suite against both hosts.
 */
export interface WpsAdapterOptions {
  app: EtApplication;
  analyze?: Analyzer;
  render?: (params: TemplateParamsInput) => SheetPlan[];
  /** 绩效目标表 plans from the read workbook (default: new forms for 表12's projects). */
  planForms?: (wb: Workbook) => FormPlanResult;
  debounceMs?: number;
  ownWriteGraceMs?: number;
}

export const engineAnalyzer: Analyzer = (wb) => {
  const a = analyzeWorkbook(wb);
  return { findings: a.findings, tables: Object.keys(a.disclosure.tables), fixable: fixableKeys(wb, a) };
};

/** Forms for the 表12 projects of the open workbook; projects whose form exists are skipped. */
export function planFormsFor(wb: Workbook): FormPlanResult {
  return planNewForms(wb, analyzeWorkbook(wb).disclosure);
}

export class WpsWorkbookAdapter implements WorkbookAdapter {
  readonly live: WpsLiveValidator;
  private listeners = new Set<(s: ValidationSummary) => void>();
  private errorListeners = new Set<(message: string) => void>();

  constructor(private readonly opts: WpsAdapterOptions) {
    this.live = new WpsLiveValidator({
      app: opts.app,
      analyze: opts.analyze ?? engineAnalyzer,
      debounceMs: opts.debounceMs,
      ownWriteGraceMs: opts.ownWriteGraceMs,
      onPass: (r) => this.emit(r),
      onError: (e) => {
        for (const cb of this.errorListeners) cb(errorText(e));
      },
    });
  }

  get capabilities(): AdapterCapabilities {
    return { liveValidation: this.live.supported, insert: true };
  }

  /** Subscribes to WPS's events where it has them, and runs a first pass either way. */
  async start(): Promise<void> {
    this.live.start();
    await this.live.validateNow({ rescan: true });
  }

  stop(): void {
    this.live.stop();
  }

  private emit(r: WpsPassResult): void {
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

  /** 全部校验: everything read afresh, merges and indents included. */
  async validate(): Promise<ValidationSummary> {
    return summaryOf(await this.live.validateNow({ rescan: true }));
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
    const app = this.opts.app;
    const result = this.live.ownWrite(
      () => withScreenFrozen(app, () => insertTemplatesEt(app, plans, { renames, onProgress })),
      (r) => (r.status === 'inserted' ? r.sheets.map((s) => s.name) : []),
    );
    if (result.status === 'conflicts') return result;
    const notes = [...result.notes];
    const untagged = result.sheets.filter((s) => !s.definedName).map((s) => s.name);
    if (untagged.length) notes.push(`${untagged.join('、')} 与已有的表重复，校验时以先插入的为准`);
    // The new tables are empty: validate once so the pane shows what is left to fill in.
    void this.live.validateNow().catch(() => undefined);
    return { status: 'inserted', sheets: result.sheets.map((s) => ({ tag: s.tag, name: s.name })), notes };
  }

  async planFixes(): Promise<FixPlan> {
    const { workbook } = readWorkbookEt(this.opts.app);
    return planFixes(workbook, analyzeWorkbook(workbook));
  }

  async planBalance(): Promise<BalancePlan> {
    const result = balanceWorkbook(readWorkbookEt(this.opts.app).workbook);
    return { result, edits: balanceEdits(result) };
  }

  /** Batched range writes (applyEdits.ts) as the add-in's own change: they start no live pass. */
  async applyEdits(edits: readonly CellEdit[], onProgress?: (p: Progress) => void): Promise<ApplyResult> {
    const app = this.opts.app;
    const wb = activeWorkbook(app);
    onProgress?.({ done: 0, total: edits.length, message: `正在写入 ${edits.length} 个单元格…` });
    const r = this.live.ownWrite(
      () => withScreenFrozen(app, () => applyEditsEt(wb, edits)),
      () => [],
      (x) => x.written,
    );
    onProgress?.({ done: edits.length, total: edits.length, message: `已写入 ${r.applied.length} 个单元格` });
    return { applied: r.applied, skipped: r.skipped };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const wb = activeWorkbook(this.opts.app);
    let ws;
    try {
      ws = wb.Worksheets.Item(sheet);
    } catch {
      ws = undefined;
    }
    if (!ws) throw new Error(`找不到工作表“${sheet}”，它可能已被重命名或删除，请点击“全部校验”。`);
    ws.Activate();
    ws.Range(cell).Select();
  }

  async buildForms(renames?: Record<string, string>): Promise<FormsOutcome> {
    const { workbook } = readWorkbookEt(this.opts.app);
    const { plans, skipped, projects } = (this.opts.planForms ?? planFormsFor)(workbook);
    if (projects === 0)
      return { status: 'unavailable', message: '未在表12 项目支出表中找到项目，无法生成绩效目标表。' };
    if (plans.length === 0)
      return { status: 'unavailable', message: `表12 的 ${projects} 个项目都已有绩效目标表，未重复生成。` };
    const out = await this.insertPlans(plans, renames);
    if (out.status === 'inserted' && skipped > 0) out.notes.push(`${skipped} 个项目已有绩效目标表，未重复生成`);
    return out;
  }
}

function summaryOf(r: WpsPassResult): ValidationSummary {
  const s: ValidationSummary = { findings: r.findings, tables: r.tables, finishedAt: r.finishedAt, notice: r.notice };
  if (r.fixable) s.fixable = r.fixable;
  return s;
}

/** Screen updates off while many cells are written (VBA's ScreenUpdating; skipped where absent). */
function withScreenFrozen<T>(app: EtApplication, write: () => T): T {
  if (typeof app.ScreenUpdating !== 'boolean') return write();
  const before = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    return write();
  } finally {
    app.ScreenUpdating = before;
  }
}
