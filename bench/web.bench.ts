import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeBigWorkbook } from '../test/e2e/bigWorkbook';
import { OUT, startHarness } from '../test/e2e/harness';

/**
 * The web page in Chromium on a 300-project workbook (seed 000 with 表12 grown to 300
 * projects): open + validate, and building 300 绩效目标表 in the browser.
 */
export async function run(report: (name: string, value: number, unit: string) => void): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, 'bench-web-300.xlsx');
  await writeBigWorkbook(300, file);
  const h = await startHarness();
  try {
    await h.page.goto(h.url);
    let t = Date.now();
    await h.page.getByTestId('file-input').setInputFiles(file);
    await h.page.getByTestId('status').filter({ hasText: '已打开' }).waitFor({ timeout: 300_000 });
    report('web.open_validate_300_projects', Date.now() - t, 'ms');

    t = Date.now();
    await h.page.locator('.sheettabs [role=tab]', { hasText: '表12' }).click();
    await h.page.locator('.grid-box[data-sheet="表12"]').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await h.page.locator('.grid-box[data-sheet="表12"] td', { hasText: 'J压力测试项目300' }).waitFor();
    report('web.scroll_t12_to_end_300_projects', Date.now() - t, 'ms');

    t = Date.now();
    await h.page.getByRole('button', { name: '生成/更新绩效目标表' }).click();
    await h.page.getByTestId('status').filter({ hasText: '绩效目标表' }).waitFor({ timeout: 600_000 });
    const text = (await h.page.getByTestId('status').textContent()) ?? '';
    if (!text.includes('新增 300 张')) throw new Error(`生成绩效目标表未成功：${text}`);
    report('web.build_300_forms', Date.now() - t, 'ms');

    t = Date.now();
    const [dl] = await Promise.all([
      h.page.waitForEvent('download'),
      h.page.getByRole('button', { name: '下载' }).click(),
    ]);
    await dl.saveAs(join(OUT, 'bench-web-300-out.xlsx'));
    report('web.download_300_forms', Date.now() - t, 'ms');
  } finally {
    await h.close();
  }
}
