import Decimal from 'decimal.js';
import { loadFixture, type FixtureForm, type SeedId } from '../../fixtures/fixture';
import { seedAmountYuan } from './wording';

/**
 * A seed's forms with its real form errors removed (docs/domain.md § 样本中的已知错误): every 表12 project has one form whose
 * funds are 表12's (元 = 万元 × 10000, sources by column), one-off projects have 实施期 = 年度, and no
 * cost line exceeds the funds. What the seed gets right is left as printed, warnings included.
 */
const key = (s: string): string => s.replace(/\s/g, '');

function yuanOf(wan: string | null | undefined): Decimal {
  return new Decimal(wan ?? 0).times(10000);
}

type T12Row = ReturnType<typeof loadFixture>['tables']['t12']['rows'][number];

function fundsFrom(p: T12Row): FixtureForm['funds'] {
  const v = p.values;
  const fin = yuanOf(v['一般公共预算']).plus(yuanOf(v['政府性基金预算'])).plus(yuanOf(v['国有资本经营预算']));
  const central = p.name.includes('中央');
  const provincial = !central && p.name.includes('省级');
  const other = yuanOf(v['财政专户管理资金']);
  return {
    total: yuanOf(v['合计']).toString(),
    annual: yuanOf(v['合计']).toString(),
    central: central ? fin.toString() : '0',
    provincial: provincial ? fin.toString() : '0',
    local: central || provincial ? '0' : fin.toString(),
    selfRaised: yuanOf(v['单位资金']).toString(),
    other: other.isZero() ? null : other.toString(),
  };
}

function withFunds(f: FixtureForm, p: T12Row): FixtureForm {
  const funds = fundsFrom(p);
  const { total: _t, annual: _a, ...split } = funds;
  const limit = new Decimal(funds.annual ?? 0);
  return {
    ...f,
    funds,
    fundsPeriod: { ...split },
    // A cost line above the corrected funds becomes the funds (as a 预算控制数 would read).
    indicators: f.indicators.map((i) => {
      const y = i.level2 === '成本指标' ? seedAmountYuan(i.value) : undefined;
      return y && y.gt(limit) ? { ...i, value: `≤${limit.div(10000)}万元` } : i;
    }),
  };
}

function agrees(formYuan: string | null | undefined, wan: string | null | undefined): boolean {
  const w = new Decimal(formYuan ?? 0).div(10000);
  const t = new Decimal(wan ?? 0);
  return w.eq(t) || w.toDecimalPlaces(2, Decimal.ROUND_FLOOR).eq(t) || w.toDecimalPlaces(2, Decimal.ROUND_CEIL).eq(t);
}

/** The seed's own near-miss (`工作经历` for `工作经费`) is a 提示, not an error: the form is there. */
function nearlySame(a: string, b: string): boolean {
  const x = [...key(a)];
  const y = [...key(b)];
  return x.length === y.length && x.filter((ch, i) => ch !== y[i]).length <= 2;
}

export function cleanForms(seed: SeedId): FixtureForm[] {
  const fx = loadFixture(seed);
  const forms = fx.forms.map((f) => structuredClone(f));
  const projects = fx.tables.t12.rows.filter((r) => r.kind === 'project');
  const template = forms.find((f) => f.indicators.some((i) => i.level3 === '预算控制数')) ?? forms[0];
  for (const p of projects) {
    const i = forms.findIndex((f) => nearlySame(f.projectName, p.name));
    if (i < 0) {
      forms.push({ ...withFunds(structuredClone(template), p), projectName: p.name });
      continue;
    }
    const f = forms[i];
    const periodOk = !f.attribute?.startsWith('一次性') || f.funds.total === f.funds.annual;
    if (!agrees(f.funds.annual, p.values['合计']) || !periodOk) forms[i] = withFunds(f, p);
  }
  return forms;
}
