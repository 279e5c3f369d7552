import Decimal from 'decimal.js';
import type { Cell, Sheet, Workbook } from '../../../src/core/model/grid';
import { buildSeed, loadFixture, type SeedId } from '../../fixtures/seeds';
import type { FixtureForm } from '../../fixtures/fixture';

/**
 * A seed turned into a 部门 document (issue 11 class 1): its 表12 projects split between the
 * department's own office and a unit below it, the forms of the second unit naming that unit as
 * 实施单位, and 表12 printed three ways:
 *  - `grouped`: the department total, then each unit's subtotal row with its projects indented
 *    under it (as 004 prints);
 *  - `groupedSelf`: the same, the department's own office printed as `局机关`;
 *  - `flat`: 合计 and every project flush, no unit rows — 表12 does not say which unit a project
 *    belongs to.
 * The tables are the seed's published workbook with 表12 rewritten and `单位名称` read as `部门名称`.
 */
export type T12Shape = 'grouped' | 'groupedSelf' | 'flat';

/** A unit below the department; no seed's name. */
export const SUBORDINATE_UNIT = '示例市综合服务中心';

type T12Row = ReturnType<typeof loadFixture>['tables']['t12']['rows'][number];

const key = (s: string): string => s.replace(/\s/g, '');

function projectsOf(seed: SeedId): T12Row[] {
  return loadFixture(seed).tables.t12.rows.filter((r) => r.kind === 'project');
}

/** The second half of the projects belong to the subordinate unit. */
export function subordinateProjects(seed: SeedId): Set<string> {
  const ps = projectsOf(seed);
  return new Set(ps.slice(Math.ceil(ps.length / 2)).map((p) => key(p.name)));
}

/** The forms with the subordinate unit's projects naming it as 实施单位. */
export function departmentForms(seed: SeedId, forms: readonly FixtureForm[]): FixtureForm[] {
  const sub = subordinateProjects(seed);
  return forms.map((f) => (sub.has(key(f.projectName)) ? { ...f, implementingUnit: SUBORDINATE_UNIT } : f));
}

function sumRows(rows: T12Row[], columns: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of columns) {
    const s = rows.reduce((a, r) => a.plus(new Decimal(r.values[c] ?? 0)), new Decimal(0));
    out[c] = s.toFixed(2);
  }
  return out;
}

function rewriteT12(seed: SeedId, sheet: Sheet, shape: T12Shape): Sheet {
  const fx = loadFixture(seed);
  const t = fx.tables.t12;
  const first = key(t.rows[0].name);
  const start = sheet.rows.findIndex((r) => typeof r?.[0]?.value === 'string' && key(r[0].value) === first);
  if (start < 0) throw new Error(`表12 body not found in ${sheet.name}`);
  const rows: (Cell | undefined)[][] = sheet.rows.slice(0, start).map((r) => (r ? [...r] : r));
  const put = (name: string, values: Record<string, string | null>): void => {
    rows.push([{ value: name }, ...t.columns.map((c) => (values[c] ? { value: Number(values[c]) } : undefined))]);
  };
  const projects = projectsOf(seed);
  const sub = subordinateProjects(seed);
  const own = projects.filter((p) => !sub.has(key(p.name)));
  const theirs = projects.filter((p) => sub.has(key(p.name)));
  if (shape === 'flat') {
    put('合计', sumRows(projects, t.columns));
    for (const p of projects) put(p.name, p.values);
  } else {
    put(fx.unit, sumRows(projects, t.columns));
    const ownName = shape === 'groupedSelf' ? '局机关' : fx.unit;
    for (const [unit, ps] of [
      [ownName, own],
      [SUBORDINATE_UNIT, theirs],
    ] as const) {
      put(`\u3000${unit}`, sumRows(ps, t.columns));
      for (const p of ps) put(`\u3000\u3000${p.name}`, p.values);
    }
  }
  return { ...sheet, rows, merges: sheet.merges.filter((m) => m.top < start) };
}

/** Every `单位名称：…` line reads `部门名称：…`: the document is a 部门 document. */
function asDepartmentLines(sheet: Sheet): Sheet {
  return {
    ...sheet,
    rows: sheet.rows.map((r) =>
      r?.map((c) =>
        c && typeof c.value === 'string' && c.value.startsWith('单位名称')
          ? { ...c, value: c.value.replace(/^单位名称/, '部门名称') }
          : c,
      ),
    ),
  };
}

/** The seed's 13 tables as a 部门 document with 表12 in the given shape. */
export function departmentTables(seed: SeedId, shape: T12Shape): Workbook {
  const { workbook, expected } = buildSeed(seed, 'published');
  const t12Sheet = expected.t12.sheet;
  return {
    sheets: workbook.sheets.map((s) => asDepartmentLines(s.name === t12Sheet ? rewriteT12(seed, s, shape) : s)),
  };
}
