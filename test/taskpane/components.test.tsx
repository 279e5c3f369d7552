/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ApplyResult, CellEdit, FixPlan } from '../../src/core/fixes';
import type { Finding } from '../../src/core/model/finding';
import type {
  BalancePlan,
  InsertOutcome,
  InsertRequest,
  Progress,
  ValidationSummary,
  WorkbookAdapter,
} from '../../src/taskpane/adapter';
import { App } from '../../src/taskpane/components/App';

class StubAdapter implements WorkbookAdapter {
  capabilities = { liveValidation: true, insert: true };
  inserts: InsertRequest[] = [];
  selected: string[] = [];
  outcomes: InsertOutcome[] = [];
  findings: Finding[] = [];
  fixable: string[] = [];
  validations = 0;
  fixPlan: FixPlan = { fixes: [], notFixed: [], edits: [] };
  balancePlan?: BalancePlan;
  /** Every plan handed to applyEdits, in order. */
  applied: CellEdit[][] = [];
  /** Cells the clerk changed since the preview: applyEdits skips them. */
  changed = new Map<string, string | number>();
  /** Holds applyEdits until released (to see the progress). */
  gate?: Promise<void>;
  private cbs: ((s: ValidationSummary) => void)[] = [];
  async insertTemplates(r: InsertRequest): Promise<InsertOutcome> {
    this.inserts.push(r);
    return this.outcomes.shift() ?? { status: 'inserted', sheets: [], notes: [] };
  }
  async validate(): Promise<ValidationSummary> {
    this.validations++;
    return { findings: this.findings, tables: ['t1', 't3'], finishedAt: new Date(), fixable: this.fixable };
  }
  async planFixes(): Promise<FixPlan> {
    return this.fixPlan;
  }
  async planBalance(): Promise<BalancePlan> {
    if (!this.balancePlan) throw new Error('工作簿中没有找到预算公开表');
    return this.balancePlan;
  }
  async applyEdits(edits: readonly CellEdit[], onProgress?: (p: Progress) => void): Promise<ApplyResult> {
    this.applied.push([...edits]);
    onProgress?.({ done: 0, total: edits.length, message: `正在写入 ${edits.length} 个单元格…` });
    await this.gate;
    const out: ApplyResult = { applied: [], skipped: [] };
    for (const edit of edits) {
      const now = this.changed.get(`${edit.sheet}!${edit.cell}`);
      if (now !== undefined) out.skipped.push({ edit, now, why: `${edit.sheet}!${edit.cell} 在预览后已被修改` });
      else out.applied.push({ edit, before: { value: edit.old, numberFormat: '@' }, after: edit.new });
    }
    return out;
  }
  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected.push(`${sheet}!${cell}`);
  }
  async buildForms() {
    return { status: 'unavailable' as const, message: '绩效目标表生成功能即将提供。' };
  }
  onFindingsChanged(cb: (s: ValidationSummary) => void): () => void {
    this.cbs.push(cb);
    return () => undefined;
  }
  private errorCbs: ((m: string) => void)[] = [];
  onLiveError(cb: (m: string) => void): () => void {
    this.errorCbs.push(cb);
    return () => undefined;
  }
  fail(message: string): void {
    for (const cb of this.errorCbs) cb(message);
  }
  push(findings: Finding[], notice?: string): void {
    for (const cb of this.cbs) cb({ findings, tables: ['t1'], finishedAt: new Date(), notice });
  }
}

beforeAll(() => {
  // jsdom lacks these; Fluent UI's positioning and motion use them.
  window.matchMedia ??= ((q: string) => ({
    matches: false,
    media: q,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
    onchange: null,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

describe('插入模板 page', () => {
  test('inserts with the form values; a conflict asks for the free name and retries with it', async () => {
    const adapter = new StubAdapter();
    adapter.outcomes.push({
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
    });
    render(<App adapter={adapter} />);
    const button = screen.getByRole('button', { name: '插入模板' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true); // unit name missing
    fireEvent.change(screen.getByPlaceholderText(/例如/), { target: { value: '大同市就业创业服务中心' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '插入模板' })));
    expect(adapter.inserts[0].params).toMatchObject({ unit: '大同市就业创业服务中心', level: '单位', units: [] });
    expect(adapter.inserts[0].params.tables).toHaveLength(13);
    expect(await screen.findByText('工作表名称已被占用')).toBeTruthy();
    const nameInput = screen.getByLabelText('“表1 预算收支总表”的新名称') as HTMLInputElement;
    expect(nameInput.value).toBe('表1 预算收支总表(2)');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '使用新名称插入' })));
    expect(adapter.inserts[1].renames).toEqual({ '表1 预算收支总表': '表1 预算收支总表(2)' });
    expect(await screen.findByText(/已插入/)).toBeTruthy();
  });

  test('部门 level sends the sub-units, one per line', async () => {
    const adapter = new StubAdapter();
    render(<App adapter={adapter} />);
    fireEvent.click(screen.getByRole('radio', { name: '部门' }));
    fireEvent.change(screen.getByPlaceholderText(/例如/), { target: { value: '大同市人社局' } });
    fireEvent.change(screen.getByRole('textbox', { name: /所属单位/ }), { target: { value: '局机关\n\n就业中心 \n' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '插入模板' })));
    expect(adapter.inserts[0].params).toMatchObject({ level: '部门', units: ['局机关', '就业中心'] });
  });
});

