import { Decimal, ZERO, classifyDiff, moneyString, roundingTolerance, sum } from '../money';
import { sameNameKey } from '../text/sameName';
import { changeHit, mentionsOf, type SectionContext } from './evaluate';
import { amountText } from './format';
import type { ParagraphNo } from './generate';
import { VEHICLE_CATEGORIES, type OverallConvention } from './inputs';
import type { Mention, Placed } from './place';
import { hitOf } from './report';
import { LIST_INTROS, NO_ADMIN_COST, OVERALL_FORM_PROMISE } from './vocabulary';
import type { CheckOptions } from './check';

/**
 * The checks that are not "this figure equals that table figure": lists of items, counts,
 * sub-explanations that must add up, and the few statements (`无机关运行经费`, `见附件`) a
 * paragraph makes. They read the same placed figures as the catalogue (`place.ts`).
 */
export type Procedure = (ctx: SectionContext, opts: CheckOptions) => void;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join('|');
const first = (ms: Mention[], has: (m: Mention) => unknown) => ms.find(has);

/** 一: a reason that breaks the total's change into parts (003: ①…较上年减少12.78万元 ②…增加25.54万元). */
function subExplanations(ctx: SectionContext) {
  const { r, s } = ctx;
  for (const [term, name] of [
    ['incomeGrand', '收入总计'],
    ['expGrand', '支出总计'],
  ] as const) {
    for (const m of mentionsOf(ctx, term)) {
      const ch = m.change;
      if (!ch?.signed || ch.same || m.subChanges.length < 2) continue;
      const parts = m.subChanges.map((p) => p.signed ?? ZERO);
      const expected = sum(parts);
      const diff = ch.signed.minus(expected);
      const cls = classifyDiff(diff, roundingTolerance(parts.length));
      if (cls === 'equal') continue;
      const h = changeHit(s, m.subChanges[0])!;
      r.push(
        'N1p',
        cls === 'rounding' ? 'rounding' : 'error',
        s,
        s.text.slice(h.start, Math.min(h.start + 30, s.text.length)),
        h.start,
        `原因中分项增减额合计${moneyString(expected)}万元（${parts.map((p) => moneyString(p)).join(' + ')}），与${name}增减额${moneyString(ch.signed)}万元${cls === 'rounding' ? '有尾差' : '不一致'}。`,
        { expected: moneyString(ch.signed), actual: moneyString(expected), diff: moneyString(diff) },
      );
    }
  }
}

const LIST_RE = new RegExp(`^[^；;。\\n]*?(?:${alt(LIST_INTROS)})\\s*[：:]?([^；;。\\n]*)`);

/** 六: the items listed after 人员经费 / 公用经费 against 表6's items of that side. */
function economicLists(ctx: SectionContext) {
  const { f, r, s } = ctx;
  const t = f.t6;
  if (!t) return;
  for (const x of [
    { term: 'personnel', side: 'personnel' as const, name: '人员经费' },
    { term: 'public', side: 'public' as const, name: '公用经费' },
  ]) {
    // The list follows the item, in its sentence (`人员经费…，主要包括：…`) or a later one (`人员经费主要包括：…`).
    const found = mentionsOf(ctx, x.term)
      .map((m) => ({ m, lm: LIST_RE.exec(s.text.slice(m.end)) }))
      .find((x) => x.lm);
    if (!found) continue;
    const { m, lm } = found as { m: Mention; lm: RegExpExecArray };
    const listStart = m.end + lm.index + lm[0].length - lm[1].length;
    const written = lm[1]
      .split(/[、，,]/)
      .map((n) => n.trim().replace(/等$/, '').trim())
      .filter(Boolean);
    if (!written.length) continue;
    const table = t.items.filter((i) => i.side === x.side).map((i) => i.name);
    const tableSet = new Set(table.map((n) => sameNameKey(n)));
    const writtenSet = new Set(written.map((n) => sameNameKey(n)));
    const absent = written.filter((n) => !tableSet.has(sameNameKey(n)));
    const omitted = table.filter((n) => !writtenSet.has(sameNameKey(n)));
    const phrase = `${x.name}…主要包括：${lm[1].slice(0, 24)}${lm[1].length > 24 ? '…' : ''}`;
    const ex = { expected: table.join('、'), actual: written.join('、') };
    if (absent.length)
      r.push(
        'N6',
        'error',
        s,
        phrase,
        listStart,
        `列出的${absent.length}项在表6${x.name}中没有：${absent.join('、')}。`,
        ex,
      );
    if (omitted.length)
      r.push(
        'N6',
        'warning',
        s,
        phrase,
        listStart,
        `表6${x.name}中的${omitted.length}项未列出：${omitted.join('、')}。`,
        ex,
      );
  }
}

