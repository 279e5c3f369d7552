import { parse } from 'acorn';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

/**
 * The first script on the pane's page must run where the pane cannot: Internet Explorer 11
 * (Trident) and Edge Legacy (EdgeHTML) webviews of older Office on Windows. So it must be ES5 and
 * use no API those engines lack, and it must replace the blank pane with the Chinese message when
 * the user agent names such an engine, and stay silent otherwise.
 */
const ROOT = join(__dirname, '..', '..');
const SCRIPT = readFileSync(join(ROOT, 'src/taskpane/legacyWebview.es5.js'), 'utf8');
const TEMPLATE = readFileSync(join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
const WEB = 'https://budget.example.gov.cn/web/';

// User agents as Office's webviews send them (the Office docs' detection keys on Trident / Edge).
const UA = {
  trident: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16)',
  ie7compat: 'Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; WOW64; Trident/7.0; ms-office)',
  edgeHtml:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041',
  webView2:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
};

/** The page as the build makes it: the template with the script and the page address filled in. */
function page(): string {
  return TEMPLATE.replace('<%= webUrl %>', WEB).replace('<%= legacyScript %>', SCRIPT);
}

/** Resolves once the document has been parsed and its DOMContentLoaded handlers have run. */
function loaded(dom: JSDOM): Promise<JSDOM> {
  return new Promise((ok) => {
    if (dom.window.document.readyState === 'complete') ok(dom);
    else dom.window.addEventListener('load', () => ok(dom));
  });
}

/** Runs the page in a window with `ua` and, optionally, without the ES2015+ built-ins IE11 lacks. */
function load(ua: string, es5Only = false): Promise<JSDOM> {
  const dom = new JSDOM(page(), {
    runScripts: 'dangerously',
    beforeParse(window) {
      Object.defineProperty(window.navigator, 'userAgent', { value: ua });
      // office.js is not there; the script under test must not need it.
      if (es5Only) {
        const w = window as unknown as Record<string, unknown> & typeof window;
        for (const name of ['Promise', 'Map', 'Set', 'WeakMap', 'Symbol', 'Proxy', 'Reflect', 'fetch']) delete w[name];
        const g = w as unknown as { Array: ArrayConstructor; String: StringConstructor; Object: ObjectConstructor };
        delete (g.Array as unknown as Record<string, unknown>).from;
        delete (g.Array.prototype as unknown as Record<string, unknown>).includes;
        delete (g.Array.prototype as unknown as Record<string, unknown>).find;
        delete (g.String.prototype as unknown as Record<string, unknown>).includes;
        delete (g.String.prototype as unknown as Record<string, unknown>).startsWith;
        delete (g.Object as unknown as Record<string, unknown>).assign;
      }
    },
  });
  return loaded(dom);
}

describe('legacyWebview.es5.js', () => {
  test('parses as ECMAScript 5 (acorn, ecmaVersion 5)', () => {
    expect(() => parse(SCRIPT, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    // …and a modern construct would not: the check is real.
    expect(() => parse(SCRIPT + '\nconst x = () => 1;', { ecmaVersion: 5 })).toThrow();
  });

  test('runs first on the pane’s page: before office.js and before the bundle', () => {
    const head = TEMPLATE.slice(0, TEMPLATE.indexOf('</head>'));
    const scripts = [...head.matchAll(/<script[^>]*>/g)].map((m) => m.index ?? -1);
    expect(head.indexOf('<%= legacyScript %>')).toBeGreaterThan(scripts[0]);
    expect(head.indexOf('<%= legacyScript %>')).toBeLessThan(head.indexOf('office/office.js'));
    expect(TEMPLATE).toContain('<meta http-equiv="X-UA-Compatible" content="IE=edge" />');
  });

  test.each([
    ['Internet Explorer 11 (Trident)', UA.trident, 'Internet Explorer'],
    ['IE 7 compatibility mode', UA.ie7compat, 'Internet Explorer'],
    ['Edge Legacy (EdgeHTML)', UA.edgeHtml, 'EdgeHTML'],
  ])('%s: the pane says, in Chinese, what the clerk can do instead', async (_, ua, engine) => {
    const dom = await load(ua, true);
    const doc = dom.window.document;
    const box = doc.getElementById('legacy-webview');
    expect(box).not.toBeNull();
    const text = box?.textContent ?? '';
    expect(text).toContain('此 Excel 无法显示预算公开助手');
    expect(text).toContain(engine);
    expect(text).toContain('网页版');
    expect(text).toMatch(/Office 2021.*Microsoft 365/);
    expect(text).toContain('WebView2');
    expect(doc.querySelector<HTMLInputElement>('#legacy-webview input')?.value).toBe(WEB);
    // The loading text is gone, and the bundle is told to stay out of the way.
    expect(doc.getElementById('root')?.textContent).not.toContain('正在加载');
    expect((dom.window as unknown as { budgetDisclosureLegacy?: string }).budgetDisclosureLegacy).toBeTruthy();
  });

  test('a WebView2 (Chromium Edge) pane is left alone', async () => {
    const dom = await load(UA.webView2);
    expect(dom.window.document.getElementById('legacy-webview')).toBeNull();
    expect(dom.window.document.getElementById('root')?.textContent).toBe('正在加载…');
    expect((dom.window as unknown as { budgetDisclosureLegacy?: string }).budgetDisclosureLegacy).toBeUndefined();
  });

  test('without the page address it still shows the advice', async () => {
    const dom = new JSDOM('<!doctype html><html><head></head><body><div id="root">正在加载…</div></body></html>', {
      runScripts: 'outside-only',
      beforeParse(window) {
        Object.defineProperty(window.navigator, 'userAgent', { value: UA.trident });
      },
    });
    dom.window.eval(SCRIPT);
    await loaded(dom);
    expect(dom.window.document.getElementById('legacy-webview')?.textContent).toContain('网页版');
    expect(dom.window.document.querySelector('#legacy-webview input')).toBeNull();
  });
});
