import Decimal from 'decimal.js';
import type { Finding } from '../../model/finding';
import { classifyDiff, formatYuan, roundingTolerance, sum } from '../../money';
import { sameNameKey } from '../../text/sameName';
import type { LocatedForm } from '../locate';
import { SIDE_LABEL, SPLIT_KEYS, SPLIT_LABEL, type FieldKey, type Side } from '../model';
import { agreesWithWan, toYuan, type ProjectLine } from '../projects';
import { SIDES, at, finding, formName, unreadable, usableTotal, yuan, type FormAnalysis } from './kit';

/**
 * The form's money (docs/forms.md § Rules): readable, equal to 表12, adding up, mapped to the
 * right sources, and consistent with the project's attribute. Amounts in 元.
 */

const FIELD_LABEL = (field: FieldKey): string => {
  const [, side, key] = field.split('.') as [string, Side, string];
  const what = key === 'total' ? '资金总额' : SPLIT_LABEL[key as keyof typeof SPLIT_LABEL].replace('其中：', '');
  return `${SIDE_LABEL[side]}${what}`;
};

/** F0 — a money cell the reader could not turn into an amount: 提示, and the figure is left out of every check. */
export function checkReadable(a: FormAnalysis): Finding[] {
  return a.forms.flatMap((f) =>
    f.problems.map((p) =>
      finding(
        'F0',
        'warning',
        f,
        p.cell,
        `${formName(f)}${p.field ? FIELD_LABEL(p.field) : ''}${p.message}，无法作为金额核对，请填写数字`,
      ),
    ),
  );
}

/**
 * F2 — 年度资金总额 against 表12. Applies to a form paired with a 表12 project whose 年度资金总额 is
 * printed and readable. The form carries the exact 元 figure and 表12 its rounding to 0.01 万元:
 * 表12 equal to the form's figure rounded down or up is consistent (no finding); anything else is
 * 错误. A blank 年度资金总额 is 提示 (incomplete).
 */
export function checkAgainstTable(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const { project: p, form: f } of a.match.pairs) {
    const cell = at(f, 'funds.annual.total');
    if (!cell || unreadable(f, 'funds.annual.total')) continue;
    const expected = toYuan(p.total);
    const cells = [{ sheet: f.sheet, cell }, ...(p.at?.totalCell ? [{ sheet: p.at.sheet, cell: p.at.totalCell }] : [])];
    if (f.funds.annual.blank.total) {
      out.push(
        finding('F2', 'warning', f, cell, `${formName(f)}年度资金总额未填写，按表12应为${formatYuan(expected)}元`, {
          expected: yuan(expected),
          cells,
        }),
      );
      continue;
    }
    const actual = f.funds.annual.total;
    if (agreesWithWan(actual, p.total)) continue;
    const diff = actual.minus(expected);
    out.push(
      finding(
        'F2',
        'error',
        f,
        cell,
        `${formName(f)}年度资金总额${formatYuan(actual)}元与表12合计${p.total.toFixed(2)}万元（${formatYuan(expected)}元）不一致，差额${formatYuan(diff)}元`,
        { expected: yuan(expected), actual: yuan(actual), diff: yuan(diff), cells },
      ),
    );
  }
  return out;
}

/**
 * Whether a side's five sources can be added up: at least one source row printed (a layout
 * without them has nothing to add), every printed source readable, and no money under a source
 * label the reader does not know (the known five would then not be the whole split).
 */
function splitReadable(f: LocatedForm, side: Side): boolean {
  const keys = SPLIT_KEYS.map((k): FieldKey => `funds.${side}.${k}`);
  return (
    keys.some((k) => at(f, k) !== undefined) &&
    !keys.some((k) => unreadable(f, k)) &&
    !f.unknownFundsRows.some((u) => u.side === side)
  );
}

/** Below one 元 a difference is the sources printed without their 角/分: 尾差. */
const YUAN_ROUNDING = new Decimal(1);

/**
 * F3 — 中央 + 省级 + 市县 + 单位自筹 + 其他 = 资金总额, each side. Applies when the side's total is
 * usable and its split readable. 错误 beyond 1 元, 尾差 below; every source blank while the total
 * is not: 提示 (the split was not filled in).
 */
