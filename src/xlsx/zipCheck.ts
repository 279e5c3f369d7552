/**
 * Integrity of a zip package (.xlsx, .ods): each part's CRC-32 against the one its central
 * directory records (PKWARE APPNOTE.TXT 4.3.12, 4.4.7). SheetJS does not check it (its check is
 * commented out in cfb.js), and its inflater turns a damaged stream into plausible text, so a
 * copy damaged in transit could be read as a workbook with sheets or rows missing. Pure code, for
 * the page too.
 */
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntryInfo {
  name: string;
  crc: number;
  size: number;
}

/** The central directory's entries (name, CRC-32, uncompressed size); [] when there is none to read. */
export function centralDirectory(zip: Uint8Array): ZipEntryInfo[] {
  const d = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (d.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return [];
  const count = d.getUint16(end + 10, true);
  let at = d.getUint32(end + 16, true);
  const out: ZipEntryInfo[] = [];
  const utf8 = new TextDecoder('utf-8');
  for (let i = 0; i < count && at + 46 <= zip.length; i++) {
    if (d.getUint32(at, true) !== 0x02014b50) break;
    const nameLength = d.getUint16(at + 28, true);
    const extra = d.getUint16(at + 30, true);
    const comment = d.getUint16(at + 32, true);
    out.push({
      crc: d.getUint32(at + 16, true),
      size: d.getUint32(at + 24, true),
      name: utf8.decode(zip.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

/**
 * The first XML part whose content does not match its recorded CRC-32 or size, if any.
 * `contentOf` gives the inflated bytes of a part (undefined: not unpacked, not checked).
 */
export function damagedPart(zip: Uint8Array, contentOf: (name: string) => Uint8Array | undefined): string | undefined {
  for (const e of centralDirectory(zip)) {
    if (!/\.(xml|rels)$/i.test(e.name)) continue;
    const content = contentOf(e.name);
    if (content === undefined) continue;
    const sizeKnown = e.size !== 0xffffffff; // ZIP64 keeps the real size elsewhere
    if ((sizeKnown && content.length !== e.size) || crc32(content) !== e.crc) return e.name;
  }
  return undefined;
}
