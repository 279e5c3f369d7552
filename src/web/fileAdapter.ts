import type { Analysis } from '../core/check';
import type { ApplyResult, CellEdit, FixPlan } from '../core/fixes';
import { projectsFromDisclosure } from '../core/forms/projects';
import type { Workbook } from '../core/model/grid';
import { chooseNames } from '../core/templates/sheetNames';
import { TABLE_IDS, type TableId } from '../core/templates/schema';
import type {
  AdapterCapabilities,
  BalancePlan,
  FormsOutcome,
  InsertOutcome,
  InsertRequest,
  Progress,
  ValidationSummary,
  WorkbookAdapter,
} from '../taskpane/adapter';
import type { WebEngine } from './engine';
import { XlsxSession, type PlanWriter } from './xlsxSession';

/**
 * The task pane's WorkbookAdapter over a workbook file held in the browser: the pane's pages
 * (插入模板, 校验, 绩效目标表) run unchanged on it. Selecting a cell scrolls the page's grid
 * instead of Excel. Everything stays in memory until the clerk downloads the result.
 */
export const NO_FILE = '请先打开一个工作簿（.xlsx、.xls、.et 或 .ods：点击“打开工作簿”或把文件拖到页面上）';

/** What the page opens; the download is always .xlsx. */
export const OPENABLE = /\.(xlsx|xlsm|xls|et|ods)$/i;

type Listener<T> = (v: T) => void;

export class XlsxFileAdapter implements WorkbookAdapter {
  readonly capabilities: AdapterCapabilities = { liveValidation: false, insert: true };
  private current?: XlsxSession;
  private analysis?: Analysis;
  private readonly findingListeners = new Set<Listener<ValidationSummary>>();
  private readonly selectListeners = new Set<Listener<{ sheet: string; cell: string }>>();
  private readonly gridListeners = new Set<Listener<Workbook | undefined>>();

  constructor(
    private readonly engine: WebEngine,
    private readonly writePlans: PlanWriter,
  ) {}

  get session(): XlsxSession | undefined {
    return this.current;
  }

  get lastAnalysis(): Analysis | undefined {
    return this.analysis;
  }

  /** Opens a file and validates it; the previous file is dropped only when the new one opened. */
  async open(fileName: string, bytes: Uint8Array): Promise<ValidationSummary> {
    if (!OPENABLE.test(fileName)) {
      throw new Error(`“${fileName}”不是 .xlsx 文件，也不是 .xls、.et、.ods 工作簿，无法打开`);
    }
    const s = await XlsxSession.open(this.engine, fileName, bytes);
    this.current = s;
    this.emitGrid();
    return this.validate();
  }

  async validate(): Promise<ValidationSummary> {
    const s = this.need();
    this.analysis = this.engine.analyze(s.grid);
    const summary: ValidationSummary = {
      findings: this.analysis.findings,
      tables: Object.keys(this.analysis.disclosure.tables),
      finishedAt: new Date(),
      fixable: this.engine.fixes(s.grid, this.analysis).fixes.map((f) => f.key),
    };
    for (const cb of this.findingListeners) cb(summary);
    return summary;
  }

  onFindingsChanged(cb: (summary: ValidationSummary) => void): () => void {
    this.findingListeners.add(cb);
    return () => this.findingListeners.delete(cb);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const s = this.need();
    if (!s.grid.sheets.some((x) => x.name === sheet)) throw new Error(`工作簿中没有工作表“${sheet}”`);
    for (const cb of this.selectListeners) cb({ sheet, cell });
  }

  async planFixes(): Promise<FixPlan> {
    const s = this.need();
    return this.engine.fixes(s.grid, this.engine.analyze(s.grid));
  }

  async planBalance(): Promise<BalancePlan> {
    return this.engine.balance(this.need().grid);
  }

  /** Into the in-memory copy (下载 then gives the fixed workbook); the grid shows it at once. */
  async applyEdits(edits: readonly CellEdit[], onProgress?: (p: Progress) => void): Promise<ApplyResult> {
    const s = this.need();
    onProgress?.({ done: 0, total: edits.length, message: `正在写入 ${edits.length} 个单元格…` });
    const result = await s.applyEdits(edits);
    if (result.applied.length > 0) this.emitGrid();
    onProgress?.({ done: edits.length, total: edits.length, message: `已写入 ${result.applied.length} 个单元格` });
    return result;
  }

  /** The page's grid follows selectCell through this. */
  onSelect(cb: Listener<{ sheet: string; cell: string }>): () => void {
    this.selectListeners.add(cb);
    return () => this.selectListeners.delete(cb);
  }

