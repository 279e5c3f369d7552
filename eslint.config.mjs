// Layering is enforced here, not only described in docs/architecture.md:
// src/core is pure (no UI, no file formats, no host, no Node built-ins), and each host
// (src/excel, src/web, src/wps, src/cli) talks to the others only through core and the pane.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const HOSTS = ['excel', 'web', 'wps', 'cli'];

/** Import patterns that resolve into another top-level folder of src, from any depth. */
function folder(name) {
  return [`**/${name}`, `**/${name}/**`, `../${name}/**`];
}

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'http',
  'https',
  'url',
  'zlib',
  'stream',
  'util',
  'buffer',
];

const coreRestrictions = {
  paths: [
    { name: 'react', message: 'src/core 是纯引擎：界面代码放在 src/taskpane 或各宿主里。' },
    { name: 'react-dom', message: 'src/core 是纯引擎：界面代码放在 src/taskpane 或各宿主里。' },
    { name: 'exceljs', message: 'src/core 不读写文件：xlsx 读写放在 src/xlsx。' },
    { name: '@e965/xlsx', message: 'src/core 不读写文件：xlsx 读写放在 src/xlsx。' },
    { name: '@microsoft/office-js', message: 'Office.js 只能在 src/excel 中使用。' },
  ],
  patterns: [
    { group: NODE_BUILTINS, message: 'src/core 不做文件或系统 I/O：由 CLI 或宿主传入数据。' },
    { group: ['@fluentui/*'], message: 'src/core 是纯引擎：界面代码放在 src/taskpane。' },
    { group: ['office-js', '@types/office-js'], message: 'Office.js 只能在 src/excel 中使用。' },
    { group: [...HOSTS, 'xlsx', 'taskpane'].flatMap(folder), message: 'src/core 不能依赖宿主、界面或文件读写层。' },
  ],
};

/** Each host may use core, the pane and (except the pane) the file layer, never another host. */
function hostRestrictions(self) {
  return {
    patterns: [
      {
        group: HOSTS.filter((h) => h !== self).flatMap(folder),
        message: `宿主之间互不引用：${self} 只通过 src/core 与 src/taskpane 共享代码。`,
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'out/**',
      'test-output/**',
      'reports/**',
      '.stryker-tmp/**',
      'assets/**',
      '**/*.js',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': 'off',
      // Prettier wraps code at 120; this catches what it cannot wrap. Long Chinese messages are
      // strings and stay whole so they can be searched for.
      'max-len': [
        'error',
        { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', coreRestrictions] } },
  ...HOSTS.map((h) => ({
    files: [`src/${h}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', hostRestrictions(h)] },
  })),
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'exceljs', message: '任务窗格只通过 WorkbookAdapter 访问工作簿。' }],
          patterns: [
            {
              group: [...HOSTS, 'xlsx'].flatMap(folder),
              message: '任务窗格只通过 WorkbookAdapter 访问工作簿，不引用任何宿主。',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
);
