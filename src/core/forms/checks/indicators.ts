import Decimal from 'decimal.js';
import type { Finding } from '../../model/finding';
import { formatYuan, sum } from '../../money';
import type { LocatedForm } from '../locate';
import { INDICATOR_SKELETON, SIDE_LABEL, type Indicator, type Side } from '../model';
import {
  isMoneyName,
  isPartName,
  isPerUnitName,
  isWholeCostName,
  parseIndicatorValue,
  readAmount,
  type AmountValue,
} from '../values';
import { SIDES, at, finding, formName, usableTotal, yuan, type FormAnalysis } from './kit';

/** The indicator table (docs/forms.md § Rules). */

const REQUIRED_LEVEL2 = ['数量指标', '质量指标', '时效指标', '成本指标'];
const BENEFIT = INDICATOR_SKELETON.find((g) => g.level1 === '效益指标')?.level2 ?? [];
const SATISFACTION = '服务对象满意度指标';
const REQUIREMENTS: { label: string; l2s: readonly string[] }[] = [
  ...REQUIRED_LEVEL2.map((l) => ({ label: l, l2s: [l] })),
  { label: '效益指标（任一二级指标）', l2s: BENEFIT },
  { label: SATISFACTION, l2s: [SATISFACTION] },
];

/** The sides the form's layout prints an indicator column for (a one-sided form prints 年度 only). */
function printedSides(f: LocatedForm): Side[] {
  return SIDES.filter((s) => f.printedLevel2[s].length > 0);
}

/**
 * F6 — every required 二级 has a filled 三级 (数量, 质量, 时效, 成本, any 效益, 服务对象满意度) and both
 * 总体目标 are written. All 提示: an empty required indicator or goal is an incomplete form, and a
 * 二级 row missing from the print may be a layout slip with its content under a neighbour (003
 * ZY档案数字化: 预算控制数 under 质量指标). Applies per side the layout prints; silent on a form
 * whose indicator table was not found (a layout the reader does not know, not an empty form) and
 * on a goal whose cell the layout does not have.
 */
export function checkRequiredIndicators(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const f of a.forms) {
    if (at(f, 'indicatorHeader')) out.push(...requiredIndicators(f));
    out.push(...goals(f));
  }
  return out;
}

function requiredIndicators(f: LocatedForm): Finding[] {
  const out: Finding[] = [];
  const filled = (side: Side, l2s: readonly string[]): boolean =>
    f.indicators.some((i) => i.side === side && l2s.includes(i.level2) && (i.level3 !== '' || i.value !== ''));
  const printed = (side: Side, l2s: readonly string[]): boolean => f.printedLevel2[side].some((l) => l2s.includes(l));
  const sides = printedSides(f);
  for (const req of REQUIREMENTS) {
    const empty = sides.filter((s) => !filled(s, req.l2s) && printed(s, req.l2s));
    const absent = sides.filter((s) => !filled(s, req.l2s) && !printed(s, req.l2s));
    if (empty.length) {
      const ind = f.indicators.find((i) => i.side === empty[0] && req.l2s.includes(i.level2));
      out.push(
        finding(
          'F6',
          'warning',
          f,
          ind?.level3Cell ?? at(f, 'indicatorHeader'),
          `${formName(f)}${empty.map((s) => SIDE_LABEL[s]).join('、')}的${req.label}未填写三级指标`,
        ),
      );
    }
    if (absent.length) {
      const where =
        absent.length === 2 ? '实施期、年度两侧都' : sides.length === 1 ? '' : SIDE_LABEL[absent[0]] + '一侧';
      out.push(
        finding(
          'F6',
          'warning',
          f,
          at(f, 'indicatorHeader'),
          `${formName(f)}${where}缺少“${req.label}”这一行（指标表不完整或错位），请按标准指标体系补齐并核对指标所在行`,
        ),
      );
    }
  }
  return out;
}

function goals(f: LocatedForm): Finding[] {
  return (['goalsPeriod', 'goalsAnnual'] as const)
    .filter((key) => at(f, key) !== undefined && !f.texts[key])
    .map((key) =>
      finding(
        'F6',
        'warning',
        f,
        at(f, key),
        `${formName(f)}总体目标的${key === 'goalsPeriod' ? '实施期目标' : '年度目标'}未填写`,
      ),
    );
}

interface CostLine {
  i: Indicator;
  amount: AmountValue;
}

