import type * as XLSX from '@e965/xlsx';
import { cellKey, type SheetExtras } from './sheetjsGrid';

/**
 * Cell indent of an .xls / .et (BIFF8 in an OLE2 container). SheetJS reads the XF records
 * (cIndent included, with cellStyles) but drops a cell's XF index once the cell is made, so the
 * indent of a cell is recovered here from the same Workbook stream SheetJS parsed
 * (`bookFiles: true` keeps the container as `wb.cfb`, https://docs.sheetjs.com/docs/api/parse-options):
 * the cell XFs that indent, then the cell records that use them. Record layouts: [MS-XLS] 2.4.353
 * XF (cIndent: bits 16–19 of the dword after ifnt/ifmt/flags), 2.4.28 BoundSheet8, and the cell
 * records, which all start rw, col, ixfe (2.4.127 Formula, 2.4.149 LabelSst, 2.4.180 Number,
 * 2.4.220 RK, 2.4.24 BoolErr, 2.4.148 Label, 2.4.175 MulRk).
 */
const BOF = 0x0809;
const EOF = 0x000a;
const XF = 0x00e0;
const BOUNDSHEET = 0x0085;
const MULRK = 0x00bd;
const SINGLE_CELL = new Set([0x0006, 0x00fd, 0x0203, 0x027e, 0x0205, 0x0204, 0x00d6]);
const BIFF8 = 0x0600;

interface Cfb {
  FileIndex?: { name: string; content?: ArrayLike<number> }[];
}

function workbookStream(cfb: Cfb): Uint8Array | undefined {
  const e = (cfb.FileIndex ?? []).find((f) => f.name === 'Workbook' || f.name === 'Book');
  const c = e?.content;
  if (!c) return undefined;
  return c instanceof Uint8Array ? c : Uint8Array.from(c);
}

function readShortUnicode(b: DataView, at: number): string {
  const cch = b.getUint8(at);
  const high = b.getUint8(at + 1) & 1;
  let s = '';
  for (let i = 0; i < cch; i++) {
    s += String.fromCharCode(high ? b.getUint16(at + 2 + i * 2, true) : b.getUint8(at + 2 + i));
  }
  return s;
}

interface Globals {
  indentXf: Map<number, number>;
  sheets: { name: string; pos: number }[];
}

function readGlobals(d: DataView): Globals | undefined {
  const indentXf = new Map<number, number>();
  const sheets: { name: string; pos: number }[] = [];
  let xf = 0;
  let at = 0;
  while (at + 4 <= d.byteLength) {
    const type = d.getUint16(at, true);
    const size = d.getUint16(at + 2, true);
    const body = at + 4;
    if (body + size > d.byteLength) break;
    if (at === 0 && (type !== BOF || size < 2 || d.getUint16(body, true) !== BIFF8)) return undefined;
    if (type === XF && size >= 10) {
      const indent = (d.getUint32(body + 6, true) >>> 16) & 0x0f;
      if (indent > 0) indentXf.set(xf, indent);
      xf++;
    } else if (type === BOUNDSHEET && size >= 8) {
      sheets.push({ pos: d.getUint32(body, true), name: readShortUnicode(d, body + 6) });
    } else if (type === EOF) break;
    at = body + size;
  }
  return { indentXf, sheets };
}

function readSheetIndents(d: DataView, start: number, indentXf: Map<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  let at = start;
  let depth = 0; // a chart embedded in the sheet is a BOF…EOF substream of its own
  while (at + 4 <= d.byteLength) {
    const type = d.getUint16(at, true);
    const size = d.getUint16(at + 2, true);
    const body = at + 4;
    if (body + size > d.byteLength) break;
    if (type === BOF) depth++;
    else if (type === EOF && --depth <= 0) break;
    else if (depth === 1 && SINGLE_CELL.has(type) && size >= 6) {
      const level = indentXf.get(d.getUint16(body + 4, true));
      if (level) out.set(cellKey(d.getUint16(body, true), d.getUint16(body + 2, true)), level);
    } else if (depth === 1 && type === MULRK && size >= 6) {
      const r = d.getUint16(body, true);
      const first = d.getUint16(body + 2, true);
      const n = (size - 6) / 6;
      for (let i = 0; i < n; i++) {
        const level = indentXf.get(d.getUint16(body + 4 + i * 6, true));
        if (level) out.set(cellKey(r, first + i), level);
      }
    }
    at = body + size;
  }
  return out;
}

export function biffExtras(wb: XLSX.WorkBook): (SheetExtras | undefined)[] {
  const cfb = (wb as { cfb?: Cfb }).cfb;
  const stream = cfb && workbookStream(cfb);
  if (!stream) return [];
  const d = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const g = readGlobals(d);
  if (!g || g.indentXf.size === 0) return [];
  const byName = new Map(g.sheets.map((s) => [s.name, s.pos]));
  return wb.SheetNames.map((name) => {
    const pos = byName.get(name);
    return pos === undefined || pos >= d.byteLength ? undefined : { indent: readSheetIndents(d, pos, g.indentXf) };
  });
}
