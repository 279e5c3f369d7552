import { NARRATIVE_RULES, narrativeLinesFromWorkbook, narrativeRules } from '../../src/core/narrative/rules';
import type { RuleContext } from '../../src/core/rules/types';
import type { Sheet, Workbook } from '../../src/core/model/grid';
import { DEFAULT_CODES } from '../../src/core/reference';
import { loadSeed, seedDisclosure, seedNarrativeText } from './seedDisclosure';

/** The narrative pasted into a sheet, one printed paragraph per cell of column A. */
function narrativeSheet(text: string, name = '情况说明', tag?: string): Sheet {
  return { name, ...(tag ? { tag } : {}), rows: text.split('\n').map((t) => [{ value: t }]), merges: [] };
}

const formSheets = (n: number): Sheet[] =>
  Array.from({ length: n }, (_, i) => ({ name: `目标表${i + 1}`, tag: `form:${i + 1}`, rows: [], merges: [] }));

const ctx = (over: Partial<RuleContext>): RuleContext => ({
  disclosure: seedDisclosure('000'),
  codes: DEFAULT_CODES,
  ...over,
});

describe('NARRATIVE_RULES', () => {
  it('is one rule module that checks ctx.narrativeText', () => {
    expect(NARRATIVE_RULES).toHaveLength(1);
    const text = seedNarrativeText('000').replace('基本支出986.77万元', '基本支出986.70万元');
    const fs = NARRATIVE_RULES[0].run(ctx({ narrativeText: text }));
    expect(fs).toMatchObject([{ rule: 'N3', severity: 'error', table: 'narrative' }]);
    expect(fs[0].sheet).toBeUndefined();
  });

  it('reads the text from a sheet named 情况说明 and points at the cell of the phrase', () => {
    const text = seedNarrativeText('000').replace('基本支出986.77万元', '基本支出986.70万元');
    const lineNo = text.split('\n').findIndex((l) => l.includes('986.70'));
    const wb: Workbook = { sheets: [narrativeSheet(text, '第三部分 情况说明')] };
    const fs = NARRATIVE_RULES[0].run(ctx({ workbook: wb }));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'N3', sheet: '第三部分 情况说明', cell: `A${lineNo + 1}` });
    expect(fs[0].message).toContain(`工作表“第三部分 情况说明”A${lineNo + 1}`);
    expect(fs[0].cells).toContainEqual({ sheet: '第三部分 情况说明', cell: `A${lineNo + 1}` });
  });

  it('finds a renamed sheet by its tag, and splits a cell holding several paragraphs', () => {
    const text = seedNarrativeText('000');
    const sheet: Sheet = { name: 'Sheet9', tag: '情况说明', rows: [[{ value: text }]], merges: [] };
    expect(narrativeLinesFromWorkbook({ sheets: [sheet] })!.length).toBe(text.split('\n').length);
    expect(NARRATIVE_RULES[0].run(ctx({ workbook: { sheets: [sheet] } }))).toEqual([]);
  });

  it('counts forms from sheets tagged form:… (003: 13 attached, text claims 14)', () => {
    const wb: Workbook = {
      sheets: [narrativeSheet(seedNarrativeText('003')), ...formSheets(loadSeed('003').forms.length)],
    };
    const fs = NARRATIVE_RULES[0].run(ctx({ disclosure: seedDisclosure('003'), workbook: wb }));
    // Every severity, exactly: 003's 尾差 ×2 in 一, its 1-decimal rate in 五, the 14 vs 13 forms.
    expect(fs.map((f) => `${f.rule} ${f.severity}`)).toEqual([
      'N1p rounding',
      'N1p rounding',
      'N5 warning',
      'N10 error',
    ]);
    expect(fs[3]).toMatchObject({ rule: 'N10', expected: '13', actual: '14', sheet: '情况说明' });
  });

  it('takes the forms count from an injected locator', () => {
    const rules = narrativeRules({ formsCount: () => 13 });
    const fs = rules[0].run(ctx({ disclosure: seedDisclosure('003'), narrativeText: seedNarrativeText('003') }));
    expect(fs.map((f) => `${f.rule} ${f.severity}`)).toEqual([
      'N1p rounding',
      'N1p rounding',
      'N5 warning',
      'N10 error',
    ]);
  });

  it('without forms information does not guess', () => {
    const fs = NARRATIVE_RULES[0].run(
      ctx({ disclosure: seedDisclosure('003'), narrativeText: seedNarrativeText('003') }),
    );
    expect(fs.map((f) => `${f.rule} ${f.severity}`)).toEqual(['N1p rounding', 'N1p rounding', 'N5 warning']);
  });

  it('returns nothing when there is no narrative at all', () => {
    expect(NARRATIVE_RULES[0].run(ctx({}))).toEqual([]);
    expect(NARRATIVE_RULES[0].run(ctx({ workbook: { sheets: [] } }))).toEqual([]);
  });
});
