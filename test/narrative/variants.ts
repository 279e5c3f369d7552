import type { Disclosure, LocatedTable, TableRow } from '../../src/core/model/disclosure';
import { Decimal } from '../../src/core/money';
import { tableFacts, type TableFacts } from '../../src/core/narrative/facts';
import type { ParagraphNo } from '../../src/core/narrative/generate';
import { NarrativeInputs } from '../../src/core/narrative/inputs';
import { TITLES } from '../../src/core/narrative/templates';
import { publishedInputs } from './publishedInputs';
import { seedDisclosure } from './seedDisclosure';

/**
 * 情况说明 worded the way other counties write the same facts, built from a disclosure's own
 * figures: each paragraph in several wordings (other labels, other clause order, `分别为`,
 * `人民币`, 万元 with and without spaces, numbers with and without separators, changes against
 * last year before or after the amount, shares before or after it). Every figure the checker is
 * meant to compare is a `Slot` that the tests change in turn. Subjects are generic (本部门, 我单位);
 * nothing names a seed's department, unit or project.
 *
 * A slot is `always` checked (an amount against its table, a share, a count, a rate against its
 * printed change), `inputs` (a change: only when last year's figure is known), or `never` (a
 * change no input holds: it must be left alone).
 */
export type Checked = 'always' | 'inputs' | 'never';

export interface Slot {
  text: string;
  wrong: string;
  checked: Checked;
  what: string;
}

export type Piece = string | Slot;

export interface Variant {
  no: ParagraphNo;
  name: string;
  pieces: Piece[];
}

const D = (x: Decimal.Value) => new Decimal(x);

