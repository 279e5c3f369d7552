/* Webpack config of the Excel add-in (task pane + command file), plus the browser page's config
 * when it exists, so `npm run build` builds both. Exports a function returning an ARRAY of
 * configs: webpack-cli passes (env, argv) and both halves see the same mode. */
const fs = require('fs');
const { typescriptRule } = require('./webpack.shared');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_PORT = 3000;
const OFFICE_JS = path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist');

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
      path: path.resolve(__dirname, 'dist/addin'),
      filename: '[name].[contenthash:8].js',
      clean: true,
      publicPath: '/',
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
