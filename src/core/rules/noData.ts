import type { LocatedTable } from '../model/disclosure';
import type { Finding } from '../model/finding';
import { rangeAddr } from '../model/grid';
import { NO_DATA_NOTE, tableDef } from '../templates/tables';
import { place } from './describe';
import { tableIsBlank } from './tableIndex';
import type { RuleModule } from './types';

/**
 * Notes that declare "nothing to publish" (docs/domain.md § 无数据表述): `注：本表无数据` and county variants like
 * `备注：我单位本年度无政府性基金预算收入。`. Other footnotes (003's 尾差 note) are not such notes.
 */
const NO_DATA_PATTERNS: readonly RegExp[] = [
  /无数据/,
  /本年度无/,
  /单位无/,
  /(^|[：:])\s*无.{0,30}(预算|经费|收入|支出|结转)/,
];

export function isNoDataNote(note: string | undefined): boolean {
  if (!note) return false;
  return NO_DATA_PATTERNS.some((p) => p.test(note));
}

function firstCell(table: LocatedTable): string {
  const m = /^([A-Z]+\d+)/.exec(table.range);
  return m ? m[1] : rangeAddr({ top: table.headerRow, left: 0, bottom: table.headerRow, right: 0 });
}

/** W7: a table whose amounts are all blank carries a no-data note, and a note never sits on data. */
export function checkNoData(table: LocatedTable): Finding[] {
  const rule = tableDef(table.id).noDataRule;
  // Applies to every located table: blank ⇔ noted; anything else is silent.
  const blank = tableIsBlank(table);
  const noted = isNoDataNote(table.note);
  const cell = firstCell(table);
  const base = {
    rule,
    severity: 'warning' as const,
    table: table.id,
    sheet: table.sheet,
    cell,
    cells: [{ sheet: table.sheet, cell }],
  };
  if (blank && !noted) {
    return [
      {
        ...base,
        message: `${place(table.id, table.sheet, undefined)}没有任何金额，但表下没有“${NO_DATA_NOTE}”说明；空表须注明无数据（或填写应有的金额）`,
      },
    ];
  }
  if (!blank && noted) {
    return [
      {
        ...base,
        message: `${place(table.id, table.sheet, undefined)}有金额，但表下注明“${table.note}”；请删除该说明或核对金额`,
      },
    ];
  }
  return [];
}

export const NO_DATA_RULES: RuleModule = {
  id: 'no-data-note',
  description: 'W7：空表 ⇔ 注明“注：本表无数据”（提示）',
  run: (ctx) => Object.values(ctx.disclosure.tables).flatMap((t) => (t ? checkNoData(t) : [])),
};
