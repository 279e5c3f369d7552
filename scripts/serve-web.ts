import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * Serves dist/web on 127.0.0.1 with node's http module only, for the end-to-end tests and for
 * trying the page locally (`npx tsx scripts/serve-web.ts [port]`). Binds to loopback so the page
 * is never exposed on the network.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export function serveDir(root: string, port = 0): Promise<{ server: Server; url: string }> {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = normalize(join(base, path.endsWith('/') ? path + 'index.html' : path));
    if (!(file === base || file.startsWith(base + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('未找到');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const a = server.address();
      const p = typeof a === 'object' && a ? a.port : port;
      ok({ server, url: `http://127.0.0.1:${p}/` });
    });
  });
}

if (require.main === module) {
  const root = resolve(__dirname, '..', 'dist', 'web');
  if (!existsSync(join(root, 'index.html'))) {
    process.stderr.write('dist/web 不存在：请先运行 npx webpack --config webpack.web.config.js\n');
    process.exit(1);
  }
  const port = Number(process.argv[2] ?? 8090);
  serveDir(root, port)
    .then(({ url }) => process.stdout.write(`预算公开助手网页版：${url}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`无法启动服务器：${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
}
