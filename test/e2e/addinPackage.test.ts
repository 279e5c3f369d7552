import { parse } from 'acorn';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { manifestUrls } from '../../scripts/addin-manifest';
import { checkBuiltManifest, parseXml } from '../../scripts/check-manifest';
import { writeCertificates, type CertFiles } from '../../src/cli/serve/cert';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE } from '../../src/cli/serve/site';
import { ROOT, SHOTS, requireChromium } from './harness';

/**
 * The release package end to end, as a bureau would use it: `npm run package` for a non-localhost
 * address, the zip unpacked, certificates made with serve-addin's --make-cert, the packaged
 * server (`node server/serve-addin.js`) started with them, and the pane's page opened in Chromium
 * under the address the manifest names. Outside Office the pane says to open it in Excel; with an
 * Internet Explorer user agent the legacy message shows; no request leaves the bureau's server.
 */
const HOST = 'bd.test';
const ADDIN_URL = `https://${HOST}/addin/`;
const WEB_URL = `https://${HOST}/web/`;
const ORIGIN = `https://${HOST}`;
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TOP = `budget-disclosure-${VERSION}`;
const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16)';

let work: string;
let pkg: string;
let zipNames: string[];
let certs: CertFiles;
let server: ChildProcess;
let port: number;
let browser: Browser;

