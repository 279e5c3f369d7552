import { parse } from 'acorn';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { JSDOM } from 'jsdom';
import webpack from 'webpack';

/**
 * `npm run package:wps` writes a folder WPS can load as it is. This builds it (development mode,
 * into a temporary folder, with an intranet address) and checks what WPS reads: ribbon.xml's
 * button and callbacks, main.js (ES5, the callbacks defined, the pane opened at taskpane.html),
 * the pane page and its bundle, and jsplugins.xml for oem.ini's JSPluginsServer.
 */
const configFor = require('../../webpack.wps.config.js') as (
  env: Record<string, string>,
  argv: Record<string, string>,
) => webpack.Configuration;

const URL_BASE = 'http://192.168.1.10/wps/budgetdisclosure';
let out: string;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'wps-package-'));
  const config = configFor({ wpsUrl: URL_BASE }, { mode: 'development' });
  config.output = { ...config.output, path: out };
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  expect(stats.hasErrors()).toBe(false);
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const read = (f: string): string => readFileSync(path.join(out, f), 'utf8');

function xml(f: string): Document {
  const doc = new new JSDOM('').window.DOMParser().parseFromString(read(f), 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

/** Top-level function declarations of main.js, read as ES5 (what any WPS Chromium runs). */
function mainFunctions(): Set<string> {
  const ast = parse(read('main.js'), { ecmaVersion: 5, sourceType: 'script' }) as unknown as {
    body: { type: string; id?: { name: string } }[];
  };
  return new Set(ast.body.filter((n) => n.type === 'FunctionDeclaration').map((n) => n.id!.name));
}

test('the folder holds what WPS loads', () => {
  for (const f of ['ribbon.xml', 'index.html', 'main.js', 'taskpane.html', 'images/icon-32.png', 'jsplugins.xml'])
    expect(existsSync(path.join(out, f))).toBe(true);
  expect(read('index.html')).toMatch(/<script src="main\.js"><\/script>/);
});

test('ribbon.xml: a 预算公开助手 button whose callbacks main.js defines', () => {
  const doc = xml('ribbon.xml');
  // The WPS publish page rejects a ribbon.xml that starts with an XML declaration.
  expect(read('ribbon.xml').startsWith('<customUI')).toBe(true);
  const functions = mainFunctions();
  const root = doc.documentElement;
  expect(root.getAttribute('xmlns')).toBe('http://schemas.microsoft.com/office/2006/01/customui');
  expect(functions.has(root.getAttribute('onLoad')!)).toBe(true);
  const buttons = [...doc.getElementsByTagName('button')].filter((b) => b.getAttribute('label') === '预算公开助手');
  expect(buttons).toHaveLength(1);
  for (const attr of ['onAction', 'getImage']) expect(functions.has(buttons[0].getAttribute(attr)!)).toBe(true);
});

test('main.js opens the pane at taskpane.html next to it, once, and reuses it', () => {
  const created: { url: string; title: string; pane: Record<string, unknown> }[] = [];
  const storage = new Map<string, unknown>();
  const wps = {
    PluginStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: unknown) => storage.set(k, v),
    },
    CreateTaskPane(url: string, title: string) {
      const pane = { ID: created.length + 7, Visible: false };
      created.push({ url, title, pane });
      return pane;
    },
    GetTaskPane: (id: number) => created.find((c) => c.pane.ID === id)?.pane,
  };
  const sandbox: Record<string, unknown> = { wps, document: { location: { href: 'http://x/addin/index.html' } } };
  runInNewContext(read('main.js'), sandbox);
  const call = (name: string, ...args: unknown[]): unknown => (sandbox[name] as (...a: unknown[]) => unknown)(...args);
  expect(call('OnAddinLoad', {})).toBe(true);
  expect(existsSync(path.join(out, call('GetImage', {}) as string))).toBe(true);
  call('OnOpenPane', {});
  call('OnOpenPane', {});
  expect(created).toHaveLength(1);
  expect(created[0].url).toBe('http://x/addin/taskpane.html');
  expect(created[0].title).toBe('预算公开助手');
  expect(created[0].pane.Visible).toBe(true);
});

test('the pane page loads its bundle from the folder, and nothing from anywhere else', () => {
  const html = read('taskpane.html');
  const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]);
  expect(scripts).toHaveLength(1);
  expect(existsSync(path.join(out, scripts[0]))).toBe(true);
  expect(html).not.toMatch(/office\.js|https?:\/\//);
});

test('jsplugins.xml lists the 表格 加载项 at the address it was built for', () => {
  const entries = [...xml('jsplugins.xml').getElementsByTagName('jspluginonline')];
  expect(entries).toHaveLength(1);
  expect(entries[0].getAttribute('name')).toBe('budgetdisclosure');
  expect(entries[0].getAttribute('type')).toBe('et');
  expect(entries[0].getAttribute('url')).toBe(`${URL_BASE}/`);
});
