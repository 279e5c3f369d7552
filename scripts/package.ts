import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import JSZip from 'jszip';
import webpack, { type Configuration } from 'webpack';
import { addinAddress } from './addin-manifest';

/**
 * The release package for one address: `npm run package -- --env addinUrl=https://…/addin/`
 * builds the add-in and the browser page for it and writes dist/budget-disclosure-<version>.zip:
 *
 *   budget-disclosure-<version>/
 *     manifest.xml          the manifest for that address (goes into the shared catalog folder)
 *     deploy.md             the install guide (docs/deploy.md)
 *     deployment.json       the addresses it was built for
 *     site/…                the files, laid out as their URL paths (site/addin/, site/web/)
 *     server/serve-addin.js the https server for a bureau without one (`node server/serve-addin.js`)
 */
const ROOT = resolve(__dirname, '..');

export interface PackageOptions {
  addinUrl: string;
  webUrl?: string;
  /** Where the build and the zip go (default: dist). */
  outDir?: string;
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface PackageResult {
  zip: string;
  /** Folder name inside the zip. */
  top: string;
  addinUrl: string;
  webUrl: string;
  files: number;
}

function runWebpack(configs: Configuration | Configuration[]): Promise<void> {
  return new Promise((ok, fail) => {
    webpack(configs as Configuration[], (err, stats) => {
      if (err) return fail(err);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      ok();
    });
  });
}

/** The CLI's serve-addin command as one file that needs nothing but Node.js. */
function serverConfig(outDir: string): Configuration {
  const { typescriptRule } = require('../webpack.shared') as { typescriptRule: (mode: string) => object };
  return {
    name: 'server',
    mode: 'production',
    target: 'node18',
    entry: join(ROOT, 'src/cli/serve/standalone.ts'),
    output: { path: join(outDir, 'server'), filename: 'serve-addin.js', clean: true },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: { rules: [typescriptRule('production') as never] },
    // Readable on the server: an IT person may want to see what it runs.
    optimization: { minimize: false },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

function* filesUnder(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(p);
    else if (e.isFile()) yield p;
  }
}

export async function buildPackage(opts: PackageOptions): Promise<PackageResult> {
  const log = opts.log ?? (() => undefined);
  const { addinUrl, webUrl } = addinAddress(opts.addinUrl, opts.webUrl);
  const outDir = resolve(opts.outDir ?? join(ROOT, 'dist'));
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  log(`正在构建加载项（${addinUrl}）和网页版（${webUrl}）…`);
  const makeConfigs = require('../webpack.config.js') as (env: object, argv: object) => Configuration[];
  await runWebpack(makeConfigs({ addinUrl, webUrl, outDir }, { mode: 'production' }));
  log('正在打包服务器脚本…');
  await runWebpack(serverConfig(outDir));

  const top = `budget-disclosure-${version}`;
  const zip = new JSZip();
  const folder = zip.folder(top) as JSZip;
  let files = 0;
  const add = (path: string, file: string): void => {
    folder.file(path, readFileSync(file), { date: statSync(file).mtime, binary: true });
    files++;
  };
  const sitePath = (url: string): string => 'site' + decodeURI(new URL(url).pathname);
  for (const [dir, url] of [
    [join(outDir, 'addin'), addinUrl],
    [join(outDir, 'web'), webUrl],
  ]) {
    for (const f of filesUnder(dir)) add(sitePath(url) + relative(dir, f).split('\\').join('/'), f);
  }
  add('manifest.xml', join(outDir, 'addin', 'manifest.xml'));
  add('deploy.md', join(ROOT, 'docs', 'deploy.md'));
  add('server/serve-addin.js', join(outDir, 'server', 'serve-addin.js'));
  folder.file('deployment.json', JSON.stringify({ addinUrl, webUrl, version }, null, 2) + '\n');
  files++;

  const zipFile = join(outDir, `${top}.zip`);
  log(`正在写入 ${zipFile}…`);
  await new Promise<void>((ok, fail) => {
    zip
      .generateNodeStream({
        type: 'nodebuffer',
        streamFiles: true,
        compression: 'DEFLATE',
        compressionOptions: { level: 6 },
      })
      .pipe(createWriteStream(zipFile))
      .on('finish', () => ok())
      .on('error', fail);
  });
  return { zip: zipFile, top, addinUrl, webUrl, files };
}

/** `--env addinUrl=…` and `--env webUrl=…` as webpack-cli spells them (also `--env=addinUrl=…`). */
export function parseEnvArgs(argv: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    let pair: string | undefined;
    if (argv[i] === '--env') pair = argv[++i];
    else if (argv[i].startsWith('--env=')) pair = argv[i].slice('--env='.length);
    if (!pair) continue;
    const eq = pair.indexOf('=');
    if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return env;
}

if (require.main === module) {
  const env = parseEnvArgs(process.argv.slice(2));
  if (!env.addinUrl) {
    process.stderr.write(
      '用法：npm run package -- --env addinUrl=https://服务器地址/addin/ [--env webUrl=https://服务器地址/web/]\n',
    );
    process.exit(2);
  }
  buildPackage({
    addinUrl: env.addinUrl,
    webUrl: env.webUrl,
    outDir: env.outDir,
    log: (l) => process.stdout.write(l + '\n'),
  })
    .then((r) => {
      process.stdout.write(
        `✓ ${r.zip}（${r.files} 个文件）\n  加载项：${r.addinUrl}taskpane.html\n  网页版：${r.webUrl}\n`,
      );
      if (!existsSync(r.zip)) process.exit(1);
    })
    .catch((e: unknown) => {
      process.stderr.write(`打包失败：${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
}
