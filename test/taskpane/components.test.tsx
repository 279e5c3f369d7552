/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
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
  test('shows counts, groups by severity then table, and a click selects the cell', async () => {
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
    expect(screen.getByText('错误（1）')).toBeTruthy();
    expect(screen.getByText('表3 预算支出总表（1）')).toBeTruthy();
    expect(screen.getByText('尾差（1）')).toBeTruthy();
    expect(screen.getByText('尾差 0.01')).toBeTruthy(); // 尾差 open, after the errors
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

const finding = (
  rule: string,
  severity: Finding['severity'],
  cell: string,
  message: string,
  table = 't2',
): Finding => ({
  rule,
  severity,
  table,
  sheet: '表2',
  cell,
  message,
});

const key = (f: Finding) => `${f.rule}@${f.sheet ?? ''}!${f.cell ?? ''}`;

/** The text of every finding message in the page, top to bottom. */
function messagesInOrder(container: HTMLElement, texts: string[]): string[] {
  const all = container.textContent ?? '';
  return texts.filter((t) => all.includes(t)).sort((a, b) => all.indexOf(a) - all.indexOf(b));
}

describe('校验 page, order and filters', () => {
  // A 部门 workbook as a reviewer opens it: 信息 lines come first from the engine, then 72 errors.
  const infos = Array.from({ length: 6 }, (_, i) => finding('N0', 'info', '', `说明信息${i + 1}`, 'narrative'));
  const errors = Array.from({ length: 72 }, (_, i) => finding('W2.1', 'error', `C${i + 5}`, `类合计不符${i + 1}`));
  const list = [
    ...infos,
    finding('W1.1', 'rounding', 'B35', '尾差一处'),
    ...errors,
    finding('X5', 'warning', 'C9', '表5 与表3 不一致'),
  ];

  test('错误 first, then 提示, 尾差, 信息; 信息 folded until asked', async () => {
    const adapter = new StubAdapter();
    adapter.findings = list;
    const { container } = render(<App adapter={adapter} initialPage="validate" />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '全部校验' })));
    const headers = screen.getAllByRole('button', { name: /^(错误|提示|尾差|信息)（\d+）$/ }).map((b) => b.textContent);
    expect(headers).toEqual(['错误（72）', '提示（1）', '尾差（1）', '信息（6）']);
    expect(messagesInOrder(container, ['类合计不符1', '表5 与表3 不一致', '尾差一处'])).toEqual([
      '类合计不符1',
      '表5 与表3 不一致',
      '尾差一处',
    ]);
    expect(screen.queryByText('说明信息1')).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '信息（6）' })));
    expect(screen.getByText('说明信息1')).toBeTruthy();
  });

  test('the counts are filters: a pressed count shows that severity alone, pressed again shows all', async () => {
    const adapter = new StubAdapter();
    adapter.findings = list;
    render(<App adapter={adapter} initialPage="validate" />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '全部校验' })));
    const counts = screen.getByRole('group', { name: /校验结果统计/ });
    const warning = within(counts).getByRole('button', { name: /提示/ });
    await act(async () => fireEvent.click(warning));
    expect(warning.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('表5 与表3 不一致')).toBeTruthy();
    expect(screen.queryByText('类合计不符1')).toBeNull();
    expect(screen.queryByText('尾差一处')).toBeNull();
    // 信息, folded in the full list, opens when it is the filter.
    await act(async () => fireEvent.click(within(counts).getByRole('button', { name: /信息/ })));
    expect(screen.getByText('说明信息1')).toBeTruthy();
    expect(screen.queryByText('表5 与表3 不一致')).toBeNull();
    await act(async () => fireEvent.click(within(counts).getByRole('button', { name: /信息/ })));
    expect(screen.getByText('类合计不符1')).toBeTruthy();
    expect(screen.getByText('表5 与表3 不一致')).toBeTruthy();
  });
});

