/* Webpack config of the Excel add-in (task pane + command file), plus the browser page's config
 * when it exists, so `npm run build` builds both. Exports a function returning an ARRAY of
 * configs: webpack-cli passes (env, argv) and both halves see the same mode.
 *
 * `npm run build -- --env addinUrl=https://budget.example.gov.cn/addin/` builds for that address:
 * dist/addin/manifest.xml then points every URL there (scripts/addin-manifest.ts) and is checked
 * offline after the build (scripts/check-manifest.ts); without it the build is for the
 * developer's https://localhost:3000/. `--env webUrl=…` places the browser page elsewhere than
 * next to the add-in; `--env outDir=…` builds into another folder than dist (tests).
 */
const fs = require('fs');
const { typescriptRule } = require('./webpack.shared');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
// The manifest code is TypeScript shared with `npm run validate`; tsx loads it here.
const tsx = require('tsx/cjs/api');
const { addinAddress, DEV_ORIGIN, manifestFor, manifestVersion } = tsx.require(
  './scripts/addin-manifest.ts',
  __filename,
);
const { checkBuiltManifest } = tsx.require('./scripts/check-manifest.ts', __filename);

const DEV_PORT = 3000;
const OFFICE_JS = path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist');
const MANIFEST = path.resolve(__dirname, 'manifest.xml');
const LEGACY_SCRIPT = path.resolve(__dirname, 'src/taskpane/legacyWebview.es5.js');

/** Writes manifest.xml for the build's address next to the pane, and checks it once it is on disk. */
class AddinManifestPlugin {
  constructor(address) {
    this.address = address;
  }

  apply(compiler) {
    const name = 'AddinManifestPlugin';
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(MANIFEST);
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const version = manifestVersion(require('./package.json').version);
        const xml = manifestFor(fs.readFileSync(MANIFEST, 'utf8'), { addinUrl: this.address.addinUrl, version });
        compilation.emitAsset('manifest.xml', new webpack.sources.RawSource(xml));
      });
    });
    compiler.hooks.afterEmit.tap(name, (compilation) => {
      const file = path.join(compilation.outputOptions.path, 'manifest.xml');
      if (!fs.existsSync(file)) return; // the dev server keeps its output in memory
      for (const problem of checkBuiltManifest(file)) compilation.errors.push(new Error(`manifest.xml：${problem}`));
    });
  }
}

/** https with the office-addin-dev-certs certificates when present (Office requires https for
 * sideloading), plain http otherwise so the build and a browser preview still work. */
function devServerProtocol() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  const ca = path.join(dir, 'ca.crt');
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return {
      type: 'https',
      options: {
        cert: fs.readFileSync(cert),
        key: fs.readFileSync(key),
        ca: fs.existsSync(ca) ? fs.readFileSync(ca) : undefined,
      },
    };
  }
  return 'http';
}

function addinConfig(env = {}, argv = {}) {
  const mode = argv.mode || env.mode || 'production';
  const address = addinAddress(env.addinUrl || DEV_ORIGIN, env.webUrl);
  const outDir = path.resolve(__dirname, env.outDir || 'dist');
  return {
    name: 'addin',
    mode,
    target: 'web',
    entry: {
      taskpane: path.resolve(__dirname, 'src/excel/taskpane.tsx'),
      // The pane over sample data, for layout review without Excel (development builds only).
      ...(mode === 'production' ? {} : { preview: path.resolve(__dirname, 'src/taskpane/preview.tsx') }),
    },
    output: {
      path: path.join(outDir, 'addin'),
      filename: '[name].[contenthash:8].js',
      clean: true,
      // Relative: the pane works at whatever path the bureau serves it from (…/addin/).
      publicPath: '',
    },
    devtool: mode === 'production' ? false : 'cheap-module-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
    module: {
      rules: [typescriptRule(mode)],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: path.resolve(__dirname, 'src/taskpane/taskpane.html'),
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        inject: 'body',
        templateParameters: {
          webUrl: address.webUrl,
          legacyScript: fs.readFileSync(LEGACY_SCRIPT, 'utf8'),
        },
      }),
      ...(mode === 'production'
        ? []
        : [
            new HtmlWebpackPlugin({
              template: path.resolve(__dirname, 'src/taskpane/preview.html'),
              filename: 'preview.html',
              chunks: ['preview'],
              inject: 'body',
            }),
          ]),
      new HtmlWebpackPlugin({
        template: path.resolve(__dirname, 'src/taskpane/commands.html'),
        filename: 'commands.html',
        chunks: [],
        inject: false,
      }),
      new HtmlWebpackPlugin({
        template: path.resolve(__dirname, 'src/taskpane/help.html'),
        filename: 'help.html',
        chunks: [],
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          // office.js from the package, not a CDN. Marked minimized so the production build does
          // not run terser over ~80 MB of locale files; debug builds and typings are left out.
          {
            from: OFFICE_JS,
            to: 'office',
            info: { minimized: true },
            globOptions: { ignore: ['**/*.debug.js', '**/*.d.ts', '**/*vsdoc*'] },
          },
          { from: path.resolve(__dirname, 'assets/icon-*.png'), to: 'assets/[name][ext]' },
        ],
      }),
      new AddinManifestPlugin(address),
    ],
    devServer: {
      port: DEV_PORT,
      server: devServerProtocol(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

module.exports = (env = {}, argv = {}) => {
  const configs = [addinConfig(env, argv)];
  const web = path.resolve(__dirname, 'webpack.web.config.js');
  if (fs.existsSync(web)) {
    const webConfig = require(web);
    configs.push(typeof webConfig === 'function' ? webConfig(env, argv) : webConfig);
  }
  return configs;
};
