import { BUILTIN_FORMATS } from '../cellValues';
import { scanXml } from './xmlScanner';

/**
 * What the reader needs of styles.xml (ECMA-376 Part 1, 18.8): per cell format (`<cellXfs>`
 * `<xf>`, indexed by a cell's `s`), its number format code (18.8.30 numFmt; built-in ids as
 * in cellValues.ts, the workbook's own `<numFmts>` over them) to tell dates, and its alignment
 * indent (18.8.1 alignment), which 部门 表12/13 levels use.
 */
export interface CellFormats {
  /** Number format code of each cell format (undefined: none). */
  numberFormat: (string | undefined)[];
  /** Indent level of each cell format that indents. */
  indent: Map<number, number>;
}

export function readStyles(xml: string | undefined): CellFormats {
  const formats = new Map<number, string>();
  const numFmtIds: number[] = [];
  const indent = new Map<number, number>();
  let inNumFmts = false; // <dxfs> hold numFmt elements too, for conditional formats only
  let inCellXfs = false;
  let xf = -1;
  if (xml !== undefined) {
    scanXml(xml, {
      open(name, scan) {
        if (name === 'numFmts') inNumFmts = true;
        else if (inNumFmts && name === 'numFmt') {
          const id = scan.attrUint('numFmtId');
          const code = scan.attr('formatCode');
          if (id >= 0 && code !== undefined) formats.set(id, code);
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (inCellXfs && name === 'xf') {
          xf = numFmtIds.length;
          numFmtIds.push(Math.max(0, scan.attrUint('numFmtId')));
        } else if (inCellXfs && name === 'alignment' && xf >= 0) {
          const level = Number(scan.attr('indent') ?? 0);
          if (Number.isInteger(level) && level > 0) indent.set(xf, level);
        }
      },
      close(name) {
        if (name === 'numFmts') inNumFmts = false;
        else if (name === 'cellXfs') inCellXfs = false;
        else if (name === 'xf') xf = -1;
      },
    });
  }
  const numberFormat = numFmtIds.map((id) => formats.get(id) ?? BUILTIN_FORMATS[id]);
  return { numberFormat, indent };
}