describe('校验 page, fixes', () => {
  const fi4a = finding('FI4', 'warning', 'C12', '表2!C12 的金额是文本格式');
  const fi4b = finding('FI4', 'warning', 'C13', '表2!C13 的金额是文本格式');
  const other = finding('X5', 'warning', 'C9', '表5 与表3 不一致');
  const edit = (f: Finding, old: string): CellEdit => ({
    sheet: '表2',
    cell: f.cell!,
    old,
    new: Number(old.replace(/,/g, '')),
    numberFormat: '#,##0.00',
    reason: `文本格式的数字“${old}”改为数值`,
    finding: key(f),
  });
  const plan: FixPlan = {
    fixes: [
      { finding: fi4a, key: key(fi4a), edits: [edit(fi4a, '1,184.32')] },
      { finding: fi4b, key: key(fi4b), edits: [edit(fi4b, '41.76')] },
    ],
    notFixed: [],
    edits: [edit(fi4a, '1,184.32'), edit(fi4b, '41.76')],
  };

  async function opened(): Promise<StubAdapter> {
    const adapter = new StubAdapter();
    adapter.findings = [fi4a, fi4b, other];
    adapter.fixable = [key(fi4a), key(fi4b)];
    adapter.fixPlan = plan;
    render(<App adapter={adapter} initialPage="validate" />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '全部校验' })));
    return adapter;
  }

  test('修正 shows only fixable findings; a preview lists old → new with cell and reason, and nothing is written yet', async () => {
    const adapter = await opened();
    expect(screen.getAllByRole('button', { name: '修正' })).toHaveLength(2);
    await act(async () => fireEvent.click(screen.getAllByRole('button', { name: '修正' })[0]));
    const preview = screen.getByRole('region', { name: '修正预览' });
    expect(within(preview).getByText(/将改写 1 个单元格（尚未写入）/)).toBeTruthy();
    expect(within(preview).getByText('表2!C12')).toBeTruthy();
    expect(within(preview).getByText('“1,184.32” → 1184.32')).toBeTruthy();
    expect(within(preview).getByText('文本格式的数字“1,184.32”改为数值')).toBeTruthy();
    expect(adapter.applied).toEqual([]);
    await act(async () => fireEvent.click(within(preview).getByRole('button', { name: '取消' })));
    expect(screen.queryByRole('region', { name: '修正预览' })).toBeNull();
    expect(adapter.applied).toEqual([]);
  });

  test('确认写入 applies the previewed edits, validates again, and 撤销上次修正 puts the old values back', async () => {
    const adapter = await opened();
    const before = adapter.validations;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '全部修正（2 项）' })));
    const preview = screen.getByRole('region', { name: '修正预览' });
    expect(within(preview).getByText(/全部修正（提示，2 项），将改写 2 个单元格/)).toBeTruthy();
    await act(async () => fireEvent.click(within(preview).getByRole('button', { name: '确认写入' })));
    expect(adapter.applied).toEqual([plan.edits]);
    expect(await screen.findByText(/已改写 2 个单元格。/)).toBeTruthy();
    expect(adapter.validations).toBe(before + 1);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '撤销上次修正' })));
    // The undo writes the old texts back, with the format the cells had, only where our values still stand.
    expect(adapter.applied[1]).toEqual(
      plan.edits.map((e) =>
        expect.objectContaining({
          sheet: e.sheet,
          cell: e.cell,
          old: e.new,
          new: e.old,
          numberFormat: '@',
          restoresFormat: true,
        }),
      ),
    );
    expect(await screen.findByText(/已撤销“全部修正（提示，2 项）”：恢复 2 个单元格/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '撤销上次修正' })).toBeNull();
  });

  test('a cell changed after the preview is reported as not overwritten', async () => {
    const adapter = await opened();
    adapter.changed.set('表2!C13', 99);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '全部修正（2 项）' })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认写入' })));
    expect(await screen.findByText(/已改写 1 个单元格；1 个单元格在预览后已被修改，未覆盖/)).toBeTruthy();
    expect(screen.getByText('表2!C13 在预览后已被修改')).toBeTruthy();
  });

  test('while writing, the page shows progress and offers no second fix', async () => {
    const adapter = await opened();
    let release = (): void => undefined;
    adapter.gate = new Promise((ok) => (release = ok));
    await act(async () => fireEvent.click(screen.getAllByRole('button', { name: '修正' })[0]));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认写入' })));
    expect(screen.getByText('正在写入 1 个单元格…')).toBeTruthy();
    for (const b of screen.getAllByRole('button', { name: '修正' }))
      expect((b as HTMLButtonElement).disabled).toBe(true);
    await act(async () => release());
    expect(await screen.findByText(/已改写 1 个单元格。/)).toBeTruthy();
  });

  test('调平尾差 previews the balancer’s plan with its summary; a failure is a Chinese message', async () => {
    const adapter = await opened();
    adapter.balancePlan = {
      result: {
        changes: [],
        moved: 1,
        twoStep: 0,
        rounded: 0,
        residuals: [],
        conflicts: [],
        optimal: true,
        stats: { figures: 1, identities: 1, constraints: 1, components: 1 },
      },
      edits: [
        { sheet: '表1', cell: 'B35', old: 1184.33, new: 1184.32, reason: '尾差调平：使 W1.1 成立', finding: 'BAL' },
      ],
    };
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '调平尾差' })));
    const preview = screen.getByRole('region', { name: '修正预览' });
    expect(within(preview).getByText(/1 个数字偏离四舍五入/)).toBeTruthy();
    expect(within(preview).getByText('1184.33 → 1184.32')).toBeTruthy();
    await act(async () => fireEvent.click(within(preview).getByRole('button', { name: '确认写入' })));
    expect(adapter.applied.at(-1)).toEqual(adapter.balancePlan.edits);
    adapter.balancePlan = undefined;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '调平尾差' })));
    expect(await screen.findByText('计算调平方案失败：工作簿中没有找到预算公开表')).toBeTruthy();
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
