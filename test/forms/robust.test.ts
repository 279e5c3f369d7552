import type { Cell, Sheet } from '../../src/core/model/grid';
import { locateForms } from '../../src/core/forms/locate';
import { checkForms } from '../../src/core/forms/rules';
import { CodeTable } from '../../src/core/reference';
import { ruleSpec } from '../../src/core/rules/catalogue';
import { seedDisclosure, seedFormsSheet } from './seedForms';

/** Deterministic pseudo-random damage, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const JUNK: Cell['value'][] = [
  null,
  '',
  true,
  { error: '#REF!' },
  -1,
  1e21,
  '≥',
  '项目名称',
  '成本指标',
  '（）',
  '１２３',
  'NaN',
];

function damage(sheet: Sheet, seed: number, n: number): Sheet {
  const rand = rng(seed);
  const rows = sheet.rows.map((r) => (r ? [...r] : r));
  for (let i = 0; i < n; i++) {
    const r = Math.floor(rand() * rows.length);
    const c = Math.floor(rand() * 9);
    (rows[r] ??= [])[c] = { value: JUNK[Math.floor(rand() * JUNK.length)] };
  }
  return { ...sheet, rows };
}

describe('odd input never crashes the reader or the rules', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`damaged 003 forms, run ${seed}`, () => {
      const sheet = damage(seedFormsSheet('003'), seed, 120);
      const forms = locateForms({ sheets: [sheet] });
      expect(Array.isArray(forms)).toBe(true);
      const fs = checkForms({
        disclosure: seedDisclosure('003'),
        workbook: { sheets: [sheet] },
        codes: new CodeTable([]),
      });
      // A rule that threw would be reported by runModules as "运行出错" (docs/rules.md).
      expect(fs.filter((f) => f.message.includes('运行出错'))).toEqual([]);
      for (const f of fs) {
        expect(f.message).toMatch(/[\u4e00-\u9fff]/);
        expect(ruleSpec(f.rule)?.severities).toContain(f.severity);
      }
    });
  }
});

describe('a form rule that throws', () => {
  it('becomes the one 提示 runModules documents, not an 信息 of its own', () => {
    const broken = {
      get sheets(): Sheet[] {
        throw new Error('读取失败');
      },
    };
    const fs = checkForms({ disclosure: seedDisclosure('003'), workbook: broken, codes: new CodeTable([]) });
    expect(fs.length).toBeGreaterThan(0);
    for (const f of fs) {
      expect(f.severity).toBe('warning');
      expect(f.message).toContain('运行出错');
      expect(f.message).toContain('读取失败');
    }
  });
});
