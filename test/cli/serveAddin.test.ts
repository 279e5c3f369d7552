import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { get } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../../src/cli/main';
import { runServeAddin } from '../../src/cli/commands/serveAddin';
import { writeCertificates, type CertFiles } from '../../src/cli/serve/cert';
import { startAddinServer, type RunningServer } from '../../src/cli/serve/server';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, resolveFile } from '../../src/cli/serve/site';

/**
 * serve-addin over a small fake build (a manifest for https://budget.test/addin/, a hashed bundle,
 * the browser page), with certificates made by --make-cert: the https chain and names verify
 * against the bureau's own CA, and every response has the content type and cache header the
 * deployment relies on.
 */
const dir = mkdtempSync(join(tmpdir(), 'bd-serve-'));
const addin = join(dir, 'addin');
const web = join(dir, 'web');
let certs: CertFiles;
let running: RunningServer;

beforeAll(async () => {
  mkdirSync(join(addin, 'assets'), { recursive: true });
  mkdirSync(web, { recursive: true });
  writeFileSync(
    join(addin, 'manifest.xml'),
    '<?xml version="1.0"?>\n<OfficeApp><DefaultSettings>\n  <SourceLocation DefaultValue="https://budget.test/addin/taskpane.html"/>\n</DefaultSettings></OfficeApp>\n',
  );
  writeFileSync(
    join(addin, 'taskpane.html'),
    '<!doctype html><meta name=budget-disclosure-web content=https://budget.test/web/><div id=root></div>',
  );
  writeFileSync(join(addin, 'taskpane.0123abcd.js'), 'console.log(1)');
  writeFileSync(join(addin, 'assets', 'icon-16.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>网页版</title>');
  writeFileSync(join(dir, 'secret.txt'), '不应被读到');
  certs = await writeCertificates(join(dir, 'certs'), { names: ['budget.test', '127.0.0.1'] });
  running = await startAddinServer({ cert: certs.cert, key: certs.key, port: 0, host: '127.0.0.1', addin, web });
}, 60_000);

afterAll(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request as a PC that trusts budget-ca.crt makes it, to `host` (resolved to this server). */
function fetch(path: string, opts: { host?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const host = opts.host ?? 'budget.test';
  return new Promise((ok, fail) => {
    const req = get(
      {
        host,
        port: running.port,
        path,
        headers: opts.headers,
        ca: readFileSync(certs.caCert),
        servername: host,
        lookup: (_h, _o, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', fail);
  });
}

describe('serve-addin', () => {
  test('the chain and the name verify against the bureau’s own CA; a name not on the certificate does not', async () => {
    expect((await fetch('/addin/taskpane.html')).status).toBe(200);
    await expect(fetch('/addin/taskpane.html', { host: 'other.test' })).rejects.toMatchObject({
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
  });

  test('content types and cache headers: hashed bundles immutable, html and manifest revalidated', async () => {
    const page = await fetch('/addin/taskpane.html');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe(CACHE_REVALIDATE);
    const bundle = await fetch('/addin/taskpane.0123abcd.js');
    expect(bundle.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(bundle.headers['cache-control']).toBe(CACHE_IMMUTABLE);
    const manifest = await fetch('/addin/manifest.xml');
    expect(manifest.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(manifest.headers['cache-control']).toBe(CACHE_REVALIDATE);
    expect((await fetch('/addin/assets/icon-16.png')).headers['content-type']).toBe('image/png');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  test('a revalidation of an unchanged file is a 304', async () => {
    const first = await fetch('/addin/taskpane.html');
    const again = await fetch('/addin/taskpane.html', { headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  test('the browser page is at the path the build wrote into the pane; / leads there', async () => {
    const page = await fetch('/web/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('网页版');
    const home = await fetch('/');
    expect(home.status).toBe(302);
    expect(home.headers.location).toBe('/web/');
    expect(running.deployment).toEqual({ addinUrl: 'https://budget.test/addin/', webUrl: 'https://budget.test/web/' });
  });

  test('nothing outside the served folders can be reached', async () => {
    for (const p of [
      '/addin/../secret.txt',
      '/addin/%2e%2e/secret.txt',
      '/addin/..%2fsecret.txt',
      '/secret.txt',
      '/addin/%00',
    ])
      expect((await fetch(p)).status).toBe(404);
    expect(resolveFile([{ urlPath: '/addin/', dir: addin }], '/addin/..%2F..%2Fetc%2Fpasswd')).toBeUndefined();
  });

  test('mistakes are Chinese sentences: missing files, a key that does not match, a port in use', async () => {
    await expect(
      startAddinServer({ cert: join(dir, 'nope.crt'), key: certs.key, port: 0, addin, web }),
    ).rejects.toThrow(/找不到证书文件/);
    await expect(startAddinServer({ cert: certs.caCert, key: certs.key, port: 0, addin, web })).rejects.toThrow(
      /证书无法使用/,
    );
    await expect(startAddinServer({ port: 0, addin, web })).rejects.toThrow(/需要证书/);
    await expect(
      startAddinServer({ cert: certs.cert, key: certs.key, port: running.port, host: '127.0.0.1', addin, web }),
    ).rejects.toThrow(new RegExp(`端口 ${running.port} 已被占用`));
    await expect(startAddinServer({ cert: certs.cert, key: certs.key, port: 0, addin: dir })).rejects.toThrow(
      /没有 manifest\.xml/,
    );
  });

  test('--make-cert never overwrites certificates in use', async () => {
    await expect(writeCertificates(join(dir, 'certs'), { names: ['budget.test'] })).rejects.toThrow(/已存在/);
    await expect(writeCertificates(join(dir, 'x'), { names: ['not a host'] })).rejects.toThrow(/不是有效的主机名/);
  });

  test('the command prints where the add-in and the page are, and warns of a port the manifest does not use', async () => {
    const lines: string[] = [];
    const free = await new Promise<number>((ok) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => ok(p));
      });
    });
    const s = await runServeAddin(
      { cert: certs.cert, key: certs.key, port: free, host: '127.0.0.1', addin, web, name: [] },
      { print: (l) => lines.push(l) },
    );
    await s?.close();
    expect(lines.join('\n')).toContain('加载项：https://budget.test/addin/taskpane.html');
    expect(lines.join('\n')).toContain('网页版：https://budget.test/web/');
    expect(lines.join('\n')).toContain(`清单中的地址用的是 443 端口，服务器却在 ${free} 端口`);
  });

  test('is a command of budget-disclosure', () => {
    expect(buildProgram().commands.map((c) => c.name())).toContain('serve-addin');
  });
});
