import type * as XLSX from '@e965/xlsx';
import { cellKey, type SheetExtras } from './sheetjsGrid';

/**
 * Cell indent of an .ods. OpenDocument has no indent level: a cell style carries a paragraph
 * margin (`fo:margin-left` in `style:paragraph-properties`, ODF 1.2 §20.219), and SheetJS keeps
 * neither that nor a cell's style name. When content.xml defines such a style, this walks its
 * table structure (rows, cells and their `number-*-repeated` counts, ODF 1.2 §9.1) to find the
 * cells using it. Only start tags are looked at; text content is never parsed.
 *
 * LibreOffice writes an Excel indent level as 3 space widths of the default font (0.1457 in,
 * 10.5 pt, for the default Calibri 11); a margin becomes the nearest whole number of such steps,
 * at least 1. The locator compares indents between rows of one table, so a font with another
 * step keeps the order of the levels.
 */
const POINTS_PER_LEVEL = 10.5;
/** Enough for any real table; a style applied to a whole column repeats far more than that. */
const MAX_REPEAT = 1024;

const UNIT_PT: Record<string, number> = { pt: 1, in: 72, cm: 72 / 2.54, mm: 72 / 25.4, pc: 12, px: 0.75 };

function marginLevel(value: string): number {
  const m = /^(-?[\d.]+)\s*(pt|in|cm|mm|pc|px)$/.exec(value.trim());
  if (!m) return 0;
  const pt = Number(m[1]) * UNIT_PT[m[2]];
  return pt > 0.5 ? Math.max(1, Math.round(pt / POINTS_PER_LEVEL)) : 0;
}

function attr(tag: string, name: string): string | undefined {
  const i = tag.indexOf(` ${name}="`);
  if (i < 0) return undefined;
  const start = i + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

function unescapeXml(s: string): string {
  return s.replace(
    /&(apos|quot|lt|gt|amp);/g,
    (_, e: string) => ({ apos: "'", quot: '"', lt: '<', gt: '>', amp: '&' })[e] ?? '',
  );
}

/** Automatic cell styles of content.xml that indent → level. */
function indentStyles(xml: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of xml.matchAll(/<style:style\b([^>]*)>([\s\S]*?)<\/style:style>/g)) {
    if (attr(m[1], 'style:family') !== 'table-cell') continue;
    const margin = /<style:paragraph-properties\b[^>]*\sfo:margin-left="([^"]*)"/.exec(m[2]);
    const level = margin ? marginLevel(margin[1]) : 0;
    const name = attr(m[1], 'style:name');
    if (name && level > 0) out.set(name, level);
  }
  return out;
}

/** How many rows/columns an element stands for (positions after it move by all of them). */
function repeat(tag: string, name: string): number {
  const n = Number(attr(tag, name) ?? 1);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function scanTables(xml: string, styles: Map<string, number>): Map<string, Map<number, number>> {
  const bySheet = new Map<string, Map<number, number>>();
  let sheet: Map<number, number> | undefined;
  let columnStyles: (string | undefined)[] = [];
  let r = 0;
  let c = 0;
  let rowRepeat = 1;
  let depth = 0;
  const tags = /<(\/?)table:(table|table-row|table-cell|covered-table-cell|table-column)(?=[\s/>])([^>]*?)(\/?)>/g;
  for (const m of xml.matchAll(tags)) {
    const [, closing, kind, attrs, selfClosing] = m;
    if (kind === 'table') {
      depth += closing ? -1 : 1;
      if (!closing && depth === 1) {
        sheet = new Map();
        bySheet.set(unescapeXml(attr(attrs, 'table:name') ?? ''), sheet);
        columnStyles = [];
        r = 0;
      }
      continue;
    }
    if (depth !== 1 || !sheet) continue; // a table nested in a cell is not part of the grid
    if (kind === 'table-column' && !closing) {
      const style = attr(attrs, 'table:default-cell-style-name');
      const n = Math.min(repeat(attrs, 'table:number-columns-repeated'), MAX_REPEAT);
      for (let i = 0; i < n; i++) columnStyles.push(style);
    } else if (kind === 'table-row') {
      if (closing) r += rowRepeat;
      else if (selfClosing) r += repeat(attrs, 'table:number-rows-repeated');
      else {
        rowRepeat = repeat(attrs, 'table:number-rows-repeated');
        c = 0;
      }
    } else if (!closing) {
      const n = repeat(attrs, 'table:number-columns-repeated');
      const level = styles.get(attr(attrs, 'table:style-name') ?? columnStyles[c] ?? '');
      // An empty (self-closing) cell has no value to indent.
      if (level && !selfClosing && kind === 'table-cell') {
        const rows = Math.min(rowRepeat, MAX_REPEAT);
        const cols = Math.min(n, MAX_REPEAT);
        for (let dr = 0; dr < rows; dr++) for (let dc = 0; dc < cols; dc++) sheet.set(cellKey(r + dr, c + dc), level);
      }
      c += n;
    }
  }
  return bySheet;
}

/** `contentXml`: the package's content.xml, unpacked by the caller (which also checks the package). */
export function odsExtras(contentXml: Uint8Array | undefined, wb: XLSX.WorkBook): (SheetExtras | undefined)[] {
  if (!contentXml) return [];
  const xml = new TextDecoder('utf-8').decode(contentXml);
  const styles = indentStyles(xml);
  if (styles.size === 0) return [];
  const bySheet = scanTables(xml, styles);
  return wb.SheetNames.map((name) => {
    const indent = bySheet.get(name);
    return indent && indent.size > 0 ? { indent } : undefined;
  });
}
