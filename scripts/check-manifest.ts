import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Offline checks of manifest.xml (the online validator needs the network): well-formed XML,
 * GUID id, Excel workbook host, ReadWriteDocument only, https sources, icon files present with
 * the declared pixel size, every resid resolving, an ExcelApi requirement declared; for a built
 * manifest also that every URL is under the address it was built for and names a file of the build.
 * Run: `npm run validate` (the repository's manifest) or `npm run validate -- dist/addin/manifest.xml`.
 * test/manifest runs the same checks.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlError extends Error {}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

function decode(s: string, at: number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '&') {
      if (s[i] === '<') throw new XmlError(`位置 ${at + i}：属性或文本中出现未转义的 <`);
      out += s[i];
      continue;
    }
    ENTITY.lastIndex = i;
    const m = ENTITY.exec(s);
    if (!m) throw new XmlError(`位置 ${at + i}：无效的实体引用`);
    const e = m[1];
    out +=
      e === 'amp'
        ? '&'
        : e === 'lt'
          ? '<'
          : e === 'gt'
            ? '>'
            : e === 'quot'
              ? '"'
              : e === 'apos'
                ? "'"
                : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    i += m[0].length - 1;
  }
  return out;
}

function isNameChar(ch: string): boolean {
  return /[A-Za-z0-9_.:-]/.test(ch);
}

/** A strict little XML parser: enough to prove well-formedness and to walk the manifest. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const fail = (msg: string): never => {
    throw new XmlError(`XML 格式错误（位置 ${i}）：${msg}`);
  };
  const readName = (): string => {
    const start = i;
    while (i < xml.length && isNameChar(xml[i])) i++;
    if (i === start) fail('缺少名称');
    return xml.slice(start, i);
  };
  const skipWs = (): void => {
    while (i < xml.length && /\s/.test(xml[i])) i++;
  };
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  while (i < xml.length) {
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) fail('处理指令未结束');
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) fail('注释未结束');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end < 0 || stack.length === 0) fail('CDATA 位置错误');
      stack[stack.length - 1].text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      fail('不支持 DOCTYPE');
    } else if (xml.startsWith('</', i)) {
      i += 2;
      const name = readName();
      skipWs();
      if (xml[i] !== '>') fail(`结束标签 ${name} 未闭合`);
      i++;
      const open = stack.pop();
      if (!open || open.name !== name) fail(`结束标签 </${name}> 与开始标签 <${open?.name ?? ''}> 不匹配`);
    } else if (xml[i] === '<') {
      i++;
      const el: XmlElement = { name: readName(), attrs: {}, children: [], text: '' };
      for (;;) {
        const before = i;
        skipWs();
        if (xml.startsWith('/>', i) || xml[i] === '>') break;
        if (i === before) fail(`元素 ${el.name} 的属性之间缺少空白`);
        const an = readName();
        skipWs();
        if (xml[i] !== '=') fail(`属性 ${an} 缺少 =`);
        i++;
        skipWs();
        const q = xml[i];
        if (q !== '"' && q !== "'") fail(`属性 ${an} 的值缺少引号`);
        const end = xml.indexOf(q, i + 1);
        if (end < 0) fail(`属性 ${an} 的值未结束`);
        if (an in el.attrs) fail(`属性 ${an} 重复`);
        el.attrs[an] = decode(xml.slice(i + 1, end), i + 1);
        i = end + 1;
      }
      if (stack.length) stack[stack.length - 1].children.push(el);
      else if (root) fail('只能有一个根元素');
      else root = el;
      if (xml[i] === '>') {
        stack.push(el);
        i++;
      } else i += 2;
    } else {
      const next = xml.indexOf('<', i);
      const end = next < 0 ? xml.length : next;
      const text = xml.slice(i, end);
      if (stack.length === 0) {
        if (text.trim()) fail('根元素之外出现文本');
      } else stack[stack.length - 1].text += decode(text, i);
      i = end;
    }
  }
  if (stack.length) fail(`元素 <${stack[stack.length - 1].name}> 未闭合`);
  if (!root) fail('没有根元素');
  return root as XmlElement;
}

function localName(n: string): string {
  return n.slice(n.indexOf(':') + 1);
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => localName(c.name) === name);
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DEV_ORIGIN = 'https://localhost:3000/';

function pngSize(file: string): { w: number; h: number } | undefined {
  const b = readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

export interface CheckOptions {
  /** The address every URL must be under (default: the developer's https://localhost:3000/). */
  base?: string;
  /** Every URL under `base` must name a file under `rootDir` (a built dist/addin). */
  files?: boolean;
}

