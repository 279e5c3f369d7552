import { FakeEt, FakeRange } from './fakeEt';

/**
 * The fake's own semantics, each as the WPS API reference (or, where it is silent, the fake's
 * documented choice) has it: the adapter tests are only as good as these.
 */
describe('FakeEt', () => {
  const wb = (f: FakeEt) => f.app.ActiveWorkbook!;

  test('Cells.Item(r, c) is 1-based and relative to its range', () => {
    const f = new FakeEt();
    f.addSheet('表1', [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const ws = wb(f).Worksheets.Item(1);
    expect(ws.Cells.Item(1, 1).Value2).toBe('a');
    expect(ws.Cells.Item(2, 2).Value2).toBe('d');
    expect(ws.Range('B2:C3').Item(1, 1).Address()).toBe('$B$2');
    expect(() => ws.Cells.Item(0, 1)).toThrow(/从 1 开始/);
    expect(() => wb(f).Worksheets.Item(0)).toThrow(/越界/);
    expect(wb(f).Worksheets.Item('表1').Name).toBe('表1');
  });

  test('Value2: a scalar for one cell, rows of columns for several, empty cells as configured', () => {
    for (const emptyValue of [undefined, null, ''] as const) {
      const f = new FakeEt({ emptyValue });
      f.addSheet('表1', [[1, null, '甲']]);
      const ws = wb(f).Worksheets.Item(1);
      expect(ws.Range('A1').Value2).toBe(1);
      expect(ws.Range('A1:C1').Value2).toEqual([[1, emptyValue, '甲']]);
      expect(ws.Range('A1:A2').Value2).toEqual([[1], [emptyValue]]);
    }
  });

  test('an error value is its text, or VBA’s CVErr code as a COM HRESULT', () => {
    const text = new FakeEt();
    const code = new FakeEt({ errorStyle: 'code' });
    for (const f of [text, code]) {
      const s = f.addSheet('表1');
      const c = f.cellFor(s, 0, 0);
      c.formula = '=1/0';
      c.error = '#DIV/0!';
    }
    expect(wb(text).Worksheets.Item(1).Range('A1').Value2).toBe('#DIV/0!');
    expect(wb(code).Worksheets.Item(1).Range('A1').Value2).toBe(-2146826281);
  });

  test('Formula: formulas as text, constants as their text, empty as ""', () => {
    const f = new FakeEt();
    f.addSheet('表1', [[12.5, '=A1*2', null, '乙']]);
    expect(wb(f).Worksheets.Item(1).Range('A1:D1').Formula).toEqual([['12.5', '=A1*2', '', '乙']]);
  });

  test('writing: "=…" is a formula and numeric text a number, except in a text (@) cell', () => {
    const f = new FakeEt();
    f.addSheet('表1');
    const ws = wb(f).Worksheets.Item(1);
    ws.Range('A1:B1').NumberFormat = '@';
    ws.Range('A1:D1').Formula = [['201', '=x', '201', '=SUM(A1)']];
    expect(f.cell('表1', 'A1')?.value).toBe('201');
    expect(f.cell('表1', 'B1')?.value).toBe('=x');
    expect(f.cell('表1', 'B1')?.formula).toBeUndefined();
    expect(f.cell('表1', 'C1')?.value).toBe(201);
    expect(f.cell('表1', 'D1')?.formula).toBe('=SUM(A1)');
    expect(() => (ws.Range('A1:B2').Formula = [['1']])).toThrow(/数组大小/);
  });

  test('a merged area: value in the top-left cell only; MergeCells true, false, or mixed', () => {
    for (const mixed of [null, true] as const) {
      const f = new FakeEt({ mixedMergeCells: mixed });
      f.addSheet('表1', [['标题', 'x', 'y']]);
      const ws = wb(f).Worksheets.Item(1);
      ws.Range('A1:B2').Merge();
      expect(ws.Range('A1:B1').Value2).toEqual([['标题', undefined]]);
      expect(ws.Range('A1:B2').MergeCells).toBe(true);
      expect(ws.Range('B2').MergeCells).toBe(true);
      expect(ws.Range('C1:C2').MergeCells).toBe(false);
      expect(ws.Range('A1:C1').MergeCells).toBe(mixed);
      expect(ws.Range('B2').MergeArea.Address()).toBe('$A$1:$B$2');
      expect(ws.Range('C1').MergeArea.Address()).toBe('$C$1');
      expect(() => ws.Range('A1:B1').MergeArea).toThrow(/单个单元格/);
    }
  });

  test('UsedRange: $A$1 on an empty sheet; a cell with only a format counts', () => {
    const f = new FakeEt();
    const s = f.addSheet('表1');
    const ws = wb(f).Worksheets.Item(1);
    expect(ws.UsedRange.Address()).toBe('$A$1');
    f.cellFor(s, 4, 2).format.bold = true;
    f.cellFor(s, 1, 1).value = 3;
    expect(ws.UsedRange.Address()).toBe('$B$2:$C$5');
  });

  test('IndentLevel and NumberFormat of cells that differ answer null', () => {
    const f = new FakeEt();
    const s = f.addSheet('表1', [['a'], ['b']]);
    f.cellFor(s, 1, 0).format.indent = 2;
    const ws = wb(f).Worksheets.Item(1);
    expect(ws.Range('A1').IndentLevel).toBe(0);
    expect(ws.Range('A2').IndentLevel).toBe(2);
    expect(ws.Range('A1:A2').IndentLevel).toBeNull();
    ws.Range('A1').NumberFormat = '0.00';
    expect(ws.Range('A1:A2').NumberFormat).toBeNull();
  });

  test('names: RefersTo quotes the sheet, follows a rename, and turns into #REF! when it is deleted', () => {
    const f = new FakeEt();
    f.addSheet('表1 收支总表');
    f.addSheet('Other');
    const names = wb(f).Names;
    names.Add('BD_TABLE_t1', "='表1 收支总表'!$A$1");
    names.Add('BD_TABLE_t2', '=Other!$A$1');
    expect(names.Item(1).RefersTo).toBe("='表1 收支总表'!$A$1");
    expect(names.Item(2).RefersTo).toBe('=Other!$A$1');
    f.rename('表1 收支总表', '改过的名字');
    expect(names.Item(1).RefersTo).toBe("='改过的名字'!$A$1");
    f.deleteSheet('改过的名字');
    expect(names.Item(1).RefersTo).toBe('=#REF!$A$1');
    expect(() => names.Add('BD TABLE', '=Other!$A$1')).toThrow(/无效/);
  });

  test('sheet names: duplicates (any case) and forbidden characters are refused', () => {
    const f = new FakeEt();
    f.addSheet('Sheet1');
    const ws = wb(f).Worksheets.Add();
    expect(() => (ws.Name = 'sheet1')).toThrow(/已有/);
    expect(() => (ws.Name = 'a/b')).toThrow(/无效/);
    expect(() => (ws.Name = 'x'.repeat(32))).toThrow(/无效/);
  });

  test('Sheets.Add(undefined, after) puts the sheet after it and makes it active', () => {
    const f = new FakeEt();
    f.addSheet('A');
    f.addSheet('B');
    const sheets = wb(f).Worksheets;
    const ws = sheets.Add(undefined, sheets.Item(1));
    ws.Name = 'N';
    expect(f.sheets.map((s) => s.name)).toEqual(['A', 'N', 'B']);
    expect(f.activeSheet?.name).toBe('N');
  });

  test('conditional formats: per range or for the whole sheet; Add appends; SetFirstPriority moves it first', () => {
    const f = new FakeEt();
    const s = f.addSheet('表1');
    s.cfs.push({ id: -1, rect: { top: 0, left: 0, bottom: 9, right: 0 }, type: 3, formula1: '' });
    const ws = wb(f).Worksheets.Item(1);
    const added = ws.Range('C3').FormatConditions.Add(2, undefined, '=TRUE');
    expect(ws.Cells.FormatConditions.Count).toBe(2);
    expect(ws.Range('A1').FormatConditions.Count).toBe(1);
    expect(ws.Cells.FormatConditions.Item(2).Formula1).toBe('=TRUE');
    expect(() => ws.Cells.FormatConditions.Item(1).Formula1).toThrow(/Formula1/);
    added.SetFirstPriority?.();
    expect(ws.Cells.FormatConditions.Item(1).Type).toBe(2);
    added.Delete();
    expect(ws.Cells.FormatConditions.Count).toBe(1);
  });

  test('Select needs the sheet to be active', () => {
    const f = new FakeEt();
    f.addSheet('A');
    f.addSheet('B');
    const b = wb(f).Worksheets.Item('B');
    expect(() => b.Range('A1').Select()).toThrow(/活动工作表/);
    b.Activate();
    b.Range('C4').Select();
    expect(f.selection).toEqual({ sheet: 'B', address: 'C4' });
  });

  test('events: the clerk’s edits always; own writes as configured; none while EnableEvents is false', async () => {
    const seen: string[] = [];
    const f = new FakeEt({ ownWriteEvents: 'async' });
    f.addSheet('表1');
    f.app.ApiEvent!.AddApiEventListener('SheetChange', (sh, target) =>
      seen.push(`${(sh as { Name: string }).Name}!${(target as FakeRange).Address(false, false)}`),
    );
    await f.edit('表1', 'B2', 5);
    const ws = f.app.ActiveWorkbook!.Worksheets.Item(1);
    ws.Range('C3').Value2 = 1;
    expect(seen).toEqual(['表1!B2']); // the own write's event comes later
    await f.flushEvents();
    expect(seen).toEqual(['表1!B2', '表1!C3']);
    f.app.EnableEvents = false;
    ws.Range('C4').Value2 = 1;
    f.app.EnableEvents = true;
    await f.flushEvents();
    expect(seen).toHaveLength(2);
    const none = new FakeEt({ events: false, enableEvents: false });
    expect(none.app.ApiEvent).toBeUndefined();
    expect('EnableEvents' in none.app).toBe(false);
  });

  test('every property and method touched is one call; a whole range’s Value2 is one', () => {
    const f = new FakeEt();
    f.addSheet(
      '表1',
      Array.from({ length: 100 }, (_, r) => Array.from({ length: 10 }, (_c, c) => r * 10 + c)),
    );
    const ws = f.app.ActiveWorkbook!.Worksheets.Item(1); // ActiveWorkbook, Worksheets, Item
    const before = f.calls;
    const used = ws.UsedRange;
    const v = used.Value2 as unknown[][];
    expect(v).toHaveLength(100);
    expect(f.calls - before).toBe(2);
    expect(f.calls).toBe(5);
  });
});
