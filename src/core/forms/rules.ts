import Decimal from 'decimal.js';
import type { Disclosure } from '../model/disclosure';
import type { Finding, Severity } from '../model/finding';
import type { Workbook } from '../model/grid';
import { ZERO, moneyString, sum } from '../money';
import type { RuleContext, RuleModule } from '../rules/types';
import { checkOverallForm } from './overall';
import { formsOf, type LocatedForm } from './locate';
import { YUAN_TOLERANCE, matchForms, sameUnit, type MatchResult } from './match';
import { INDICATOR_SKELETON, ONE_OFF, SIDE_LABEL, SPLIT_KEYS, SPLIT_LABEL, type FieldKey, type Side } from './model';
import { projectsFromDisclosure, toYuan, type ProjectLine } from './projects';
import { isMoneyName, moneyTotalYuan, parseIndicatorValue } from './values';
import { sameNameKey } from '../text/sameName';

/**
 * Form rules F1–F10 (docs/domain.md § 目标表与表12; seed results in docs/forms.md). Every finding points at the
 * form cell a clerk has to look at and carries amounts in 元.
 */

interface FormAnalysis {
  projects: ProjectLine[];
  forms: LocatedForm[];
  match: MatchResult;
}

const analyses = new WeakMap<Workbook, WeakMap<Disclosure, FormAnalysis>>();

function analyse(ctx: RuleContext): FormAnalysis | undefined {
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
    a = { projects, forms, match: matchForms(projects, forms) };
    byDisclosure.set(ctx.disclosure, a);
  }
  return a;
}

function yuan(d: Decimal): string {
  return moneyString(d);
}

/** 1234567.5 → 1,234,567.5 (the forms' print style). */
export function formatYuan(d: Decimal): string {
  const [int, frac] = d.toFixed().split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? '.' + frac : '');
}

function at(f: LocatedForm, key: FieldKey): string | undefined {
  return f.cells[key];
}

function finding(
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

const formName = (f: LocatedForm): string => `“${f.projectName || '（未填项目名称）'}”绩效目标表`;

function f1(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  if (a.forms.length === 0) {
    if (a.projects.length === 0) return [];
    return [
      {
        rule: 'F1',
        severity: 'info',
        table: 'form',
        message: `工作簿中没有找到项目支出绩效目标表；表12共有${a.projects.length}个项目，每个项目应有一张目标表（可用“生成绩效目标表”功能生成）。`,
      },
    ];
  }
  for (const p of a.match.missing) {
    out.push({
      rule: 'F1',
      severity: 'error',
      table: 'form',
      sheet: p.at?.sheet,
      cell: p.at?.cell,
      row: p.name,
      expected: yuan(toYuan(p.total)),
      message: `表12项目“${p.name}”（${p.total.toFixed(2)}万元）没有对应的项目支出绩效目标表${p.at ? `（工作表“${p.at.sheet}”单元格 ${p.at.cell}）` : ''}。`,
    });
  }
  for (const f of a.match.extra) {
    out.push(
      finding(
        'F1',
        'error',
        f,
        at(f, 'projectName'),
        `${formName(f)}在表12中没有对应的项目，请核对项目名称或删除多余的目标表`,
        {
          actual: yuan(f.funds.annual.total),
        },
      ),
    );
  }
  for (const d of a.match.duplicates) {
    out.push(
      finding(
        'F1',
        'warning',
        d.form,
        at(d.form, 'projectName'),
        `${formName(d.form)}重复：与工作表“${d.of.sheet}”${d.of.cells.projectName ?? ''}的目标表是同一项目“${d.project.name}”，请保留一张`,
        {
          cells: [
            { sheet: d.form.sheet, cell: at(d.form, 'projectName') ?? 'A1' },
            { sheet: d.of.sheet, cell: at(d.of, 'projectName') ?? 'A1' },
          ],
        },
      ),
    );
  }
  for (const m of a.match.pairs) {
    if (m.how === 'exact') continue;
    const why = m.how === 'near' ? '名称与表12相近但不一致' : '名称与表12不一致（按单位和金额对应）';
    out.push(
      finding(
        'F1',
        'warning',
        m.form,
        at(m.form, 'projectName'),
        `目标表项目名称“${m.form.projectName}”${why}：表12为“${m.project.name}”，请统一`,
        {
          cells: [
            { sheet: m.form.sheet, cell: at(m.form, 'projectName') ?? 'A1' },
            ...(m.project.at ? [{ sheet: m.project.at.sheet, cell: m.project.at.cell }] : []),
          ],
        },
      ),
    );
  }
  return out;
}

function f2(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const { project: p, form: f } of a.match.pairs) {
    const expected = toYuan(p.total);
    const actual = f.funds.annual.total;
    const diff = actual.minus(expected);
    if (diff.isZero()) continue;
    const rounding = diff.abs().lte(YUAN_TOLERANCE);
    const cell = at(f, 'funds.annual.total');
    out.push(
      finding(
        'F2',
        rounding ? 'rounding' : 'error',
        f,
        cell,
        `${formName(f)}年度资金总额${formatYuan(actual)}元与表12合计${p.total.toFixed(2)}万元（${formatYuan(expected)}元）${rounding ? '存在尾差' : '不一致'}，差额${formatYuan(diff)}元`,
        {
          expected: yuan(expected),
          actual: yuan(actual),
          diff: yuan(diff),
          cells: [
            { sheet: f.sheet, cell: cell ?? 'A1' },
            ...(p.at?.totalCell ? [{ sheet: p.at.sheet, cell: p.at.totalCell }] : []),
          ],
        },
      ),
    );
  }
  return out;
}

