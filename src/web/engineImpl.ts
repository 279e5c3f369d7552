import type ExcelJS from 'exceljs';
import { projectsFromDisclosure } from '../core/forms/projects';
import { settingsFromForms } from '../core/forms/infer';
import { locateForms } from '../core/forms/locate';
import { newFormSettings } from '../core/forms/plan';
import { addedFormPlans, planSync, recordPlan, updatesByForm } from '../core/forms/sync';
import type { Workbook } from '../core/model/grid';
import { generateNarrative } from '../core/narrative/generate';
import { renderTemplates } from '../core/templates/layout';
import type { SheetPlan } from '../core/templates/plan';
import type { TemplateParamsInput } from '../core/templates/schema';
import { balanceEdits, balanceWorkbook } from '../core/balance';
import { analyzeWorkbook, type Analysis } from '../core/check';
import { planFixes, type FixPlan } from '../core/fixes';
import { tagToDefinedName } from '../core/templates/tags';
import { readWorkbookBytes } from '../xlsx/readWorkbook';
import { xlsxCopyOf, type XlsxCopy } from '../xlsx/toXlsx';
import { planToWorksheet } from '../xlsx/write';
import type { BalancePlan } from '../taskpane/adapter';
import type { FormSync, NarrativeText, WebEngine } from './engine';
import type { PlanWriter } from './xlsxSession';

/** The page's engine: the same src/core and src/xlsx code the CLI and the task pane run. */
export const webEngine: WebEngine = {
  async read(bytes: Uint8Array, fileName: string): Promise<Workbook> {
    const wb = await readWorkbookBytes(bytes, fileName);
    if (wb.sheets.length === 0) throw new Error(`“${fileName}”中没有工作表`);
    return wb;
  },

  xlsxCopy(bytes: Uint8Array, fileName: string): Promise<XlsxCopy> {
    return xlsxCopyOf(bytes, fileName);
  },

  analyze(wb: Workbook): Analysis {
    return analyzeWorkbook(wb);
  },

  templatePlans(params: TemplateParamsInput): SheetPlan[] {
    return renderTemplates(params);
  },

  formSync(a: Analysis, wb: Workbook): FormSync {
    const projects = projectsFromDisclosure(a.disclosure);
    const settings = newFormSettings(a.disclosure, settingsFromForms(locateForms(wb)));
    const sync = planSync(projects, wb, settings);
    const updates = sync.updates.map((u) => ({ sheet: u.sheet, cell: u.cell, value: u.to }));
    return {
      added: addedFormPlans(sync, wb, settings),
      updates,
      record: recordPlan(sync.record),
      updatedForms: updatesByForm(sync.updates).length,
      kept: sync.kept.length,
      flagged: sync.flagged.length,
    };
  },

  narrative(a: Analysis): NarrativeText {
    const n = generateNarrative(a.disclosure);
    const lines: string[] = [];
    for (const p of n.paragraphs) {
      lines.push(`${p.no}、${p.title}`);
      for (const l of p.text.split('\n')) if (l.trim()) lines.push(l);
    }
    return { heading: n.heading, lines };
  },

  fixes(wb: Workbook, a: Analysis): FixPlan {
    return planFixes(wb, a);
  },

  balance(wb: Workbook): BalancePlan {
    const result = balanceWorkbook(wb);
    return { result, edits: balanceEdits(result) };
  },
};

/**
 * exceljs writer for plans into the opened workbook. A sheet carrying the same tag (an earlier
 * form of the same project) is replaced, and its defined name with it, so the tag stays unique.
 */
export const writePlansInto: PlanWriter = (wb: ExcelJS.Workbook, plans: SheetPlan[]) => {
  for (const p of plans) {
    const name = tagToDefinedName(p.tag);
    const old = taggedSheets(wb, name);
    wb.definedNames.removeAllNames(name);
    for (const sheetName of old) {
      const ws = wb.getWorksheet(sheetName);
      if (ws) wb.removeWorksheet(ws.id);
    }
    const existing = wb.getWorksheet(p.name);
    if (existing) wb.removeWorksheet(existing.id);
    planToWorksheet(wb, p);
  }
  // Our totals are formulas without cached values: have Excel/WPS compute them on open.
  wb.calcProperties.fullCalcOnLoad = true;
};

function taggedSheets(wb: ExcelJS.Workbook, definedName: string): string[] {
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? [];
  const out: string[] = [];
  for (const dn of model) {
    if (dn.name !== definedName) continue;
    for (const r of dn.ranges ?? []) {
      const m = /^(?:'((?:[^']|'')+)'|([^!]+))!/.exec(r);
      if (m) out.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
    }
  }
  return out;
}
