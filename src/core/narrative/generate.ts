import type { Disclosure } from '../model/disclosure';
import type { Level } from '../templates/schema';
import { Decimal, ZERO, sum } from '../money';
import { tableFacts, type Fig, type TableFacts } from './facts';
import { amountText, changeRate, distributeShares, pctText } from './format';
import { NarrativeInputs, VEHICLE_CATEGORIES, wan, type NarrativeInputsInput } from './inputs';
import { HEADING, T, TITLES, fill } from './templates';
import { sameNameKey } from '../text/sameName';

export const PARAGRAPH_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'] as const;
export type ParagraphNo = (typeof PARAGRAPH_NUMBERS)[number];

export interface NarrativeParagraph {
  no: ParagraphNo;
  title: string;
  /** Body lines (sub-headings such as `（一）…` on their own line) joined with `\n`. */
  text: string;
}

export interface GeneratedNarrative {
  heading: string;
  paragraphs: NarrativeParagraph[];
}

interface Ctx {
  f: TableFacts;
  inp: NarrativeInputs;
  level: Level;
  base: Record<string, string | number>;
}

const Z: Fig = { value: ZERO };
const a = (d: Decimal) => amountText(d);
const clause = (s: string | undefined) => (s ?? '').replace(/[。；;，,\s]+$/, '');

/**
 * Writes 第三部分 情况说明 from the located tables plus what no table holds (`inputs`).
 * Figures a table is missing for are written as 0 so the text stays complete; the checker
 * and the table rules report the missing table itself.
 */
export function generateNarrative(
  d: Disclosure,
  inputs: NarrativeInputs | NarrativeInputsInput = {},
  level?: Level,
): GeneratedNarrative {
  const inp = NarrativeInputs.parse(inputs);
  const lvl: Level = level ?? d.meta.level ?? '单位';
  const year = d.meta.year ?? new Date().getFullYear();
  const subject = inp.subject ?? d.meta.unit ?? `本${lvl}`;
  const c: Ctx = { f: tableFacts(d), inp, level: lvl, base: { Y: year, LY: year - 1, level: lvl, subject } };
  const builders: Record<ParagraphNo, (c: Ctx) => string[]> = {
    一: p1,
    二: p2,
    三: p3,
    四: p4,
    五: p5,
    六: p6,
    七: p7,
    八: p8,
    九: p9,
    十: p10,
    十一: p11,
    十二: p12,
  };
  return {
    heading: fill(HEADING, c.base),
    paragraphs: PARAGRAPH_NUMBERS.map((no) => ({
      no,
      title: fill(TITLES[no], c.base),
      text: builders[no](c).join('\n'),
    })),
  };
}

function change(
  current: Decimal,
  last: Decimal | undefined,
  up: string,
  down: string,
  same: string,
  base: Ctx['base'],
  fromZero: string = T.changeFromZero,
): string {
  if (last === undefined) return '';
  const delta = current.minus(last);
  if (delta.isZero()) return fill(same, base);
  const rate = changeRate(current, delta);
  if (!rate) return fill(fromZero, { ...base, abs: a(delta.abs()) });
  return fill(delta.gt(0) ? up : down, { ...base, abs: a(delta.abs()), rate: pctText(rate) });
}

const reasonText = (tpl: string, r: string | undefined) => (r ? fill(tpl, { reason: clause(r) }) : '');

function p1(c: Ctx): string[] {
  const t = c.f.t1;
  const inc = t?.incomeGrand.value ?? ZERO;
  const exp = t?.expGrand.value ?? ZERO;
  const income = fill(T.income, {
    ...c.base,
    incomeGrand: a(inc),
    incomeTotal: a(t?.incomeTotal.value ?? ZERO),
    carryIn: a(t?.carryIn.value ?? ZERO),
    change: change(inc, wan(c.inp.lastYear.incomeTotal), T.changeUp, T.changeDown, T.changeSame, c.base),
    reason: reasonText(T.reason, c.inp.reasons.income),
  });
  const expenditure = fill(T.expenditure, {
    ...c.base,
    expGrand: a(exp),
    expCurrent: a(t?.expCurrent.value ?? ZERO),
    expCarry: a(t?.expCarry.value ?? ZERO),
    change: change(
      exp,
      wan(c.inp.lastYear.expenditureTotal ?? c.inp.lastYear.incomeTotal),
      T.changeUp,
      T.changeDown,
      T.changeSame,
      c.base,
    ),
    reason: reasonText(T.reason, c.inp.reasons.expenditure ?? c.inp.reasons.income),
  });
  return [`${income}；${expenditure}。`];
}

function p2(c: Ctx): string[] {
  const t = c.f.t1;
  const grand = t?.incomeGrand.value ?? ZERO;
  const s = t?.sources;
  const parts = [s?.gpb, s?.fund, s?.soe, s?.special, s?.unit, t?.carryIn].map((x) => (x ?? Z).value);
  const shares = distributeShares(parts, grand);
  const list = parts
    .map((v, i) => fill(T.incomeShare, { label: T.incomeLabels[i], amount: a(v), share: pctText(shares[i]) }))
    .join('；');
  return [fill(T.incomeShares, { ...c.base, incomeGrand: a(grand), list })];
}

