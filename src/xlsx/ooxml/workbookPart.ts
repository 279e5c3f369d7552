import type { DefinedName } from '../sheetFinish';
import { scanXml } from './xmlScanner';
import { relsPathOf, resolveTarget, type ZipPackage } from './zipPackage';

/**
 * The workbook part of an .xlsx (ECMA-376 Part 1, 18.2 Workbook): its sheets in order with the
 * part each one is stored in (through the workbook's relationships), the defined names (our BD_*
 * tags), the 1904 date system flag, and where the shared strings and styles are.
 */
export interface SheetEntry {
  name: string;
  /** Package path of the sheet's part; undefined when the relationship is missing. */
  path?: string;
  /** The relationship type's last segment: worksheet, chartsheet, dialogsheet, macrosheet … */
  kind?: string;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  names: DefinedName[];
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
}

interface Relationship {
  type: string;
  target: string;
}

/** `source`'s relationships by id (Part 2 §9.3: Relationship Id, Type, Target, TargetMode). */
export function relationships(pkg: ZipPackage, source: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const xml = pkg.text(relsPathOf(source));
  if (xml === undefined) return out;
  scanXml(xml, {
    open(name, scan) {
      if (name !== 'Relationship' || scan.attr('TargetMode') === 'External') return;
      const id = scan.attr('Id');
      const target = scan.attr('Target');
      if (id !== undefined && target !== undefined) {
        out.set(id, { type: scan.attr('Type') ?? '', target: resolveTarget(source, target) });
      }
    },
    close() {},
  });
  return out;
}

/** The last path segment of a relationship type (transitional and strict OOXML differ only before it). */
function kindOf(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

/** Where the package's main workbook part is (Part 2 §9.3.1 package relationships: officeDocument). */
export function workbookPath(pkg: ZipPackage): string | undefined {
  for (const rel of relationships(pkg, '').values()) if (kindOf(rel.type) === 'officeDocument') return rel.target;
  return pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
}

const TRUE = new Set(['1', 'true']);

export function readWorkbookPart(pkg: ZipPackage, path: string, xml: string): WorkbookInfo {
  const rels = relationships(pkg, path);
  const info: WorkbookInfo = { sheets: [], names: [], date1904: false };
  for (const rel of rels.values()) {
    const kind = kindOf(rel.type);
    if (kind === 'sharedStrings') info.sharedStrings ??= rel.target;
    else if (kind === 'styles') info.styles ??= rel.target;
  }
  let definedName: string | undefined;
  scanXml(xml, {
    open(name, scan) {
      switch (name) {
        case 'sheet': {
          const rel = rels.get(scan.attr('id') ?? '');
          info.sheets.push({ name: scan.attr('name') ?? '', path: rel?.target, kind: rel && kindOf(rel.type) });
          break;
        }
        case 'definedName':
          definedName = scan.attr('name');
          scan.collectText();
          break;
        case 'workbookPr':
          info.date1904 = TRUE.has(scan.attr('date1904') ?? '');
          break;
      }
    },
    close(name, scan) {
      if (name !== 'definedName') return;
      const ref = scan.takeText();
      if (definedName !== undefined) info.names.push({ name: definedName, ref });
      definedName = undefined;
    },
  });
  return info;
}
