import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serveDir } from '../../scripts/serve-web';

/**
 * Shared set-up of the browser tests: build dist/web when a source is newer than the bundle,
 * serve it on 127.0.0.1, drive Debian's Chromium with a fresh profile, and record every request
 * the page makes so a test can prove nothing left the page's origin.
 */
export const ROOT = resolve(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist', 'web');
export const OUT = join(ROOT, 'test-output');
export const SHOTS = join(OUT, 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';
export const EXAMPLE = join(ROOT, 'assets', 'example', 'datong-2024.xlsx');

const SOURCES = [
  'src/web',
  'src/core',
  'src/xlsx',
  'src/taskpane',
  'assets/example',
  'webpack.web.config.js',
  'src/web/index.html',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path)) t = Math.max(t, newestMtime(join(path, e)));
  return t;
}

export function ensureWebBuilt(): void {
  const bundle = join(DIST, 'index.html');
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (built >= newest) return;
  execFileSync('npx', ['webpack', '--config', 'webpack.web.config.js', '--mode', 'production'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  if (!existsSync(bundle)) throw new Error('网页构建失败：dist/web/index.html 未生成');
}

export interface Harness {
  url: string;
  origin: string;
  context: BrowserContext;
  page: Page;
  /** Every URL the browser requested since start. */
  requests: string[];
  close(): Promise<void>;
}

/** Missing Chromium is a failure with the fix in the message, never a skipped test. */
export function requireChromium(path = CHROMIUM): string {
  if (!existsSync(path)) {
    throw new Error(`找不到 Chromium（${path}）：请先运行 scripts/setup.sh 安装（CI 也会运行它）`);
  }
  return path;
}

export async function startHarness(viewport = { width: 1280, height: 800 }): Promise<Harness> {
  const executablePath = requireChromium();
  ensureWebBuilt();
  mkdirSync(SHOTS, { recursive: true });
  const { server, url } = await serveDir(DIST, 0);
  // launchPersistentContext is how Playwright takes a --user-data-dir: a fresh one per run.
  const profile = mkdtempSync(join(tmpdir(), 'bd-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
    acceptDownloads: true,
    viewport,
    locale: 'zh-CN',
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    url,
    origin: new URL(url).origin,
    context,
    page,
    requests,
    async close() {
      await context.close();
      await closeServer(server);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((ok) => server.close(() => ok()));
}

/** Requests that went anywhere but the page's own origin (data:/blob: URLs stay in the page). */
export function foreignRequests(h: Harness): string[] {
  return h.requests.filter(
    (u) => !(u.startsWith(h.origin + '/') || u === h.origin || u.startsWith('data:') || u.startsWith('blob:')),
  );
}

/** Small JPEG screenshots (CSS pixels, quality 60): for people reviewing a run, not for pixel comparison. */
export async function shot(page: Page, name: string): Promise<string> {
  const path = join(SHOTS, `${name}.jpg`);
  await page.screenshot({ path, type: 'jpeg', quality: 60, scale: 'css' });
  return path;
}

export function runCliCheckJson(file: string): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'check', '--json', file], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    return { status: err.status ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}
