import { checkForms } from '../../src/core/forms/rules';
import { CodeTable } from '../../src/core/reference';
import { rowsOf, scenarios } from './scenarios';

/**
 * Issue 11: every F rule fires on the change it is about — once, at the cell a clerk must look at,
 * at its severity, and nothing else fires — and stays silent where its precondition says so.
 */
const codes = new CodeTable([]);

describe.each(scenarios().map((s) => [s.name, s] as const))('%s', (_name, s) => {
  it(s.expect.length ? `gives exactly ${s.expect.map((e) => `${e[0]} ${e[1]}`).join(', ')}` : 'gives nothing', () => {
    expect(rowsOf(checkForms({ disclosure: s.disclosure, workbook: s.workbook, codes }))).toEqual(s.expect);
  });
});
