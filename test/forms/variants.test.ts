import type { Finding } from '../../src/core/model/finding';
import { checkForms } from '../../src/core/forms/rules';
import { CodeTable } from '../../src/core/reference';
import type { SeedId } from '../fixtures/seeds';
import { VARIANTS, cleanForms, publishedForms } from './variants';

/**
 * Issue 11 "Generalise, and prove it": every surface variant of a seed reports the seed's real form
 * errors (docs/domain.md § 样本中的已知错误) and no other error; the same variant of the seed cleaned of those errors reports
 * none at all.
 */
const REAL_ERRORS: Record<SeedId, string[]> = {
  '000': [],
  '001': [
    'F2 2024年信息化建设工作经费',
    'F2 2024年公开招聘工作经费',
    'F2 2024年“技能运城”建设新绛行动工作经费',
    'F2 2024年劳动关系和维权经费',
    'F2 2024年机关运行经费',
    'F2 推动就业社保服务全覆盖',
    'F5 2024年“技能运城”建设新绛行动工作经费',
    'F7 2024年“技能运城”建设新绛行动工作经费',
  ],
  '003': ['F1 ZY流动人员人事档案整理加工服务'],
};

const codes = new CodeTable([]);
const errors = (fs: Finding[]): string[] =>
  fs
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.rule} ${(f.row ?? '').replace(/\s/g, '')}`)
    .sort();

describe.each(['000', '001', '003'] as SeedId[])('seed %s', (seed) => {
  describe.each(VARIANTS.map((v) => [v.name, v] as const))('%s', (_name, variant) => {
    it('reports the real errors and no other', () => {
      const { workbook, disclosure } = variant.build(seed, publishedForms(seed));
      expect(errors(checkForms({ disclosure, workbook, codes }))).toEqual([...REAL_ERRORS[seed]].sort());
    });
    it('reports no error once the real errors are removed', () => {
      const { workbook, disclosure } = variant.build(seed, cleanForms(seed));
      expect(errors(checkForms({ disclosure, workbook, codes }))).toEqual([]);
    });
  });
});
