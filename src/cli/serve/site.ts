import { createReadStream, existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/**
 * The static files of a deployment, served with plain node: the add-in (dist/addin) and the
 * browser page (dist/web) at the paths their addresses name, or a packaged `site/` folder as is.
 * Content types are explicit (Office's webviews and Chromium refuse scripts served as anything
 * but JavaScript when `nosniff` is set); bundles whose names carry a content hash are cached for a
 * year, everything else (html, manifest.xml, office.js, icons) is revalidated on every load, so a
 * new version reaches the clerks the next time the pane opens.
 */
export interface Mount {
  /** URL path, starting and ending with '/'. */
  urlPath: string;
  dir: string;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `taskpane.1a2b3c4d.js`: webpack's `[name].[contenthash:8]` names change whenever the content does. */
const HASHED = /\.[0-9a-f]{8}\.(js|css)$/;

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';

export function cacheControl(file: string): string {
  return HASHED.test(file) ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
}

function etagOf(st: Stats): string {
  return `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
}

/** The file a URL path names under the mounts, or undefined (never outside a mount's folder). */
export function resolveFile(mounts: readonly Mount[], urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  // The longest mount first: /addin/ before /.
  for (const m of [...mounts].sort((a, b) => b.urlPath.length - a.urlPath.length)) {
    if (!path.startsWith(m.urlPath)) continue;
    const rest = path.slice(m.urlPath.length);
    const base = normalize(m.dir);
    const file = normalize(join(base, rest.endsWith('/') || rest === '' ? rest + 'index.html' : rest));
    if (file !== base && !file.startsWith(base.endsWith(sep) ? base : base + sep)) return undefined;
    if (existsSync(file) && statSync(file).isFile()) return file;
    return undefined;
  }
  return undefined;
}

export interface SiteOptions {
  mounts: Mount[];
  /** Where `/` sends a visitor (the browser page), if not mounted itself. */
  home?: string;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function siteHandler(opts: SiteOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end('只支持 GET');
      return;
    }
    const urlPath = (req.url ?? '/').split(/[?#]/)[0] || '/';
    const file = resolveFile(opts.mounts, urlPath);
    if (!file) {
      if (urlPath === '/' && opts.home) {
        res.writeHead(302, { location: opts.home, 'cache-control': CACHE_REVALIDATE, ...SECURITY_HEADERS });
        res.end();
        return;
      }
      // A folder without its slash: /addin → /addin/
      if (!urlPath.endsWith('/') && resolveFile(opts.mounts, urlPath + '/')) {
        res.writeHead(301, { location: urlPath + '/', ...SECURITY_HEADERS });
        res.end();
        return;
      }
      res.writeHead(404, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': CACHE_REVALIDATE,
        ...SECURITY_HEADERS,
      });
      res.end('未找到该文件');
      return;
    }
    const st = statSync(file);
    const etag = etagOf(st);
    const headers = {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': cacheControl(file),
      etag,
      'last-modified': st.mtime.toUTCString(),
      ...SECURITY_HEADERS,
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': String(st.size) });
    if (method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
}

/**
 * The mounts of a build: the add-in at the path its manifest's SourceLocation names, the browser
 * page at the path written into taskpane.html (both set by `npm run build -- --env addinUrl=…`).
 */
export function buildMounts(addinDir: string, webDir?: string): { mounts: Mount[]; addinUrl: string; webUrl?: string } {
  const manifest = join(addinDir, 'manifest.xml');
  if (!existsSync(manifest)) {
    throw new Error(
      `${addinDir} 中没有 manifest.xml：请先运行 npm run build -- --env addinUrl=https://服务器地址/addin/`,
    );
  }
  const source = /<SourceLocation\s+DefaultValue="([^"]+)"/.exec(readFileSync(manifest, 'utf8'))?.[1];
  if (!source) throw new Error(`${manifest} 中没有 SourceLocation`);
  const addinUrl = new URL('./', source).href;
  const mounts: Mount[] = [{ urlPath: new URL(addinUrl).pathname, dir: addinDir }];
  let webUrl: string | undefined;
  const taskpane = join(addinDir, 'taskpane.html');
  const meta = existsSync(taskpane)
    ? /<meta name="?budget-disclosure-web"? content="?([^"\s>]+)"?/.exec(readFileSync(taskpane, 'utf8'))?.[1]
    : undefined;
  if (webDir && meta && existsSync(join(webDir, 'index.html'))) {
    webUrl = meta;
    const webPath = new URL(meta).pathname;
    if (!mounts.some((m) => m.urlPath === webPath)) mounts.push({ urlPath: webPath, dir: webDir });
  }
  return { mounts, addinUrl, webUrl };
}