  onGridChanged(cb: Listener<Workbook | undefined>): () => void {
    this.gridListeners.add(cb);
    return () => this.gridListeners.delete(cb);
  }

  async insertTemplates(request: InsertRequest, onProgress?: (p: Progress) => void): Promise<InsertOutcome> {
    const s = this.need();
    const plans = this.engine.templatePlans(request.params);
    const { targets, conflicts } = chooseNames(
      plans,
      s.grid.sheets.map((sh) => sh.name),
      request.renames ?? {},
    );
    if (conflicts.length > 0) return { status: 'conflicts', conflicts };
    const renamed = plans.map((p, i) => (targets[i] === p.name ? p : { ...p, name: targets[i] }));
    onProgress?.({ done: 0, total: renamed.length, message: '正在写入模板…' });
    await s.applyPlans(renamed, this.writePlans);
    onProgress?.({ done: renamed.length, total: renamed.length, message: '已写入' });
    this.emitGrid();
    await this.validate();
    return { status: 'inserted', sheets: renamed.map((p) => ({ tag: p.tag, name: p.name })), notes: [] };
  }

  /** The page's 插入缺少的表: the tables the locator did not find, named to avoid clashes. */
  async insertMissingTables(): Promise<{ inserted: string[] }> {
    const a = this.analysis ?? (await this.validate(), this.analysis);
    const missing: TableId[] = TABLE_IDS.filter((id) => !a?.disclosure.tables[id]);
    if (!a || missing.length === 0) return { inserted: [] };
    const m = a.disclosure.meta;
    const request: InsertRequest = {
      params: {
        year: m.year ?? new Date().getFullYear(),
        unit: m.unit ?? '（请填写单位名称）',
        level: m.level ?? '单位',
        tables: missing,
      },
    };
    let out = await this.insertTemplates(request);
    if (out.status === 'conflicts') {
      // Unattended: take the free names the conflict check proposes.
      const renames = Object.fromEntries(out.conflicts.map((c) => [c.template, c.proposed]));
      out = await this.insertTemplates({ ...request, renames });
    }
    return { inserted: out.status === 'inserted' ? out.sheets.map((x) => x.name) : [] };
  }

  async buildForms(_renames?: Record<string, string>): Promise<FormsOutcome> {
    const r = await this.syncForms();
    if (r.status !== 'done') return { status: 'unavailable', message: r.message };
    return { status: 'inserted', sheets: r.added, notes: r.notes };
  }

  /** 生成/更新绩效目标表 with the full account the toolbar shows. */
  async syncForms(): Promise<
    | { status: 'unavailable'; message: string }
    | {
        status: 'done';
        added: { tag: string; name: string }[];
        updatedForms: number;
        kept: number;
        flagged: number;
        notes: string[];
      }
  > {
    const s = this.need();
    const a = this.analysis ?? (await this.validate(), this.analysis);
    if (!a?.disclosure.tables.t12)
      return { status: 'unavailable', message: '未找到表12 项目支出预算表，无法生成绩效目标表' };
    if (projectsFromDisclosure(a.disclosure).length === 0)
      return { status: 'unavailable', message: '表12 中没有项目，未生成绩效目标表' };
    const sync = this.engine.formSync(a, s.grid);
    await s.apply(
      { writes: sync.updates, plans: [...sync.added, sync.record], hide: [sync.record.name] },
      this.writePlans,
    );
    this.emitGrid();
    await this.validate();
    const notes: string[] = [];
    if (sync.updatedForms) notes.push(`按表12更新了 ${sync.updatedForms} 张已有目标表的预填单元格`);
    if (sync.kept) notes.push(`${sync.kept} 个与表12不一致的单元格已被手工修改，未覆盖`);
    if (sync.flagged) notes.push(`${sync.flagged} 张目标表的项目已不在表12中，已在表上标记（未删除）`);
    return {
      status: 'done',
      added: sync.added.map((p) => ({ tag: p.tag, name: p.name })),
      updatedForms: sync.updatedForms,
      kept: sync.kept,
      flagged: sync.flagged,
      notes,
    };
  }

  async writeNarrative(): Promise<void> {
    const s = this.need();
    const a = this.analysis ?? (await this.validate(), this.analysis);
    if (!a) return;
    await s.writeNarrative(this.engine.narrative(a));
    this.emitGrid();
    await this.validate();
  }

  async fileBytes(): Promise<Uint8Array> {
    return this.need().toBytes();
  }

  private need(): XlsxSession {
    if (!this.current) throw new Error(NO_FILE);
    return this.current;
  }

  private emitGrid(): void {
    for (const cb of this.gridListeners) cb(this.current?.grid);
  }
}
