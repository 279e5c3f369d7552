import { chooseNames, freeSheetName, invalidSheetNameReason } from '../../src/core/templates/sheetNames';
import type { SheetPlan } from '../../src/core/templates/plan';

const plan = (name: string, tag = 't1'): SheetPlan => ({
  name,
  tag,
  cells: [],
  merges: [],
  columnWidths: [],
  print: { paper: 'A4', orientation: 'portrait', fitToWidth: true },
});

describe('sheet names: one rule for every host', () => {
  test('a free name keeps its name and raises no conflict (the silent case)', () => {
    expect(chooseNames([plan('表1 预算收支总表')], ['Sheet1'], {})).toEqual({
      targets: ['表1 预算收支总表'],
      conflicts: [],
    });
  });
  test('a taken name (any case) is a conflict with a free proposal', () => {
    const r = chooseNames([plan('Sheet1')], ['SHEET1'], {});
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ wanted: 'Sheet1', proposed: 'Sheet1(2)' });
  });
  test("the clerk's answer with a forbidden character is refused, with the reason", () => {
    const r = chooseNames([plan('表1 预算收支总表')], [], { '表1 预算收支总表': '表1/收支' });
    expect(r.conflicts[0].reason).toContain('不允许的字符');
    expect(invalidSheetNameReason(r.conflicts[0].proposed)).toBeUndefined();
  });
  test('two plans never get the same name', () => {
    const r = chooseNames([plan('表1', 't1'), plan('表1', 't2')], [], {});
    expect(new Set(r.targets.map((t) => t.toUpperCase())).size).toBe(2);
  });
  test('long names stay within 31 characters when numbered', () => {
    const long = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一';
    expect(freeSheetName(long, [long]).length).toBeLessThanOrEqual(31);
  });
});
