/**
 * htmlparser2 (the .xlsx reader's XML tokenizer) and the packages it imports are published as ES
 * modules only; Jest runs CommonJS, so they are compiled like our own sources
 * (https://jestjs.io/docs/configuration#transformignorepatterns-arraystring).
 */
const ESM_PACKAGES = ['htmlparser2', 'domhandler', 'domutils', 'dom-serializer', 'domelementtype', 'entities'];
const ESM_PACKAGE_FILE = `/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`;

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node10',
          jsx: 'react-jsx',
          esModuleInterop: true,
          resolveJsonModule: true,
          isolatedModules: true,
          ignoreDeprecations: '6.0',
          strict: true,
          skipLibCheck: true,
          target: 'ES2022',
          types: ['node', 'jest', 'office-js'],
        },
      },
    ],
    [ESM_PACKAGE_FILE]: [
      'ts-jest',
      {
        tsconfig: {
          allowJs: true,
          module: 'commonjs',
          target: 'ES2022',
          isolatedModules: true,
          ignoreDeprecations: '6.0',
        },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js',
  },
  testTimeout: 120000,
};
