/**
 * Integrity of a zip package (.xlsx, .ods): each part's CRC-32 against the one its central
 * directory records (PKWARE APPNOTE.TXT 4.3.12, 4.4.7). SheetJS does not check it (its check is
 * commented out in cfb.js), and its inflater turns a damaged stream into plausible text, so a
 * copy damaged in transit could be read as a workbook with sheets or rows missing. Pure code, for
 * the page too.
 */
/**
 * CRC-32 (the zip polynomial, reflected) eight bytes at a time: tables 1–7 give the effect of
 * a byte followed by 1–7 zero bytes, so eight table lookups replace eight dependent steps
 * ("slicing-by-8", Kounavis & Berry, Intel 2005). A 部门 workbook holds about 1 MB of XML.
 */
const TABLES = (() => {
  const t = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) {
      const prev = t[(k - 1) * 256 + n];
      t[k * 256 + n] = (prev >>> 8) ^ t[prev & 0xff];
    }
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  const t = TABLES;
  let c = 0xffffffff;
  let i = 0;
  for (const end = data.length - 8; i <= end; i += 8) {
    const a = (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)) ^ c;
    const b = data[i + 4] | (data[i + 5] << 8) | (data[i + 6] << 16) | (data[i + 7] << 24);
    c =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + (b & 0xff)] ^
      t[512 + ((b >>> 8) & 0xff)] ^
      t[256 + ((b >>> 16) & 0xff)] ^
      t[b >>> 24];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
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
