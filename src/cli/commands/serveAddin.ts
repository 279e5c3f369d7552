import { Command, InvalidArgumentError } from 'commander';
import { startAddinServer, type RunningServer, type ServeOptions } from '../serve/server';

/**
 * `budget-disclosure serve-addin --cert C --key K [--port 443]`: serves the add-in and the browser
 * page over https from plain node (docs/deploy.md). `--make-cert DIR --name HOST` makes the
 * certificates for a bureau without a certificate authority of its own.
 * The release package carries the same command as `node server/serve-addin.js`.
 */
interface Flags {
  cert?: string;
  key?: string;
  pfx?: string;
  passphrase?: string;
  port: number;
  host?: string;
  root?: string;
  addin?: string;
  web?: string;
  makeCert?: string;
  name: string[];
  days?: number;
}

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('端口应是 0–65535 之间的整数');
  return n;
}

function days(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('天数应是整数');
  return n;
}

function collect(v: string, list: string[]): string[] {
  return [...list, ...v.split(/[,，]/)];
}

export interface ServeAddinDefaults {
  /** A packaged site folder served when neither --root nor --addin is given. */
  root?: string;
  /** Where the lines for the IT person go. */
  print?: (line: string) => void;
  /** Called once the server listens (tests). */
  onListening?: (s: RunningServer) => void;
}

export async function runServeAddin(
  flags: Flags,
  defaults: ServeAddinDefaults = {},
): Promise<RunningServer | undefined> {
  const print = defaults.print ?? ((l: string) => process.stdout.write(l + '\n'));
  if (flags.makeCert) {
    // Loaded only here: the certificate library (@peculiar/x509) would cost every command ~0.3 s at startup.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { writeCertificates } = require('../serve/cert') as typeof import('../serve/cert');
    const files = await writeCertificates(flags.makeCert, { names: flags.name, days: flags.days });
    print(`已生成证书（${flags.name.join('、')}）：`);
    print(`  ${files.caCert}  ← 本单位根证书：导入每台电脑的“受信任的根证书颁发机构”`);
    print(`  ${files.caKey}  ← 根证书私钥：妥善保管，续期时用，不要分发`);
    print(`  ${files.cert} 和 ${files.key}  ← 服务器证书与私钥：启动时用 --cert 和 --key 指定`);
    return undefined;
  }
  const options: ServeOptions = {
    cert: flags.cert,
    key: flags.key,
    pfx: flags.pfx,
    passphrase: flags.passphrase,
    port: flags.port,
    host: flags.host,
    root: flags.root ?? (flags.addin || flags.web ? undefined : defaults.root),
    addin: flags.addin,
    web: flags.web,
  };
  const s = await startAddinServer(options);
  const d = s.deployment;
  print(`预算公开助手服务器已启动（端口 ${s.port}），按 Ctrl+C 停止。`);
  if (d.addinUrl) {
    print(`  加载项：${d.addinUrl}taskpane.html`);
    const expected = new URL(d.addinUrl).port || '443';
    if (flags.port !== 0 && String(s.port) !== expected)
      print(`  注意：清单中的地址用的是 ${expected} 端口，服务器却在 ${s.port} 端口，Excel 将无法打开加载项。`);
  }
  if (d.webUrl) print(`  网页版：${d.webUrl}`);
  defaults.onListening?.(s);
  return s;
}

/** Options and action of the command, on `cmd` (the CLI's subcommand, or the packaged script). */
export function serveAddinCommand(cmd: Command, defaults: ServeAddinDefaults = {}): Command {
  return cmd
    .description('用 https 提供加载项和网页版（没有网站服务器的单位用）；--make-cert 生成证书')
    .option('--cert <file>', '服务器证书（PEM，可含中间证书）')
    .option('--key <file>', '服务器证书的私钥（PEM）')
    .option('--pfx <file>', '服务器证书（PKCS#12 .pfx/.p12，代替 --cert/--key）')
    .option('--passphrase <text>', '私钥或 pfx 的密码')
    .option('--port <n>', '端口', port, 443)
    .option('--host <address>', '监听的地址（默认所有网卡）')
    .option('--root <dir>', '发布包中的 site 目录')
    .option('--addin <dir>', '加载项目录（默认 dist/addin）')
    .option('--web <dir>', '网页版目录（默认 dist/web）')
    .option('--make-cert <dir>', '在该目录生成本单位根证书和服务器证书，然后退出')
    .option('--name <host>', '证书上的服务器名称或 IP（可重复，或用逗号分隔）', collect, [])
    .option('--days <n>', '服务器证书有效天数（默认 825）', days)
    .action(async (flags: Flags) => {
      await runServeAddin(flags, defaults);
    });
}

export function register(program: Command): void {
  serveAddinCommand(program.command('serve-addin'));
}