/** 七: the parts' changes add up to the total's change. */
function threePublicChanges(ctx: SectionContext) {
  const { r, s } = ctx;
  const tot = first(mentionsOf(ctx, 'tpTotal'), (m) => m.change);
  if (!tot) return;
  const parts = ['tpAbroad', 'tpReception', 'tpVehicleRunning', 'tpVehiclePurchase'].map(
    (t) => first(mentionsOf(ctx, t), (m) => m.change)?.change?.signed,
  );
  const changeSum = (owner: Mention, ds: (Decimal | undefined)[], what: string) => {
    if (!owner.change?.signed || ds.some((d) => d === undefined)) return;
    const deltas = ds as Decimal[];
    const diff = owner.change.signed.minus(sum(deltas));
    const cls = classifyDiff(diff, roundingTolerance(deltas.length));
    if (cls === 'equal') return;
    const h = hitOf(s, owner, owner.change)!;
    r.push(
      'N7',
      cls === 'rounding' ? 'rounding' : 'error',
      s,
      h.phrase,
      h.start,
      `${what}合计${moneyString(sum(deltas))}万元，与${s.text.slice(owner.start, owner.end)}增减额${moneyString(owner.change.signed)}万元不一致。`,
      { expected: moneyString(owner.change.signed), actual: moneyString(sum(deltas)), diff: moneyString(diff) },
    );
  };
  changeSum(tot, parts, '各项增减额');
  // 003 also states 公务用车购置及运行费 with its own change: the change of its two parts.
  const vehicle = first(mentionsOf(ctx, 'tpVehicle'), (m) => m.change);
  if (vehicle) changeSum(vehicle, parts.slice(2), '公务用车运行维护费与购置费增减额');
}

const NO_ADMIN_RE = new RegExp(alt(NO_ADMIN_COST));

/** 八: `无机关运行经费` iff 表11 is empty; the number of units named. */
function adminCost(ctx: SectionContext) {
  const { f, r, s } = ctx;
  const t = f.t11;
  if (!t) return;
  const empty = t.total.value.isZero() && t.units.length === 0;
  const none = NO_ADMIN_RE.exec(s.text);
  if (none) {
    ctx.quiet = true;
    if (!empty)
      r.push(
        'N8',
        'error',
        s,
        none[0],
        none.index,
        `表11机关运行经费为${amountText(t.total.value)}万元，不能写“${none[0]}”。`,
        {},
        t.total.at,
      );
    return;
  }
  const stated = mentionsOf(ctx, 'adminCost').some((m) => m.amount);
  if (empty && !stated) {
    ctx.quiet = true;
    r.push('N8', 'warning', s, undefined, undefined, '表11无数据，应写明“本单位无机关运行经费”。');
    return;
  }
  const u = ctx.placement.figures.find((p) => p.role === 'count' && p.fig.unit === '家');
  if (u && t.units.length && !u.fig.value.eq(t.units.length)) {
    r.push(
      'N8',
      'error',
      s,
      `${u.fig.raw}${u.fig.unit}`,
      u.fig.index,
      `表11列有${t.units.length}家单位，文中写${u.fig.raw}家。`,
      { expected: String(t.units.length), actual: u.fig.raw },
    );
  }
}

/** 九: 总额 = 货物 + 工程 + 服务 (the tolerance of three addends). */
function procurementSum(ctx: SectionContext) {
  const { r, s } = ctx;
  const amountOf = (t: string) => first(mentionsOf(ctx, t), (m) => m.amount);
  const tot = amountOf('procTotal');
  const parts = ['procGoods', 'procWorks', 'procServices'].map(amountOf);
  if (!tot || parts.some((p) => !p)) return;
  r.total(
    'N9',
    s,
    hitOf(s, tot, tot.amount)!,
    parts.map((p) => p!.amount!.fig.value),
    '政府采购预算总额应等于货物、工程、服务之和',
  );
}