function f3(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const f of a.forms) {
    for (const side of ['period', 'annual'] as const) {
      const sf = f.funds[side];
      const parts = sum(SPLIT_KEYS.map((k) => sf.split[k]));
      const diff = parts.minus(sf.total);
      if (diff.isZero()) continue;
      const cell = at(f, `funds.${side}.total`);
      out.push(
        finding(
          'F3',
          diff.abs().lt(1) ? 'rounding' : 'error',
          f,
          cell,
          `${formName(f)}${SIDE_LABEL[side]}资金：中央、省级、市县（区）、单位自筹、其他资金合计${formatYuan(parts)}元，与${SIDE_LABEL[side]}资金总额${formatYuan(sf.total)}元不一致，差额${formatYuan(diff)}元`,
          { expected: yuan(sf.total), actual: yuan(parts), diff: yuan(diff) },
        ),
      );
    }
  }
  return out;
}

function f4(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const { project: p, form: f } of a.match.pairs) {
    if (p.total.isZero()) continue;
    const sf = f.funds.annual;
    // Compare the mapping, not the amount (F2 reports the amount): scale 表12 to the form's total.
    const scale = (wan: Decimal): Decimal => sf.total.times(wan).div(p.total);
    const fin = p.gpb.plus(p.fund).plus(p.soe);
    const expSelf = scale(p.unitFunds);
    const expOther = scale(p.special);
    const expFin = scale(fin);
    const formFin = sf.split.central.plus(sf.split.provincial).plus(sf.split.local);
    const selfCell = at(f, 'funds.annual.selfRaised');
    if (sf.split.selfRaised.minus(expSelf).abs().gt(YUAN_TOLERANCE)) {
      out.push(
        finding(
          'F4',
          'error',
          f,
          selfCell,
          `${formName(f)}单位自筹${formatYuan(sf.split.selfRaised)}元，按表12单位资金${p.unitFunds.toFixed(2)}万元应为${formatYuan(expSelf.toDecimalPlaces(2))}元`,
          {
            expected: yuan(expSelf),
            actual: yuan(sf.split.selfRaised),
            diff: yuan(sf.split.selfRaised.minus(expSelf)),
          },
        ),
      );
    }
    const otherOk = sf.split.other.minus(expOther).abs().lte(YUAN_TOLERANCE);
    const finOk = formFin.minus(expFin).abs().lte(YUAN_TOLERANCE);
    if (!otherOk || !finOk) {
      const specialUnderLocal = !expOther.isZero() && formFin.minus(expFin.plus(expOther)).abs().lte(YUAN_TOLERANCE);
      if (specialUnderLocal) {
        out.push(
          finding(
            'F4',
            'warning',
            f,
            at(f, 'funds.annual.local'),
            `${formName(f)}把表12财政专户管理资金${p.special.toFixed(2)}万元填在了财政资金中，建议填在“其他资金”`,
            {
              expected: yuan(expOther),
              actual: yuan(sf.split.other),
            },
          ),
        );
      } else {
        if (!finOk) {
          out.push(
            finding(
              'F4',
              'error',
              f,
              at(f, 'funds.annual.local'),
              `${formName(f)}中央、省级、市县（区）财政资金合计${formatYuan(formFin)}元，按表12财政拨款${fin.toFixed(2)}万元应为${formatYuan(expFin.toDecimalPlaces(2))}元`,
              {
                expected: yuan(expFin),
                actual: yuan(formFin),
                diff: yuan(formFin.minus(expFin)),
              },
            ),
          );
        }
        if (!otherOk) {
          out.push(
            finding(
              'F4',
              'error',
              f,
              at(f, 'funds.annual.other'),
              `${formName(f)}其他资金${formatYuan(sf.split.other)}元，按表12财政专户管理资金${p.special.toFixed(2)}万元应为${formatYuan(expOther.toDecimalPlaces(2))}元`,
              {
                expected: yuan(expOther),
                actual: yuan(sf.split.other),
                diff: yuan(sf.split.other.minus(expOther)),
              },
            ),
          );
        }
      }
    }
    if (finOk && !formFin.isZero()) {
      const wanted = p.name.includes('中央') ? 'central' : p.name.includes('省级') ? 'provincial' : undefined;
      if (wanted && sf.split[wanted].isZero()) {
        out.push(
          finding(
            'F4',
            'warning',
            f,
            at(f, `funds.annual.${wanted}`),
            `项目名称含“${wanted === 'central' ? '中央' : '省级'}”，${formName(f)}的财政资金却没有填在“${SPLIT_LABEL[wanted].replace('其中：', '')}”`,
          ),
        );
      }
    }
  }
  return out;
}

