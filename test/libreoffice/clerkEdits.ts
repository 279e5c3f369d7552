import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/**
 * Replays what a clerk does in a spreadsheet program — insert a row, type into it — with
 * LibreOffice itself (a Basic macro in a throwaway profile), so reference adjustment on row
 * insertion is LibreOffice's real behaviour, not an emulation of it.
 */
export interface ClerkEdit {
  sheetIndex: number;
  /** 0-based row at which one new row is inserted (the old row moves down). */
  insertAt: number;
  cells: { col: number; text?: string; value?: number }[];
}

const run = promisify(execFile);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function basic(edits: ClerkEdit[]): string {
  const lines = [
    'Sub Main',
    '  Dim args(0) As New com.sun.star.beans.PropertyValue',
    '  args(0).Name = "Hidden"',
    '  args(0).Value = True',
    '  doc = StarDesktop.loadComponentFromURL(ConvertToURL(Environ("BD_IN")), "_blank", 0, args())',
  ];
  for (const e of edits) {
    lines.push(`  sheet = doc.Sheets.getByIndex(${e.sheetIndex})`, `  sheet.Rows.insertByIndex(${e.insertAt}, 1)`);
    for (const c of e.cells) {
      if (c.text !== undefined)
        lines.push(`  sheet.getCellByPosition(${c.col}, ${e.insertAt}).String = "${c.text.replace(/"/g, '""')}"`);
      if (c.value !== undefined) lines.push(`  sheet.getCellByPosition(${c.col}, ${e.insertAt}).Value = ${c.value}`);
    }
  }
  lines.push(
    '  doc.calculateAll()',
    '  Dim s(0) As New com.sun.star.beans.PropertyValue',
    '  s(0).Name = "FilterName"',
    '  s(0).Value = "Calc MS Excel 2007 XML"',
    '  doc.storeToURL(ConvertToURL(Environ("BD_OUT")), s())',
    '  doc.close(True)',
    'End Sub',
  );
  return lines.join('\n');
}

export async function applyClerkEdits(input: string, output: string, edits: ClerkEdit[]): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'bd-lo-macro-'));
  const env = `-env:UserInstallation=${pathToFileURL(profile).href}`;
  try {
    // A fresh profile installs its default Basic library on first start; write ours after that.
    await run('soffice', [env, '--headless', '--terminate_after_init'], { timeout: 120_000 });
    const module = join(profile, 'user', 'basic', 'Standard', 'Module1.xba');
    if (!existsSync(module)) throw new Error('LibreOffice profile has no Standard Basic library');
    writeFileSync(
      module,
      `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${esc(basic(edits))}
</script:module>
`,
    );
    await run('soffice', [env, '--headless', '--invisible', 'macro:///Standard.Module1.Main'], {
      timeout: 120_000,
      env: { ...process.env, BD_IN: input, BD_OUT: output },
    });
    if (!existsSync(output)) throw new Error('the LibreOffice macro did not save the edited workbook');
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
