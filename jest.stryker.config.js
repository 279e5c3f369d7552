// The tests Stryker runs against each mutant (stryker.conf.js): the engine's own unit and rule
// tests. Hosts (Excel, WPS, the page; some run in jsdom, which reports no coverage to Stryker),
// LibreOffice, Chromium, CLI processes, .xlsx files, the fuzz, the seed variants and the other
// whole-workbook suites stay out: each covers nearly every line, so every mutant would run it
// (seconds each, thousands of mutants on a shared 2-core machine); `npm test` runs them.
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  // src among the roots so that jest's --findRelatedTests (Stryker's dry run) can follow imports
  // from a mutated source file to its tests; src holds no tests.
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testPathIgnorePatterns: [
    '/node_modules/',
    '/test/(fuzz|libreoffice|e2e|excel|taskpane|xlsx|manifest|lint|cli|wps|hosts|web)/',
    '/cli\\.test\\.ts$',
    '/test/rules/(variants|catalogueFindings|templates|unseenDepartments|yuanTables)\\.test\\.ts$',
    '/test/locate/(seeds|readXlsx)\\.test\\.ts$',
    '/test/templates/',
  ],
};