const PROMISE_RE = new RegExp(
  `(?:${alt(OVERALL_FORM_PROMISE.form)})[^。\\n]{0,12}(?:${alt(OVERALL_FORM_PROMISE.attached)})`,
);

/** 十 1、整体绩效目标: which amount it cites depends on the region's convention (docs/narrative.md). */
function overallTarget(ctx: SectionContext, opts: CheckOptions) {
  const { f, r, s } = ctx;
  const overall = first(mentionsOf(ctx, 'overall'), (m) => m.amount);
  const h = hitOf(s, overall, overall?.amount);
  // Without any table to compare with, the amount says nothing checkable.
  const known = [f.t1, f.t3, f.t4, f.t5, f.t12].some(Boolean);
  if (h && known) {
    const candidates: [OverallConvention | undefined, Decimal | undefined, string][] = [
      ['incomeTotal', f.t1?.incomeGrand.value, '表1 收入总计'],
      ['gpbSplit', f.t5?.total.value, '表5 合计'],
      ['projectTotal', f.t12?.total ?? f.t3?.project.value, '表12 项目合计'],
      [undefined, f.t4?.incomeGrand.value, '表4 财政拨款收入总计'],
    ];
    const want = ctx.inputs?.overall.convention;
    const matches = candidates.filter(([, v]) => v !== undefined && v.eq(h.fig.value));
    overallSplit(
      ctx,
      overall!,
      matches.map(([k]) => k),
    );
    if (matches.length === 0) {
      r.push(
        'N10b',
        'error',
        s,
        h.phrase,
        h.start,
        `整体绩效目标涉及资金${h.fig.raw}万元与${candidates
          .filter(([, v]) => v)
          .map(([, v, n]) => `${n}${amountText(v!)}万元`)
          .join('、')}均不符。`,
      );
    } else if (want && !matches.some(([k]) => k === want)) {
      const w = candidates.find(([k]) => k === want)!;
      r.push(
        'N10b',
        'warning',
        s,
        h.phrase,
        h.start,
        `按本地口径整体绩效目标应引用${w[2]}${w[1] ? amountText(w[1]) : '?'}万元，文中引用的是${matches[0][2]}。`,
      );
    }
  }
  const promise = PROMISE_RE.exec(s.text);
  if (promise && opts.overallFormAttached === false)
    r.push('N10b', 'warning', s, promise[0], promise.index, '文中称整体绩效目标表见附件，但未附整体支出绩效目标表。');
}

/**
 * `涉及资金351.16万元，其中基本支出235.93万元，项目支出115.23万元` (001): the split of the amount
 * cited, from the table whose total it is (表5 for its convention, 表3 for 表1 收入总计).
 */
function overallSplit(ctx: SectionContext, overall: Mention, conventions: (OverallConvention | undefined)[]) {
  const { f, r, s } = ctx;
  const split = conventions.includes('gpbSplit')
    ? { basic: f.t5?.basic, project: f.t5?.project, source: '表5 合计行' }
    : conventions.includes('incomeTotal')
      ? { basic: f.t3?.basic, project: f.t3?.project, source: '表3 合计行' }
      : undefined;
  if (!split) return;
  const end = s.text.slice(overall.end).search(/[。\n]/);
  const to = end < 0 ? s.text.length : overall.end + end;
  for (const [term, fig, name] of [
    ['basic', split.basic, '基本支出'],
    ['project', split.project, '项目支出'],
  ] as const) {
    const m = mentionsOf(ctx, term).find((x) => x.start > overall.start && x.start < to && x.amount);
    r.amount('N10b', s, hitOf(s, m, m?.amount), fig, `${split.source}${name}`);
  }
}