function f5(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const f of a.forms) {
    const { period, annual } = f.funds;
    if (annual.total.gt(period.total)) {
      out.push(
        finding(
          'F5',
          'error',
          f,
          at(f, 'funds.annual.total'),
          `${formName(f)}年度资金总额${formatYuan(annual.total)}元大于实施期资金总额${formatYuan(period.total)}元`,
          {
            expected: `≤ ${yuan(period.total)}`,
            actual: yuan(annual.total),
            diff: yuan(annual.total.minus(period.total)),
          },
        ),
      );
      continue;
    }
    if (sameNameKey(f.attribute) !== sameNameKey(ONE_OFF)) continue;
    if (!period.total.eq(annual.total)) {
      out.push(
        finding(
          'F5',
          'error',
          f,
          at(f, 'funds.period.total'),
          `${formName(f)}为一次性项目（1年结束），实施期资金总额${formatYuan(period.total)}元应等于年度资金总额${formatYuan(annual.total)}元`,
          { expected: yuan(annual.total), actual: yuan(period.total), diff: yuan(period.total.minus(annual.total)) },
        ),
      );
    }
    if (f.period && sameNameKey(f.period) !== '1年') {
      out.push(
        finding(
          'F5',
          'warning',
          f,
          at(f, 'period'),
          `${formName(f)}为一次性项目（1年结束），项目期应为“1年”，实为“${f.period}”`,
        ),
      );
    }
  }
  return out;
}

const REQUIRED_LEVEL2 = ['数量指标', '质量指标', '时效指标', '成本指标'];
const BENEFIT = INDICATOR_SKELETON.find((g) => g.level1 === '效益指标')?.level2 ?? [];
const SATISFACTION = '服务对象满意度指标';

