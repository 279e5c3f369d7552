import { checkNarrative } from '../../src/core/narrative/check';
import { seedDisclosure, seedNarrativeText } from './seedDisclosure';

/**
 * Paragraphs of 000 rewritten the way other documents put the same facts, each with the wrong
 * figure it must still catch: no false finding on the true text, the error on the false one.
 */
const d = seedDisclosure('000');
const base = seedNarrativeText('000');
const heading = (no: string) => new RegExp(`${no}、[^\\n]*\\n(?:(?![一二三四五六七八九十]+、)[^\\n]*\\n)*`);
const swap = (no: string, body: string) => {
  const out = base.replace(heading(no), (m) => `${m.split('\n')[0]}\n${body}\n`);
  expect(out).not.toBe(base);
  return out;
};
const brief = (text: string) =>
  checkNarrative(d, text, { formsCount: 14 }).map((f) => `${f.rule} ${f.severity} ${f.actual ?? ''}`);

describe.each([
  [
    '一: last year printed as an amount, sources listed in 一',
    '一',
    '2024年度收入总计1184.32万元，比2023年预算数1267.44万元减少83.12万元，下降6.56%，其中：一般公共预算拨款收入1184.32万元，上年结转0万元。支出总计1184.32万元，其中本年支出1184.32万元。',
    ['本年支出1184.32', '本年支出1148.32'],
    'N1 error 1148.32',
  ],
  [
    '三: an economic breakdown in brackets',
    '三',
    '支出预算1184.32万元，其中：基本支出986.77万元（工资福利支出800.00万元、商品和服务支出186.77万元），项目支出197.55万元。',
    ['项目支出197.55', '项目支出179.55'],
    'N3 error 179.55',
  ],
  [
    '六: each side broken down in brackets',
    '六',
    '一般公共预算基本支出986.77万元，其中：人员经费882.47万元（工资福利支出850.00万元、对个人和家庭的补助32.47万元），公用经费104.30万元。',
    ['公用经费104.30', '公用经费140.30'],
    'N6 error 140.30',
  ],
  [
    '七: a count of vehicles in a part',
    '七',
    '“三公”经费预算3.50万元，与上年持平。其中：因公出国（境）费0万元；公务接待费0万元；公务用车运行维护费3.50万元，主要用于1辆公务用车的运行维护；公务用车购置费0万元。',
    ['公务接待费0万元', '公务接待费0.80万元'],
    'N7 error 0.80',
  ],
  [
    '八: the change before the amount',
    '八',
    '机关运行经费比上年减少7.74万元，下降6.91%，为104.30万元，主要用于办公费、印刷费等。',
    ['为104.30', '为114.30'],
    'N8 error 114.30',
  ],
  [
    '九: a part left out',
    '九',
    '政府采购预算28万元，其中：货物类7万元，服务类21万元，工程类0万元。',
    ['服务类21万元', '服务类12万元'],
    'N9 error 28.00',
  ],
  [
    '十: the project amount named as a budget source, published count in words',
    '十',
    '1、整体绩效目标\n涉及资金1184.32万元。\n2、项目绩效目标\n根据预算公开要求，本单位纳入绩效目标管理的二级项目14个，涉及一般公共预算当年拨款197.55万元，按要求公开14个项目的绩效目标。',
    ['公开14个项目', '公开15个项目'],
    'N10 error 15',
  ],
  [
    '二: 财政拨款 as one source, 本年收入预算',
    '二',
    '本年收入预算1184.32万元，其中：财政拨款收入1184.32万元，占100%；上年结转结余0万元。',
    ['财政拨款收入1184.32', '财政拨款收入1148.32'],
    'N2 error 1148.32',
  ],
] as const)('%s', (_, no, body, [from, to], wrong) => {
  it('no finding on the true text', () => {
    expect(brief(swap(no, body))).toEqual([]);
  });
  it('the wrong figure is found', () => {
    expect(body).toContain(from);
    expect(brief(swap(no, body.replace(from, to)))).toContain(wrong);
  });
});

it('四: a text stating its sources in words only says so in one 信息 line', () => {
  const t = swap('四', '财政拨款收支预算1184.32万元，全部为一般公共预算拨款，主要用于社会保障和就业方面。');
  expect(brief(t)).toEqual(['N0u info ']);
});