/** 十 2、项目绩效目标: project count and amount = 表12, category splits, the forms published. */
function projectTargets(ctx: SectionContext, opts: CheckOptions) {
  const { f, r, s } = ctx;
  const t12 = f.t12;
  if (!t12) return;
  const projects = t12.projects;
  const managed = first(mentionsOf(ctx, 'projects'), (m) => m.count);
  const published = first(mentionsOf(ctx, 'published'), (m) => m.count);
  const hasCount = ctx.placement.figures.some((p) => p.role === 'count');
  if (!managed && (projects.length > 0 || hasCount)) ctx.missing.push('表12 项目个数');

  const n = hitOf(s, managed, managed?.count);
  if (n && !n.fig.value.eq(projects.length))
    r.push('N10', 'error', s, n.phrase, n.start, `表12列有${projects.length}个项目，文中写${n.fig.raw}个。`, {
      expected: String(projects.length),
      actual: n.fig.raw,
      diff: String(n.fig.value.minus(projects.length).toNumber()),
    });
  const x = hitOf(s, managed, managed?.amount);
  r.amount('N10', s, x, { value: t12.total, at: projects[0]?.at }, '表12 项目合计');

  const split = (owner: Mention | undefined, from: number, to: number, label: string) => {
    if (!owner) return;
    const inRange = (t: string) => mentionsOf(ctx, t).find((m) => m.start >= from && m.start < to && m.count);
    const ops = inRange('opsProjects');
    const sp = inRange('specialProjects');
    if (!ops?.count || !sp?.count) return;
    const count = owner.count;
    if (count && !ops.count.fig.value.plus(sp.count.fig.value).eq(count.fig.value)) {
      const h = hitOf(s, ops, ops.count)!;
      r.push(
        'N10',
        'error',
        s,
        h.phrase,
        h.start,
        `${label}其他运转类${ops.count.fig.raw}个 + 特定目标类${sp.count.fig.raw}个 ≠ ${count.fig.raw}个。`,
        { expected: count.fig.raw, actual: ops.count.fig.value.plus(sp.count.fig.value).toString() },
      );
    }
    const amount = hitOf(s, owner, owner.amount);
    if (amount && ops.amount && sp.amount)
      r.total('N10', s, amount, [ops.amount.fig.value, sp.amount.fig.value], `${label}其他运转类与特定目标类金额之和`);
  };
  const pubAt = published?.start ?? s.text.length;
  if (managed) split(managed, managed.start, managed.start < pubAt ? pubAt : s.text.length, '纳入绩效目标管理的项目中');

  if (!published) return;
  const m = hitOf(s, published, published.count)!;
  if (opts.formsCount !== undefined && !m.fig.value.eq(opts.formsCount)) {
    r.push(
      'N10',
      'error',
      s,
      m.phrase,
      m.start,
      `文中称公开项目绩效目标${m.fig.raw}个，但所附项目支出绩效目标表为${opts.formsCount}张。`,
      {
        expected: String(opts.formsCount),
        actual: m.fig.raw,
        diff: String(m.fig.value.minus(opts.formsCount).toNumber()),
      },
    );
  }
  const y = hitOf(s, published, published.amount);
  if (y) {
    const share = hitOf(s, published, published.share);
    if (share && !t12.total.isZero())
      r.percent('N10', s, share, y.fig.value.div(t12.total).times(100), '公开项目金额占项目支出总额的比重');
    if (y.fig.value.gt(t12.total))
      r.push(
        'N10',
        'error',
        s,
        y.phrase,
        y.start,
        `公开项目金额${y.fig.raw}万元超过表12项目合计${amountText(t12.total)}万元。`,
        { expected: moneyString(t12.total), actual: moneyString(y.fig.value) },
      );
  }
  const next = ctx.placement.mentions.find(
    (x) => x.start > published.start && (x.term === 'projects' || x.term === 'published') && x.count,
  );
  split(published, published.start, next?.start ?? s.text.length, '公开的项目中');
}

/** The vehicle categories of 十一 as names the placer reads (data: `VEHICLE_CATEGORIES`). */
export const VEHICLE_TERMS = [
  ...VEHICLE_CATEGORIES.map((v) => ({ key: `vehicle:${v.key}`, names: [v.label] as readonly string[] })),
  // Categories of the vehicle reform that some counties print instead of the seven (not inputs).
  { key: 'vehicle:general', names: ['一般公务用车'] },
];