function p3(c: Ctx): string[] {
  const t = c.f.t3;
  const total = t?.total.value ?? ZERO;
  const basic = t?.basic.value ?? ZERO;
  const project = t?.project.value ?? ZERO;
  const [bs, ps] = distributeShares([basic, project], total);
  return [
    fill(T.expenditureShares, {
      ...c.base,
      total: a(total),
      basic: a(basic),
      project: a(project),
      basicShare: pctText(bs),
      projectShare: pctText(ps),
    }),
  ];
}

function p4(c: Ctx): string[] {
  const t = c.f.t4;
  let text = fill(T.fiscal, {
    ...c.base,
    grand: a(t?.incomeGrand.value ?? ZERO),
    gpb: a(t?.gpb.value ?? ZERO),
    fund: a(t?.fund.value ?? ZERO),
    soe: a(t?.soe.value ?? ZERO),
    current: a(t?.incomeTotal.value ?? ZERO),
    carry: a(t?.carryIn.value ?? ZERO),
  });
  const cats = t?.categories ?? [];
  if (cats.length)
    text += fill(T.fiscalCategories, {
      list: cats.map((x) => fill(T.categoryItem, { name: x.name, amount: a(x.value) })).join('、'),
    });
  return [text];
}

function p5(c: Ctx): string[] {
  const t = c.f.t5;
  const total = t?.total.value ?? ZERO;
  const lei = t?.lei ?? [];
  const shares = distributeShares(
    lei.map((x) => x.value),
    total,
  );
  const list = lei
    .map((x, i) => fill(T.gpbStructureItem, { name: x.name, amount: a(x.value), share: pctText(shares[i]) }))
    .join('；');
  return [
    T.gpbScaleTitle,
    fill(T.gpbScale, {
      ...c.base,
      total: a(total),
      change: change(total, wan(c.inp.lastYear.gpbCurrent), T.changeUp, T.changeDown, T.changeSame, c.base),
    }),
    T.gpbStructureTitle,
    lei.length
      ? fill(T.gpbStructure, { ...c.base, total: a(total), list })
      : fill(T.gpbScale, { ...c.base, total: a(total), change: '' }),
    T.gpbChart,
  ];
}

function p6(c: Ctx): string[] {
  const t = c.f.t6;
  const items = (side: 'personnel' | 'public') => {
    const names = (t?.items ?? []).filter((i) => i.side === side).map((i) => i.name);
    return names.length ? fill(T.itemList, { list: names.join('、') }) : '';
  };
  return [
    fill(T.basic, { ...c.base, total: a(t?.total.value ?? ZERO) }),
    fill(T.personnel, { amount: a(t?.personnel.value ?? ZERO), items: items('personnel') }),
    fill(T.public, { amount: a(t?.public.value ?? ZERO), items: items('public') }),
  ];
}

function p7(c: Ctx): string[] {
  const t = c.f.t10;
  const tp = c.inp.threePublic;
  const total = t?.total.value ?? ZERO;
  const last = wan(tp.lastYearTotal);
  let totalChange = '';
  if (last !== undefined) {
    const delta = total.minus(last);
    totalChange = delta.isZero()
      ? fill(T.threePublicSame, c.base)
      : fill(delta.gt(0) ? T.threePublicUp : T.threePublicDown, { ...c.base, abs: a(delta.abs()) }) +
        reasonText(T.reason, tp.reason);
  }
  const keys = [
    'abroad',
    'reception',
    ...(tp.showVehicleSubtotal ? ['vehicle' as const] : []),
    'vehicleRunning',
    'vehiclePurchase',
  ] as const;
  const parts = keys.map((k) => {
    const amount = (t?.[k] ?? Z).value;
    const inputPart = tp[k];
    const lastPart = wan(inputPart?.lastYear);
    let ch = '';
    if (lastPart !== undefined) {
      const delta = amount.minus(lastPart);
      ch = delta.isZero()
        ? '，' + T.partSame
        : '，' +
          fill(delta.gt(0) ? T.partUp : T.partDown, { abs: a(delta.abs()) }) +
          reasonText(T.reason, inputPart?.reason);
    }
    return fill(T.part, { label: T.threePublicLabels[k], amount: a(amount), change: ch });
  });
  return [fill(T.threePublic, { ...c.base, total: a(total), change: totalChange, parts: parts.join('；') })];
}

function p8(c: Ctx): string[] {
  const t = c.f.t11;
  if (!t || (t.total.value.isZero() && t.units.length === 0)) return [fill(T.noAdminCost, c.base)];
  const lines: string[] = [];
  if (c.level === '部门' && t.units.length)
    lines.push(fill(T.adminUnits, { ...c.base, units: t.units.join('、'), n: t.units.length }));
  lines.push(
    fill(T.adminCost, {
      ...c.base,
      total: a(t.total.value),
      change: change(
        t.total.value,
        wan(c.inp.lastYear.adminCost),
        T.adminUp,
        T.adminDown,
        T.adminSame,
        c.base,
        T.adminFromZero,
      ),
      reason: reasonText(T.adminReason, c.inp.reasons.adminCost),
    }),
  );
  return lines;
}

