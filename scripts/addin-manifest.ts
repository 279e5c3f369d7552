import { parseXml, XmlError, type XmlElement } from './check-manifest';

/**
 * The manifest of a production build: the repository's manifest.xml (written for the developer's
 * https://localhost:3000/) with every URL moved to the address the add-in is served from and
 * <Version> taken from package.json. The XML is parsed, changed as a tree and written back, the
 * way the Office add-in template rewrites its urlDev to urlProd, so nothing edits it as text.
 */
export const DEV_ORIGIN = 'https://localhost:3000/';

export interface AddinAddress {
  /** Where taskpane.html, office.js, icons and manifest.xml are served, ending in '/'. */
  addinUrl: string;
  /** Where the browser page (dist/web) is served, ending in '/'. */
  webUrl: string;
}

function normalise(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`${what}“${raw}”不是有效的网址，应形如 https://budget.example.gov.cn/addin/`);
  }
  // Office loads add-ins only over https (office-js-docs-pr, docs/includes/https-guidance.md).
  if (url.protocol !== 'https:') throw new Error(`${what}必须以 https:// 开头（Office 只从 https 加载加载项）：${raw}`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`${what}不能带查询参数、#片段或用户名密码：${raw}`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * The add-in's address and the browser page's: by default the page sits next to the add-in
 * (`https://host/addin/` → `https://host/web/`; `https://host/` → `https://host/web/`).
 */
export function addinAddress(addinUrl: string, webUrl?: string): AddinAddress {
  const addin = normalise(addinUrl, '加载项地址');
  const web = webUrl ? normalise(webUrl, '网页版地址') : new URL(addin.pathname === '/' ? 'web/' : '../web/', addin);
  if (web.href === addin.href) throw new Error('网页版地址不能与加载项地址相同');
  return { addinUrl: addin.href, webUrl: web.href };
}

/** package.json's semver `a.b.c` → the manifest's `a.b.c.0`. */
export function manifestVersion(packageVersion: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(packageVersion.trim());
  if (!m) throw new Error(`package.json 的版本号“${packageVersion}”不是 a.b.c 形式，无法写入清单的 <Version>`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

function localName(n: string): string {
  return n.slice(n.indexOf(':') + 1);
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** Every URL in the manifest: attribute values and AppDomain texts. */
export function manifestUrls(root: XmlElement): string[] {
  const out: string[] = [];
  for (const e of walk(root)) {
    for (const [k, v] of Object.entries(e.attrs)) {
      if (k !== 'xmlns' && !k.startsWith('xmlns:') && /^[a-z]+:\/\//i.test(v)) out.push(v);
    }
    if (localName(e.name) === 'AppDomain') out.push(e.text.trim());
  }
  return out;
}

export interface ManifestOptions {
  addinUrl: string;
  /** n.n.n.n */
  version: string;
}

/** The repository manifest moved to `addinUrl`, with `version`. */
export function manifestFor(templateXml: string, opts: ManifestOptions): string {
  const { addinUrl } = addinAddress(opts.addinUrl);
  const origin = new URL(addinUrl).origin;
  const devOrigin = new URL(DEV_ORIGIN).origin;
  const root = parseXml(templateXml);
  for (const e of walk(root)) {
    for (const [k, v] of Object.entries(e.attrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      if (v.startsWith(DEV_ORIGIN)) e.attrs[k] = addinUrl + v.slice(DEV_ORIGIN.length);
    }
    if (localName(e.name) === 'AppDomain' && e.text.trim().replace(/\/$/, '') === devOrigin) e.text = origin;
    if (localName(e.name) === 'Version' && e === root.children.find((c) => localName(c.name) === 'Version'))
      e.text = opts.version;
  }
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(opts.version)) throw new Error(`清单版本号“${opts.version}”必须是 n.n.n.n`);
  const stray = manifestUrls(root).filter((u) => !u.startsWith(addinUrl) && u !== origin);
  if (stray.length > 0) throw new Error(`清单中还有不在 ${addinUrl} 下的地址：${stray.join('，')}`);
  return serializeXml(root);
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/**
 * Writes a parsed tree back as XML: attributes in their order, elements with children indented by
 * two spaces, text-only elements on one line. Mixed content (text beside child elements) does not
 * occur in manifests and is refused rather than guessed at.
 */
export function serializeXml(root: XmlElement): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const write = (el: XmlElement, indent: string): void => {
    const attrs = Object.entries(el.attrs)
      .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
      .join('');
    if (el.children.length === 0) {
      lines.push(
        el.text === ''
          ? `${indent}<${el.name}${attrs}/>`
          : `${indent}<${el.name}${attrs}>${escapeText(el.text)}</${el.name}>`,
      );
      return;
    }
    if (el.text.trim() !== '') throw new XmlError(`元素 <${el.name}> 既有文字又有子元素，无法改写`);
    lines.push(`${indent}<${el.name}${attrs}>`);
    for (const c of el.children) write(c, indent + '  ');
    lines.push(`${indent}</${el.name}>`);
  };
  write(root, '');
  return lines.join('\n') + '\n';
}
