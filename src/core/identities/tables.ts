import type { Disclosure } from '../model/disclosure';
import { derivedCells } from '../rules/derivedCells';
import { columnHeader, place, rowLabel } from '../rules/describe';
import { countAddends } from '../rules/identity';
import { TABLE_IDS } from '../templates/schema';
import type { Identity } from './types';

/**
 * Within-table identities: every cell the template fills by formula equals what that formula
 * reads (类 = Σ款 = Σ项, 合计 = Σ类, row identities, fixed-row sums, 表6 classes, 表11/12/13 unit
 * totals). Taken from `derivedCells`, the same derivation the formula-integrity rules use, which
 * reads the TableDefs and the hierarchy/economic/unit layouts the W rules use.
 */
export function tableIdentities(d: Disclosure): Identity[] {
  const out: Identity[] = [];
  const ids = new Set<string>();
  for (const id of TABLE_IDS) {
    const table = d.tables[id];
    if (!table) continue;
    for (const c of derivedCells(table)) {
      for (const dv of c.derivations) {
        // Cross-sheet category links read nothing on this sheet: the X catalogue holds them.
        if (!dv.rule || dv.reads.length === 0) continue;
        const parts = dv.reads.filter((a) => a !== undefined);
        let key = `${dv.rule}@${c.amount.sheet}!${c.amount.cell}`;
        for (let n = 2; ids.has(key); n++) key = `${dv.rule}@${c.amount.sheet}!${c.amount.cell}#${n}`;
        ids.add(key);
        out.push({
          id: key,
          rule: dv.rule,
          table: id,
          mode: 'equal',
          terms: [{ amount: c.amount, coef: 1 }, ...parts.map((amount) => ({ amount, coef: -1 }))],
          addends: countAddends(dv.reads),
          short: `${dv.rule} ${c.amount.sheet}!${c.amount.cell}`,
          label: `${dv.rule} ${place(id, c.amount.sheet, c.amount.cell)}（${rowLabel(c.row)}·${columnHeader(table, c.key)}）= ${dv.what}`,
        });
      }
    }
  }
  return out;
}