export function checkSplitSums(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const f of a.forms) {
    for (const side of SIDES) {
      const total = usableTotal(f, side);
      if (total === undefined || !splitReadable(f, side)) continue;
      const sf = f.funds[side];
      const cell = at(f, `funds.${side}.total`);
      if (SPLIT_KEYS.every((k) => sf.blank[k]) && !total.isZero()) {
        out.push(
          finding('F3', 'warning', f, cell, `${formName(f)}${SIDE_LABEL[side]}资金未按来源填写（各来源均为空）`),
        );
        continue;
      }
      const parts = sum(SPLIT_KEYS.map((k) => sf.split[k]));
      const diff = parts.minus(total);
      if (diff.isZero()) continue;
      out.push(
        finding(
          'F3',
          diff.abs().lt(YUAN_ROUNDING) ? 'rounding' : 'error',
          f,
          cell,
          `${formName(f)}${SIDE_LABEL[side]}资金：中央、省级、市县（区）、单位自筹、其他资金合计${formatYuan(parts)}元，与${SIDE_LABEL[side]}资金总额${formatYuan(total)}元不一致，差额${formatYuan(diff)}元`,
          { expected: yuan(total), actual: yuan(parts), diff: yuan(diff) },
        ),
      );
    }
  }
  return out;
}

const SOURCE_COLUMNS = ['gpb', 'fund', 'soe', 'special', 'unit'] as const;

/** 表12 prints its source columns, and this project's sources add up to its 合计 (else W12 reports the row). */
function tableSplitUsable(a: FormAnalysis, p: ProjectLine): boolean {
  const cols = a.disclosure.tables.t12?.columns ?? {};
  if (!SOURCE_COLUMNS.some((k) => cols[k] !== undefined)) return false;
  const parts = [p.gpb, p.fund, p.soe, p.special, p.unitFunds];
  const n = parts.filter((x) => !x.isZero()).length;
  return classifyDiff(sum(parts).minus(p.total), roundingTolerance(n)) !== 'error';
}

/** 0.01 万元 per 表12 figure involved: each may be the form's amount rounded either way. */
const STEP = new Decimal(100);

/**
 * F4 — the form's sources against 表12's columns: 财政拨款 (一般公共预算 + 政府性基金 + 国有资本经营)
 * → 中央 + 省级 + 市县（区）; 单位资金 → 单位自筹; 财政专户管理资金 → 其他资金.
 * Applies to a paired form whose 年度 total is usable and non-zero, whose 年度 split is readable and
 * adds up (F3 reports it otherwise), when 表12 prints its source columns and the project's columns
 * add up. When the form's total differs from 表12 (F2 reports that), 表12 is scaled to the form's
 * total so the mapping alone is judged.
 *  - F4   财政 part differs from 表12's 财政拨款 — 错误 (two printed figures contradict);
 *  - F4.1 专户 money counted as 财政, or 单位资金/专户 swapped between 单位自筹 and 其他资金 — 提示:
 *         where the non-财政 money goes is a convention that differs between places;
 *  - F4.2 the project's name says 中央/省级 but no money is under that source — 信息 (a hint from a word).
 */
export function checkSourceMapping(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const { project: p, form: f } of a.match.pairs) {
    const total = usableTotal(f, 'annual');
    if (total === undefined || total.isZero() || p.total.isZero()) continue;
    if (!splitReadable(f, 'annual') || !tableSplitUsable(a, p)) continue;
    const sf = f.funds.annual;
    if (
      !sum(SPLIT_KEYS.map((k) => sf.split[k]))
        .minus(total)
        .abs()
        .lt(YUAN_ROUNDING)
    )
      continue;
    const scale = agreesWithWan(total, p.total) ? new Decimal(1) : total.div(toYuan(p.total));
    const expect = (wan: Decimal): Decimal => toYuan(wan).times(scale);
    const near = (x: Decimal, wan: Decimal[]): boolean =>
      x
        .minus(expect(sum(wan)))
        .abs()
        .lt(STEP.times(Math.max(1, wan.filter((w) => !w.isZero()).length)).times(scale));
    const finWan = [p.gpb, p.fund, p.soe];
    const formFin = sf.split.central.plus(sf.split.provincial).plus(sf.split.local);
    if (!near(formFin, finWan)) {
      if (!p.special.isZero() && near(formFin, [...finWan, p.special])) {
        out.push(
          finding(
            'F4.1',
            'warning',
            f,
            at(f, 'funds.annual.local'),
            `${formName(f)}把表12财政专户管理资金${p.special.toFixed(2)}万元填在了财政资金中，建议填在“其他资金”`,
            { expected: yuan(expect(p.special)), actual: yuan(sf.split.other) },
          ),
        );
        continue;
      }
      const expFin = expect(sum(finWan));
      out.push(
        finding(
          'F4',
          'error',
          f,
          at(f, 'funds.annual.local'),
          `${formName(f)}中央、省级、市县（区）财政资金合计${formatYuan(formFin)}元，按表12财政拨款${sum(finWan).toFixed(2)}万元应为${formatYuan(expFin.toDecimalPlaces(2))}元`,
          { expected: yuan(expFin), actual: yuan(formFin), diff: yuan(formFin.minus(expFin)) },
        ),
      );
      continue;
    }
    if (!near(sf.split.selfRaised, [p.unitFunds]) || !near(sf.split.other, [p.special])) {
      out.push(
        finding(
          'F4.1',
          'warning',
          f,
          at(f, 'funds.annual.selfRaised'),
          `${formName(f)}单位自筹${formatYuan(sf.split.selfRaised)}元、其他资金${formatYuan(sf.split.other)}元，按表12单位资金${p.unitFunds.toFixed(2)}万元、财政专户管理资金${p.special.toFixed(2)}万元应为${formatYuan(expect(p.unitFunds).toDecimalPlaces(2))}元、${formatYuan(expect(p.special).toDecimalPlaces(2))}元，请核对资金来源的归类`,
          { expected: yuan(expect(p.unitFunds)), actual: yuan(sf.split.selfRaised) },
        ),
      );
    }
    out.push(...nameHint(f, p, formFin));
  }
  return out;
}

