// The tests Stryker runs against each mutant (stryker.conf.js): the engine's own tests. Hosts,
// LibreOffice, Chromium, CLI processes, the 2000-case fuzz and the seed variants (all slow, and
// covering every line, so each mutant would run them) stay out; `npm test` runs them.
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  // src among the roots so that jest's --findRelatedTests (Stryker's dry run) can follow imports
  // from a mutated source file to its tests; src holds no tests.
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testPathIgnorePatterns: [
    '/node_modules/',
    '/test/(fuzz|libreoffice|e2e|excel|taskpane|xlsx|manifest|lint|cli)/',
    '/cli\\.test\\.ts$',
    '/test/rules/variants\\.test\\.ts$',
  ],
};