/** 十一: the 7 categories add up to 实有; 0 vehicles but a 运行维护费; 实有 = inputs. */
function vehicles(ctx: SectionContext) {
  const { f, r, s } = ctx;
  const actual = first(mentionsOf(ctx, 'vehiclesActual'), (m) => m.count);
  const h = hitOf(s, actual, actual?.count);
  if (!actual || !h) return;
  const cats = ctx.placement.mentions.filter((m) => m.term.startsWith('vehicle:') && m.count && m.start > actual.start);
  // Precondition: the breakdown is read whole. A vehicle count in it under a name the vocabulary
  // does not know (`一般公务用车2辆` in a county's own wording) is a category left out of the sum:
  // then nothing can be compared.
  const last = cats.length ? Math.max(...cats.map((m) => m.count!.fig.end)) : h.fig.end;
  const stop = s.text.indexOf('。', last);
  const end = stop < 0 ? s.text.length : stop;
  const read = new Set(cats.map((m) => m.count!.fig.index));
  const unread = ctx.placement.figures.some(
    (p) => p.fig.unit === '辆' && p.fig.index > h.fig.end && p.fig.index < end && !read.has(p.fig.index),
  );
  if (cats.length && !unread) {
    const total = sum(cats.map((m) => m.count!.fig.value));
    if (!total.eq(h.fig.value))
      r.push('N11', 'error', s, h.phrase, h.start, `各类车辆合计${total.toString()}辆，与实有${h.fig.raw}辆不符。`, {
        expected: total.toString(),
        actual: h.fig.raw,
      });
  }
  const running = f.t10?.vehicleRunning;
  if (h.fig.value.isZero() && running && !running.value.isZero())
    r.push(
      'N11',
      'warning',
      s,
      h.phrase,
      h.start,
      `实有公务用车0辆，但表10公务用车运行维护费为${amountText(running.value)}万元，请说明。`,
      {},
      running.at,
    );
  const as = ctx.inputs?.assets;
  if (as) {
    const n = Object.values(as.vehicles).reduce((a, b) => a + (b ?? 0), 0);
    if (!h.fig.value.eq(n))
      r.push('N11', 'error', s, h.phrase, h.start, `填报的实有公务用车为${n}辆，文中写${h.fig.raw}辆。`, {
        expected: String(n),
        actual: h.fig.raw,
      });
  }
}

/** 十一 against what the clerk typed (inputs): 编制, 办公用房面积, 大额设备. */
function assetInputs(ctx: SectionContext) {
  const { r, s } = ctx;
  const as = ctx.inputs?.assets;
  if (!as) return;
  const stated = (p: Placed | undefined, want: Decimal, what: string, unit: string) => {
    if (!p || p.fig.value.eq(want)) return;
    const start = Math.max(0, p.fig.index - 16);
    r.push(
      'N11',
      'error',
      s,
      s.text.slice(start, p.fig.end),
      start,
      `填报的${what}为${want.toString()}${unit}，文中写${p.fig.raw}${unit}。`,
      {
        expected: want.toString(),
        actual: p.fig.raw,
      },
    );
  };
  stated(
    first(mentionsOf(ctx, 'vehicleQuota'), (m) => m.count)?.count,
    new Decimal(as.vehicleQuota),
    '公务用车编制',
    '辆',
  );
  const figs = ctx.placement.figures;
  const area = figs.find((p) => p.fig.unit === '平方米');
  if (as.officeArea !== undefined) stated(area, new Decimal(as.officeArea), '办公用房建筑面积', '平方米');
  const sets = figs.filter((p) => p.fig.unit === '台');
  stated(sets[0], new Decimal(as.equipmentOver50), '价值50万元以上通用设备', '台（套）');
  stated(sets[1], new Decimal(as.equipmentOver100), '价值100万元以上通用设备', '台（套）');
}

export const PROCEDURES: Partial<Record<ParagraphNo, Procedure[]>> = {
  一: [subExplanations],
  六: [economicLists],
  七: [threePublicChanges],
  八: [adminCost],
  九: [procurementSum],
  十: [overallTarget, projectTargets],
  十一: [vehicles, assetInputs],
};
