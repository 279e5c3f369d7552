import type { Finding } from '../model/finding';
import { addr, textAt } from '../model/grid';
import { formsOf, type LocatedForm } from '../forms/locate';
import { matchForms, YUAN_TOLERANCE } from '../forms/match';
import { moneyTotalYuan } from '../forms/values';
import { ZERO } from '../money';
import type { SplitKey } from '../forms/model';
import { newFormSettings } from '../forms/plan';
import { settingsFromForms } from '../forms/infer';
import { projectsFromDisclosure, toYuan, type FinanceSource, type ProjectLine } from '../forms/projects';
import { planSync, recordKey, RECORD_SHEET, RECORD_TAG, type CellUpdate, type SyncResult } from '../forms/sync';
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

/** F7 after the writes: the 成本指标 amounts of a side must not exceed that side's new 资金总额. */
function costsExceed(form: LocatedForm, updates: readonly CellUpdate[]): boolean {
  const written = new Map(updates.map((u) => [u.cell, u.to] as const));
  for (const side of ['period', 'annual'] as const) {
    const totalCell = form.cells[`funds.${side}.total`];
    const newTotal = totalCell !== undefined ? written.get(totalCell) : undefined;
    if (typeof newTotal !== 'number') continue;
    let costs = ZERO;
    for (const i of form.indicators) {
      if (i.side !== side || i.level2 !== '成本指标') continue;
      const text = i.valueCell !== undefined && written.has(i.valueCell) ? String(written.get(i.valueCell)) : i.value;
      costs = costs.plus(moneyTotalYuan(text) ?? ZERO);
    }
    if (costs.minus(newTotal).gt(YUAN_TOLERANCE)) return true;
  }
  return false;
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

  /** F2/F4 errors: the form's 年度 funds (and the 实施期 side when it mirrors the year) from 表12. */
  funds(f: Finding): FixOutcome {
    if (f.severity === 'rounding') return noFix('尾差：表12是目标表元金额的舍入值，不需修正');
    if (f.severity !== 'error') return noFix('资金填在哪一来源需由经办人判断');
    const entry = this.entryOf(f);
    if (!entry) return noFix('未能把该目标表与表12项目一一对应');
    const want = toYuan(entry.project.total);
    const { period, annual } = entry.form.funds;
    if (!period.total.eq(annual.total) && want.gt(period.total))
      return noFix('按表12改后年度资金将大于实施期资金总额，实施期金额须由经办人确定');
    const updates = this.writes(entry, (u) => u.field.startsWith('funds.') || u.field.startsWith('cost.'));
    if (updates.length === 0) return noFix('目标表资金已与表12一致');
    if (costsExceed(entry.form, updates)) return noFix('成本指标金额将超过改后的资金总额，须由经办人调整指标');
    return {
      edits: updates.map((u) => this.edit(u, f, `按表12（${entry.project.name}）资金来源改写，元 = 万元 × 10000`)),
    };
  }

  /** F1 near-miss: the form takes 表12's project name; its prefill record follows the new name. */
  name(f: Finding): FixOutcome {
    if (f.severity !== 'warning') return noFix('缺少或多余的目标表须由经办人处理（可用生成绩效目标表功能补齐）');
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
