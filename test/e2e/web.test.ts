import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAddr, textAt } from '../../src/core/model/grid';
import { saveWithLibreOffice } from '../../src/xlsx/libreoffice';
import { readXlsx } from '../../src/xlsx/read';
import { loadFixture } from '../fixtures/seeds';
import { projectName, writeBigWorkbook } from './bigWorkbook';
import { EXAMPLE, OUT, foreignRequests, runCliCheckJson, shot, startHarness, type Harness } from './harness';

/**
 * The offline page end to end in real Chromium, on the bundled example (seed 000 大同人社局
 * 2024, with its real mistakes). Expected findings come from docs/domain.md § 样本中的已知错误, counts from the seed.
 */
const SEED_000_PROJECTS = 14; // docs/domain.md § 样本
const SEED_000_TABLE_SHEETS = 13;

let h: Harness;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  h = await startHarness();
}, 300_000);

afterAll(async () => {
  await h?.close();
});

async function openExample(): Promise<void> {
  await h.page.goto(h.url);
  await h.page.getByRole('button', { name: '载入示例' }).click();
  await h.page.getByTestId('status').filter({ hasText: '已打开' }).waitFor({ timeout: 60_000 });
}

/** The shared 校验 list: the message mentioning all of `words`, and its 转到该单元格 link. */
function findingText(...words: string[]) {
  let t = h.page.getByTestId('pane').locator('.fui-Text', { hasText: words[0] });
  for (const w of words.slice(1)) t = t.filter({ hasText: w });
  return t.first();
}

function findingLink(...words: string[]) {
  return findingText(...words)
    .locator('xpath=..')
    .getByRole('button')
    .first();
}

function gridCell(sheet: string, cell: string) {
  return h.page.locator(`.grid-box[data-sheet="${sheet}"] td[data-cell="${cell}"]`);
}

test('载入示例：共享的校验列表列出 seed 000 的已知问题', async () => {
  await openExample();
  // §7.1: 2210202 is 租房补贴 in 表2/表3 but 提租补贴 (the standard name) in 表5.
  await findingText('2210202', '提租补贴').waitFor();
  // §7.2: 尾差 only, at rounding severity: 21011, 22102 and 合计 of 表2/3/5, 表1/表4 本年支出合计, 表6 two classes.
  // The 尾差 group comes after 错误 and 提示, open.
  const header = h.page.getByTestId('pane').getByRole('button', { name: /^尾差（\d+）$/ });
  const n = Number(/（(\d+)）/.exec((await header.textContent()) ?? '')?.[1]);
  expect(n).toBeGreaterThanOrEqual(9);
  for (const code of ['21011', '22102', '工资福利支出', '商品和服务支出']) {
    await expect(h.page.getByTestId('pane').getByText(code).first().isVisible()).resolves.toBe(true);
  }
  // Every sheet of the example holds one recognised table (docs/domain.md § 13张公开表 names them).
  await expect(
    h.page.locator('.sheettabs [role=tab]', { hasText: '表2' }).first().getAttribute('title'),
  ).resolves.toContain('表2 预算收入总表');
  await expect(h.page.locator('.sheettabs [role=tab].table').count()).resolves.toBe(SEED_000_TABLE_SHEETS);
  await shot(h.page, 'wide-findings');
});

test('表格标出问题单元格：表2 的 21011 行有尾差标记', async () => {
  await h.page.locator('.sheettabs [role=tab]', { hasText: '表2' }).first().click();
  const codeCell = h.page.locator('.grid-box[data-sheet="表2"] td', { hasText: /^21011$/ });
  const addr = (await codeCell.getAttribute('data-cell')) ?? '';
  const row = /\d+$/.exec(addr)?.[0];
  expect(row).toBeDefined();
  const marked = h.page.locator(`.grid-box[data-sheet="表2"] td[data-sev="rounding"][data-cell$="${row}"]`);
  expect(await marked.count()).toBeGreaterThanOrEqual(1);
  // Jumping to that 尾差 outlines its addends: 21011 = 2101101 + 2101103 (seed 000's 尾差, 41.76 + 11.93).
  const target = (await marked.first().getAttribute('data-cell')) ?? '';
  await h.page
    .getByTestId('pane')
    .getByRole('button', { name: `表2!${target}`, exact: true })
    .first()
    .click();
  await gridCell('表2', target).and(h.page.locator('.focus')).waitFor();
  const involvedRows = await h.page
    .locator('.grid-box[data-sheet="表2"] td.involved')
    .evaluateAll((tds) => tds.map((td) => (td.getAttribute('data-cell') ?? '').replace(/^[A-Z]+/, '')));
  const codes = await Promise.all([...new Set(involvedRows)].map((r) => gridCell('表2', `A${r}`).textContent()));
  expect(codes.sort()).toEqual(['2101101', '2101103']);
});

