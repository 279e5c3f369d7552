import type { Disclosure, LocatedTable, TableRow } from '../model/disclosure';
import type { Finding } from '../model/finding';
import { addr } from '../model/grid';
import type { CodeTable } from '../reference';
import type { TableId } from '../templates/schema';
import { place } from './describe';
import type { RuleModule } from './types';
import { sameNameKey } from '../text/sameName';

/**
 * 科目编码 ↔ 科目名称 (docs/domain.md § 功能分类). Rule ids:
 *   CN1 error   — the same code carries different names in different tables of the workbook
 *                 (000: 2210202 租房补贴 in 表2/表3, 提租补贴 in 表5). One finding per code; the
 *                 primary cell is the first name that differs from the standard name.
 *   CN2 warning — a name the reference lists as outdated for the code (001: 20805 行政事业单位离退休).
 *   CN3 warning — any other name that differs from the reference (000: 租房补贴, once for all its cells).
 *   CN4 info    — a code the reference does not know (check it against the year's 科目表).
 * 表7 (收入科目) and 表9 use other code lists and are not compared with the expenditure reference.
 */
const FUNCTIONAL_TABLES: readonly TableId[] = ['t2', 't3', 't5', 't8'];

interface NameUse {
  table: LocatedTable;
  row: TableRow;
  /** `sameNameKey` of the name: what decides two names are one. */
  key: string;
  name: string;
  sheet: string;
  cell: string;
}

/** As printed, without the spaces clerks pad names with: what messages quote. */
const printed = (s: string): string => s.replace(/[\s\u3000]/g, '');

function nameCell(table: LocatedTable, row: TableRow): string {
  const col = table.columns.name?.col ?? (table.columns.code ? table.columns.code.col + 1 : 1);
  return addr(row.row, col);
}

function collect(d: Disclosure): Map<string, NameUse[]> {
  const uses = new Map<string, NameUse[]>();
  for (const id of FUNCTIONAL_TABLES) {
    const table = d.tables[id];
    if (!table) continue;
    for (const row of table.rows) {
      if (!row.code || !row.name) continue;
      const use: NameUse = {
        table,
        row,
        key: sameNameKey(row.name),
        name: printed(row.name),
        sheet: table.sheet,
        cell: nameCell(table, row),
      };
      const list = uses.get(row.code);
      if (list) list.push(use);
      else uses.set(row.code, [use]);
    }
  }
  return uses;
}

function codeCell(u: NameUse): string {
  return addr(u.row.row, u.table.columns.code?.col ?? 0);
}

function where(uses: { table: LocatedTable; sheet: string; cell: string }[]): string {
  return uses.map((u) => place(u.table.id, u.sheet, u.cell)).join('、');
}

export function checkCodeNames(d: Disclosure, codes: CodeTable): Finding[] {
  const out: Finding[] = [];
  for (const [code, uses] of collect(d)) {
    const ref = codes.get(code);
    const standardKey = ref ? sameNameKey(ref.name) : undefined;
    const standard = ref ? printed(ref.name) : undefined;
    const byName = new Map<string, NameUse[]>();
    for (const u of uses) {
      const list = byName.get(u.key);
      if (list) list.push(u);
      else byName.set(u.key, [u]);
    }
    // CN1's precondition: the code is printed under two names that are not the same name.
    if (byName.size > 1) {
      const ordered = [...byName.entries()].sort(
        ([a], [b]) => (a === standardKey ? 1 : 0) - (b === standardKey ? 1 : 0),
      );
      const all = ordered.flatMap(([, us]) => us);
      const primary = all[0];
      const variants = ordered.map(([, us]) => `“${us[0].name}”（${where(us)}）`).join('，');
      out.push({
        rule: 'CN1',
        severity: 'error',
        table: primary.table.id,
        sheet: primary.sheet,
        cell: primary.cell,
        cells: all.map((u) => ({ sheet: u.sheet, cell: u.cell })),
        row: code,
        column: '科目名称',
        expected: standard,
        actual: primary.name,
        message:
          `科目 ${code} 在各表中的名称不一致：${variants}` +
          (standard ? `；标准名称为“${standard}”，请统一改为标准名称（错误）` : '；同一科目在各表中必须同名（错误）'),
      });
    }
    if (!ref) {
      const u = uses[0];
      const codeCells = uses.map((x) => ({ table: x.table, sheet: x.sheet, cell: codeCell(x) }));
      out.push({
        rule: 'CN4',
        severity: 'info',
        table: u.table.id,
        sheet: u.sheet,
        cell: codeCells[0].cell,
        cells: codeCells.map((x) => ({ sheet: x.sheet, cell: x.cell })),
        row: code,
        column: '科目编码',
        message: `科目 ${code}“${u.name}”（${where(codeCells)}）不在内置科目表中，请对照本年度政府收支分类科目核实编码与名称（信息）`,
      });
      continue;
    }
    for (const [key, us] of byName) {
      if (key === standardKey) continue;
      const name = us[0].name;
      const outdated = ref.outdated.some((o) => sameNameKey(o) === key);
      out.push({
        rule: outdated ? 'CN2' : 'CN3',
        severity: 'warning',
        table: us[0].table.id,
        sheet: us[0].sheet,
        cell: us[0].cell,
        cells: us.map((u) => ({ sheet: u.sheet, cell: u.cell })),
        row: code,
        column: '科目名称',
        expected: ref.name,
        actual: name,
        message: outdated
          ? `科目 ${code} 的名称“${name}”（${where(us)}）是旧科目名称，现行名称为“${ref.name}”，请更新（提示）`
          : `科目 ${code} 的名称“${name}”（${where(us)}）与标准科目名称“${ref.name}”不同，请核对（提示）`,
      });
    }
  }
  return out;
}

export const CODE_NAME_RULES: RuleModule = {
  id: 'code-names',
  description: '科目编码与名称：各表同码同名（CN1）、旧名称（CN2）、与标准名称不符（CN3）、未知编码（CN4）',
  run: (ctx) => checkCodeNames(ctx.disclosure, ctx.codes),
};