function nameHint(f: LocatedForm, p: ProjectLine, formFin: Decimal): Finding[] {
  if (formFin.isZero()) return [];
  const wanted = p.name.includes('中央') ? 'central' : p.name.includes('省级') ? 'provincial' : undefined;
  if (!wanted || !f.funds.annual.split[wanted].isZero()) return [];
  return [
    finding(
      'F4.2',
      'info',
      f,
      at(f, `funds.annual.${wanted}`),
      `项目名称含“${wanted === 'central' ? '中央' : '省级'}”，${formName(f)}的财政资金却没有填在“${SPLIT_LABEL[wanted].replace('其中：', '')}”，如确为${wanted === 'central' ? '中央' : '省级'}资金请调整`,
    ),
  ];
}

/** 项目属性 words that make a project one-off (`一次性项目（1年结束）`, `一次性项目`). */
const ONE_OFF_PREFIX = '一次性';

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 项目期 in months (`1年`, `3年`, `一年`, `18个月`, `1`), or undefined when it is not a duration. */
export function termMonths(term: string): number | undefined {
  const s = sameNameKey(term);
  const years = /^(\d+|[一二两三四五六七八九十])年?$/.exec(s);
  if (years) return 12 * (CHINESE_DIGITS[years[1]] ?? Number(years[1]));
  const months = /^(\d+)个?月$/.exec(s);
  return months ? Number(months[1]) : undefined;
}

/**
 * F5 — 实施期 and 年度 agree with each other and with 项目属性. Applies when both totals are usable
 * (a layout without 实施期, or a blank one, has nothing to compare). All 错误: each is two printed
 * statements that contradict — 年度 > 实施期; a one-off project whose 实施期 differs from its 年度;
 * a one-off project whose 项目期 reads as a duration other than one year (unreadable 项目期: silent).
 */
export function checkPeriod(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const f of a.forms) {
    const period = usableTotal(f, 'period');
    const annual = usableTotal(f, 'annual');
    if (period === undefined || annual === undefined) continue;
    if (annual.gt(period)) {
      out.push(
        finding(
          'F5',
          'error',
          f,
          at(f, 'funds.annual.total'),
          `${formName(f)}年度资金总额${formatYuan(annual)}元大于实施期资金总额${formatYuan(period)}元`,
          { expected: `≤ ${yuan(period)}`, actual: yuan(annual), diff: yuan(annual.minus(period)) },
        ),
      );
      continue;
    }
    if (!sameNameKey(f.attribute).startsWith(ONE_OFF_PREFIX)) continue;
    if (!period.eq(annual)) {
      out.push(
        finding(
          'F5',
          'error',
          f,
          at(f, 'funds.period.total'),
          `${formName(f)}为一次性项目（1年结束），实施期资金总额${formatYuan(period)}元应等于年度资金总额${formatYuan(annual)}元`,
          { expected: yuan(annual), actual: yuan(period), diff: yuan(period.minus(annual)) },
        ),
      );
    }
    const months = f.period ? termMonths(f.period) : undefined;
    if (months !== undefined && months > 12) {
      out.push(
        finding(
          'F5',
          'error',
          f,
          at(f, 'period'),
          `${formName(f)}项目属性为一次性项目（1年结束），项目期却为“${f.period}”`,
        ),
      );
    }
  }
  return out;
}
