import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/**
 * The pane in a real browser at task-pane widths (320 and 350 px): no page scrolls sideways and
 * the conflict dialog fits. Uses src/taskpane/preview.tsx (the pane over an in-memory adapter)
 * and the Debian chromium that scripts/setup.sh installs.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** For people reviewing a run (as the e2e screenshots), not for pixel comparison. */
const SHOTS = join(__dirname, '../../test-output/screenshots');
let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pane-'));
  await build({
    entryPoints: [join(__dirname, '../../src/taskpane/preview.tsx')],
    bundle: true,
    outfile: join(dir, 'preview.js'),
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><div id="root"></div><script src="preview.js"></script></body></html>',
  );
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
});

describe.each([320, 350])('task pane at %i px', (width) => {
  test.each(['insert', 'validate', 'forms'])('page %s does not scroll sideways', async (page) => {
    const p = await browser.newPage({ viewport: { width, height: 800 } });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(`file://${join(dir, 'index.html')}?page=${page}`);
    await p.waitForSelector('[role="tablist"]');
    if (page === 'validate') {
      await p.click('button.fui-Button:has-text("全部校验")');
      await p.waitForSelector('text=208 类合计不等于其下各款之和');
    }
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(errors).toEqual([]);
    await p.close();
  });

  test('修正 preview, 调平尾差 preview and 撤销上次修正 fit the pane', async () => {
    const p = await browser.newPage({ viewport: { width, height: 800 } });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(`file://${join(dir, 'index.html')}?page=validate`);
    await p.click('button.fui-Button:has-text("全部校验")');
    await p.waitForSelector('button.fui-Button:has-text("全部修正")');
    mkdirSync(SHOTS, { recursive: true });
    await p.screenshot({ path: join(SHOTS, `pane-findings-${width}.png`), fullPage: true });
    await p.click('button.fui-Button:has-text("全部修正")');
    await p.waitForSelector('[aria-label="修正预览"]');
    const box = await p.locator('[aria-label="修正预览"]').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await p.click('button.fui-Button:has-text("确认写入")');
    await p.waitForSelector('button.fui-Button:has-text("撤销上次修正")');
    await p.click('button.fui-Button:has-text("调平尾差")');
    await p.waitForSelector('[aria-label="修正预览"]');
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await p.screenshot({ path: join(SHOTS, `pane-fix-preview-${width}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await p.close();
  });

  test('the conflict dialog fits the pane', async () => {
    const p = await browser.newPage({ viewport: { width, height: 800 } });
    await p.goto(`file://${join(dir, 'index.html')}`);
    await p.fill('input[placeholder^="例如"]', '大同市人力资源和社会保障局');
    await p.click('button.fui-Button:has-text("插入模板")');
    const dialog = await p.waitForSelector('[role="dialog"]');
    const box = await dialog.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width).toBe(true);
    expect(await p.inputValue('[role="dialog"] input')).toBe('表1 预算收支总表(2)');
    await p.close();
  });
});
