import type Decimal from 'decimal.js';
import type { Amount, Disclosure, TableRow } from '../model/disclosure';
import { parseAddr, type Workbook } from '../model/grid';
import { sum } from '../money';
import { formsOf, type LocatedForm } from '../forms/locate';
import { matchForms } from '../forms/match';
import type { FieldKey, SplitKey } from '../forms/model';
import { projectsFromDisclosure, WAN, type ProjectLine } from '../forms/projects';
import type { ExactLink } from './types';

/**
 * The forms' side of 表12: each form paired with a 表12 project (the pairing the F rules use)
 * states the project's funds in 元, the exact values 表12 rounds to 0.01 万元 — the 年度资金总额 (F2)
 * and, by source, 单位资金 ↔ 单位自筹, 财政专户 ↔ 其他资金, and 财政拨款 ↔ 中央+省级+市县 when only one
 * 财政拨款 column of the row holds money (F4).
 */
const FINANCE: readonly SplitKey[] = ['central', 'provincial', 'local'];

function projectRow(rows: readonly TableRow[], p: ProjectLine): TableRow | undefined {
  if (!p.at) return undefined;
  const r = parseAddr(p.at.cell).r;
  return rows.find((row) => row.kind === 'project' && row.row === r);
}

function nonZero(a: Amount | undefined): a is Amount {
  return !!a && !a.value.isZero();
}

export function formLinks(d: Disclosure, wb: Workbook): ExactLink[] {
  const t12 = d.tables.t12;
  if (!t12) return [];
  const forms = formsOf(wb);
  if (forms.length === 0) return [];
  const out: ExactLink[] = [];
  for (const { project, form } of matchForms(projectsFromDisclosure(d), forms).pairs) {
    const row = projectRow(t12.rows, project);
    if (!row) continue;
    const link = (
      rule: 'F2' | 'F4',
      amount: Amount | undefined,
      f: LocatedForm,
      fields: FieldKey[],
      yuan: Decimal,
      what: string,
    ) => {
      if (!nonZero(amount)) return;
      const sources = fields.flatMap((k) => (f.cells[k] ? [{ sheet: f.sheet, cell: f.cells[k]! }] : []));
      if (sources.length === 0) return;
      out.push({
        id: `${rule}@${amount.sheet}!${amount.cell}`,
        rule,
        amount,
        yuan,
        sources,
        label: `${rule} 表12“${project.name}”${what} = 绩效目标表（工作表“${f.sheet}”${sources.map((s) => s.cell).join('+')}）÷ ${WAN.toString()}`,
      });
    };
    const annual = form.funds.annual;
    link('F2', row.values.total, form, ['funds.annual.total'], annual.total, '合计');
    link('F4', row.values.unit, form, ['funds.annual.selfRaised'], annual.split.selfRaised, '单位资金');
    link('F4', row.values.special, form, ['funds.annual.other'], annual.split.other, '财政专户管理资金');
    const finance = (['gpb', 'fund', 'soe'] as const).filter((k) => nonZero(row.values[k]));
    if (finance.length === 1) {
      const fin = sum(FINANCE.map((k) => annual.split[k]));
      link(
        'F4',
        row.values[finance[0]],
        form,
        FINANCE.map((k) => `funds.annual.${k}` as FieldKey),
        fin,
        '财政拨款',
      );
    }
  }
  return out;
}