describe('校验 page', () => {
  test('shows counts, groups by table, and a click selects the cell', async () => {
    const adapter = new StubAdapter();
    adapter.findings = [
      {
        rule: 'W2.1',
        severity: 'error',
        table: 't3',
        sheet: '表3 预算支出总表',
        cell: 'D7',
        expected: '100.00',
        actual: '90.00',
        message: '类级合计与款级之和不符',
      },
      { rule: 'W1.1', severity: 'rounding', table: 't1', sheet: '表1 预算收支总表', cell: 'B35', message: '尾差 0.01' },
    ];
    render(<App adapter={adapter} initialPage="validate" />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '全部校验' })));
    expect(await screen.findByText('类级合计与款级之和不符')).toBeTruthy();
    expect(screen.getByText(/应为 100.00，实为 90.00/)).toBeTruthy();
    expect(screen.getByText('表3 预算支出总表（1）')).toBeTruthy();
    expect(screen.getByText('尾差（1）')).toBeTruthy();
    expect(screen.queryByText('尾差 0.01')).toBeNull(); // folded until asked
    await act(async () => fireEvent.click(screen.getByText('尾差（1）')));
    expect(screen.getByText('尾差 0.01')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByText('表3 预算支出总表!D7')));
    expect(adapter.selected).toEqual(['表3 预算支出总表!D7']);
  });

  test('live passes update the page without a click', async () => {
    const adapter = new StubAdapter();
    render(<App adapter={adapter} initialPage="validate" />);
    act(() =>
      adapter.push([
        { rule: 'X5', severity: 'warning', table: 't5', sheet: '表5', cell: 'C9', message: '表5 与表3 不一致' },
      ]),
    );
    await waitFor(() => expect(screen.getByText('表5 与表3 不一致')).toBeTruthy());
  });
});

describe('校验 page, live errors', () => {
  test('a failed live pass is shown, and the next good pass clears it', async () => {
    const adapter = new StubAdapter();
    render(<App adapter={adapter} initialPage="validate" />);
    act(() => adapter.fail('工作簿太大，Excel 无法在一次请求中读取其中的工作表'));
    expect(await screen.findByText(/自动校验失败：工作簿太大/)).toBeTruthy();
    act(() => adapter.push([]));
    await waitFor(() => expect(screen.queryByText(/自动校验失败/)).toBeNull());
  });
});

describe('校验 page, notices', () => {
  test('a notice from a pass stays shown while later passes come and go', async () => {
    const adapter = new StubAdapter();
    render(<App adapter={adapter} initialPage="validate" />);
    act(() => adapter.push([], '无法读取工作表中的条件格式，本次打开期间不再在单元格上标记问题；问题仍在下方列出。'));
    expect(await screen.findByText(/不再在单元格上标记问题/)).toBeTruthy();
    act(() =>
      adapter.push([
        { rule: 'X5', severity: 'warning', table: 't5', sheet: '表5', cell: 'C9', message: '表5 与表3 不一致' },
      ]),
    );
    await waitFor(() => expect(screen.getByText('表5 与表3 不一致')).toBeTruthy());
    expect(screen.getByText(/不再在单元格上标记问题/)).toBeTruthy();
  });
});

describe('绩效目标表 page', () => {
  test('the button reaches the adapter and shows its answer', async () => {
    const adapter = new StubAdapter();
    render(<App adapter={adapter} initialPage="forms" />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '生成绩效目标表' })));
    expect(await screen.findByText('绩效目标表生成功能即将提供。')).toBeTruthy();
  });
});
