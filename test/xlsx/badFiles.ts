import * as XLSX from '@e965/xlsx';

/**
 * Damaged and protected copies of real workbooks, built the way they happen: a download cut
 * short, bytes changed in transit, a password set in Excel/WPS/LibreOffice. The protected ones
 * carry the real markers (OOXML's EncryptionInfo/EncryptedPackage streams, BIFF's FilePass
 * record, ODF's manifest encryption-data); their content does not need to decrypt.
 */
type CfbEntry = { name: string; content?: unknown };

export function truncated(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.subarray(0, Math.floor(bytes.length * 0.6)));
}

/** A zip with the compressed data of part `name` changed in its middle; its central directory is intact. */
export function damagedZip(bytes: Uint8Array, name: string): Buffer {
  const b = Buffer.from(bytes);
  const nameBytes = Buffer.from(name, 'utf8');
  let local = -1;
  let size = -1;
  for (let at = b.indexOf(nameBytes); at >= 0; at = b.indexOf(nameBytes, at + 1)) {
    if (at >= 30 && b.readUInt32LE(at - 30) === 0x04034b50) local = at - 30;
    // Local headers may leave the sizes to a trailing descriptor; the central directory has them.
    if (at >= 46 && b.readUInt32LE(at - 46) === 0x02014b50) size = b.readUInt32LE(at - 46 + 20);
  }
  if (local < 0 || size <= 0) throw new Error(`no entry ${name}`);
  const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
  const mid = start + Math.floor(size / 2);
  for (let i = mid; i < Math.min(mid + 48, start + size); i++) b[i] ^= 0xff;
  return b;
}

/** An OLE2 file whose header points its directory to a sector that is not there. */
export function damagedCfb(bytes: Uint8Array): Buffer {
  const b = Buffer.from(bytes);
  b.writeUInt32LE(0x7ffffff0, 0x30); // first directory sector
  return b;
}

function cfbWith(streams: Record<string, Uint8Array>): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, name, data);
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

/** What Excel/WPS save for an .xlsx with an open password: an OLE2 file with the encrypted package. */
export function encryptedXlsx(): Buffer {
  return cfbWith({
    EncryptionInfo: Uint8Array.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
    EncryptedPackage: new Uint8Array(4096).fill(0x5a),
  });
}

/** An .xls with a FilePass record (XOR obfuscation) right after the workbook's BOF, as Excel writes it. */
export function encryptedXls(xls: Uint8Array): Buffer {
  const cfb = XLSX.CFB.read(Buffer.from(xls), { type: 'buffer' });
  const entry = (cfb.FileIndex as CfbEntry[]).find((e) => e.name === 'Workbook');
  if (!entry?.content) throw new Error('no Workbook stream');
  const stream = Buffer.from(Uint8Array.from(entry.content as ArrayLike<number>));
  const bofEnd = 4 + stream.readUInt16LE(2);
  const filePass = Buffer.from([0x2f, 0x00, 0x06, 0x00, 0x00, 0x00, 0x34, 0x12, 0x78, 0x56]);
  entry.content = Buffer.concat([stream.subarray(0, bofEnd), filePass, stream.subarray(bofEnd)]);
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

/** An .ods whose manifest says content.xml is encrypted (LibreOffice's 使用密码保存). */
export function encryptedOds(ods: Uint8Array): Buffer {
  const zip = XLSX.CFB.read(Buffer.from(ods), { type: 'buffer' });
  const manifest = (zip.FileIndex as CfbEntry[]).find((e) => e.name === 'manifest.xml');
  if (!manifest?.content) throw new Error('no manifest');
  const xml = Buffer.from(Uint8Array.from(manifest.content as ArrayLike<number>)).toString('utf8');
  const encrypted = xml.replace(
    /(<manifest:file-entry manifest:full-path="content\.xml"[^>]*?)\/>/,
    '$1><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/></manifest:encryption-data></manifest:file-entry>',
  );
  if (encrypted === xml) throw new Error('manifest without a content.xml entry');
  manifest.content = Buffer.from(encrypted, 'utf8');
  return Buffer.from(XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer' }) as Buffer);
}

/** An OLE2 file without a Workbook stream (the stream name is arbitrary): not BIFF, so not readable as .xls. */
export function foreignCfb(): Buffer {
  return cfbWith({ Contents: new Uint8Array(2048).fill(1) });
}
