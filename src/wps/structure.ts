import type { Merge } from '../core/model/grid';
import { parseAddr } from '../core/model/grid';
import { rectAddress } from '../core/templates/planLayout';
import type { EtWorksheet } from './et';

/**
 * Merges and cell indents of a sheet. Unlike Office.js (`getMergedAreasOrNullObject`,
 * `getCellProperties`), the ET model has no call that lists a sheet's merged areas or answers an
 * indent per cell for a whole range: `MergeCells` and `IndentLevel` answer one value for a range,
 * `MergeArea` works on single cells only (MergeArea 属性: “只应用于单个单元格区域”).
 *
 * So both are found by probing parts of the sheet: a part whose `MergeCells` is `false` has no
 * merge and costs one probe (a sheet without merges costs one); otherwise the `MergeArea` of its
 * top-left cell is read and the rest is probed in turn (scanMerges). The cost follows the merged
 * areas and the rows holding them, never the number of cells. The documents do not say what
 * `MergeCells` answers for a range that is only partly merged (VBA answers Null), so anything but
 * `false` counts as “may hold merges”. Indents are found by halving columns A–D (where clerks
 * indent the 部门 → 单位 → 项目 levels): `IndentLevel` of a range is one number when its cells agree.
 *
 * Merges and indents are layout, which the clerk's typing does not change: the live validator keeps
 * them per sheet and scans again only when the sheet's used range moves, or on 全部校验.
 */
export interface SheetStructure {
  /** Used range it was scanned for (`top,left,bottom,right`, 0-based). */
  shape: string;
  merges: Merge[];
  /** 0-based `r,c` → indent level, for cells with an indent. */
  indents: Map<string, number>;
}

/** Name columns whose indent is read (A–D), as the Excel host does (docs/excel-adapter.md). */
export const INDENT_COLUMNS = 4;

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const cells = (r: Rect): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** Two halves, across the longer side. */
function halves(r: Rect): [Rect, Rect] {
  if (r.bottom - r.top >= r.right - r.left) {
    const mid = Math.floor((r.top + r.bottom) / 2);
    return [
      { ...r, bottom: mid },
      { ...r, top: mid + 1 },
    ];
  }
  const mid = Math.floor((r.left + r.right) / 2);
  return [
    { ...r, right: mid },
    { ...r, left: mid + 1 },
  ];
}

function inside(r: Rect, m: Merge): boolean {
  return r.top >= m.top && r.bottom <= m.bottom && r.left >= m.left && r.right <= m.right;
}

/** `$B$3:$D$4` or `B3` (a sheet prefix is dropped) → 0-based rectangle. */
export function parseArea(address: string): Merge | undefined {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [a, b] = local.split(':');
  try {
    const p = parseAddr(a);
    const q = b ? parseAddr(b) : p;
    return { top: p.r, left: p.c, bottom: q.r, right: q.c };
  } catch {
    return undefined;
  }
}

/**
 * Merged areas inside the used range `used` (0-based). A part of the sheet is probed with
 * `MergeCells`; unless it answers `false`, its top-left cell's `MergeArea` is read, and the rest of
 * the part — the strip right of that area and the block below it — is probed the same way. Parts
 * without merges cost one probe each, so a sheet's cost follows its merged areas and the rows
 * that hold them, not its cells. A work list, not recursion: a tall sheet of forms must not run
 * out of stack.
 */
export function scanMerges(ws: EtWorksheet, used: Rect): Merge[] {
  const found: Merge[] = [];
  const todo: Rect[] = [used];
  while (todo.length > 0) {
    const r = todo.pop() as Rect;
    if (r.top > r.bottom || r.left > r.right || found.some((m) => inside(r, m))) continue;
    const range = ws.Range(rectAddress(r));
    if (range.MergeCells === false) continue;
    const corner = cells(r) === 1 ? range : range.Item(1, 1);
    const area = parseArea(corner.MergeArea.Address());
    let bottom = r.top;
    let right = r.left;
    if (area && cells(area) > 1) {
      if (!found.some((m) => m.top === area.top && m.left === area.left)) found.push(area);
      bottom = Math.min(area.bottom, r.bottom);
      right = Math.min(area.right, r.right);
    }
    todo.push({ top: bottom + 1, left: r.left, bottom: r.bottom, right: r.right });
    todo.push({ top: r.top, left: right + 1, bottom, right: r.right });
  }
  return found.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Indent levels of columns A–D down to the used range's last row (0-based rows/cols). */
export function scanIndents(ws: EtWorksheet, lastRow: number): Map<string, number> {
  const out = new Map<string, number>();
  const visit = (r: Rect): void => {
    const level = ws.Range(rectAddress(r)).IndentLevel;
    if (typeof level === 'number') {
      if (level > 0)
        for (let row = r.top; row <= r.bottom; row++)
          for (let c = r.left; c <= r.right; c++) out.set(`${row},${c}`, level);
      return;
    }
    // Not one number: the cells differ (VBA answers Null). A single cell that still answers no
    // number has no indent we can read.
    if (cells(r) === 1) return;
    for (const h of halves(r)) visit(h);
  };
  visit({ top: 0, left: 0, bottom: Math.max(lastRow, 0), right: INDENT_COLUMNS - 1 });
  return out;
}