test('点击问题：表格切到对应工作表、滚动到该单元格并高亮', async () => {
  await h.page.locator('.sheettabs [role=tab]', { hasText: '表12' }).click();
  const link = findingLink('2210202', '提租补贴');
  const place = (await link.textContent()) ?? '';
  expect(place).toMatch(/^.+![A-Z]+\d+$/);
  const [sheet, cell] = place.split('!');
  await link.click();
  const td = gridCell(sheet, cell);
  await td.waitFor();
  await expect(td.getAttribute('class')).resolves.toMatch(/\bfocus\b/);
  await expect(td.getAttribute('data-sev')).resolves.toMatch(/^(error|warning|rounding|info)$/);
  await expect(h.page.getByTestId('cellbar').textContent()).resolves.toMatch(new RegExp(`^${cell}\\b`));
  const box = await h.page.locator('.grid-box').boundingBox();
  const cellBox = await td.boundingBox();
  expect(box && cellBox).toBeTruthy();
  if (box && cellBox) {
    expect(cellBox.y).toBeGreaterThanOrEqual(box.y);
    expect(cellBox.y + cellBox.height).toBeLessThanOrEqual(box.y + box.height);
  }
  // The highlighted row really is the 2210202 row of that sheet in the example workbook.
  const wb = await readXlsx(EXAMPLE);
  const s = wb.sheets.find((x) => x.name === sheet);
  expect(s).toBeDefined();
  const { r } = parseAddr(cell);
  const rowTexts = (s?.rows[r] ?? []).map((_, c) => (s ? textAt(s, r, c) : ''));
  expect(rowTexts.join('|')).toContain('2210202');
  await shot(h.page, 'wide-cell-focused');
});

test('窄屏 340px：不出现横向溢出，问题列表和表格都可用', async () => {
  await h.page.setViewportSize({ width: 340, height: 720 });
  const overflow = await h.page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(h.page.locator('.grid-box').isVisible()).resolves.toBe(true);
  const link = findingLink('2210202', '提租补贴');
  await link.scrollIntoViewIfNeeded();
  await link.click();
  await h.page.locator('td.focus').waitFor();
  await shot(h.page, 'narrow-340');
  await h.page.setViewportSize({ width: 1280, height: 800 });
});

test('生成绩效目标表、写入情况说明、下载；命令行 check 能读取下载的文件', async () => {
  const fx = loadFixture('000');
  await h.page.getByRole('button', { name: '生成/更新绩效目标表' }).click();
  await h.page.getByTestId('status').filter({ hasText: '绩效目标表' }).waitFor({ timeout: 60_000 });
  await expect(h.page.getByTestId('status').textContent()).resolves.toContain(`新增 ${SEED_000_PROJECTS} 张`);
  await expect(h.page.locator('.sheettabs [role=tab]').count()).resolves.toBe(
    SEED_000_TABLE_SHEETS + SEED_000_PROJECTS,
  );
  await shot(h.page, 'wide-form');

  // Running it again updates the same forms instead of adding copies.
  await h.page.getByRole('button', { name: '生成/更新绩效目标表' }).click();
  await h.page.getByTestId('status').filter({ hasText: '新增 0 张' }).waitFor({ timeout: 60_000 });
  await expect(h.page.locator('.sheettabs [role=tab]').count()).resolves.toBe(
    SEED_000_TABLE_SHEETS + SEED_000_PROJECTS,
  );

  await h.page.getByRole('button', { name: '写入情况说明' }).click();
  await h.page.getByTestId('status').filter({ hasText: '情况说明' }).waitFor({ timeout: 60_000 });
  await h.page.locator('.sheettabs [role=tab]', { hasText: '情况说明' }).click();
  await h.page.locator(`.grid-box[data-sheet="情况说明"] td`, { hasText: fx.narrative.heading }).first().waitFor();

  await h.page.getByRole('button', { name: '插入缺少的表' }).click();
  await h.page.getByTestId('status').filter({ hasText: '13 张公开表都已存在' }).waitFor({ timeout: 60_000 });

  const [download] = await Promise.all([
    h.page.waitForEvent('download'),
    h.page.getByRole('button', { name: '下载' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = join(OUT, 'web-download.xlsx');
  await download.saveAs(file);
  expect(existsSync(file)).toBe(true);

  const wb = await readXlsx(file);
  // 13 tables, the forms, 情况说明, and the forms' hidden 预填记录.
  expect(wb.sheets.length).toBe(SEED_000_TABLE_SHEETS + SEED_000_PROJECTS + 2);
  const narrative = wb.sheets.find((s) => s.name === '情况说明');
  expect(narrative && textAt(narrative, 0, 0)).toBe(fx.narrative.heading);
  // The downloaded forms carry the 表12 project names of the seed.
  const texts = wb.sheets.flatMap((s) => s.rows.flatMap((row, r) => row.map((_, c) => textAt(s, r, c))));
  for (const p of fx.tables.t12.rows.filter((x: { kind: string }) => x.kind === 'project')) {
    expect(texts).toContain((p as { name: string }).name);
  }

  const cli = runCliCheckJson(file);
  expect(cli.stderr).not.toMatch(/TypeError|ReferenceError|at .*\.ts:\d+/);
  const report: unknown = JSON.parse(cli.stdout);
  expect(JSON.stringify(report)).toContain('2210202');
});

test('打开文件：拖放与文件选择都能打开；坏文件给出中文错误且页面不崩溃', async () => {
  await h.page.goto(h.url);
  const bytes = [...readFileSync(EXAMPLE)];
  const dataTransfer = await h.page.evaluateHandle((b: number[]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(b)], '拖入的预算公开表.xlsx'));
    return dt;
  }, bytes);
  await h.page.dispatchEvent('.app', 'drop', { dataTransfer });
  await h.page.getByTestId('status').filter({ hasText: '已打开“拖入的预算公开表.xlsx”' }).waitFor({ timeout: 60_000 });
  await findingText('2210202', '提租补贴').waitFor();

  await h.page
    .getByTestId('file-input')
    .setInputFiles({ name: '坏文件.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是工作簿') });
  const alert = h.page.locator('[data-testid=status].error');
  await alert.waitFor();
  await expect(alert.textContent()).resolves.toContain('不是 Excel 工作簿');

  await h.page
    .getByTestId('file-input')
    .setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
  await alert.filter({ hasText: '不是 .xlsx 文件' }).waitFor();
  await expect(alert.textContent()).resolves.toContain('也不是 .xls、.et、.ods 工作簿');

  await h.page.getByTestId('file-input').setInputFiles(EXAMPLE);
  await h.page.getByTestId('status').filter({ hasText: '已打开' }).waitFor({ timeout: 60_000 });
});

