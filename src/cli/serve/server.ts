import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { join, resolve } from 'node:path';
import { buildMounts, siteHandler, type Mount } from './site';

/**
 * An https server for the add-in and the browser page, plain node, for a bureau without a web
 * server. Either a packaged `site/` folder (served as is; `deployment.json` next to it says which
 * addresses it was built for) or a build's dist/addin + dist/web (mounted at their addresses' paths).
 */
export interface ServeOptions {
  cert?: string;
  key?: string;
  /** A PKCS#12 file (.pfx/.p12), as Windows certificate authorities hand them out. */
  pfx?: string;
  passphrase?: string;
  port: number;
  /** Address to listen on (default: all). */
  host?: string;
  /** A packaged site folder. */
  root?: string;
  addin?: string;
  web?: string;
}

export interface Deployment {
  addinUrl: string;
  webUrl?: string;
  version?: string;
}

export interface RunningServer {
  server: Server;
  port: number;
  mounts: Mount[];
  deployment: Deployment;
  close(): Promise<void>;
}

function readFile(file: string, what: string): Buffer {
  if (!existsSync(file)) throw new Error(`找不到${what}“${file}”`);
  return readFileSync(file);
}

function tlsOptions(o: ServeOptions): { cert?: Buffer; key?: Buffer; pfx?: Buffer; passphrase?: string } {
  if (o.pfx) return { pfx: readFile(o.pfx, '证书文件（pfx）'), passphrase: o.passphrase };
  if (!o.cert || !o.key) throw new Error('需要证书：--cert 证书.crt --key 私钥.key（PEM 格式），或 --pfx 证书.pfx');
  return { cert: readFile(o.cert, '证书文件'), key: readFile(o.key, '私钥文件'), passphrase: o.passphrase };
}

/** What to serve: a packaged site, or a build's two folders. */
export function siteOf(o: ServeOptions): { mounts: Mount[]; deployment: Deployment } {
  if (o.root) {
    const root = resolve(o.root);
    if (!existsSync(root)) throw new Error(`找不到网站目录“${root}”`);
    const info = join(root, '..', 'deployment.json');
    const deployment: Deployment = existsSync(info)
      ? (JSON.parse(readFileSync(info, 'utf8')) as Deployment)
      : { addinUrl: '' };
    return { mounts: [{ urlPath: '/', dir: root }], deployment };
  }
  const built = buildMounts(resolve(o.addin ?? 'dist/addin'), resolve(o.web ?? 'dist/web'));
  return { mounts: built.mounts, deployment: { addinUrl: built.addinUrl, webUrl: built.webUrl } };
}

export async function startAddinServer(o: ServeOptions): Promise<RunningServer> {
  const { mounts, deployment } = siteOf(o);
  let server: Server;
  try {
    server = createServer(
      tlsOptions(o),
      siteHandler({ mounts, home: deployment.webUrl ? new URL(deployment.webUrl).pathname : undefined }),
    );
  } catch (e) {
    throw new Error(
      `证书无法使用（证书与私钥不配对、格式不是 PEM，或 pfx 密码不对）：${e instanceof Error ? e.message : String(e)}`,
      {
        cause: e,
      },
    );
  }
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE')
        fail(new Error(`端口 ${o.port} 已被占用：请关闭占用它的程序（如 IIS）或用 --port 换一个端口`));
      else if (e.code === 'EACCES')
        fail(new Error(`没有权限使用端口 ${o.port}：请以管理员身份运行，或用 --port 换一个大于 1024 的端口`));
      else fail(e);
    });
    server.listen(o.port, o.host, () => ok());
  });
  const a = server.address();
  const port = typeof a === 'object' && a ? a.port : o.port;
  return {
    server,
    port,
    mounts,
    deployment,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