function f6(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const f of a.forms) {
    const filled = (side: Side, l2s: readonly string[]): boolean =>
      f.indicators.some((i) => i.side === side && l2s.includes(i.level2) && (i.level3 !== '' || i.value !== ''));
    const printed = (side: Side, l2s: readonly string[]): boolean => f.printedLevel2[side].some((l) => l2s.includes(l));
    const requirements: { label: string; l2s: readonly string[] }[] = [
      ...REQUIRED_LEVEL2.map((l) => ({ label: l, l2s: [l] })),
      { label: '效益指标（任一二级指标）', l2s: BENEFIT },
      { label: SATISFACTION, l2s: [SATISFACTION] },
    ];
    for (const req of requirements) {
      const empty: Side[] = [];
      const absent: Side[] = [];
      for (const side of ['period', 'annual'] as const) {
        if (filled(side, req.l2s)) continue;
        if (printed(side, req.l2s)) empty.push(side);
        else absent.push(side);
      }
      if (empty.length) {
        const ind = f.indicators.find((i) => i.side === empty[0] && req.l2s.includes(i.level2));
        out.push(
          finding(
            'F6',
            'error',
            f,
            ind?.level3Cell ?? at(f, 'indicatorHeader'),
            `${formName(f)}${empty.map((s) => SIDE_LABEL[s]).join('、')}的${req.label}未填写三级指标`,
          ),
        );
      }
      if (absent.length) {
        // The row itself is missing from the printed skeleton: a layout slip, the content may
        // sit under a neighbouring 二级 (003 ZY档案数字化: 预算控制数 under 质量指标).
        out.push(
          finding(
            'F6',
            'warning',
            f,
            at(f, 'indicatorHeader'),
            `${formName(f)}${absent.length === 2 ? '实施期、年度两侧都' : SIDE_LABEL[absent[0]] + '一侧'}缺少“${req.label}”这一行（指标表不完整或错位），请按标准指标体系补齐并核对指标所在行`,
          ),
        );
      }
    }
    for (const side of ['period', 'annual'] as const) {
      const key = side === 'period' ? 'goalsPeriod' : 'goalsAnnual';
      if (f.texts[key]) continue;
      out.push(
        finding(
          'F6',
          'error',
          f,
          at(f, key),
          `${formName(f)}总体目标的${side === 'period' ? '实施期目标' : '年度目标'}未填写`,
        ),
      );
    }
  }
  return out;
}

function f7(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const f of a.forms) {
    for (const side of ['period', 'annual'] as const) {
      const costs = f.indicators.filter((i) => i.side === side && i.level2 === '成本指标');
      const amounts = costs.map((i) => ({ i, y: moneyTotalYuan(i.value) })).filter((x) => x.y !== undefined);
      if (!amounts.length) continue;
      const total = sum(amounts.map((x) => x.y ?? ZERO));
      const limit = f.funds[side].total;
      if (total.minus(limit).lte(YUAN_TOLERANCE)) continue;
      out.push(
        finding(
          'F7',
          'error',
          f,
          amounts[0].i.valueCell,
          `${formName(f)}${SIDE_LABEL[side]}成本指标合计${formatYuan(total)}元，超过${SIDE_LABEL[side]}资金总额${formatYuan(limit)}元`,
          {
            expected: `≤ ${yuan(limit)}`,
            actual: yuan(total),
            diff: yuan(total.minus(limit)),
            cells: [
              ...amounts.map((x) => ({ sheet: f.sheet, cell: x.i.valueCell ?? 'A1' })),
              { sheet: f.sheet, cell: at(f, `funds.${side}.total`) ?? 'A1' },
            ],
          },
        ),
      );
    }
  }
  return out;
}

/** 14-digit yyyyMMddHHmmss → a calendar-checked date, or undefined. */
export function parseFormDate(s: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s.replace(/\s/g, ''));
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number);
  const dt = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || h > 23 || mi > 59 || se > 59)
    return undefined;
  return dt;
}

function formYear(f: LocatedForm, d: Disclosure): number | undefined {
  const m = /(\d{4})年度/.exec(f.yearLabel ?? '');
  return m ? Number(m[1]) : d.meta.year;
}

