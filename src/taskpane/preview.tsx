import { createRoot } from 'react-dom/client';
import type { Finding } from '../core/model/finding';
import type { InsertOutcome, InsertRequest, ValidationSummary, WorkbookAdapter } from './adapter';
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
];

class PreviewAdapter implements WorkbookAdapter {
  capabilities = { liveValidation: true, insert: true };
  private first = true;
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
    return { findings: SAMPLE, tables: ['t1', 't3', 't5'], finishedAt: new Date() };
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
