/* Webpack config of the WPS 表格 加载项 (src/wps → dist/wps): one folder WPS can load as it is —
 * ribbon.xml (the 预算公开助手 button), index.html + main.js (the ribbon callbacks), taskpane.html
 * (the shared pane over the ET object model), the icon — and jsplugins.xml, the list file that
 * oem.ini's JSPluginsServer points at (docs/deploy-wps.md).
 *
 *   npm run package:wps -- --env wpsUrl=http://intranet.example/wps/budgetdisclosure/
 *
 * `wpsUrl` is the address the folder will be served from (or a file:/// path on one PC); it is
 * written into jsplugins.xml. */
const path = require('path');
const { typescriptRule } = require('./webpack.shared');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { version } = require('./package.json');

const ADDIN_NAME = 'budgetdisclosure';
const DEFAULT_URL = 'http://127.0.0.1:3889/budgetdisclosure/';

function escapeXml(s) {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The jsplugins.xml of WPS's "jsplugins.xml mode": one online entry for the ET (表格) application. */
function jsplugins(url) {
  const base = url.endsWith('/') ? url : `${url}/`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<jsplugins>\n' +
    `  <jspluginonline name="${ADDIN_NAME}" type="et" url="${escapeXml(base)}" version="${version}" />\n` +
    '</jsplugins>\n'
  );
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const wpsUrl = env.wpsUrl || DEFAULT_URL;
  return {
    name: 'wps',
    mode,
    target: 'web',
    entry: { 'wps-taskpane': path.resolve(__dirname, 'src/wps/taskpane.tsx') },
    output: {
      path: path.resolve(__dirname, 'dist/wps'),
      filename: '[name].[contenthash:8].js',
      clean: true,
      // Relative: the folder works wherever it is served from, or straight from disk.
      publicPath: './',
    },
    devtool: mode === 'production' ? false : 'cheap-module-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
    module: { rules: [typescriptRule(mode)] },
    plugins: [
      new HtmlWebpackPlugin({
        template: path.resolve(__dirname, 'src/wps/taskpane.html'),
        filename: 'taskpane.html',
        chunks: ['wps-taskpane'],
        inject: 'body',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: path.resolve(__dirname, 'src/wps/addin/ribbon.xml'), to: 'ribbon.xml' },
          { from: path.resolve(__dirname, 'src/wps/addin/index.html'), to: 'index.html' },
          // Kept readable (not minified): it is what an IT person opens when the button does nothing.
          { from: path.resolve(__dirname, 'src/wps/addin/main.js'), to: 'main.js', info: { minimized: true } },
          { from: path.resolve(__dirname, 'assets/icon-32.png'), to: 'images/icon-32.png' },
          {
            from: path.resolve(__dirname, 'src/wps/addin/ribbon.xml'),
            to: 'jsplugins.xml',
            transform: () => jsplugins(wpsUrl),
          },
        ],
      }),
    ],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};

module.exports.jsplugins = jsplugins;
module.exports.ADDIN_NAME = ADDIN_NAME;
