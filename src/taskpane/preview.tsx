import { createRoot } from 'react-dom/client';
import type { BalanceResult } from '../core/balance';
import {
  changedWhy,
  editValueOf,
  findingKey,
  stillHolds,
  type ApplyResult,
  type CellEdit,
  type EditValue,
  type FixPlan,
} from '../core/fixes';
import type { Finding } from '../core/model/finding';
import type { BalancePlan, InsertOutcome, InsertRequest, ValidationSummary, WorkbookAdapter } from './adapter';
import { App } from './components/App';

/**
 * The pane outside Excel, over an in-memory adapter with sample findings: for layout review at
 * 320–350 px (`preview.html` in the development build). Not loaded by the add-in.
 */
const SAMPLE: Finding[] = [
  {
    rule: 'W2.1',
    severity: 'error',
    table: 't3',
    sheet: '表3 预算支出总表',
    cell: 'C8',
    expected: '1,184.32',
    actual: '1,174.32',
    diff: '-10.00',
    message: '208 类合计不等于其下各款之和',
  },
  {
    rule: 'X5',
    severity: 'warning',
    table: 't5',
    sheet: '表5 一般公共预算支出表',
    cell: 'C6',
    message: '表5 合计与表4 一般公共预算支出不一致',
  },
  {
    rule: 'W1.1',
    severity: 'rounding',
    table: 't1',
    sheet: '表1 预算收支总表',
    cell: 'B35',
    expected: '1,184.32',
    actual: '1,184.33',
    diff: '0.01',
    message: '本年收入合计与各项之和相差 0.01（尾差）',
  },
  {
    rule: 'FI4',
    severity: 'warning',
    table: 't2',
    sheet: '表2 预算收入总表',
    cell: 'C12',
    message: '表2 预算收入总表!C12 的金额“1,184.32”是文本格式，Excel 求和时会忽略它',
  },
  {
    rule: 'FI4',
    severity: 'warning',
    table: 't2',
    sheet: '表2 预算收入总表',
    cell: 'C13',
    message: '表2 预算收入总表!C13 的金额“41.76”是文本格式，Excel 求和时会忽略它',
  },
  { rule: 'P1', severity: 'info', message: '未找到项目支出绩效目标表（可在“绩效目标表”页生成）' },
];

const textToNumber = (f: Finding, old: string): CellEdit => ({
  sheet: f.sheet ?? '',
  cell: f.cell ?? '',
  old,
  new: Number(old.replace(/,/g, '')),
  numberFormat: '#,##0.00',
  reason: `文本格式的数字“${old}”改为数值（金额不变，求和时不再被忽略）`,
  finding: findingKey(f),
});

const BALANCE_EDITS: CellEdit[] = [
  {
    sheet: '表1 预算收支总表',
    cell: 'B35',
    old: 1184.33,
    new: 1184.32,
    reason: '尾差调平：原数 1,184.33（精确值未知），公开数取 1,184.32（−0.01），使 W1.1 表1!B35 成立',
    finding: 'BAL',
  },
  {
    sheet: '表2 预算收入总表',
    cell: 'C18',
    old: 106.68,
    new: 106.67,
    reason: '尾差调平：原数 106.68（精确值未知），公开数取 106.67（−0.01），使 W2.1 表2!C15 成立',
    finding: 'BAL',
  },
];

class PreviewAdapter implements WorkbookAdapter {
  capabilities = { liveValidation: true, insert: true };
  private first = true;
  /** The sample workbook's cells that the sample plans touch. */
  private cells = new Map<string, EditValue>([
    ['表2 预算收入总表!C12', '1,184.32'],
    ['表2 预算收入总表!C13', '41.76'],
    ['表1 预算收支总表!B35', 1184.33],
    ['表2 预算收入总表!C18', 106.68],
  ]);
  async insertTemplates(r: InsertRequest): Promise<InsertOutcome> {
    if (this.first && !r.renames) {
      this.first = false;
      return {
        status: 'conflicts',
        conflicts: [
          {
            tag: 't1',
            template: '表1 预算收支总表',
            wanted: '表1 预算收支总表',
            proposed: '表1 预算收支总表(2)',
            reason: '工作簿中已有名为“表1 预算收支总表”的工作表',
          },
        ],
      };
    }
    return { status: 'inserted', sheets: (r.params.tables ?? []).map((t) => ({ tag: t, name: t })), notes: [] };
  }
  async validate(): Promise<ValidationSummary> {
    const fixable = SAMPLE.filter((f) => typeof this.cells.get(`${f.sheet}!${f.cell}`) === 'string').map(findingKey);
    return { findings: SAMPLE, tables: ['t1', 't3', 't5'], finishedAt: new Date(), fixable };
  }
  async planFixes(): Promise<FixPlan> {
    const fixes = SAMPLE.flatMap((f) => {
      const old = this.cells.get(`${f.sheet}!${f.cell}`);
      return f.rule === 'FI4' && typeof old === 'string'
        ? [{ finding: f, key: findingKey(f), edits: [textToNumber(f, old)] }]
        : [];
    });
    return { fixes, notFixed: [], edits: fixes.flatMap((f) => f.edits) };
  }
  async planBalance(): Promise<BalancePlan> {
    const result: BalanceResult = {
      changes: [],
      moved: BALANCE_EDITS.length,
      twoStep: 0,
      rounded: 0,
      residuals: [],
      conflicts: [],
      optimal: true,
      stats: { figures: 0, identities: 0, constraints: 0, components: 0 },
    };
    return { result, edits: BALANCE_EDITS.filter((e) => this.cells.get(`${e.sheet}!${e.cell}`) === e.old) };
  }
  async applyEdits(edits: readonly CellEdit[]): Promise<ApplyResult> {
    const out: ApplyResult = { applied: [], skipped: [] };
    for (const edit of edits) {
      const now = editValueOf(this.cells.get(`${edit.sheet}!${edit.cell}`) ?? null);
      if (!stillHolds(edit, now)) out.skipped.push({ edit, now, why: changedWhy(edit, now) });
      else {
        this.cells.set(`${edit.sheet}!${edit.cell}`, edit.new);
        out.applied.push({ edit, before: { value: now, numberFormat: 'General' }, after: edit.new });
      }
    }
    return out;
  }
  async selectCell(): Promise<void> {}
  async buildForms() {
    return { status: 'unavailable' as const, message: '预览中不生成绩效目标表。' };
  }
  onFindingsChanged(): () => void {
    return () => undefined;
  }
}

const page = new URLSearchParams(location.search).get('page');
const el = document.getElementById('root');
if (el)
  createRoot(el).render(
    <App adapter={new PreviewAdapter()} initialPage={page === 'validate' || page === 'forms' ? page : 'insert'} />,
  );
