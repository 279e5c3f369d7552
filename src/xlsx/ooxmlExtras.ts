import type * as XLSX from '@e965/xlsx';
import { cellKey, type SheetExtras } from './sheetjsGrid';

/**
 * The alignment indent of .xlsx cells (部门 表12/13 show unit and project levels with it), which
 * SheetJS's cell objects do not carry. SheetJS parses styles.xml cellXfs, `<alignment indent>`
 * included, into `wb.Styles.CellXf`, but drops each cell's style index `s`. When some style
 * indents, the `s` of the cells using it is looked up in the sheet parts SheetJS already
 * unzipped (`bookFiles: true` keeps them on the workbook,
 * https://docs.sheetjs.com/docs/api/parse-options): one regular-expression pass over the start
 * tags that carry such an `s`, not a second parse of the sheet.
 */
interface ZipEntry {
  content?: Uint8Array | string;
}

interface BookFiles {
  files?: Record<string, ZipEntry>;
  keys?: string[];
  Styles?: { CellXf?: { alignment?: { indent?: string | number } }[] };
}

const decoder = new TextDecoder('utf-8');

function partText(files: Record<string, ZipEntry>, path: string): string | undefined {
  const e = files[path] ?? files[path.replace(/^\//, '')];
  const c = e?.content;
  if (c === undefined) return undefined;
  return typeof c === 'string' ? c : decoder.decode(c);
}

/** Zip entry names are case-insensitive in OOXML (ECMA-376 Part 2, 10.1.2); find the stored spelling. */
function findPart(book: BookFiles, path: string): string | undefined {
  const want = path.replace(/^\//, '').toLowerCase();
  return (book.keys ?? Object.keys(book.files ?? {})).find((k) => k.toLowerCase() === want);
}

const ATTRS = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Workbook order → sheet part path, through the workbook's relationships (r:id → Target). */
function sheetParts(wb: XLSX.WorkBook, book: BookFiles): (string | undefined)[] {
  const wbPath = findPart(book, 'xl/workbook.xml') ?? 'xl/workbook.xml';
  const relsPath = findPart(book, wbPath.replace(/([^/]+)$/, '_rels/$1.rels'));
  const rels = relsPath && book.files ? partText(book.files, relsPath) : undefined;
  const targets = new Map<string, string>();
  for (const m of (rels ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, resolveTarget(wbPath, target));
  }
  return (wb.Workbook?.Sheets ?? []).map((s) => {
    const id = (s as { id?: string }).id;
    const target = id ? targets.get(id) : undefined;
    return target ? findPart(book, target) : undefined;
  });
}

function indentStyles(book: BookFiles): Map<number, number> {
  const out = new Map<number, number>();
  (book.Styles?.CellXf ?? []).forEach((xf, i) => {
    const n = Number(xf?.alignment?.indent ?? 0);
    if (Number.isInteger(n) && n > 0) out.set(i, n);
  });
  return out;
}

const CELL_REF = /^([A-Z]{1,3})(\d+)$/;

function keyOfRef(ref: string | undefined): number | undefined {
  const m = ref ? CELL_REF.exec(ref) : null;
  if (!m) return undefined;
  let c = 0;
  for (let i = 0; i < m[1].length; i++) c = c * 26 + (m[1].charCodeAt(i) - 64);
  return cellKey(Number(m[2]) - 1, c - 1);
}

/** Cells whose style indents: one pass over the `<c …>` start tags that carry such an `s`. */
function scanIndents(xml: string, styles: Map<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  const wanted = new RegExp(
    `<(?:\\w+:)?c(\\s[^>]*\\bs\\s*=\\s*["'](?:${[...styles.keys()].join('|')})["'][^>]*)>`,
    'g',
  );
  for (const m of xml.matchAll(wanted)) {
    const level = styles.get(Number(attr(m[1], 's')));
    const key = keyOfRef(attr(m[1], 'r'));
    if (level && key !== undefined) out.set(key, level);
  }
  return out;
}

export function ooxmlExtras(wb: XLSX.WorkBook): (SheetExtras | undefined)[] {
  const book = wb as unknown as BookFiles;
  if (!book.files) return [];
  const styles = indentStyles(book);
  if (styles.size === 0) return [];
  const parts = sheetParts(wb, book);
  return parts.map((path) => {
    const xml = path ? partText(book.files ?? {}, path) : undefined;
    return xml === undefined ? undefined : { indent: scanIndents(xml, styles) };
  });
}
