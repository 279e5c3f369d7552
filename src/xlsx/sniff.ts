/**
 * What a file is, from its first bytes, before any reader touches it: the clerk gets a Chinese
 * sentence naming the fix instead of a parser's stack trace. Pure (no Node built-ins): the
 * browser page runs it too.
 */
export type WorkbookReadFailure = 'encrypted' | 'not-a-workbook' | 'corrupt' | 'missing' | 'empty' | 'unsupported';

export class WorkbookReadError extends Error {
  constructor(
    readonly reason: WorkbookReadFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

/** The container a reader will see: OOXML or ODF zip, OLE2/CFB (.xls, .et, encrypted OOXML), XML/HTML text. */
export type WorkbookContainer = 'ooxml' | 'ods' | 'cfb' | 'markup';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_END = [0x50, 0x4b, 0x05, 0x06];

export function describe(name: string): string {
  return name ? `“${name}”` : '该文件';
}

export function isEtName(name: string): boolean {
  return /\.et$/i.test(name);
}

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  if (buf.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (buf[i] !== magic[i]) return false;
  return true;
}

function ascii(s: string): number[] {
  return [...s].map((ch) => ch.charCodeAt(0));
}

function utf16le(s: string): number[] {
  return [...s].flatMap((ch) => [ch.charCodeAt(0), 0]);
}

/** Index of `needle` in `hay` from `from`, scanning at most `limit` bytes (-1: absent). */
function indexOfBytes(hay: Uint8Array, needle: number[], from = 0, limit = hay.length): number {
  const end = Math.min(hay.length, from + limit) - needle.length;
  const first = needle[0];
  outer: for (let i = from; i <= end; i++) {
    if (hay[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function contains(hay: Uint8Array, needle: number[]): boolean {
  return indexOfBytes(hay, needle) >= 0;
}

/** Password-protected OOXML is a CFB container holding these streams (names are UTF-16LE). */
const ENCRYPTED_OOXML = ['EncryptedPackage', 'EncryptionInfo'].map(utf16le);

export function encryptedMessage(name: string): string {
  return (
    `${describe(name)}设置了打开密码，无法读取。请在 Excel 或 WPS 中打开并取消密码后再试` +
    '（Excel：文件→信息→保护工作簿→用密码进行加密，清空密码；WPS：文件→文档加密→密码加密，清空密码；' +
    'LibreOffice：文件→另存为，不勾选“使用密码保存”）'
  );
}

export function notAWorkbookMessage(name: string, detail = ''): string {
  return `${describe(name)}不是 Excel 工作簿${detail}（可读取 .xlsx、.xls、.et、.ods），无法读取`;
}

export function corruptMessage(name: string, detail?: string): string {
  const why = detail ? `（${detail}）` : '';
  return `${describe(name)}已损坏，无法读取${why}。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试`;
}

/** WPS's own .et, when it is not the BIFF8 layout every reader understands. */
export function etMessage(name: string): string {
  return `${describe(name)}是 WPS 表格（.et）文件，但无法读取其内容。请在 WPS 中打开，另存为 .xlsx 后再试`;
}

/**
 * Classifies the bytes; throws WorkbookReadError when they cannot be a workbook we read.
 * The zip checks look at the central directory (at the end) and the part names it lists.
 */
export function sniffWorkbook(buf: Uint8Array, name = ''): WorkbookContainer {
  if (buf.length === 0) {
    throw new WorkbookReadError('empty', `${describe(name)}是空文件（0 字节），不是工作簿。请重新保存或重新下载后再试`);
  }
  if (startsWith(buf, CFB_MAGIC)) {
    if (ENCRYPTED_OOXML.some((s) => contains(buf, s))) throw new WorkbookReadError('encrypted', encryptedMessage(name));
    return 'cfb';
  }
  if (startsWith(buf, ZIP_LOCAL) || startsWith(buf, ZIP_END)) {
    // The end-of-central-directory record sits in the last 64 KiB + 22 bytes; without it the file was cut off.
    const tail = Math.max(0, buf.length - 65_557);
    if (indexOfBytes(buf, ZIP_END, tail) < 0) {
      throw new WorkbookReadError('corrupt', corruptMessage(name, '文件不完整，可能下载或复制时被截断'));
    }
    if (contains(buf, ascii('xl/workbook.'))) return 'ooxml';
    if (contains(buf, ascii('application/vnd.oasis.opendocument.spreadsheet'))) return 'ods';
    if (contains(buf, ascii('META-INF/manifest.xml'))) {
      throw new WorkbookReadError(
        'not-a-workbook',
        notAWorkbookMessage(name, '（是 OpenDocument 文档，但不是电子表格）'),
      );
    }
    if (contains(buf, ascii('word/document.xml')) || contains(buf, ascii('ppt/presentation.xml'))) {
      throw new WorkbookReadError('not-a-workbook', notAWorkbookMessage(name, '（是 Word 或 PowerPoint 文件）'));
    }
    throw new WorkbookReadError('not-a-workbook', notAWorkbookMessage(name, '（是压缩包）'));
  }
  if (looksLikeSpreadsheetMarkup(buf)) return 'markup';
  throw new WorkbookReadError('not-a-workbook', notAWorkbookMessage(name));
}

/**
 * Budget systems often export "xls" that are really Excel 2003 XML or an HTML table. Plain text
 * (CSV and the like) is refused: a reader would guess its columns, and a guess is not a check.
 */
function looksLikeSpreadsheetMarkup(buf: Uint8Array): boolean {
  let i = 0;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
  while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x0a || buf[i] === 0x0d || buf[i] === 0x09)) i++;
  if (buf[i] !== 0x3c) return false;
  const head = new TextDecoder('utf-8').decode(buf.subarray(i, i + 65_536)).toLowerCase();
  return head.includes('urn:schemas-microsoft-com:office:spreadsheet') || /<table[\s>]/.test(head);
}