function startPackagedServer(): Promise<number> {
  server = spawn(
    process.execPath,
    [
      join(pkg, 'server', 'serve-addin.js'),
      '--cert',
      certs.cert,
      '--key',
      certs.key,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ],
    { cwd: pkg, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((ok, fail) => {
    let out = '';
    server.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /端口 (\d+)/.exec(out);
      if (m) ok(Number(m[1]));
    });
    server.stderr?.on('data', (d: Buffer) => (out += d.toString('utf8')));
    server.on('exit', (code) => fail(new Error(`服务器退出（${code}）：${out}`)));
  });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'bd-package-'));
  const out = join(work, 'dist');
  execFileSync('npx', ['tsx', 'scripts/package.ts', '--env', `addinUrl=${ADDIN_URL}`, '--env', `outDir=${out}`], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  const zip = await JSZip.loadAsync(readFileSync(join(out, `${TOP}.zip`)));
  zipNames = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const unpacked = join(work, 'unpacked');
  for (const name of zipNames) {
    const file = join(unpacked, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await zip.files[name].async('nodebuffer'));
  }
  pkg = join(unpacked, TOP);
  certs = await writeCertificates(join(work, 'certs'), { names: [HOST] });
  port = await startPackagedServer();
  browser = await chromium.launch({
    executablePath: requireChromium(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // The manifest's address, answered by the packaged server on this machine.
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1:${port}`,
    ],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A browser context that records every request and every failed response. */
async function context(userAgent?: string): Promise<{ ctx: BrowserContext; requests: string[]; failed: string[] }> {
  // The certificate chain itself is verified from node below; Chromium here cannot be given the CA.
  const ctx = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'zh-CN', userAgent });
  const requests: string[] = [];
  const failed: string[] = [];
  ctx.on('request', (r) => requests.push(r.url()));
  ctx.on('requestfailed', (r) => failed.push(r.url()));
  ctx.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  return { ctx, requests, failed };
}

const foreign = (requests: string[]): string[] =>
  requests.filter((u) => !u.startsWith(ORIGIN + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));

function fetchFromPc(path: string): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((ok, fail) => {
    get(
      {
        host: HOST,
        port,
        path,
        ca: readFileSync(certs.caCert),
        servername: HOST,
        lookup: (_h, _o, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]),
      },
      (res) => {
        res.resume();
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    ).on('error', fail);
  });
}

describe('the release package', () => {
  test('one zip: the manifest, the guide, the addresses, the site laid out as its URLs, the server', () => {
    const files = zipNames.map((n) => n.slice(TOP.length + 1));
    expect(zipNames.every((n) => n.startsWith(TOP + '/'))).toBe(true);
    for (const f of [
      'manifest.xml',
      'deploy.md',
      'deployment.json',
      'server/serve-addin.js',
      'site/addin/manifest.xml',
      'site/addin/taskpane.html',
      'site/addin/commands.html',
      'site/addin/help.html',
      'site/addin/office/office.js',
      'site/addin/assets/icon-80.png',
      'site/web/index.html',
    ])
      expect(files).toContain(f);
    expect(files.some((f) => /^site\/addin\/taskpane\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    expect(files.some((f) => f.startsWith('site/addin/preview'))).toBe(false);
    expect(readFileSync(join(pkg, 'deploy.md'), 'utf8')).toBe(readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8'));
    expect(JSON.parse(readFileSync(join(pkg, 'deployment.json'), 'utf8'))).toEqual({
      addinUrl: ADDIN_URL,
      webUrl: WEB_URL,
      version: VERSION,
    });
    expect(readFileSync(join(pkg, 'manifest.xml'), 'utf8')).toBe(
      readFileSync(join(pkg, 'site/addin/manifest.xml'), 'utf8'),
    );
  });

  test('the manifest: every URL at the address, no localhost, the package version, offline checks pass', () => {
    const file = join(pkg, 'manifest.xml');
    const xml = readFileSync(file, 'utf8');
    expect(xml).not.toMatch(/localhost/i);
    const urls = manifestUrls(parseXml(xml));
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const u of urls) expect(u === ORIGIN || u.startsWith(ADDIN_URL)).toBe(true);
    expect(xml).toContain(`<Version>${VERSION}.0</Version>`);
    // Every URL names a file of the build (taskpane, commands, help, icons of the right size).
    expect(checkBuiltManifest(join(pkg, 'site/addin/manifest.xml'))).toEqual([]);
    // Microsoft's own reader (office-addin-manifest) reads it the same way (plain node: ESM inside).
    const script = `require('office-addin-manifest/lib/manifestOperations').OfficeAddinManifest.readManifestFile(process.argv[1]).then((i) => process.stdout.write(JSON.stringify(i)))`;
    const info = JSON.parse(execFileSync(process.execPath, ['-e', script, file], { cwd: ROOT, encoding: 'utf8' })) as {
      hosts: string[];
      version: string;
      defaultSettings?: { sourceLocation?: string };
    };
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.version).toBe(`${VERSION}.0`);
    expect(info.defaultSettings?.sourceLocation).toBe(`${ADDIN_URL}taskpane.html`);
  });

  test('the pane’s page: its first script is ES5, it knows the browser page’s address, it loads nothing from elsewhere', () => {
    const html = readFileSync(join(pkg, 'site/addin/taskpane.html'), 'utf8');
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline.length).toBeGreaterThanOrEqual(1);
    expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('office/office.js'));
    for (const code of inline) expect(() => parse(code, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    expect(html).toMatch(new RegExp(`budget-disclosure-web"? content="?${WEB_URL.replace(/[./]/g, '\\$&')}`));
    const refs = [...html.matchAll(/\b(?:src|href)="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const r of refs) expect(r).not.toMatch(/^(https?:)?\/\//);
  });

  test('served over https: a PC that trusts the bureau’s CA gets the page, with the cache headers', async () => {
    const page = await fetchFromPc('/addin/taskpane.html');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe(CACHE_REVALIDATE);
    const bundle = zipNames
      .map((n) => n.slice(TOP.length + 1))
      .find((f) => /^site\/addin\/taskpane\.[0-9a-f]{8}\.js$/.test(f));
    const js = await fetchFromPc('/' + (bundle ?? '').slice('site/'.length));
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe(CACHE_IMMUTABLE);
    expect((await fetchFromPc('/addin/manifest.xml')).headers['cache-control']).toBe(CACHE_REVALIDATE);
  });

  test('in Chromium outside Office: “open this in Excel”, and no request to any other origin', async () => {
    const { ctx, requests, failed } = await context();
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${ADDIN_URL}taskpane.html`);
    await page.locator('#root[data-state="outside-excel"]').waitFor({ timeout: 60_000 });
    await expect(page.locator('#root').textContent()).resolves.toContain('只能在 Excel 中使用');
    await expect(page.locator('#root').textContent()).resolves.toContain(WEB_URL);
    await page.screenshot({ path: join(SHOTS, 'addin-outside-excel.jpg'), type: 'jpeg', quality: 60 });
    expect(requests.some((u) => u.endsWith('/addin/office/office.js'))).toBe(true);
    expect(foreign(requests)).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  test('with an Internet Explorer user agent the pane shows the Chinese way out, not a blank page', async () => {
    const { ctx, requests } = await context(IE11);
    const page = await ctx.newPage();
    await page.goto(`${ADDIN_URL}taskpane.html`);
    const box = page.locator('#legacy-webview');
    await box.waitFor();
    await expect(box.textContent()).resolves.toContain('此 Excel 无法显示预算公开助手');
    await expect(page.locator('#legacy-webview input').inputValue()).resolves.toBe(WEB_URL);
    // The bundle, which does run in Chromium, sees the flag and leaves the message in place.
    await page.locator('#root[data-state="legacy"]').waitFor({ timeout: 60_000 });
    await expect(page.locator('#root [role="tablist"]').count()).resolves.toBe(0);
    await expect(page.locator('#legacy-webview').count()).resolves.toBe(1);
    await page.screenshot({ path: join(SHOTS, 'addin-legacy-webview.jpg'), type: 'jpeg', quality: 60 });
    expect(foreign(requests)).toEqual([]);
    await ctx.close();
  });

  test('the browser page the message points to is served too, offline', async () => {
    const { ctx, requests, failed } = await context();
    const page = await ctx.newPage();
    await page.goto(ORIGIN + '/');
    expect(page.url()).toBe(WEB_URL);
    await page.getByRole('button', { name: '载入示例' }).waitFor({ timeout: 60_000 });
    expect(foreign(requests)).toEqual([]);
    expect(failed).toEqual([]);
    await ctx.close();
  });
});
