import Decimal from 'decimal.js';
import { z } from 'zod';
import type { Disclosure, TableRow } from '../model/disclosure';
import { addr } from '../model/grid';
import { ZERO, parseMoney } from '../money';
import { ATTRIBUTES, ONE_OFF } from './model';
import { sameNameKey } from '../text/sameName';

/**
 * One 表12 project as the form builder needs it (docs/domain.md § 目标表的生成与同步). Amounts in 万元 as printed in
 * 表12; the form converts to 元 exactly (× 10000, decimal).
 */
export type FinanceSource = 'central' | 'provincial' | 'local';
export type UnitSource = 'group' | 'document' | 'default';

export interface ProjectLine {
  /** Stable key: unit + name (+ `#n` for the n-th repeat of the same name in one unit). */
  key: string;
  name: string;
  /** 实施单位: the enclosing unit (部门 documents) or the document's unit (单位). */
  unit: string;
  /**
   * Where `unit` comes from: a unit subtotal row above the project in 表12 (`group`), the
   * document itself when it is a 单位 document (`document`), or nothing — a 部门 document (or one
   * of unknown level) listing its projects flat, where `unit` is only the document's name filled
   * in for new forms (`default`) and says nothing about who carries the project out.
   */
  unitSource: UnitSource;
  total: Decimal;
  gpb: Decimal;
  fund: Decimal;
  soe: Decimal;
  special: Decimal;
  unitFunds: Decimal;
  /** Where the 财政拨款 part goes in the form (project list; default from the name). */
  source: FinanceSource;
  attribute: string;
  /** 项目期, e.g. `1年`. */
  term: string;
  /** 实施期资金总额 in 元 when the project list says so; default = 年度. */
  periodTotal?: Decimal;
  /** Where the project's 表12 row sits (for findings). */
  at?: { sheet: string; cell: string; totalCell?: string };
}

/** Default 中央/省级 marking from the project name (F4, docs/domain.md § 目标表与表12). */
export function sourceFromName(name: string): FinanceSource {
  if (name.includes('中央')) return 'central';
  if (name.includes('省级')) return 'provincial';
  return 'local';
}

export function projectKey(unit: string, name: string, repeat = 1): string {
  const base = `${sameNameKey(unit)}|${sameNameKey(name)}`;
  return repeat > 1 ? `${base}#${repeat}` : base;
}

function amount(row: TableRow, key: string): Decimal {
  return row.values[key]?.value ?? ZERO;
}

const trim = (s: string): string => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

/**
 * Projects of 表12 in table order. Indentation is stripped from names. A project's unit is
 * known only from a unit subtotal row above it, or from the document when it is a 单位
 * document; otherwise (a 部门 document listing projects flat) the locator's `row.unit` or the
 * document's name is kept for drafting forms, marked `default` so no rule compares with it.
 */
export function projectsFromDisclosure(d: Disclosure): ProjectLine[] {
  const t12 = d.tables.t12;
  if (!t12) return [];
  const docUnit = d.meta.unit ?? t12.rows.find((r) => r.kind === 'total' || r.kind === 'unit')?.name ?? '';
  const seen = new Map<string, number>();
  const out: ProjectLine[] = [];
  let group: string | undefined;
  for (const row of t12.rows) {
    if (row.kind === 'unit') group = trim(row.unit ?? row.name ?? row.label) || undefined;
    if (row.kind !== 'project') continue;
    const name = trim(row.name ?? row.label);
    if (!name) continue;
    const unit = group ?? trim(row.unit ?? docUnit);
    const unitSource: UnitSource = group ? 'group' : d.meta.level === '单位' ? 'document' : 'default';
    const base = projectKey(unit, name);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const totalAmt = row.values.total;
    out.push({
      key: projectKey(unit, name, n),
      name,
      unit,
      unitSource,
      total: amount(row, 'total'),
      gpb: amount(row, 'gpb'),
      fund: amount(row, 'fund'),
      soe: amount(row, 'soe'),
      special: amount(row, 'special'),
      unitFunds: amount(row, 'unit'),
      source: sourceFromName(name),
      attribute: ONE_OFF,
      term: '1年',
      at: {
        sheet: t12.sheet,
        cell: addr(row.row, t12.columns.project_name?.col ?? 0),
        totalCell: totalAmt?.cell,
      },
    });
  }
  return out;
}