/** `1,184.32` / `1184.32` / `1184.32` with a space, `0`. */
type Style = 'sep' | 'plain';
function fmt(v: Decimal, style: Style): string {
  if (v.isZero()) return '0';
  const fixed = v.toFixed(2);
  if (style === 'plain') return fixed;
  const [i, dec] = fixed.split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

const pct = (part: Decimal, total: Decimal) =>
  total.isZero() ? D(0) : part.div(total).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** The figures of one disclosure and its inputs, as slots. */
export class Values {
  readonly f: TableFacts;
  constructor(
    readonly d: Disclosure,
    readonly inputs: NarrativeInputs,
    /** Forms attached (what 公开项目绩效目标N个 must say). */
    readonly formsCount: number,
    readonly style: Style = 'sep',
  ) {
    this.f = tableFacts(d);
  }
  get Y() {
    return this.d.meta.year!;
  }
  get LY() {
    return this.Y - 1;
  }
  a(v: Decimal | undefined, what: string, style = this.style): Slot {
    const x = v ?? D(0);
    return { text: fmt(x, style), wrong: fmt(x.plus('1.11'), style), checked: 'always', what };
  }
  s(part: Decimal | undefined, total: Decimal | undefined, what: string): Slot {
    const p = pct(part ?? D(0), total ?? D(0));
    const text = p.isZero() ? '0' : p.toFixed(2);
    return { text, wrong: p.plus('1.11').toFixed(2), checked: 'always', what };
  }
  n(v: number, what: string): Slot {
    return { text: String(v), wrong: String(v + 1), checked: 'always', what };
  }
  /** A change against last year (`last` from the inputs): verb, amount slot, rate verb, rate slot. */
  ch(current: Decimal, last: Decimal | undefined, what: string, checked: Checked = 'inputs') {
    const delta = current.minus(last ?? current);
    const up = delta.gte(0);
    const rate = last && !last.isZero() ? delta.abs().div(last.abs()).times(100) : D(0);
    return {
      same: delta.isZero(),
      dir: up ? '增加' : '减少',
      rdir: up ? '增长' : '下降',
      c: { text: fmt(delta.abs(), 'plain'), wrong: fmt(delta.abs().plus('1.11'), 'plain'), checked, what },
      r: {
        text: rate.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
        wrong: rate.plus('1.11').toFixed(2),
        checked: 'always' as Checked,
        what: `${what}增减率`,
      },
    };
  }
}

/** Tagged template: text with slots. */
export function t(strings: TemplateStringsArray, ...vals: (Piece | Piece[])[]): Piece[] {
  const out: Piece[] = [];
  strings.forEach((s, i) => {
    out.push(s);
    if (i < vals.length) {
      const v = vals[i];
      if (Array.isArray(v)) out.push(...v);
      else out.push(v);
    }
  });
  return out;
}

const join = (parts: Piece[][], sep: string): Piece[] => parts.flatMap((p, i) => (i ? [sep, ...p] : p));

export function render(pieces: Piece[], wrongAt = -1): string {
  let k = -1;
  return pieces
    .map((p) => {
      if (typeof p === 'string') return p;
      k++;
      return k === wrongAt ? p.wrong : p.text;
    })
    .join('');
}

export const slotsOf = (pieces: Piece[]): Slot[] => pieces.filter((p): p is Slot => typeof p !== 'string');

// ---------------------------------------------------------------------------------------------
// The wordings, paragraph by paragraph.

type Builder = (v: Values) => Piece[];

const last = (v: Values) => ({
  income: v.inputs.lastYear.incomeTotal ? D(v.inputs.lastYear.incomeTotal) : undefined,
  gpb: v.inputs.lastYear.gpbCurrent ? D(v.inputs.lastYear.gpbCurrent) : undefined,
  admin: v.inputs.lastYear.adminCost ? D(v.inputs.lastYear.adminCost) : undefined,
  tp: v.inputs.threePublic.lastYearTotal ? D(v.inputs.threePublic.lastYearTotal) : undefined,
});

const P1: Builder[] = [
  // 收入预算总额为…，较上年…，其中…
  (v) => {
    const t1 = v.f.t1!;
    const ci = v.ch(t1.incomeGrand.value, last(v).income, '收入总计', 'always');
    const ce = v.ch(t1.expGrand.value, last(v).income, '支出总计', 'always');
    return t`${String(v.Y)}年度本部门收入预算总额为${v.a(t1.incomeGrand.value, '收入总计')}万元，较上年${ci.dir}${ci.c}万元，${ci.rdir}${ci.r}%，其中：本年收入${v.a(t1.incomeTotal.value, '本年收入')}万元，上年结转结余${v.a(t1.carryIn.value, '上年结转')}万元。${String(v.Y)}年度支出预算总额为${v.a(t1.expGrand.value, '支出总计')}万元，较上年${ce.dir}${ce.c}万元，${ce.rdir}${ce.r}%，其中：本年支出${v.a(t1.expCurrent.value, '本年支出')}万元，上年结转安排${v.a(t1.expCarry.value, '结转安排')}万元。`;
  },
  // 收入预算合计 … 其中 … ；支出预算合计 …; change after the parts, no rate
  (v) => {
    const t1 = v.f.t1!;
    const ci = v.ch(t1.incomeGrand.value, last(v).income, '收入总计');
    return t`按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理。收入预算合计 ${v.a(t1.incomeGrand.value, '收入总计', 'plain')} 万元，其中本年收入 ${v.a(t1.incomeTotal.value, '本年收入', 'plain')} 万元、上年结转 ${v.a(t1.carryIn.value, '上年结转', 'plain')} 万元，与上年相比${ci.dir}${ci.c}万元；支出预算合计 ${v.a(t1.expGrand.value, '支出总计', 'plain')} 万元，其中本年预算安排 ${v.a(t1.expCurrent.value, '本年预算安排', 'plain')} 万元、上年结转 ${v.a(t1.expCarry.value, '上年结转安排', 'plain')} 万元。`;
  },
  // 人民币, 与{LY}年相比, 下降幅度为
  (v) => {
    const t1 = v.f.t1!;
    const ci = v.ch(t1.incomeGrand.value, last(v).income, '收入总计', 'always');
    const ce = v.ch(t1.expGrand.value, last(v).income, '支出总计', 'always');
    return t`${String(v.Y)}年我单位预算收入总计人民币${v.a(t1.incomeGrand.value, '收入总计')}万元，与${String(v.LY)}年相比${ci.dir}${ci.c}万元，${ci.rdir}幅度为${ci.r}%。其中，当年收入人民币${v.a(t1.incomeTotal.value, '当年收入')}万元，上年结转人民币${v.a(t1.carryIn.value, '上年结转')}万元。预算支出总计人民币${v.a(t1.expGrand.value, '支出总计')}万元，与${String(v.LY)}年相比${ce.dir}${ce.c}万元，${ce.rdir}幅度为${ce.r}%。其中，当年预算安排人民币${v.a(t1.expCurrent.value, '当年预算安排')}万元，上年结转人民币${v.a(t1.expCarry.value, '上年结转')}万元。`;
  },
  // 分别为
  (v) => {
    const t1 = v.f.t1!;
    const ce = v.ch(t1.expGrand.value, last(v).income, '支出总计');
    return t`${String(v.Y)}年度本部门收入总计、支出总计分别为${v.a(t1.incomeGrand.value, '收入总计')}万元、${v.a(t1.expGrand.value, '支出总计')}万元，均较上年${ce.dir}${ce.c}万元。其中：本年收入、上年结转分别为${v.a(t1.incomeTotal.value, '本年收入')}万元、${v.a(t1.carryIn.value, '上年结转')}万元；本年预算安排、上年结转安排分别为${v.a(t1.expCurrent.value, '本年预算安排')}万元、${v.a(t1.expCarry.value, '上年结转安排')}万元。`;
  },
];

const SOURCES = [
  ['gpb', '一般公共预算拨款收入', '一般公共预算收入'],
  ['fund', '政府性基金预算拨款收入', '政府性基金收入'],
  ['soe', '国有资本经营预算拨款收入', '国有资本经营收入'],
  ['special', '财政专户管理资金收入', '财政专户管理资金'],
  ['unit', '单位资金', '单位资金收入'],
] as const;

const P2: Builder[] = [
  // 占比, every source
  (v) => {
    const t1 = v.f.t1!;
    const g = t1.incomeGrand.value;
    const items = [
      ...SOURCES.map(
        ([k, label]) => t`${label}${v.a(t1.sources[k].value, label)}万元，占比${v.s(t1.sources[k].value, g, label)}%`,
      ),
      t`上年结转${v.a(t1.carryIn.value, '上年结转')}万元，占比${v.s(t1.carryIn.value, g, '上年结转')}%`,
    ];
    return t`${String(v.Y)}年收入预算${v.a(g, '收入总计')}万元。其中：${join(items, '；')}。`;
  },
  // 占收入总额的, only non-zero sources, other labels
  (v) => {
    const t1 = v.f.t1!;
    const g = t1.incomeGrand.value;
    const rows: [string, Decimal][] = [
      ...SOURCES.map(([k, , label]) => [label, t1.sources[k].value] as [string, Decimal]),
      ['上年结转结余', t1.carryIn.value],
    ];
    const items = rows
      .filter(([, x]) => !x.isZero())
      .map(([label, x]) => t`${label}${v.a(x, label, 'plain')}万元，占收入总额的${v.s(x, g, label)}%`);
    return t`本部门${String(v.Y)}年收入总额${v.a(g, '收入总计', 'plain')}万元，按资金来源分：${join(items, '；')}。`;
  },
  // share before the amount
  (v) => {
    const t1 = v.f.t1!;
    const g = t1.incomeGrand.value;
    const items = SOURCES.filter(([k]) => !t1.sources[k].value.isZero()).map(
      ([k, label]) => t`${label}占${v.s(t1.sources[k].value, g, label)}%，计${v.a(t1.sources[k].value, label)}万元`,
    );
    const carry = t1.carryIn.value.isZero()
      ? []
      : t`；上年结转占${v.s(t1.carryIn.value, g, '上年结转')}%，计${v.a(t1.carryIn.value, '上年结转')}万元`;
    return t`预算收入总计${v.a(g, '收入总计')}万元，${join(items, '；')}${carry}。`;
  },
];

const P3: Builder[] = [
  (v) => {
    const t3 = v.f.t3!;
    const tot = t3.total.value;
    return t`${String(v.Y)}年支出预算总额${v.a(tot, '支出总额')}万元，其中：基本支出${v.a(t3.basic.value, '基本支出')}万元，占支出总额的${v.s(t3.basic.value, tot, '基本支出')}%；项目支出${v.a(t3.project.value, '项目支出')}万元，占支出总额的${v.s(t3.project.value, tot, '项目支出')}%。`;
  },
  // 分别为 … 分别占
  (v) => {
    const t3 = v.f.t3!;
    const tot = t3.total.value;
    return t`本年支出预算合计${v.a(tot, '支出总额', 'plain')}万元。按支出性质分，基本支出、项目支出分别为${v.a(t3.basic.value, '基本支出', 'plain')}万元、${v.a(t3.project.value, '项目支出', 'plain')}万元，分别占${v.s(t3.basic.value, tot, '基本支出')}%、${v.s(t3.project.value, tot, '项目支出')}%。`;
  },
  // change of the total no input holds: never checked
  (v) => {
    const t3 = v.f.t3!;
    const tot = t3.total.value;
    const ch = v.ch(tot, tot.minus(12), '支出预算', 'never');
    return t`支出预算 ${v.a(tot, '支出总额')} 万元，较上年${ch.dir}${ch.c}万元。其中基本支出 ${v.a(t3.basic.value, '基本支出')} 万元（含人员经费和公用经费），占比 ${v.s(t3.basic.value, tot, '基本支出')}%；项目支出 ${v.a(t3.project.value, '项目支出')} 万元，占比 ${v.s(t3.project.value, tot, '项目支出')}%。`;
  },
];

const P4: Builder[] = [
  (v) => {
    const t4 = v.f.t4!;
    const cats = t4.categories.map((c) => t`${c.name}${v.a(c.value, c.name)}万元`);
    return t`${String(v.Y)}年财政拨款收支预算总额${v.a(t4.incomeGrand.value, '财政拨款总额')}万元，其中：一般公共预算拨款${v.a(t4.gpb.value, '一般公共预算')}万元，政府性基金预算拨款${v.a(t4.fund.value, '政府性基金')}万元，国有资本经营预算拨款${v.a(t4.soe.value, '国有资本经营')}万元。财政拨款收入中，本年拨款收入${v.a(t4.incomeTotal.value, '本年拨款')}万元，上年财政拨款结转${v.a(t4.carryIn.value, '结转')}万元。按支出功能分类，${join(cats, '，')}。`;
  },
  // 收入总计…支出总计…, short category names
  (v) => {
    const t4 = v.f.t4!;
    const cats = t4.categories.map((c) => t`${c.name.replace(/支出$/, '')}方面${v.a(c.value, c.name, 'plain')}万元`);
    return t`本部门${String(v.Y)}年财政拨款收入总计${v.a(t4.incomeGrand.value, '收入总计', 'plain')}万元，支出总计${v.a(t4.incomeGrand.value, '支出总计', 'plain')}万元。其中，当年财政拨款收入${v.a(t4.incomeTotal.value, '当年拨款', 'plain')}万元，上年结转${v.a(t4.carryIn.value, '结转', 'plain')}万元。财政拨款支出主要用于：${join(cats, '；')}。`;
  },
];

P4.push((v) => {
  const t4 = v.f.t4!;
  const g = t4.incomeGrand.value;
  const ch = v.ch(g, g.minus(20), '财政拨款', 'never');
  const src = (
    [
      ['一般公共预算拨款收入', t4.gpb.value],
      ['政府性基金预算拨款收入', t4.fund.value],
      ['国有资本经营预算拨款收入', t4.soe.value],
    ] as const
  )
    .filter(([, x]) => !x.isZero())
    .map(([label, x]) => t`${label}${v.a(x, label)}万元，占${v.s(x, g, label)}%`);
  return t`本部门${String(v.Y)}年度财政拨款预算收入${v.a(g, '财政拨款收入')}万元，较上年${ch.dir}${ch.c}万元。其中${join(src, '；')}。财政拨款预算支出${v.a(g, '财政拨款支出')}万元。`;
});

const P5: Builder[] = [
  (v) => {
    const t5 = v.f.t5!;
    const tot = t5.total.value;
    const ch = v.ch(tot, last(v).gpb, '一般公共预算支出', 'always');
    const lei = t5.lei.map((c) => t`${c.name}${v.a(c.value, c.name)}万元，占${v.s(c.value, tot, c.name)}%`);
    return t`${String(v.Y)}年一般公共预算支出预算${v.a(tot, '一般公共预算支出')}万元，比上年${ch.dir}${ch.c}万元，${ch.rdir}${ch.r}%。主要用于：${join(lei, '；')}。`;
  },
  // 规模 / 结构, 占一般公共预算支出的, change without rate
  (v) => {
    const t5 = v.f.t5!;
    const tot = t5.total.value;
    const ch = v.ch(tot, last(v).gpb, '一般公共预算支出');
    const lei = t5.lei.map(
      (c) =>
        t`${c.name.replace(/支出$/, '')}${v.a(c.value, c.name, 'plain')} 万元，占一般公共预算支出的${v.s(c.value, tot, c.name)}%`,
    );
    return t`（一）规模变化：本年一般公共预算拨款支出${v.a(tot, '一般公共预算支出', 'plain')} 万元，与上年相比${ch.dir}${ch.c}万元。\n（二）结构情况：按支出功能分类，${join(lei, '；')}。`;
  },
];

P5.push((v) => {
  const t5 = v.f.t5!;
  const tot = t5.total.value;
  const ch = v.ch(tot, last(v).gpb, '一般公共预算支出', 'always');
  const lei = t5.lei.map((c) => t`${c.name}${v.a(c.value, c.name)}万元（占${v.s(c.value, tot, c.name)}%）`);
  return t`${String(v.Y)}年一般公共预算财政拨款支出预算${v.a(tot, '一般公共预算支出')}万元，同比${ch.dir}${ch.c}万元，${ch.rdir}${ch.r}%。其中，${join(lei, '，')}。`;
});

const P6: Builder[] = [
  (v) => {
    const t6 = v.f.t6!;
    const tot = t6.total.value;
    const items = (side: 'personnel' | 'public') =>
      t6.items
        .filter((i) => i.side === side)
        .map((i) => i.name)
        .join('、');
    return t`${String(v.Y)}年一般公共预算基本支出${v.a(tot, '基本支出')}万元，其中人员经费${v.a(t6.personnel.value, '人员经费')}万元，占${v.s(t6.personnel.value, tot, '人员经费')}%，主要包括：${items('personnel')}；公用经费${v.a(t6.public.value, '公用经费')}万元，占${v.s(t6.public.value, tot, '公用经费')}%，主要包括：${items('public')}。`;
  },
  (v) => {
    const t6 = v.f.t6!;
    const items = (side: 'personnel' | 'public') =>
      t6.items
        .filter((i) => i.side === side)
        .map((i) => i.name)
        .join('、');
    return t`基本支出预算数为 ${v.a(t6.total.value, '基本支出', 'plain')} 万元。人员经费 ${v.a(t6.personnel.value, '人员经费', 'plain')} 万元，包括${items('personnel')}等；公用经费 ${v.a(t6.public.value, '公用经费', 'plain')} 万元，包括${items('public')}等。`;
  },
];

P6.push((v) => {
  const t6 = v.f.t6!;
  const items = (side: 'personnel' | 'public') =>
    t6.items
      .filter((i) => i.side === side)
      .map((i) => i.name)
      .join('、');
  return t`基本支出${v.a(t6.total.value, '基本支出')}万元，其中：人员经费${v.a(t6.personnel.value, '人员经费')}万元，公用经费${v.a(t6.public.value, '公用经费')}万元。人员经费主要包括：${items('personnel')}。公用经费主要包括：${items('public')}。`;
});

const P7: Builder[] = [
  // every part with its change: the parts' changes add up to the total's
  (v) => {
    const t10 = v.f.t10!;
    const tp = v.inputs.threePublic;
    const part = (fig: Decimal, lastText: string | undefined, label: string) => {
      const ch = v.ch(fig, lastText ? D(lastText) : undefined, label, 'always');
      return ch.same
        ? t`${label}${v.a(fig, label)}万元，与上年持平`
        : t`${label}${v.a(fig, label)}万元，比上年${ch.dir}${ch.c}万元`;
    };
    const tot = v.ch(t10.total.value, last(v).tp, '三公经费', 'always');
    const head = tot.same
      ? t`${String(v.Y)}年“三公”经费财政拨款预算数为${v.a(t10.total.value, '三公经费')}万元，与上年持平`
      : t`${String(v.Y)}年“三公”经费财政拨款预算数为${v.a(t10.total.value, '三公经费')}万元，较上年${tot.dir}${tot.c}万元`;
    return t`${head}。其中：${join(
      [
        part(t10.abroad.value, tp.abroad?.lastYear, '因公出国（境）费'),
        part(t10.reception.value, tp.reception?.lastYear, '公务接待费'),
        part(t10.vehicleRunning.value, tp.vehicleRunning?.lastYear, '公务用车运行维护费'),
        part(t10.vehiclePurchase.value, tp.vehiclePurchase?.lastYear, '公务用车购置费'),
      ],
      '；',
    )}。`;
  },
  // change before the amount (`公务接待费比上年下降2万元`), only some parts compared
  (v) => {
    const t10 = v.f.t10!;
    const tp = v.inputs.threePublic;
    const rec = v.ch(t10.reception.value, tp.reception?.lastYear ? D(tp.reception.lastYear) : undefined, '公务接待费');
    const tot = v.ch(t10.total.value, last(v).tp, '三公经费');
    return t`本部门“三公”经费预算${v.a(t10.total.value, '三公经费', 'plain')}万元，同比${tot.dir}${tot.c}万元。其中：因公出国（境）费用${v.a(t10.abroad.value, '因公出国（境）费', 'plain')}万元；公务接待费比上年${rec.dir === '增加' ? '增加' : '下降'}${rec.c}万元，预算${v.a(t10.reception.value, '公务接待费', 'plain')}万元；公务用车购置及运行维护费${v.a(t10.vehicle.value, '公务用车购置及运行维护费', 'plain')}万元（其中：公务用车购置费${v.a(t10.vehiclePurchase.value, '购置费', 'plain')}万元，公务用车运行费${v.a(t10.vehicleRunning.value, '运行费', 'plain')}万元）。`;
  },
  // 预算安排…为, 与上年预算数相同 without figures
  (v) => {
    const t10 = v.f.t10!;
    return t`我单位${String(v.Y)}年“三公”经费预算安排 ${v.a(t10.total.value, '三公经费')} 万元。具体为：因公出国（境）经费 ${v.a(t10.abroad.value, '因公出国（境）费')} 万元，公务接待费用为 ${v.a(t10.reception.value, '公务接待费')} 万元，公务用车运维费 ${v.a(t10.vehicleRunning.value, '运行维护费')} 万元，车辆购置费 ${v.a(t10.vehiclePurchase.value, '购置费')} 万元。`;
  },
];

const P8: Builder[] = [
  (v) => {
    const t11 = v.f.t11!;
    if (t11.total.value.isZero() && !t11.units.length) return t`本单位为事业单位，不涉及机关运行经费。`;
    const ch = v.ch(t11.total.value, last(v).admin, '机关运行经费', 'always');
    return t`${String(v.Y)}年机关运行经费预算${v.a(t11.total.value, '机关运行经费')}万元，比上年${ch.dir}${ch.c}万元，${ch.rdir}${ch.r}%，主要原因是人员变动。`;
  },
  (v) => {
    const t11 = v.f.t11!;
    if (t11.total.value.isZero() && !t11.units.length) return t`本单位没有机关运行经费。`;
    const ch = v.ch(t11.total.value, last(v).admin, '机关运行经费');
    const units = t11.units.length ? t`本部门所属${v.n(t11.units.length, '单位家数')}家单位使用机关运行经费。` : [];
    return t`${units}本部门机关运行经费财政拨款预算为${v.a(t11.total.value, '机关运行经费', 'plain')}万元，较${String(v.LY)}年${ch.dir}${ch.c}万元。`;
  },
];

const P9: Builder[] = [
  (v) => {
    const p = v.inputs.procurement!;
    return t`${String(v.Y)}年政府采购预算合计${v.a(D(p.goods).plus(p.works).plus(p.services), '采购总额')}万元，其中：货物类${v.a(D(p.goods), '货物')}万元，工程类${v.a(D(p.works), '工程')}万元，服务类${v.a(D(p.services), '服务')}万元。`;
  },
  // reordered parts
  (v) => {
    const p = v.inputs.procurement!;
    return t`本部门${String(v.Y)}年度安排政府采购预算 ${v.a(D(p.goods).plus(p.works).plus(p.services), '采购总额', 'plain')} 万元，其中政府采购服务预算 ${v.a(D(p.services), '服务', 'plain')} 万元、政府采购货物预算 ${v.a(D(p.goods), '货物', 'plain')} 万元、政府采购工程预算 ${v.a(D(p.works), '工程', 'plain')} 万元。`;
  },
];

/** The amount 1、整体绩效目标 cites under the region's convention (inputs). */
const overallAmount = (v: Values) =>
  v.inputs.overall.convention === 'projectTotal'
    ? v.f.t12!.total
    : v.inputs.overall.convention === 'gpbSplit'
      ? v.f.t5!.total.value
      : v.f.t1!.incomeGrand.value;

P9.push((v) => {
  const p = v.inputs.procurement!;
  return t`本年度政府采购预算总额为${v.a(D(p.goods).plus(p.works).plus(p.services), '采购总额')}万元（货物${v.a(D(p.goods), '货物')}万元、工程${v.a(D(p.works), '工程')}万元、服务${v.a(D(p.services), '服务')}万元）。`;
});

const P10: Builder[] = [
  (v) => {
    const t12 = v.f.t12!;
    const n = t12.projects.length;
    return t`（一）整体绩效目标：${String(v.Y)}年部门整体支出绩效目标涉及资金${v.a(overallAmount(v), '整体')}万元。\n（二）项目绩效目标：本部门纳入${String(v.Y)}年度绩效目标管理的项目共${v.n(n, '项目个数')}个，涉及预算资金${v.a(t12.total, '项目金额')}万元。随本预算公开的项目绩效目标表共${v.n(v.formsCount, '公开个数')}张，涉及资金${v.a(t12.total, '公开金额')}万元，占项目支出总额的${v.s(t12.total, t12.total, '公开占比')}%。`;
  },
  (v) => {
    const t12 = v.f.t12!;
    return t`1、整体绩效目标\n编报单位整体绩效目标，涉及资金${v.a(overallAmount(v), '整体')}万元。\n2、项目绩效目标\n共有${v.n(t12.projects.length, '项目个数')}个项目编制了绩效目标，资金合计${v.a(t12.total, '项目金额')}万元，其中公开${v.n(v.formsCount, '公开个数')}个。`;
  },
];

P10.push((v) => {
  const t12 = v.f.t12!;
  return t`1.整体绩效目标：部门整体支出绩效目标涉及资金${v.a(overallAmount(v), '整体')}万元。\n2.项目绩效目标：本部门${String(v.Y)}年度实行绩效目标管理的项目${v.n(t12.projects.length, '项目个数')}个，涉及金额${v.a(t12.total, '项目金额')}万元，本次公开${v.n(v.formsCount, '公开个数')}个项目的绩效目标。`;
});

const P11: Builder[] = [
  (v) => {
    const veh = v.inputs.assets?.vehicles ?? {};
    const n = Object.values(veh).reduce((a, b) => a + (b ?? 0), 0);
    return t`截至${String(v.LY)}年底，本部门现有车辆${v.n(n, '实有')}辆，其中：领导用车${v.n(veh.leader ?? 0, '领导用车')}辆，机要通信用车${v.n(veh.confidential ?? 0, '机要通信用车')}辆，应急保障用车${v.n(veh.emergency ?? 0, '应急保障用车')}辆，执法执勤用车${v.n(veh.enforcement ?? 0, '执法执勤用车')}辆，特种专业技术用车${v.n(veh.special ?? 0, '特种专业技术用车')}辆，事业单位业务用车${v.n(veh.institution ?? 0, '事业单位业务用车')}辆，其他公务用车${v.n(veh.other ?? 0, '其他公务用车')}辆。`;
  },
];

const P12: Builder[] = [() => t`无其他需要说明的事项。`];

export const BUILDERS: Record<ParagraphNo, Builder[]> = {
  一: P1,
  二: P2,
  三: P3,
  四: P4,
  五: P5,
  六: P6,
  七: P7,
  八: P8,
  九: P9,
  十: P10,
  十一: P11,
  十二: P12,
};

export const PARAGRAPHS = Object.keys(BUILDERS) as ParagraphNo[];

/** Heading + twelve paragraphs, paragraph `no` in wording `k`, the others in wording 0. */
export function narrative(v: Values, no: ParagraphNo, k: number): { before: string; pieces: Piece[]; after: string } {
  const title = (p: ParagraphNo) => `${p}、${TITLES[p].replace('{level}', '部门')}`;
  const body = (p: ParagraphNo) => render(BUILDERS[p][0](v));
  const idx = PARAGRAPHS.indexOf(no);
  const before = [
    `第三部分 ${v.Y}年度部门预算情况说明`,
    ...PARAGRAPHS.slice(0, idx).flatMap((p) => [title(p), body(p)]),
  ];
  const after = PARAGRAPHS.slice(idx + 1).flatMap((p) => [title(p), body(p)]);
  return {
    before: before.join('\n') + '\n' + title(no) + '\n',
    pieces: BUILDERS[no][k](v),
    after: '\n' + after.join('\n'),
  };
}

// ---------------------------------------------------------------------------------------------
// The disclosures the wordings are filled from.

function setAmount(t: LocatedTable, pick: (r: TableRow) => boolean, col: string, value: Decimal.Value) {
  const r = t.rows.find(pick);
  if (!r) throw new Error(`row not found in ${t.id}`);
  const a = r.values[col];
  r.values[col] = { ...(a ?? { blank: false, sheet: t.sheet, cell: 'A1', raw: null }), value: D(value), blank: false };
}

/**
 * A 部门 disclosure with what the seeds lack: 上年结转 in 表1 and 表4, 政府性基金 income, and a 表11
 * of two units. Built on 003's tables (the narrative checks read paragraph by paragraph).
 */
export function carryOverDisclosure(): Disclosure {
  const d = seedDisclosure('003');
  const t1 = d.tables.t1!;
  const inc = (key: string) => (r: TableRow) => r.key === key && r.side === 'income';
  setAmount(t1, inc('income_total'), 'income', '2650.00');
  setAmount(t1, inc('carry_in'), 'income', '62.37');
  setAmount(t1, inc('gpb'), 'income', '1987.34');
  setAmount(t1, inc('fund'), 'income', '57.62');
  const exp = (r: TableRow) => r.key === 'exp_grand';
  setAmount(t1, exp, 'current', '2650.00');
  setAmount(t1, exp, 'carry', '62.37');
  const t4 = d.tables.t4!;
  setAmount(t4, inc('income_total'), 'income', '2044.96');
  setAmount(t4, inc('gpb'), 'income', '1987.34');
  setAmount(t4, inc('fund'), 'income', '57.62');
  setAmount(t4, inc('carry_in'), 'income', '62.37');
  setAmount(t4, inc('carry_gpb'), 'income', '62.37');
  setAmount(t4, inc('income_grand'), 'income', '2107.33');
  const t11 = d.tables.t11!;
  const unit = (name: string, total: string, row: number): TableRow => ({
    kind: 'unit',
    key: name,
    row,
    name,
    label: name,
    values: { total: { value: D(total), blank: false, sheet: t11.sheet, cell: `B${row + 1}`, raw: total } },
  });
  t11.rows = [
    {
      kind: 'total',
      key: 'total',
      row: 0,
      label: '合计',
      values: { total: { value: D('50.00'), blank: false, sheet: t11.sheet, cell: 'B1', raw: '50.00' } },
    },
    unit('机关本级', '42.00', 1),
    unit('信息中心', '8.00', 2),
  ];
  return { ...d, meta: { ...d.meta, level: '部门' } };
}

export interface VariantCase {
  name: string;
  values: Values;
}

export function variantCases(): VariantCase[] {
  const inputs = (raw: Parameters<typeof NarrativeInputs.parse>[0]) => NarrativeInputs.parse(raw);
  const carryInputs = inputs({
    ...publishedInputs('003'),
    lastYear: { incomeTotal: '2600.00', expenditureTotal: '2600.00', gpbCurrent: '2200.00', adminCost: '48.50' },
    threePublic: {
      lastYearTotal: '2.40',
      abroad: { lastYear: '0' },
      reception: { lastYear: '0.30' },
      vehicleRunning: { lastYear: '2.10' },
      vehiclePurchase: { lastYear: '0' },
    },
  });
  return [
    { name: '000', values: new Values(seedDisclosure('000'), inputs(publishedInputs('000')), 14) },
    { name: '003', values: new Values(seedDisclosure('003'), inputs(publishedInputs('003')), 13, 'plain') },
    { name: 'carry-over 部门', values: new Values(carryOverDisclosure(), carryInputs, 14) },
  ];
}
