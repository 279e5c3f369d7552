import ExcelJS from 'exceljs';
import type { ApplyResult, CellEdit } from '../core/fixes';
import type { Workbook } from '../core/model/grid';
import type { SheetPlan } from '../core/templates/plan';
import type { CellWrite, NarrativeText, WebEngine } from './engine';
import { applyEditsToCopy } from './sessionEdits';

/**
 * Writes plans into an existing exceljs workbook (sheets are added; a sheet of the same name
 * is replaced). Supplied by engineImpl so the page never lays out a cell itself.
 */
export type PlanWriter = (wb: ExcelJS.Workbook, plans: SheetPlan[]) => void;

export const NARRATIVE_SHEET = '情况说明';

/**
 * One opened workbook in the page: the clerk's workbook as exceljs holds it (so everything we do
 * not touch — styles, print settings, other sheets — goes back out unchanged on download) and
 * its grid model for the engine. An .xls/.et/.ods is held as its .xlsx copy (the download is
 * .xlsx; `note` tells the clerk what the copy does not keep). Nothing leaves the browser.
 */
export class XlsxSession {
  private constructor(
    readonly fileName: string,
    private readonly xwb: ExcelJS.Workbook,
    public grid: Workbook,
    private readonly engine: WebEngine,
    /** Set when the file is not .xlsx and the page works on its converted copy. */
    readonly note?: string,
  ) {}

  static async open(engine: WebEngine, fileName: string, bytes: Uint8Array): Promise<XlsxSession> {
    // The engine's reader explains encrypted, damaged and foreign files; it must run before exceljs.
    const grid = await engine.read(bytes, fileName);
    const copy = await engine.xlsxCopy(bytes, fileName);
    const xwb = new ExcelJS.Workbook();
    await xwb.xlsx.load(toArrayBuffer(copy.bytes));
    return new XlsxSession(fileName, xwb, grid, engine, copy.note);
  }

  sheetNames(): string[] {
    return this.xwb.worksheets.map((w) => w.name);
  }

  /** Adds (or replaces) sheets from plans, then rereads the grid so the page shows what Excel will. */
  async applyPlans(plans: SheetPlan[], write: PlanWriter): Promise<void> {
    await this.apply({ plans }, write);
  }

  /** Cell writes into existing sheets, new sheets, sheets to hide — then one reread. */
  async apply(
    change: { writes?: CellWrite[]; plans?: SheetPlan[]; hide?: string[] },
    write: PlanWriter,
  ): Promise<void> {
    for (const w of change.writes ?? []) {
      const ws = this.xwb.getWorksheet(w.sheet);
      if (!ws) throw new Error(`工作表“${w.sheet}”不存在，无法写入 ${w.cell}`);
      ws.getCell(w.cell).value = w.value;
    }
    if (change.plans?.length) write(this.xwb, change.plans);
    for (const name of change.hide ?? []) {
      const ws = this.xwb.getWorksheet(name);
      if (ws) ws.state = 'hidden';
    }
    await this.reload();
  }

  /** A plan of cell edits (a fix, 尾差调平, an undo), each only where the cell still holds its `old`; then one reread. */
  async applyEdits(edits: readonly CellEdit[]): Promise<ApplyResult> {
    const result = applyEditsToCopy(this.xwb, this.grid, edits);
    if (result.applied.length > 0) await this.reload();
    return result;
  }

  /** 情况说明 on its own sheet, one paragraph line per row, replacing an earlier one. */
  async writeNarrative(text: NarrativeText): Promise<void> {
    this.removeSheet(NARRATIVE_SHEET);
    const ws = this.xwb.addWorksheet(NARRATIVE_SHEET);
    ws.getColumn(1).width = 100;
    ws.getCell(1, 1).value = text.heading;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    text.lines.forEach((line, i) => {
      const c = ws.getCell(i + 2, 1);
      c.value = line;
      c.alignment = { wrapText: true, vertical: 'top' };
      if (/^[一二三四五六七八九十]+、/.test(line)) c.font = { bold: true };
    });
    await this.reload();
  }

  async toBytes(): Promise<Uint8Array> {
    const buf = await this.xwb.xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  }

  private removeSheet(name: string): void {
    const ws = this.xwb.getWorksheet(name);
    if (ws) this.xwb.removeWorksheet(ws.id);
  }

  private async reload(): Promise<void> {
    this.grid = await this.engine.read(await this.toBytes(), this.fileName);
  }
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
