/**
 * How to split the reads of one pass into syncs under Excel's payload limit (5 MB per request
 * and response on Excel on the web). Pure: sizes in, batches out. A workbook of the usual size
 * is one batch, so a pass stays at one read sync; only a sheet too big for one response is read
 * in row bands, and only then does the number of syncs grow (the limit, not our choice).
 */

/** What the previous pass saw of a sheet's used range, and about how many bytes it cost. */
export interface SheetSize {
  top: number;
  left: number;
  rows: number;
  cols: number;
  bytes: number;
}

export interface Band {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export interface ReadPiece {
  sheetId: string;
  /** Absent: the sheet's whole used range (its current extent, whatever it is now). */
  band?: Band;
  /** Estimated response bytes (0 when unknown). */
  bytes: number;
  /** The piece that also loads the sheet's merged areas. */
  withMerges: boolean;
}

/** Below Excel on the web's 5 MB, leaving room for names, sheet list and marks bookkeeping. */
export const DEFAULT_PAYLOAD_LIMIT = 4_000_000;

/** A guess for sheets never read before, after a response proved too big: CJK text in both values and formulas. */
export const CONSERVATIVE_BYTES_PER_CELL = 96;

/** The pieces of one sheet: whole if it fits, else row bands that each fit. */
export function piecesOf(sheetId: string, size: SheetSize | undefined, limit: number): ReadPiece[] {
  if (!size || size.bytes <= limit || size.rows <= 1) return [{ sheetId, bytes: size?.bytes ?? 0, withMerges: true }];
  const perRow = size.bytes / size.rows;
  const rowsPerBand = Math.max(1, Math.floor(limit / perRow));
  const out: ReadPiece[] = [];
  for (let top = size.top; top < size.top + size.rows; top += rowsPerBand) {
    const rows = Math.min(rowsPerBand, size.top + size.rows - top);
    out.push({
      sheetId,
      band: { top, left: size.left, rows, cols: size.cols },
      bytes: Math.ceil(perRow * rows),
      withMerges: out.length === 0,
    });
  }
  return out;
}

/**
 * Packs the pieces of `sheetIds` into batches of at most `limit` estimated bytes, in sheet order
 * (first fit). The first batch rides with the sheet list and the marks bookkeeping.
 */
export function planReads(
  sheetIds: readonly string[],
  sizes: Readonly<Record<string, SheetSize | undefined>>,
  limit: number,
): ReadPiece[][] {
  const batches: ReadPiece[][] = [];
  let current: ReadPiece[] = [];
  let bytes = 0;
  for (const id of sheetIds) {
    for (const piece of piecesOf(id, sizes[id], limit)) {
      if (current.length > 0 && bytes + piece.bytes > limit) {
        batches.push(current);
        current = [];
        bytes = 0;
      }
      current.push(piece);
      bytes += piece.bytes;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Rough JSON size of one cell in a values + formulas + valueTypes response. */
export function cellBytes(value: unknown, formula: unknown): number {
  return jsonBytes(value) + (formula === value ? jsonBytes(value) : jsonBytes(formula)) + 10;
}

function jsonBytes(v: unknown): number {
  if (typeof v === 'string') {
    let n = 2;
    for (let i = 0; i < v.length; i++) n += v.charCodeAt(i) < 0x80 ? 1 : 3;
    return n;
  }
  if (typeof v === 'number') return 18;
  return 5;
}

const TOO_BIG = new Set(['responsepayloadsizelimitexceeded', 'requestpayloadsizelimitexceeded', 'rangeexceedslimit']);

function codeOf(e: unknown, key: 'code' | 'innerError'): unknown {
  return typeof e === 'object' && e !== null && key in e ? (e as Record<string, unknown>)[key] : undefined;
}

/**
 * Excel's answers to a request or response over its size limits. The code is compared without
 * case (Graph spells it in lower camel case) and looked for in `innerError` too.
 */
export function isTooBig(e: unknown): boolean {
  const codes = [codeOf(e, 'code'), codeOf(codeOf(e, 'innerError'), 'code')];
  return codes.some((c) => typeof c === 'string' && TOO_BIG.has(c.toLowerCase()));
}

/**
 * Older Excel on the web answered a request or response over its size limit with a bare
 * `GeneralException` ("An internal error has occurred.") instead of the payload codes
 * (OfficeDev/office-js-docs-reference#354, OfficeDev/office-js#1314). It also means many other
 * things, so a read takes it for "too big" only when the read could have been big, and once.
 */
export function isGeneralException(e: unknown): boolean {
  const c = codeOf(e, 'code');
  return typeof c === 'string' && c.toLowerCase() === 'generalexception';
}

/** Thrown by our own read when Excel answers `values: null` (a range over its cell limit). */
export class RangeTooBigError extends Error {
  readonly code = 'RangeExceedsLimit';
}

/**
 * Used ranges beyond this many cells are not read: a disclosure workbook has tens of thousands
 * of cells, and a used range of millions means stray content far from the tables.
 */
export const MAX_SHEET_CELLS = 2_000_000;