test('打开 .xls 和 .ods（LibreOffice 另存的示例）：同样识别 13 张表和 2210202 问题，下载为 .xlsx', async () => {
  const dir = join(OUT, 'web-formats');
  for (const format of ['xls', 'ods'] as const) {
    const file = await saveWithLibreOffice(EXAMPLE, dir, format);
    await h.page.getByTestId('file-input').setInputFiles(file);
    const status = h.page.getByTestId('status').filter({ hasText: `已打开“datong-2024.${format}”` });
    await status.waitFor({ timeout: 120_000 });
    await expect(status.textContent()).resolves.toContain('识别出 13 张公开表');
    // The page edits an .xlsx copy and says what the copy does not keep.
    await expect(status.textContent()).resolves.toContain('已转换为 .xlsx');
    await findingText('2210202', '提租补贴').waitFor();
    await expect(h.page.locator('.sheettabs [role=tab].table').count()).resolves.toBe(SEED_000_TABLE_SHEETS);
    const [download] = await Promise.all([
      h.page.waitForEvent('download'),
      h.page.getByRole('button', { name: '下载' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('datong-2024-已处理.xlsx');
    const saved = join(dir, `download-from-${format}.xlsx`);
    await download.saveAs(saved);
    const wb = await readXlsx(saved);
    expect(wb.sheets.filter((x) => /^表\d+$/.test(x.name))).toHaveLength(SEED_000_TABLE_SHEETS);
  }
  await shot(h.page, 'wide-opened-ods');
}, 300_000);

test('300 个项目的工作簿：表12 只渲染可见的行，滚到底能看到最后一个项目', async () => {
  const file = join(OUT, 'web-300-projects.xlsx');
  await writeBigWorkbook(300, file);
  await h.page.getByTestId('file-input').setInputFiles(file);
  await h.page.getByTestId('status').filter({ hasText: '已打开“web-300-projects.xlsx”' }).waitFor({ timeout: 120_000 });
  await h.page.locator('.sheettabs [role=tab]', { hasText: '表12' }).click();
  const grid = h.page.locator('.grid-box[data-sheet="表12"]');
  await grid.waitFor();
  const rendered = await grid.locator('tbody tr').count();
  expect(rendered).toBeLessThan(120); // the sheet has 306 rows
  await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await grid.locator('td', { hasText: projectName(299) }).waitFor();
  await shot(h.page, 'wide-300-projects');
});

test('整个过程中没有向页面来源以外的地址发出任何网络请求', () => {
  expect(h.requests.length).toBeGreaterThan(0);
  expect(h.requests.some((u) => u.endsWith('/example/datong-2024.xlsx'))).toBe(true);
  expect(foreignRequests(h)).toEqual([]);
});
