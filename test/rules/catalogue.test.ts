import { RULE_SPECS } from '../../src/core/rules/catalogue';

describe('rule catalogue', () => {
  test('every rule id names one rule', () => {
    const seen = new Map<string, number>();
    for (const r of RULE_SPECS) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
    const dup = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    expect(dup).toEqual([]);
  });
});
