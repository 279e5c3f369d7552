import Decimal from 'decimal.js';
import type { NarrativeInputsInput } from '../../src/core/narrative/inputs';
import { loadSeed, type Seed } from './seedDisclosure';

/**
 * Reads back, from a seed's published 第三部分, the inputs no table holds (last year's
 * figures as 本年 − Δ, reasons, 政府采购, assets …). Written with its own regular
 * expressions so the generator is tested against the document, not against the checker.
 */
const n = (s: string) => new Decimal(s.replace(/[,\s]/g, ''));

function must(re: RegExp, text: string, what: string): RegExpExecArray {
  const m = re.exec(text);
  if (!m) throw new Error(`published text: ${what} not found`);
  return m;
}

/** Amount and signed change of `label…比上年减少x万元`. */
function lastYear(
  text: string,
  label: string,
  changeWord = String.raw`(?:比|较)[^\d，]{0,6}?(?:上年|\d{4}年)[^\d，]{0,6}?`,
): string {
  const m = must(
    new RegExp(
      label +
        String.raw`\s*([\d,.]+)\s*万元[，,]?[^。]*?` +
        changeWord +
        String.raw`(增加|减少|增长|下降)\s*([\d,.]+)\s*万元`,
    ),
    text,
    label,
  );
  const delta = /减少|下降/.test(m[2]) ? n(m[3]).negated() : n(m[3]);
  return n(m[1]).minus(delta).toFixed(2);
}

