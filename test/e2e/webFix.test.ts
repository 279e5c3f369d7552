import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, runCliCheckJson, shot, startHarness, type Harness } from './harness';

/**
 * 尾差调平 and one-click fixes on the page, end to end in Chromium on the bundled example (seed 000,
 * 大同人社局 2024: 26 尾差, 26 amounts typed as text, 租房补贴 for the standard 提租补贴): the same
 * buttons as the Excel pane, a preview before anything is written, 撤销上次修正, then 下载 — and the
 * downloaded file, checked by the command line, no longer has any of the fixed findings.
 */
let h: Harness;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  h = await startHarness();
}, 300_000);

afterAll(async () => {
  await h?.close();
});

const pane = () => h.page.getByTestId('pane');
const preview = () => pane().getByRole('region', { name: '修正预览' });
const count = (label: string) =>
  pane()
    .getByRole('group', { name: /校验结果统计/ })
    .getByRole('button', { name: new RegExp(`^${label}`) });

async function countOf(label: string): Promise<number> {
  return Number(/(\d+)\s*$/.exec((await count(label).textContent()) ?? '')?.[1]);
}

async function confirm(expectCells: number | RegExp): Promise<void> {
  const text = typeof expectCells === 'number' ? `将改写 ${expectCells} 个单元格` : expectCells;
  await preview().getByText(text).waitFor();
  await preview().getByRole('button', { name: '确认写入' }).click();
  await pane()
    .getByText(/已改写 \d+ 个单元格。/)
    .waitFor({ timeout: 60_000 });
}

test('调平尾差、修正、全部修正、撤销，然后下载：命令行检查下载的文件，已修正的问题都不再出现', async () => {
  await h.page.goto(h.url);
  await h.page.getByRole('button', { name: '载入示例' }).click();
  await h.page.getByTestId('status').filter({ hasText: '已打开' }).waitFor({ timeout: 60_000 });
  expect(await countOf('尾差')).toBe(26);
  expect(await countOf('错误')).toBe(1);

  // 调平尾差: the preview first, nothing written until 确认写入.
  await pane().getByRole('button', { name: '调平尾差' }).click();
  await preview()
    .getByText(/3 个数字偏离四舍五入/)
    .waitFor({ timeout: 60_000 });
  await shot(h.page, 'wide-balance-preview');
  expect(await countOf('尾差')).toBe(26);
  await confirm(26);
  await h.page.waitForFunction(
    () => document.querySelector('[data-testid=pane]')?.textContent?.includes('尾差（') === false,
  );
  expect(await countOf('尾差')).toBe(0);

  // 修正 on the one error: the standard 科目 name in 表2 and 表3 (CN3's warning goes with it).
  const cn1 = pane().locator('.fui-Text', { hasText: '2210202' }).filter({ hasText: '提租补贴' }).first();
  await cn1.locator('xpath=..').getByRole('button', { name: '修正' }).click();
  await preview().getByText('“租房补贴” → “提租补贴”').first().waitFor();
  await confirm(2);
  expect(await countOf('错误')).toBe(0);

  // 全部修正 of the 提示 group: the 26 amounts typed as text; then 撤销上次修正 brings them back.
  const warnings = await countOf('提示');
  await pane()
    .getByRole('button', { name: /^全部修正（\d+ 项）$/ })
    .click();
  await confirm(26);
  expect(await countOf('提示')).toBe(warnings - 26);
  await pane().getByRole('button', { name: '撤销上次修正' }).click();
  await pane()
    .getByText(/已撤销“全部修正（提示，26 项）”：恢复 26 个单元格。/)
    .waitFor({ timeout: 60_000 });
  expect(await countOf('提示')).toBe(warnings);
  await pane()
    .getByRole('button', { name: /^全部修正（\d+ 项）$/ })
    .click();
  await confirm(26);
  await shot(h.page, 'wide-fixed');

  const [download] = await Promise.all([
    h.page.waitForEvent('download'),
    h.page.getByRole('button', { name: '下载' }).click(),
  ]);
  const file = join(OUT, 'web-fixed.xlsx');
  await download.saveAs(file);
  const cli = runCliCheckJson(file);
  expect(cli.stderr).not.toMatch(/TypeError|ReferenceError|at .*\.ts:\d+/);
  const report = JSON.parse(cli.stdout) as { files: { findings: { rule: string; severity: string }[] }[] };
  const left = report.files[0].findings;
  expect(left.filter((f) => f.severity === 'rounding')).toEqual([]);
  expect(left.filter((f) => ['FI4', 'CN1', 'CN3'].includes(f.rule))).toEqual([]);
  // Only what no fix answers is left (the reminder that the forms are missing).
  expect(left.map((f) => f.rule)).toEqual(['F1']);
}, 300_000);