export function checkManifest(xml: string, rootDir: string, opts: CheckOptions = {}): string[] {
  const base = opts.base ?? DEV_ORIGIN;
  const problems: string[] = [];
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  }
  if (localName(root.name) !== 'OfficeApp') problems.push('根元素必须是 OfficeApp');
  if (root.attrs['xsi:type'] !== 'TaskPaneApp') problems.push('OfficeApp 的 xsi:type 必须是 TaskPaneApp');
  const id = child(root, 'Id')?.text.trim() ?? '';
  if (!GUID.test(id)) problems.push(`Id “${id}” 不是 GUID`);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(child(root, 'Version')?.text.trim() ?? '')) problems.push('Version 必须是 n.n.n.n');
  const hosts = child(root, 'Hosts')?.children.map((h) => h.attrs.Name) ?? [];
  if (hosts.length !== 1 || hosts[0] !== 'Workbook')
    problems.push(`Hosts 必须只有 Workbook，实际为 ${hosts.join(',') || '空'}`);
  const perm = child(root, 'Permissions')?.text.trim();
  if (perm !== 'ReadWriteDocument') problems.push(`Permissions 必须是 ReadWriteDocument，实际为 ${perm ?? '空'}`);
  const sets = child(child(root, 'Requirements'), 'Sets');
  const excelSet = sets?.children.find((s) => s.attrs.Name === 'ExcelApi');
  if (!excelSet || !/^1\.\d+$/.test(excelSet.attrs.MinVersion ?? ''))
    problems.push('Requirements 中缺少 ExcelApi 及其 MinVersion');
  const source = child(child(root, 'DefaultSettings'), 'SourceLocation')?.attrs.DefaultValue;
  if (!source) problems.push('缺少 DefaultSettings/SourceLocation');

  const ids = new Map<string, XmlElement>();
  const resources = [...walk(root)].find((e) => localName(e.name) === 'Resources');
  for (const e of resources ? walk(resources) : []) {
    const rid = e.attrs.id;
    if (!rid) continue;
    if (ids.has(rid)) problems.push(`资源 id “${rid}” 重复`);
    ids.set(rid, e);
  }
  for (const e of walk(root)) {
    const resid = e.attrs.resid;
    if (resid !== undefined && !ids.has(resid)) problems.push(`resid “${resid}”（${localName(e.name)}）没有对应的资源`);
    for (const [k, v] of Object.entries(e.attrs)) {
      if (k !== 'xmlns' && !k.startsWith('xmlns:') && /^https?:/i.test(v) && !v.startsWith('https://'))
        problems.push(`${localName(e.name)} 的 ${k} 必须使用 https：${v}`);
    }
    if (localName(e.name) === 'AppDomain' && !e.text.trim().startsWith('https://'))
      problems.push(`AppDomain 必须使用 https：${e.text.trim()}`);
    if (localName(e.name) === 'Image' && e.attrs.size && e.attrs.resid) {
      const img = ids.get(e.attrs.resid);
      const m = /Icon\.(\d+)x\d+/.exec(e.attrs.resid);
      if (img && m && m[1] !== e.attrs.size) problems.push(`图标 ${e.attrs.resid} 被用作 ${e.attrs.size} 像素`);
    }
  }
  const baseOrigin = new URL(base).origin;
  for (const e of walk(root)) {
    const urls = Object.entries(e.attrs)
      .filter(([k, v]) => k !== 'xmlns' && !k.startsWith('xmlns:') && /^[a-z]+:\/\//i.test(v))
      .map(([, v]) => v);
    for (const url of urls) {
      if (!url.startsWith(base)) problems.push(`${localName(e.name)} 的地址 ${url} 不在 ${base} 下`);
      else if (opts.files && !existsSync(join(rootDir, decodeURI(url.slice(base.length).split(/[?#]/)[0]))))
        problems.push(`${localName(e.name)} 的地址 ${url} 在构建目录中没有对应的文件`);
    }
    if (localName(e.name) === 'AppDomain' && e.text.trim().replace(/\/$/, '') !== baseOrigin)
      problems.push(`AppDomain ${e.text.trim()} 应为 ${baseOrigin}`);
  }
  const iconUrls: { url: string; size?: number }[] = [];
  for (const name of ['IconUrl', 'HighResolutionIconUrl']) {
    const url = child(root, name)?.attrs.DefaultValue;
    if (!url) problems.push(`缺少 ${name}`);
    else iconUrls.push({ url, size: name === 'IconUrl' ? 32 : 64 });
  }
  for (const [rid, e] of ids) {
    if (localName(e.name) === 'Image') {
      const m = /(\d+)x\d+/.exec(rid);
      iconUrls.push({ url: e.attrs.DefaultValue ?? '', size: m ? Number(m[1]) : undefined });
    }
  }
  for (const { url, size } of iconUrls) {
    if (!url.startsWith(base)) continue; // reported above
    const file = join(rootDir, url.slice(base.length));
    if (!existsSync(file)) {
      problems.push(`图标文件不存在：${file}`);
      continue;
    }
    const dim = pngSize(file);
    if (!dim) problems.push(`图标文件不是 PNG：${file}`);
    else if (size !== undefined && (dim.w !== size || dim.h !== size))
      problems.push(`图标 ${file} 应为 ${size}×${size}，实际为 ${dim.w}×${dim.h}`);
  }
  return problems;
}

/** A built manifest is checked against its own folder and the address its SourceLocation names. */
export function checkBuiltManifest(file: string): string[] {
  const xml = readFileSync(file, 'utf8');
  let source: string | undefined;
  try {
    source = child(child(parseXml(xml), 'DefaultSettings'), 'SourceLocation')?.attrs.DefaultValue;
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  }
  if (!source) return ['缺少 DefaultSettings/SourceLocation'];
  return checkManifest(xml, dirname(file), { base: new URL('./', source).href, files: true });
}

if (require.main === module) {
  const rootDir = resolve(__dirname, '..');
  const file = resolve(process.argv[2] ?? join(rootDir, 'manifest.xml'));
  const problems =
    file === join(rootDir, 'manifest.xml')
      ? checkManifest(readFileSync(file, 'utf8'), rootDir)
      : checkBuiltManifest(file);
  if (problems.length) {
    for (const p of problems) process.stderr.write(`✗ ${p}\n`);
    process.exit(1);
  }
  process.stdout.write(`✓ ${file} 通过离线检查\n`);
}