/**
 * The 成本指标 lines of a side that state an amount of the project's cost: a money figure (any
 * wording values.ts reads), not a price or rate (`单台…`, `人均…`, `…标准`, `2500元/次`), and not
 * the part of a line above (`其中：…`).
 */
function costLines(f: LocatedForm, side: Side): CostLine[] {
  const out: CostLine[] = [];
  for (const i of f.indicators) {
    if (i.side !== side || i.level2 !== '成本指标') continue;
    if (isPerUnitName(i.level3) || isPartName(i.level3)) continue;
    const amount = readAmount(i.value, i.level3);
    if (amount && !amount.perUnit) out.push({ i, amount });
  }
  return out;
}

/** 0.01 万元: a cost line may repeat 表12's figure for the project, which is the funds rounded up. */
const TABLE_STEP = new Decimal(100);

/**
 * F7 — the cost stated in 成本指标 does not exceed that side's 资金总额. When a line names the
 * project's whole cost (`预算控制数`, `项目总成本`), that line alone is compared (the others are its
 * breakdown); otherwise the amount lines are added up. A figure is written to some precision
 * (`≤120万` is 120 万元 to the nearest 万元): exceeding the funds by less than that precision (at
 * least 0.01 万元) is the funds rounded up, not a contradiction. Beyond it: 错误.
 * Applies to a side whose 资金总额 is usable and non-zero and that has at least one amount line;
 * silent on qualitative, percentage and per-unit lines, and on values it cannot read.
 */
export function checkCostIndicators(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const f of a.forms) {
    for (const side of SIDES) {
      const limit = usableTotal(f, side);
      if (limit === undefined || limit.isZero()) continue;
      const lines = costLines(f, side);
      if (!lines.length) continue;
      const whole = lines.filter((l) => isWholeCostName(l.i.level3));
      const groups = whole.length ? whole.map((l) => [l]) : [lines];
      for (const group of groups) {
        const stated = sum(group.map((l) => l.amount.yuan));
        const precision = Decimal.max(TABLE_STEP, sum(group.map((l) => l.amount.step)));
        if (stated.minus(limit).lt(precision)) continue;
        out.push(costFinding(f, side, group, stated, limit));
      }
    }
  }
  return out;
}

function costFinding(f: LocatedForm, side: Side, group: CostLine[], stated: Decimal, limit: Decimal): Finding {
  const names = group.map((l) => `“${l.i.level3 || '（未填名称）'}”${l.i.value}`).join('、');
  const what = group.length === 1 ? `成本指标${names}` : `成本指标合计${formatYuan(stated)}元（${names}）`;
  return finding(
    'F7',
    'error',
    f,
    group[0].i.valueCell,
    `${formName(f)}${SIDE_LABEL[side]}${what}，超过${SIDE_LABEL[side]}资金总额${formatYuan(limit)}元`,
    {
      expected: `≤ ${yuan(limit)}`,
      actual: yuan(stated),
      diff: yuan(stated.minus(limit)),
      cells: [
        ...group.map((l) => ({ sheet: f.sheet, cell: l.i.valueCell ?? 'A1' })),
        { sheet: f.sheet, cell: at(f, `funds.${side}.total`) ?? 'A1' },
      ],
    },
  );
}

/**
 * F9.3 / F9.4 — how an 指标值 is written. A money-named 三级 (`…经费`, `…成本`) with a % value is 提示
 * (the unit is probably wrong; `…率`, `比例`, `占比` names are rates and stay silent). A comparator
 * with no figure after it (`≥良好`) is 信息: readable, only not in the numeric notation.
 */
export function checkValueNotation(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const f of a.forms) {
    for (const i of f.indicators) {
      if (!i.value) continue;
      const v = parseIndicatorValue(i.value);
      if (v.malformed) {
        out.push(
          finding(
            'F9.4',
            'info',
            f,
            i.valueCell,
            `${formName(f)}指标“${i.level3}”的指标值“${i.value}”有比较符号但没有数值`,
          ),
        );
      } else if (v.unit.startsWith('%') && isMoneyName(i.level3) && !/率|比例|占比/.test(i.level3)) {
        out.push(
          finding(
            'F9.3',
            'warning',
            f,
            i.valueCell,
            `${formName(f)}指标“${i.level3}”是金额，指标值“${i.value}”却是百分比，请核对计量单位`,
          ),
        );
      }
    }
  }
  return out;
}