function p9(c: Ctx): string[] {
  const p = c.inp.procurement ?? { goods: '0', works: '0', services: '0' };
  const goods = new Decimal(p.goods);
  const works = new Decimal(p.works);
  const services = new Decimal(p.services);
  return [
    fill(T.procurement, {
      ...c.base,
      total: a(goods.plus(works).plus(services)),
      goods: a(goods),
      works: a(works),
      services: a(services),
    }),
  ];
}

function p10(c: Ctx): string[] {
  const f = c.f;
  const lines: string[] = [T.overallTitle];
  const conv = c.inp.overall.convention ?? 'incomeTotal';
  if (conv === 'gpbSplit') {
    lines.push(
      fill(T.overallSplit, {
        ...c.base,
        amount: a(f.t5?.total.value ?? ZERO),
        basic: a(f.t5?.basic.value ?? ZERO),
        project: a(f.t5?.project.value ?? ZERO),
      }),
    );
  } else {
    const amount =
      conv === 'projectTotal' ? (f.t12?.total ?? f.t3?.project.value ?? ZERO) : (f.t1?.incomeGrand.value ?? ZERO);
    lines.push(
      fill(T.overall, { ...c.base, amount: a(amount) }) + (c.inp.overall.formAttached ? T.overallAttached : ''),
    );
  }

  const projects = f.t12?.projects ?? [];
  const category = (name: string) => c.inp.projects.categories[name] ?? c.inp.projects.defaultCategory;
  const split = (list: typeof projects, tpl: string) => {
    const ops = list.filter((p) => category(p.name) === '其他运转类');
    const sts = list.filter((p) => category(p.name) === '特定目标类');
    return fill(tpl, {
      n1: ops.length,
      x1: a(sum(ops.map((p) => p.value))),
      n2: sts.length,
      x2: a(sum(sts.map((p) => p.value))),
    });
  };
  const total = sum(projects.map((p) => p.value));
  lines.push(T.projectTitle);
  let text = fill(T.projects, {
    ...c.base,
    n: projects.length,
    amount: a(total),
    split: split(projects, T.projectSplit),
  });
  const forms = c.inp.forms;
  if (forms) {
    const published = publishedProjects(projects, forms);
    if (published) {
      const pub = sum(published.map((p) => p.value));
      const share = total.isZero() ? ZERO : pub.div(total).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      text += fill(T.published, {
        ...c.base,
        m: forms.count,
        amount: a(pub),
        share: pctText(share),
        split: split(published, T.publishedSplit),
      });
    } else {
      text += fill(T.publishedCountOnly, { m: forms.count });
    }
  }
  lines.push(text, T.formsNote);
  return lines;
}

/** The 表12 projects whose forms are attached, when the inputs say which (or all have one). */
function publishedProjects<P extends { name: string }>(
  projects: P[],
  forms: NonNullable<NarrativeInputs['forms']>,
): P[] | undefined {
  if (forms.projectNames) {
    const names = new Set(forms.projectNames.map((n) => sameNameKey(n)));
    return projects.filter((p) => names.has(sameNameKey(p.name)));
  }
  return forms.count === projects.length ? projects : undefined;
}

function p11(c: Ctx): string[] {
  const as = c.inp.assets;
  const asOf = as?.asOf ?? fill(T.defaultAsOf, c.base);
  const vehicles = as?.vehicles ?? {};
  const n = VEHICLE_CATEGORIES.reduce((s, v) => s + (vehicles[v.key] ?? 0), 0);
  const list = VEHICLE_CATEGORIES.map((v) => fill(T.vehicleItem, { label: v.label, n: vehicles[v.key] ?? 0 })).join(
    '，',
  );
  const slots = { ...c.base, asOf };
  return [
    T.vehiclesTitle,
    fill(T.vehicles, { ...slots, quota: as?.vehicleQuota ?? 0, n, list }),
    T.buildingTitle,
    fill(T.building, { ...slots, area: as?.officeArea ?? '0' }),
    T.equipmentTitle,
    fill(T.equipment, { ...slots, e50: as?.equipmentOver50 ?? 0, e100: as?.equipmentOver100 ?? 0 }),
  ];
}

function p12(c: Ctx): string[] {
  return [T.catalogueTitle, c.inp.other.purchaseCatalogue, T.otherTitle, c.inp.other.other];
}

/** The generated narrative as plain text: heading, then `一、title` and the body lines. */
export function narrativeToText(n: GeneratedNarrative): string {
  return [n.heading, ...n.paragraphs.flatMap((p) => [`${p.no}、${p.title}`, p.text])].join('\n');
}
