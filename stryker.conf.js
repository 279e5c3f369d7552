// Mutation testing of the rule families (StrykerJS, jest runner, TypeScript checker). Not part of
// `npm test` or CI: `npm run mutation` mutates src/core/rules, src/core/forms and
// src/core/narrative; `npm run mutation -- --mutate src/core/rules/cross.ts` one file. Reports land
// in reports/mutation/ (gitignored). Options: https://stryker-mutator.io/docs/stryker-js/configuration/
// and the jest runner's https://stryker-mutator.io/docs/stryker-js/jest-runner/
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
module.exports = {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.stryker.config.js' },
  // Type errors a mutant introduces are CompileErrors, not survivors; src/core compiles alone.
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.core.json',
  coverageAnalysis: 'perTest',
  // A static mutant changes module-level data (vocabularies, word lists, catalogues) that every
  // test reads at load time, so each would run the whole test set: hours on this machine. They
  // are left out of the score; the data is covered by the seed, variant and unseen-disclosure
  // suites of `npm test`. (https://stryker-mutator.io/docs/stryker-js/configuration/#ignorestatic-boolean)
  ignoreStatic: true,
  concurrency: 2,
  mutate: ['src/core/rules/**/*.ts', 'src/core/forms/**/*.ts', 'src/core/narrative/**/*.ts', '!src/core/**/*.d.ts'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['out', 'dist', 'test-output', 'reports', 'coverage'],
  cleanTempDir: true,
};
