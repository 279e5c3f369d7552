/* Webpack config of the offline browser page (src/web → dist/web). Exported on its own so the
 * excel engineer's webpack.config.js can include it in its array and `npm run build` builds both. */
const path = require('path');
const { typescriptRule } = require('./webpack.shared');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  return {
    name: 'web',
    mode,
    target: 'web',
    entry: { web: path.resolve(__dirname, 'src/web/index.tsx') },
    output: {
      path: path.resolve(__dirname, env.outDir || 'dist', 'web'),
      filename: '[name].[contenthash:8].js',
      clean: true,
      // Everything is served from the page's own origin: no CDN, no font host.
      publicPath: './',
    },
    devtool: mode === 'production' ? false : 'cheap-module-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.json'],
      // exceljs ships a self-contained browser build (it brings its own zip/stream shims), which
      // keeps node-only modules out of the bundle.
      alias: { exceljs$: path.resolve(__dirname, 'node_modules/exceljs/dist/exceljs.min.js') },
      // Explicit: a node-only import reaching the browser bundle must fail loudly or be a no-op
      // we chose, never a silent polyfill.
      fallback: {
        fs: false,
        'fs/promises': false,
        path: false,
        os: false,
        crypto: false,
        stream: false,
        zlib: false,
        util: false,
        child_process: false,
        http: false,
        https: false,
        url: false,
        buffer: require.resolve('buffer/'),
      },
    },
    module: {
      // The prebuilt exceljs bundle needs no parsing; skipping it saves most of the build time.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
      rules: [typescriptRule(mode)],
    },
    plugins: [
      // Shared modules import node built-ins as `node:fs/promises`; map the scheme onto the
      // explicit fallbacks above (fs → empty module: the page never reads paths).
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
      // Some shared modules read process.env.NODE_ENV or process.platform; give them constants.
      new webpack.DefinePlugin({ 'process.platform': JSON.stringify('browser') }),
      new HtmlWebpackPlugin({
        template: path.resolve(__dirname, 'src/web/index.html'),
        filename: 'index.html',
        inject: 'body',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: path.resolve(__dirname, 'assets/example/*.xlsx'), to: 'example/[name][ext]', noErrorOnMissing: true },
        ],
      }),
    ],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};
