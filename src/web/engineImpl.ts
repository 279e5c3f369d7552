import type ExcelJS from 'exceljs';
import { projectsFromDisclosure } from '../core/forms/projects';
import { renderForms } from '../core/forms/layout';
import { tagKey } from '../core/forms/layout';
import type { Disclosure } from '../core/model/disclosure';
import type { Workbook } from '../core/model/grid';
import { generateNarrative } from '../core/narrative/generate';
import { renderTemplates } from '../core/templates/layout';
import type { SheetPlan } from '../core/templates/plan';
import { TABLE_IDS, type TableId } from '../core/templates/schema';
import { tagToDefinedName } from '../core/templates/tags';
import { readXlsx } from '../xlsx/read';
import { planToWorksheet } from '../xlsx/write';
import { analyze } from './analyze';
import type { Analysis, NarrativeText, WebEngine } from './engine';
import type { PlanWriter } from './xlsxSession';

/** The page's engine: the same src/core and src/xlsx code the CLI and the task pane run. */
export const webEngine: WebEngine = {
  async read(bytes: Uint8Array, fileName: string): Promise<Workbook> {
    const wb = await readXlsx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (wb.sheets.length === 0) throw new Error(`“${fileName}”中没有工作表`);
    return wb;
  },

  analyze(wb: Workbook): Analysis {
    return analyze(wb);
  },

  missingTablePlans(a: Analysis, wb: Workbook): SheetPlan[] {
    const missing: TableId[] = TABLE_IDS.filter((id) => !a.disclosure.tables[id]);
    if (missing.length === 0) return [];
    const m = a.disclosure.meta;
    const plans = renderTemplates({
      year: m.year ?? new Date().getFullYear(),
      unit: m.unit ?? '（请填写单位名称）',
      level: m.level ?? '单位',
      tables: missing,
    });
    return uniqueNames(plans, new Set(wb.sheets.map((s) => s.name)));
  },

  formPlans(a: Analysis, wb: Workbook): SheetPlan[] {
    const d = a.disclosure;
    const projects = projectsFromDisclosure(d);
    if (projects.length === 0) return [];
    const ours = new Set(projects.map((p) => `form:${tagKey(p.key)}`));
    // A form sheet we are about to replace gives its name back, so an update keeps sheet names.
    const taken = wb.sheets.filter((s) => !(s.tag && ours.has(s.tag))).map((s) => s.name);
    // TODO(forms): use src/core/forms/sync.ts once it lands, so an update keeps the clerk's texts.
    return renderForms(projects, formSettings(d), { takenNames: taken });
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
};

function formSettings(d: Disclosure) {
  const unit = d.meta.unit ?? '';
  const city = /^(.{2,6}?)市/.exec(unit)?.[1] ?? '';
  return {
    year: d.meta.year ?? new Date().getFullYear(),
    titleMode: city ? ('city' as const) : ('none' as const),
    place: city,
    documentUnit: unit || undefined,
  };
}

function uniqueNames(plans: SheetPlan[], taken: Set<string>): SheetPlan[] {
  return plans.map((p) => {
    let name = p.name;
    for (let i = 2; taken.has(name); i++) name = `${p.name.slice(0, 27)}(${i})`;
    taken.add(name);
    return name === p.name ? p : { ...p, name };
  });
}

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
