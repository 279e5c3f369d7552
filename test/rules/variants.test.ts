import { analyzeWorkbook } from '../../src/core/check';
import { locateTables } from '../../src/core/locate';
import type { Workbook } from '../../src/core/model/grid';
import { catalogueViolations, crashMarkers } from './support/catalogueCheck';
import { distinct, EXPECTED, ours } from './support/seedExpectations';
import { SURFACE_NAMES, variantWorkbook } from './support/variants';

/**
 * The seeds under other surfaces (support/variants.ts): the same real errors and 尾差, no new 错误;
 * with the seeds' errors repaired, no 错误 at all. Warnings: the seed's own, plus FI4 where the
 * amounts are text; information: the seed's X20 hints.
 */
const REPAIRED_WARNINGS: Record<string, string[]> = {
  '000': [], // 租房补贴 → 提租补贴: no longer a non-standard name
  '001': EXPECTED['001'].warnings,
  '003': [],
};

/** Rows located per table: what a surface must not change (表12 grouping adds its subtotals). */
function rowCounts(wb: Workbook): Record<string, number> {
  return Object.fromEntries(Object.entries(locateTables(wb).tables).map(([id, t]) => [id, t!.rows.length]));
}

describe.each(['000', '001', '003'] as const)('seed %s', (seed) => {
  const published = rowCounts(variantWorkbook(seed, SURFACE_NAMES[0], false));

  describe.each(SURFACE_NAMES)('%s', (surface) => {
    it('changes the surface, not the rows read', () => {
      const wb = variantWorkbook(seed, surface, false);
      // The seeds print numbers, except 000 (its amounts ≥ 1000 are text): numbers change 000 only.
      const same =
        [SURFACE_NAMES[0], SURFACE_NAMES[1]].includes(surface) || (surface === 'amounts as numbers' && seed !== '000');
      if (!same) expect(JSON.stringify(wb)).not.toBe(JSON.stringify(variantWorkbook(seed, SURFACE_NAMES[0], false)));
      const counts = rowCounts(wb);
      const t12 = /表12 grouped/.test(surface) ? 2 : /表12 flat without/.test(surface) ? -1 : 0;
      expect(counts).toEqual({ ...published, t12: published.t12 + t12 });
    });

    it('the same errors and 尾差, no new error', () => {
      const findings = analyzeWorkbook(variantWorkbook(seed, surface, false)).findings;
      const mine = findings.filter(ours);
      expect(distinct(mine, 'error')).toEqual([...EXPECTED[seed].errors].sort());
      expect(distinct(mine, 'rounding')).toEqual([...EXPECTED[seed].rounding].sort());
      expect(distinct(mine, 'warning')).toEqual([...EXPECTED[seed].warnings].sort());
      expect(distinct(mine, 'info')).toEqual([...EXPECTED[seed].info].sort());
      expect(mine.filter((f) => /^P\d/.test(f.rule))).toEqual([]);
      expect(crashMarkers(findings)).toEqual([]);
      expect(catalogueViolations(findings)).toEqual([]);
    });

    it('repaired: no error at all', () => {
      const findings = analyzeWorkbook(variantWorkbook(seed, surface, true)).findings;
      const mine = findings.filter(ours);
      expect(mine.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
      expect(distinct(mine, 'rounding')).toEqual([...EXPECTED[seed].rounding].sort());
      expect(distinct(mine, 'warning')).toEqual([...REPAIRED_WARNINGS[seed]].sort());
      expect(crashMarkers(findings)).toEqual([]);
    });
  });
});
