import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addinAddress,
  DEV_ORIGIN,
  manifestFor,
  manifestUrls,
  manifestVersion,
  serializeXml,
} from '../../scripts/addin-manifest';
import { checkManifest, parseXml, type XmlElement } from '../../scripts/check-manifest';

/**
 * The production manifest is the repository's manifest.xml moved to the bureau's address as an
 * XML tree (no text editing). The build test (test/e2e/addinPackage.test.ts) checks the built file;
 * these check the transformation itself.
 */
const ROOT = join(__dirname, '..', '..');
const TEMPLATE = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const ADDIN = 'https://budget.example.gov.cn/addin/';

/** The tree without the whitespace between elements. */
function shape(el: XmlElement): unknown {
  return {
    name: el.name,
    attrs: el.attrs,
    text: el.children.length ? '' : el.text,
    children: el.children.map(shape),
  };
}

describe('addinAddress', () => {
  test('adds the trailing slash and puts the browser page next to the add-in', () => {
    expect(addinAddress('https://budget.example.gov.cn/addin')).toEqual({
      addinUrl: ADDIN,
      webUrl: 'https://budget.example.gov.cn/web/',
    });
    expect(addinAddress('https://10.1.2.3:8443/').webUrl).toBe('https://10.1.2.3:8443/web/');
    expect(addinAddress(ADDIN, 'https://other.example/page').webUrl).toBe('https://other.example/page/');
  });

  test('refuses what Office could not load, with a Chinese reason', () => {
    expect(() => addinAddress('http://budget.example.gov.cn/addin/')).toThrow(/必须以 https:\/\/ 开头/);
    expect(() => addinAddress('budget.example.gov.cn/addin/')).toThrow(/不是有效的网址/);
    expect(() => addinAddress('https://budget.example.gov.cn/addin/?v=1')).toThrow(/查询参数/);
    expect(() => addinAddress(ADDIN, ADDIN)).toThrow(/不能与加载项地址相同/);
  });
});

describe('manifestVersion', () => {
  test('package.json a.b.c → a.b.c.0; anything else is refused', () => {
    expect(manifestVersion('0.1.0')).toBe('0.1.0.0');
    expect(manifestVersion('12.3.45')).toBe('12.3.45.0');
    expect(() => manifestVersion('1.2.0-beta.1')).toThrow(/a\.b\.c/);
  });
});

describe('manifestFor', () => {
  const out = manifestFor(TEMPLATE, { addinUrl: ADDIN, version: '2.3.4.0' });
  const tree = parseXml(out);

  test('every URL points at the address; AppDomain is its origin; nothing of localhost is left', () => {
    const urls = manifestUrls(tree);
    expect(urls.length).toBe(manifestUrls(parseXml(TEMPLATE)).length);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const u of urls) expect(u === 'https://budget.example.gov.cn' || u.startsWith(ADDIN)).toBe(true);
    expect(out).not.toMatch(/localhost/i);
    expect(out).toContain('<SourceLocation DefaultValue="https://budget.example.gov.cn/addin/taskpane.html"/>');
    expect(out).toContain(
      '<bt:Url id="Commands.Url" DefaultValue="https://budget.example.gov.cn/addin/commands.html"/>',
    );
    expect(out).toContain('<AppDomain>https://budget.example.gov.cn</AppDomain>');
  });

  test('the version is set; everything else is the template, element for element', () => {
    expect(tree.children.find((c) => c.name === 'Version')?.text).toBe('2.3.4.0');
    const back = (s: string) =>
      s.split(ADDIN).join(DEV_ORIGIN).replace('https://budget.example.gov.cn<', 'https://localhost:3000<');
    const restored = parseXml(back(out).replace('<Version>2.3.4.0</Version>', '<Version>0.1.0.0</Version>'));
    expect(shape(restored)).toEqual(shape(parseXml(TEMPLATE)));
  });

  test('passes the offline checks for its address (icons found by their path)', () => {
    expect(checkManifest(out, ROOT, { base: ADDIN })).toEqual([]);
    // …and the same checks fail it for the developer's address: they do look at the URLs.
    expect(checkManifest(out, ROOT).join('\n')).toContain(`不在 ${DEV_ORIGIN} 下`);
  });

  test('special characters survive the round trip as XML, not as text surgery', () => {
    const tricky = TEMPLATE.replace(
      '预算公开助手已加载',
      '预算 & 决算 "公开" <助手>'
        .replace('&', '&amp;')
        .replace(/"/g, '&quot;')
        .replace('<', '&lt;')
        .replace('>', '&gt;'),
    );
    const moved = manifestFor(tricky, { addinUrl: ADDIN, version: '1.0.0.0' });
    const title = [...moved.matchAll(/id="GetStarted\.Title" DefaultValue="([^"]*)"/g)][0]?.[1];
    expect(title).toBe('预算 &amp; 决算 &quot;公开&quot; &lt;助手&gt;');
    expect(serializeXml(parseXml(moved))).toBe(moved);
  });

  test('a version that is not n.n.n.n is refused', () => {
    expect(() => manifestFor(TEMPLATE, { addinUrl: ADDIN, version: '1.0' })).toThrow(/n\.n\.n\.n/);
  });
});