function f8(a: FormAnalysis, d: Disclosure): Finding[] {
  const out: Finding[] = [];
  for (const f of a.forms) {
    const cell = at(f, 'signature.date');
    if (!cell) continue; // no signature row (001): nothing to check
    const raw = f.signature.date;
    if (!raw) {
      out.push(finding('F8', 'info', f, cell, `${formName(f)}填报日期未填写`));
      continue;
    }
    const dt = parseFormDate(raw);
    if (!dt) {
      out.push(finding('F8', 'info', f, cell, `${formName(f)}填报日期“${raw}”不是有效的14位日期时间（年月日时分秒）`));
      continue;
    }
    const y = formYear(f, d);
    if (y === undefined) continue;
    const from = Date.UTC(y - 1, 6, 1);
    const to = Date.UTC(y, 2, 31, 23, 59, 59);
    if (dt.getTime() < from || dt.getTime() > to) {
      out.push(
        finding(
          'F8',
          'info',
          f,
          cell,
          `${formName(f)}填报日期${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}不在通常的填报期（${y - 1}年7月1日至${y}年3月31日）内`,
        ),
      );
    }
  }
  return out;
}

function f9(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const { project: p, form: f } of a.match.pairs) {
    if (!f.implementingUnit) {
      out.push(
        finding('F9', 'error', f, at(f, 'implementingUnit'), `${formName(f)}实施单位未填写，应为“${p.unit}”`, {}),
      );
    } else if (!sameUnit(p.unit, f.implementingUnit)) {
      out.push(
        finding(
          'F9',
          'error',
          f,
          at(f, 'implementingUnit'),
          `${formName(f)}实施单位“${f.implementingUnit}”与表12所属单位“${p.unit}”不一致`,
        ),
      );
    }
  }
  for (const f of a.forms) {
    for (const i of f.indicators) {
      if (!i.value) continue;
      const v = parseIndicatorValue(i.value);
      if (v.malformed) {
        out.push(
          finding(
            'F9',
            'warning',
            f,
            i.valueCell,
            `${formName(f)}指标“${i.level3}”的指标值“${i.value}”有比较符号但没有数值`,
          ),
        );
      } else if (v.unit.startsWith('%') && isMoneyName(i.level3) && !/率|比例|占比/.test(i.level3)) {
        out.push(
          finding(
            'F9',
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

function module(id: string, description: string, run: (a: FormAnalysis, ctx: RuleContext) => Finding[]): RuleModule {
  return {
    id,
    description,
    run(ctx) {
      try {
        const a = analyse(ctx);
        return a ? run(a, ctx) : [];
      } catch (e) {
        return [
          {
            rule: id,
            severity: 'info',
            table: 'form',
            message: `绩效目标表校验（${id}）未能完成：${e instanceof Error ? e.message : String(e)}`,
          },
        ];
      }
    },
  };
}

export const FORM_RULES: RuleModule[] = [
  module('F1', '每个表12项目一张绩效目标表，无多余、无重复，名称一致', (a) => f1(a)),
  module('F2', '年度资金总额 = 表12合计 × 10000（±50元为尾差）', (a) => f2(a)),
  module('F3', '资金来源各项之和 = 资金总额', (a) => f3(a)),
  module('F4', '资金来源与表12资金列对应', (a) => f4(a)),
  module('F5', '年度 ≤ 实施期；一次性项目实施期 = 年度、项目期1年', (a) => f5(a)),
  module('F6', '必填指标与总体目标', (a) => f6(a)),
  module('F7', '成本指标金额合计不超过资金总额', (a) => f7(a)),
  module('F8', '填报日期', (a, ctx) => f8(a, ctx.disclosure)),
  module('F9', '实施单位与表12一致；指标值写法', (a) => f9(a)),
  {
    id: 'F10',
    description: '部门（单位）整体支出绩效目标表（仅当存在时）',
    run(ctx) {
      return ctx.workbook ? checkOverallForm(ctx.workbook, ctx.disclosure) : [];
    },
  },
];

/** All form findings at once (CLI and tests). */
export function checkForms(ctx: RuleContext): Finding[] {
  return FORM_RULES.flatMap((r) => r.run(ctx));
}
