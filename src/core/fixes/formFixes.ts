import type { Finding } from '../model/finding';
import { addr, textAt } from '../model/grid';
import { formsOf, type LocatedForm } from '../forms/locate';
import { matchForms } from '../forms/match';
import { checkForms } from '../forms/rules';
import { DEFAULT_CODES } from '../reference';
import { ruleSpec } from '../rules/catalogue';
import type { SplitKey } from '../forms/model';
import { newFormSettings } from '../forms/plan';
import { settingsFromForms } from '../forms/infer';
import { projectsFromDisclosure, toYuan, type FinanceSource, type ProjectLine } from '../forms/projects';
import { planSync, recordKey, RECORD_SHEET, RECORD_TAG, type CellUpdate, type SyncResult } from '../forms/sync';
import { applyEditsToGrid } from './applyGrid';
import { findingKey, type CellEdit } from './edit';
import { noFix, type FixContext, type FixOutcome } from './outcome';

/**
 * Forms whose funds or name are out of step with 表12 get 表12's figures (元 = 万元 × 10000, by
 * source) or 表12's name: the cell writes of keeping forms in step (forms/sync.ts `planSync`),
 * limited to the form the finding names and to these fields. Where the money cannot be derived
 * from the workbook (a multi-year 实施期 that would fall below the year) there is no fix.
 */
const FINANCE: readonly FinanceSource[] = ['central', 'provincial', 'local'];

/** The 财政拨款 row the form already uses, when it uses exactly one: the clerk's choice stays. */
function sourceOnForm(f: LocatedForm): FinanceSource | undefined {
  const used = FINANCE.filter((k: SplitKey) => !f.funds.annual.split[k].isZero());
  return used.length === 1 ? used[0] : undefined;
}

export class FormFixer {
  private sync?: SyncResult;
  constructor(private readonly ctx: FixContext) {}

  private planned(): SyncResult {
    if (this.sync) return this.sync;
    const { wb, disclosure } = this.ctx;
    const forms = formsOf(wb);
    const projects: ProjectLine[] = projectsFromDisclosure(disclosure).map((p) => ({ ...p }));
    for (const pair of matchForms(projects, forms, { cautious: true }).pairs) {
      const s = sourceOnForm(pair.form);
      if (s) pair.project.source = s;
    }
    this.sync = planSync(projects, wb, newFormSettings(disclosure, settingsFromForms(forms)), { force: true });
    return this.sync;
  }

  private entryOf(f: Finding): SyncResult['outOfDate'][number] | undefined {
    return this.planned().outOfDate.find(
      (e) => e.form.sheet === f.sheet && Object.values(e.form.cells).some((c) => c === f.cell),
    );
  }

  private writes(entry: SyncResult['outOfDate'][number], keep: (u: CellUpdate) => boolean): CellUpdate[] {
    return this.planned().updates.filter(
      (u) => u.sheet === entry.form.sheet && u.projectName === entry.form.projectName && u.field !== 'flag' && keep(u),
    );
  }

  /** F2, F4 errors: the form's 年度 funds (and the 实施期 side when it mirrors the year) from 表12. */
  funds(f: Finding): FixOutcome {
    // F4 warnings are judgements (which source the money belongs to): not ours to settle.
    if (f.rule === 'F4' && f.severity !== 'error') return noFix('资金填在哪一来源需由经办人判断');
    const entry = this.entryOf(f);
    if (!entry) return noFix('未能把该目标表与表12项目一一对应');
    const want = toYuan(entry.project.total);
    const { period, annual } = entry.form.funds;
    if (!period.total.eq(annual.total) && want.gt(period.total))
      return noFix('按表12改后年度资金将大于实施期资金总额，实施期金额须由经办人确定');
    const updates = this.writes(entry, (u) => u.field.startsWith('funds.') || u.field.startsWith('cost.'));
    if (updates.length === 0) return noFix('目标表资金已与表12一致');
    const edits = updates.map((u) => this.edit(u, f, `按表12（${entry.project.name}）资金来源改写，元 = 万元 × 10000`));
    const raised = this.newProblems(entry.form, edits);
    if (raised.length > 0) return noFix(`按表12改写后目标表会出现新的问题（${raised.join('、')}），须由经办人处理`);
    return { edits };
  }

  /**
   * What the form rules would newly report on this form's sheet once the edits are written (a
   * 成本指标 above the new total, a 实施期 below the year …): the rules decide, on an edited copy.
   */
  private newProblems(form: LocatedForm, edits: readonly CellEdit[]): string[] {
    const key = (x: Finding) => `${x.rule}|${x.sheet}|${x.cell}|${x.severity}`;
    const before = new Set(this.ctx.findings.map(key));
    const workbook = applyEditsToGrid(this.ctx.wb, edits);
    const after = checkForms({ disclosure: this.ctx.disclosure, workbook, codes: DEFAULT_CODES });
    const rules = new Set(after.filter((x) => x.sheet === form.sheet && !before.has(key(x))).map((x) => x.rule));
    return [...rules].map((id) => `${id} ${ruleSpec(id)?.title ?? ''}`.trim());
  }

  /** F1.3 near-miss: the form takes 表12's project name; its prefill record follows the new name. */
  name(f: Finding): FixOutcome {
    const entry = this.entryOf(f);
    if (!entry || entry.how !== 'near') return noFix('名称差别较大（仅按单位和金额对应），须由经办人确认是否同一项目');
    const updates = this.writes(entry, (u) => u.field === 'projectName');
    if (updates.length === 0) return noFix('名称已一致');
    const edits = updates.map((u) => this.edit(u, f, `目标表项目名称改为表12的名称“${entry.project.name}”`));
    edits.push(...this.recordKeys(entry.form, entry.project.name, f));
    return { edits };
  }

  /** The hidden 预填记录 sheet keys forms by unit|name: a renamed form keeps its record. */
  private recordKeys(form: LocatedForm, newName: string, f: Finding): CellEdit[] {
    const sheet = this.ctx.wb.sheets.find((s) => s.tag === RECORD_TAG || s.name === RECORD_SHEET);
    if (!sheet) return [];
    const from = recordKey(form.implementingUnit, form.projectName);
    const to = recordKey(form.implementingUnit, newName);
    const out: CellEdit[] = [];
    for (let r = 1; r < sheet.rows.length; r++) {
      if (textAt(sheet, r, 0) !== from) continue;
      out.push({
        sheet: sheet.name,
        cell: addr(r, 0),
        old: from,
        new: to,
        reason: '预填记录随项目名称更新',
        finding: findingKey(f),
      });
    }
    return out;
  }

  private edit(u: CellUpdate, f: Finding, reason: string): CellEdit {
    return { sheet: u.sheet, cell: u.cell, old: u.from, new: u.to, reason, finding: findingKey(f) };
  }
}