export function publishedInputs(seed: Seed): NarrativeInputsInput {
  const doc = loadSeed(seed);
  const text = doc.narrative.paragraphs.join('\n');
  const s1 = must(/预算收入总计[\s\S]*?(?=\n二、)/, text, '一').at(0)!;
  const incomeReason = must(/主要原因是([\s\S]*?)；本年[^；]*?支出总计/, s1, 'income reason')[1];
  const expReason = must(/支出总计[\s\S]*?主要原因是([\s\S]*)。$/, s1, 'expenditure reason')[1];

  const gpb = lastYear(must(/一般公共预算当年支出[\d,.]+万元，比上年[^\n]*/, text, '五(一)')[0], '当年支出');

  const s7 = must(/三公”经费预算[\s\S]*?(?=\n八、)/, text, '七')[0];
  const totalM = must(
    /经费预算\s*([\d,.]+)\s*万元[，,]?\s*(?:与\d{4}年预算数相同|比\d{4}年(减少|增加)\s*([\d,.]+)\s*万元(?:，主要原因是([^。]*))?)/,
    s7,
    '三公 total',
  );
  const total = n(totalM[1]);
  const totalLast = totalM[2] ? total.minus(/减少/.test(totalM[2]) ? n(totalM[3]).negated() : n(totalM[3])) : total;
  const part = (label: string) => {
    const m = new RegExp(
      label +
        String.raw`\s*([\d,.]+)\s*万元，(?:与上年预算数相同|与上年相比预算数(减少|增加)([\d,.]+)万元(?:，主要原因是([^；。]*?)(?=，公务用车|；|。))?)`,
    ).exec(s7);
    if (!m) return undefined;
    const amount = n(m[1]);
    const last = m[2] ? amount.minus(/减少/.test(m[2]) ? n(m[3]).negated() : n(m[3])) : amount;
    return { lastYear: last.toFixed(2), ...(m[4] ? { reason: m[4] } : {}) };
  };

  const s8 = must(/八、机关运行经费[\s\S]*?(?=\n九、)/, text, '八')[0];
  const admin = /无机关运行经费/.test(s8)
    ? {}
    : {
        adminCost: lastYear(s8, '财政拨款预算', String.raw`比\d{4}年预算`),
        reason: must(/原因是([^。]*)。/, s8, 'admin reason')[1],
      };

  const s9 = must(/政府采购预算总额[\s\S]*?(?=\n)/, text, '九')[0];
  const buy = (label: string) => must(new RegExp(label + String.raw`\s*([\d,.]+)\s*万元`), s9, label)[1];

  const s11 = must(/十一、国有资产[\s\S]*?(?=\n十二、)/, text, '十一')[0];
  const count = (label: string, unit = '辆') =>
    Number(must(new RegExp(label + String.raw`\s*(\d+)\s*` + unit), s11, label)[1]);

  const s10 = must(/十、绩效管理情况[\s\S]*?(?=\n十一、)/, text, '十')[0];
  const overallAmount = n(must(/涉及资金\s*([\d,.]+)\s*万元/, s10, '整体')[1]);
  const published = Number(must(/公开项目绩效目标\s*(\d+)\s*个/, s10, '公开')[1]);
  const specific = must(/特定目标类项目\s*(\d+)\s*个[,，]\s*涉及金额\s*([\d,.]+)\s*万元/, s10, '特定目标类');
  const projects = (doc.tables.t12.rows ?? [])
    .filter((r) => r.kind === 'project')
    .map((r) => ({ name: (r.name ?? '').trim(), value: n(r.values['合计'] ?? '0') }));
  const chosen = subsetWith(projects, Number(specific[1]), n(specific[2]));
  const categories = Object.fromEntries(chosen.map((p) => [p.name, '特定目标类' as const]));

  return {
    lastYear: {
      incomeTotal: lastYear(s1, '收入总计'),
      expenditureTotal: lastYear(s1.slice(s1.indexOf('支出总计')), '支出总计'),
      gpbCurrent: gpb,
      ...(admin.adminCost ? { adminCost: admin.adminCost } : {}),
    },
    reasons: { income: incomeReason, expenditure: expReason, ...(admin.reason ? { adminCost: admin.reason } : {}) },
    threePublic: {
      lastYearTotal: totalLast.toFixed(2),
      ...(totalM[4] ? { reason: totalM[4] } : {}),
      abroad: part('因公出国（境）费'),
      reception: part('公务接待费'),
      vehicle: part('公务用车购置及运行费'),
      vehicleRunning: part('公务用车运行维护费'),
      vehiclePurchase: part('公务用车购置费'),
      showVehicleSubtotal: /公务用车购置及运行费/.test(s7),
    },
    procurement: { goods: buy('货物预算'), works: buy('工程预算'), services: buy('服务预算') },
    assets: {
      asOf: must(/截至\s*([^，]+)，/, s11, 'asOf')[1],
      vehicleQuota: count('编制'),
      vehicles: {
        leader: count('领导用车'),
        confidential: count('机要通信用车'),
        emergency: count('应急保障用车'),
        enforcement: count('执法执勤用车'),
        special: count('特种专业技术用车'),
        institution: count('事业单位业务用车'),
        other: count('其他公务用车'),
      },
      officeArea: must(/建筑总面积\s*([\d.]+)\s*平方米/, s11, 'area')[1],
      equipmentOver50: count('50万元（原值）以上的通用设备', '台'),
      equipmentOver100: count('100万元（原值）以上的通用设备', '台'),
    },
    projects: { categories, defaultCategory: '其他运转类' },
    forms: { count: published },
    overall: {
      convention: overallAmount.eq(doc.tables.t1.income?.find((r) => r.label === '收入总计')?.values['金额'] ?? '-1')
        ? 'incomeTotal'
        : 'projectTotal',
      formAttached: /整体目标表公开情况见附件/.test(s10),
    },
  };
}

/**
 * The text states only how many 特定目标类 projects there are and their sum: find the
 * projects of 表12 that make it up (the seeds have at most 14 projects, so a plain search).
 */
function subsetWith<P extends { value: Decimal }>(items: P[], k: number, total: Decimal): P[] {
  const pick = (from: number, left: number, acc: P[], s: Decimal): P[] | undefined => {
    if (left === 0) return s.eq(total) ? acc : undefined;
    for (let i = from; i <= items.length - left; i++) {
      const r = pick(i + 1, left - 1, [...acc, items[i]], s.plus(items[i].value));
      if (r) return r;
    }
    return undefined;
  };
  const r = pick(0, k, [], new Decimal(0));
  if (!r) throw new Error(`no ${k} projects add up to ${total.toFixed(2)}`);
  return r;
}
