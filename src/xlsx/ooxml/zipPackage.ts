import { unzipSync } from 'fflate';
import { damagedPart } from '../zipCheck';
import { OtherReaderNeeded } from './otherReader';

/**
 * The parts of an OOXML package (ECMA-376 Part 2, Open Packaging Conventions), unzipped with
 * fflate (https://github.com/101arrowz/fflate, `unzipSync`: pure JavaScript, the same in Node and
 * the browser). Only XML parts are inflated, the ones a reader may need; each one's CRC-32 is
 * checked against the central directory (zipCheck.ts), since an inflater can turn a stream
 * damaged in transit into plausible text.
 */
const XML_PART = /\.(xml|rels)$/i;
const utf8 = new TextDecoder('utf-8');

export class ZipPackage {
  /** Part names are case-insensitive (OPC, Part 2 §6.2.2.3): lower-cased name → stored bytes. */
  private readonly parts = new Map<string, Uint8Array>();

  private constructor(files: Record<string, Uint8Array>) {
    for (const [name, data] of Object.entries(files)) this.parts.set(name.toLowerCase(), data);
  }

  /**
   * Unzips `bytes`; throws when the zip cannot be inflated and returns the name of a part that
   * fails its CRC check as `damaged`.
   */
  static open(bytes: Uint8Array): { pkg: ZipPackage; damaged?: string } {
    const files = unzipSync(bytes, { filter: (f) => XML_PART.test(f.name) });
    const damaged = damagedPart(bytes, (name) => files[name]);
    return { pkg: new ZipPackage(files), damaged };
  }

  has(path: string): boolean {
    return this.parts.has(path.toLowerCase());
  }

  /**
   * A part's text. XML parts are UTF-8 (a BOM is dropped) or, rarely, UTF-16 with a BOM; that
   * rarity is left to SheetJS (OtherReaderNeeded).
   */
  text(path: string): string | undefined {
    const data = this.parts.get(path.toLowerCase());
    if (!data) return undefined;
    if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
      throw new OtherReaderNeeded(`${path} is UTF-16`);
    }
    return utf8.decode(data);
  }
}

/** `target` of a relationship in `source`'s .rels, as a package path without the leading slash (Part 2 §9.3). */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The .rels part describing `source`'s relationships (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
export function relsPathOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}
