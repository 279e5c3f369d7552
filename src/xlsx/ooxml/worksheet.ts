import { columnIndex, type Cell, type CellValue, type Merge, type Sheet } from '../../core/model/grid';
import { errorFromText, serialToIso, type DateFormats } from '../cellValues';
import { cellKey, finishSheet } from '../sheetFinish';
import { OtherReaderNeeded } from './otherReader';
import { SharedFormulas } from './sharedFormulas';
import type { CellFormats } from './styles';
import { cellText, StringItem } from './text';
import { scanXml, type XmlScanner } from './xmlScanner';

/**
 * One worksheet part (ECMA-376 Part 1, 18.3 Worksheets) → a grid sheet, the way the SheetJS
 * reader reads it (test/xlsx/ooxmlReader.test.ts compares the two): cells of `<sheetData>`
 * (18.3.1.4 c: `r` reference, `s` format, `t` type of 18.18.11 ST_CellType; `<v>` value, `<f>`
 * formula, `<is>` inline string) and `<mergeCells>`.
 */
export interface WorkbookContext {
  strings: readonly string[];
  formats: CellFormats;
  dates: DateFormats;
  date1904: boolean;
}

const TRUE = new Set(['1', 'true']);

const RANGE = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/;

/** A1 or A1:B2 → a merge; undefined when not a plain reference. */
function rangeOf(ref: string | undefined): Merge | undefined {
  const m = ref ? RANGE.exec(ref) : null;
  if (!m) return undefined;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  return m[3] === undefined
    ? { top, left, bottom: top, right: left }
    : { top, left, bottom: Number(m[4]) - 1, right: columnIndex(m[3]) };
}

class SheetReader {
  readonly rows: (Cell | undefined)[][] = [];
  readonly merges: Merge[] = [];
  readonly indent = new Map<number, number>();
  private lastRow = -1;
  private readonly shared = new SharedFormulas();

  private inData = false;
  private inMerges = false;
  private rowNumber = 0;
  private row = -1;
  private col = -1;
  private inCell = false;
  private style = -1;
  private type: string | undefined;
  private value: string | undefined;
  private formula: string | undefined;
  private formulaSi: string | undefined;
  private formulaShared = false;
  private collecting: 'v' | 'f' | undefined;
  private inline: StringItem | undefined;
  private inlineText: string | undefined;

  constructor(private readonly ctx: WorkbookContext) {}

  open(name: string, scan: XmlScanner): void {
    if (this.inCell) return this.openInCell(name, scan);
    switch (name) {
      case 'sheetData':
        this.inData = true;
        break;
      case 'row':
        if (this.inData) {
          const r = scan.attrUint('r');
          this.rowNumber = r > 0 ? r : this.rowNumber + 1;
          this.col = -1;
        }
        break;
      case 'c':
        if (this.inData) this.startCell(scan);
        break;
      case 'mergeCells':
        this.inMerges = true;
        break;
      case 'mergeCell':
        if (this.inMerges) {
          const m = rangeOf(scan.attr('ref'));
          if (m) this.merges.push(m);
        }
        break;
    }
  }

  close(name: string, scan: XmlScanner): void {
    if (this.inCell) return this.closeInCell(name, scan);
    if (name === 'sheetData') this.inData = false;
    else if (name === 'mergeCells') this.inMerges = false;
  }

  private startCell(scan: XmlScanner): void {
    if (scan.cellRef('r')) {
      this.row = scan.refRow;
      this.col = scan.refCol;
    } else if (scan.attr('r') !== undefined) {
      throw new OtherReaderNeeded('a cell reference that is not plain A1');
    } else {
      // No reference: the next column of the current row (18.3.1.4: r is optional).
      this.row = this.rowNumber - 1;
      this.col++;
    }
    this.inCell = true;
    this.style = scan.attrUint('s');
    this.type = scan.attr('t');
    this.value = undefined;
    this.formula = undefined;
    this.formulaSi = undefined;
    this.formulaShared = false;
    this.collecting = undefined;
    this.inline = undefined;
    this.inlineText = undefined;
  }

  private openInCell(name: string, scan: XmlScanner): void {
    if (this.inline) {
      this.inline.open(name, scan);
      return;
    }
    if (name === 'v') {
      this.collecting = 'v';
      scan.collectText();
    } else if (name === 'f') {
      this.collecting = 'f';
      this.formulaSi = scan.attr('si');
      this.formulaShared = scan.attr('t') === 'shared';
      scan.collectText();
    } else if (name === 'is') {
      this.inline = new StringItem();
    }
  }

  private closeInCell(name: string, scan: XmlScanner): void {
    if (name === 'c') return this.endCell();
    if (this.inline) {
      if (name !== 'is') return this.inline.close(name, scan);
      this.inlineText = this.inline.take();
      this.inline = undefined;
      return;
    }
    if (name === 'v' && this.collecting === 'v') {
      const v = scan.takeText();
      // An empty <v></v> is no value (SheetJS too).
      this.value = v === '' ? undefined : v;
      this.collecting = undefined;
    } else if (name === 'f' && this.collecting === 'f') {
      const f = scan.takeText();
      this.collecting = undefined;
      if (f !== '') {
        this.formula = cellText(f);
        if (this.formulaShared && this.formulaSi !== undefined)
          this.shared.define(this.formulaSi, this.formula, this.row, this.col);
      } else if (this.formulaSi !== undefined) {
        this.formula = this.shared.at(this.formulaSi, this.row, this.col);
      }
    }
  }

  private endCell(): void {
    this.inCell = false;
    const key = cellKey(this.row, this.col);
    const level = this.style >= 0 ? this.ctx.formats.indent.get(this.style) : undefined;
    if (level) this.indent.set(key, level);
    const value = this.valueOf();
    const formula = this.formula !== undefined && this.formula !== '' ? this.formula.replace(/^=/, '') : undefined;
    if (value === null && formula === undefined) return;
    const cell: Cell = formula === undefined ? { value } : { value, formula };
    if (level) cell.indent = level;
    (this.rows[this.row] ??= [])[this.col] = cell;
    if (this.row > this.lastRow) this.lastRow = this.row;
  }

  /** The cell's value, as SheetJS's parse_ws_xml_data and our sheetjsGrid valueOf read it. */
  private valueOf(): CellValue {
    const v = this.value;
    switch (this.type ?? 'n') {
      case 'n': {
        if (v === undefined) return null;
        const n = parseFloat(v);
        const format = this.style >= 0 ? this.ctx.formats.numberFormat[this.style] : undefined;
        return this.ctx.dates.is(format ?? 'General') ? serialToIso(n, this.ctx.date1904) : n;
      }
      case 's': {
        if (v === undefined) return null;
        const text = this.ctx.strings[parseInt(v, 10)];
        if (text === undefined) throw new OtherReaderNeeded('a shared string index out of range');
        return text;
      }
      case 'str':
        return v === undefined ? '' : cellText(v);
      case 'inlineStr':
        return this.inlineText ?? '';
      case 'b':
        return TRUE.has(v ?? '');
      case 'e':
        return { error: errorFromText(v) };
      case 'd':
        throw new OtherReaderNeeded('an ISO date stored as a cell value');
      default:
        return null;
    }
  }

  finish(name: string): Sheet {
    this.rows.length = this.lastRow + 1;
    return finishSheet(name, this.rows, this.merges, this.indent);
  }
}

export function readWorksheet(name: string, xml: string, ctx: WorkbookContext): Sheet {
  const reader = new SheetReader(ctx);
  scanXml(xml, reader);
  return reader.finish(name);
}
