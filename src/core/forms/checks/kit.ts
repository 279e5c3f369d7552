import type Decimal from 'decimal.js';
import type { Disclosure } from '../../model/disclosure';
import type { Finding, Severity } from '../../model/finding';
import type { Workbook } from '../../model/grid';
import { moneyString } from '../../money';
import type { RuleContext } from '../../rules/types';
import { formsOf, type LocatedForm } from '../locate';
import { matchForms, type MatchResult } from '../match';
import type { FieldKey, Side } from '../model';
import { projectsFromDisclosure, type ProjectLine } from '../projects';

/**
 * What every F rule reads: 表12's projects, the forms found in the workbook and how they pair,
 * computed once per workbook and disclosure. Helpers below build findings that point at the
 * form cell a clerk has to look at, with amounts in 元.
 */
export interface FormAnalysis {
  disclosure: Disclosure;
  projects: ProjectLine[];
  forms: LocatedForm[];
  match: MatchResult;
}

const analyses = new WeakMap<Workbook, WeakMap<Disclosure, FormAnalysis>>();

/** Undefined when the rules run without a workbook (a disclosure built in memory): nothing to read. */
export function analyse(ctx: RuleContext): FormAnalysis | undefined {
  const wb = ctx.workbook;
  if (!wb) return undefined;
  let byDisclosure = analyses.get(wb);
  if (!byDisclosure) {
    byDisclosure = new WeakMap();
    analyses.set(wb, byDisclosure);
  }
  let a = byDisclosure.get(ctx.disclosure);
  if (!a) {
    const projects = projectsFromDisclosure(ctx.disclosure);
    const forms = formsOf(wb);
    a = { disclosure: ctx.disclosure, projects, forms, match: matchForms(projects, forms) };
    byDisclosure.set(ctx.disclosure, a);
  }
  return a;
}

export const yuan = (d: Decimal): string => moneyString(d);

export function at(f: LocatedForm, key: FieldKey): string | undefined {
  return f.cells[key];
}

export const formName = (f: LocatedForm): string => `“${f.projectName || '（未填项目名称）'}”绩效目标表`;

/** A finding on a form; the message ends with the sheet and cell it points at. */
export function finding(
  rule: string,
  severity: Severity,
  f: LocatedForm | undefined,
  cell: string | undefined,
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  const where = f && cell ? `（工作表“${f.sheet}”单元格 ${cell}）` : f ? `（工作表“${f.sheet}”）` : '';
  return {
    rule,
    severity,
    table: 'form',
    sheet: f?.sheet,
    cell,
    row: f?.projectName,
    ...extra,
    message: message + where,
  };
}

/** The cell of a money field could not be read (F0 reports it): rules leave that figure alone. */
export function unreadable(f: LocatedForm, field: FieldKey): boolean {
  return f.problems.some((p) => p.field === field);
}

/**
 * A side's 资金总额 as a figure the rules may compare: printed (the reader found its label),
 * readable and filled in. Undefined otherwise — a layout without that side, a blank cell
 * (incomplete, reported by F2 for 年度 only), or text the reader could not turn into money (F0).
 */
export function usableTotal(f: LocatedForm, side: Side): Decimal | undefined {
  const key: FieldKey = `funds.${side}.total`;
  if (!at(f, key) || unreadable(f, key) || f.funds[side].blank.total) return undefined;
  return f.funds[side].total;
}

export const SIDES: readonly Side[] = ['period', 'annual'];