export const WAN = new Decimal(10000);

/** 表12 万元 → 元, exact. */
export function toYuan(wan: Decimal): Decimal {
  return wan.times(WAN);
}

/**
 * A form's 元 figure and a 万元 figure printed for it agree when the 万元 figure is the 元 figure
 * itself or that figure rounded down or up to 0.01 万元: the form carries the exact amount, 表12 its
 * rounding, and either rounding direction may be the one that balances 表12's totals (docs/forms.md § F2: 元 against 万元).
 */
export function agreesWithWan(yuan: Decimal, wan: Decimal): boolean {
  const exact = yuan.div(WAN);
  if (exact.eq(wan)) return true;
  return exact.toDecimalPlaces(2, Decimal.ROUND_FLOOR).eq(wan) || exact.toDecimalPlaces(2, Decimal.ROUND_CEIL).eq(wan);
}

/** 元 → the `≤{x}万元` text of the 成本指标 row, without trailing zeros (245.9511, 10.5). */
export function wanText(yuan: Decimal): string {
  const w = yuan.div(WAN);
  return w.toFixed(Math.max(0, Math.min(w.decimalPlaces(), 6)));
}

export function isKnownAttribute(a: string): boolean {
  return (ATTRIBUTES as readonly string[]).includes(a);
}

/**
 * The clerk's project list (docs/domain.md § 目标表的生成与同步): what 表12 does not say — 项目属性,
 * 项目期, 实施期 amount, 中央/省级 marking. Data, validated, applied over the 表12 projects.
 */
export const ProjectListEntry = z.object({
  name: z.string().min(1, '项目名称不能为空'),
  unit: z.string().optional(),
  attribute: z.enum(ATTRIBUTES).optional(),
  term: z
    .string()
    .regex(/^\d+年$/, '项目期应写成“N年”，如 1年、3年、99年')
    .optional(),
  /** 实施期资金总额 in 元. */
  periodTotal: z
    .union([z.number(), z.string()])
    .transform((v, ctx) => {
      const p = parseMoney(v);
      if (!p.ok) {
        ctx.addIssue({ code: 'custom', message: `实施期资金总额${p.reason}` });
        return z.NEVER;
      }
      return p.value;
    })
    .optional(),
  source: z.enum(['central', 'provincial', 'local', '中央', '省级', '市县']).optional(),
});
export type ProjectListEntry = z.infer<typeof ProjectListEntry>;
export const ProjectList = z.array(ProjectListEntry);

const SOURCE_WORDS: Record<string, FinanceSource> = { 中央: 'central', 省级: 'provincial', 市县: 'local' };

export interface ProjectListResult {
  projects: ProjectLine[];
  /** Entries that name no 表12 project (typo, or project removed). */
  unmatched: string[];
}

/** Applies the list; an entry matches by name (whitespace ignored) and, when given, unit. */
export function applyProjectList(projects: ProjectLine[], list: ProjectListEntry[]): ProjectListResult {
  const unmatched: string[] = [];
  const out = projects.map((p) => ({ ...p }));
  for (const e of list) {
    const hit = out.find(
      (p) => sameNameKey(p.name) === sameNameKey(e.name) && (!e.unit || sameNameKey(e.unit) === sameNameKey(p.unit)),
    );
    if (!hit) {
      unmatched.push(e.name);
      continue;
    }
    if (e.attribute) hit.attribute = e.attribute;
    if (e.term) hit.term = e.term;
    if (e.periodTotal) hit.periodTotal = e.periodTotal;
    if (e.source) hit.source = SOURCE_WORDS[e.source] ?? (e.source as FinanceSource);
  }
  return { projects: out, unmatched };
}
