import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/model/finding';
import { Fixture } from '../fixtures/fixture';
import { agriFixture } from '../fixtures/unseen/agri';
import { waterFixture } from '../fixtures/unseen/water';
import { unseenWorkbook } from '../fixtures/unseen/workbook';
import { catalogueViolations, crashMarkers } from './support/catalogueCheck';

/**
 * Red-team pass on two fictional 部门 disclosures whose surfaces are not the seeds'
 * (test/fixtures/unseen): 部门-style titles without the year or with `2024年度`, `部门名称：`
 * unit lines, 表12 flat with projects of four units (two names in two units each), forms whose
 * 实施单位 is a subordinate unit, per-unit cost lines beside totals, 表10 with 0 and —, a narrative
 * with changes against last year in other counties' words. Consistent as composed: no 错误. Each
 * injected real error: found at 错误 by its rule, at its place, and by no other rule.
 */
const load = (file: string) =>
  Fixture.parse(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'data', file), 'utf8')));
const FIXTURES = { agri: load('unseen-agri-2025.json'), water: load('unseen-water-2024.json') };

const clone = (fx: Fixture): Fixture => JSON.parse(JSON.stringify(fx)) as Fixture;
const run = (fx: Fixture): Finding[] => analyzeWorkbook(unseenWorkbook(fx)).findings;
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.sheet ?? ''}!${f.cell ?? ''} ${f.message}`);

describe('the JSON fixtures are what the composer writes', () => {
  it.each([
    ['agri', agriFixture],
    ['water', waterFixture],
  ] as const)('%s', (name, make) => {
    expect(FIXTURES[name]).toEqual(Fixture.parse(make()));
  });
});

describe.each(Object.keys(FIXTURES) as (keyof typeof FIXTURES)[])('consistent %s disclosure', (name) => {
  const findings = run(FIXTURES[name]);
  it('gives no 错误, no crash marker, no finding outside the catalogue', () => {
    expect(brief(errors(findings))).toEqual([]);
    expect(brief(crashMarkers(findings))).toEqual([]);
    expect(catalogueViolations(findings)).toEqual([]);
  });
  it('finds all 13 tables (部门-style titles)', () => {
    expect(brief(findings.filter((f) => f.rule === 'P2'))).toEqual([]);
  });
});

type Row = { values: Record<string, string | null> };
const bump = (row: Row, cols: string[], by: number) => {
  for (const c of cols) row.values[c] = (Number(row.values[c] ?? 0) + by).toFixed(2);
};
const para = (fx: Fixture, pattern: RegExp, to: (p: string) => string) => {
  const i = fx.narrative.paragraphs.findIndex((p) => pattern.test(p));
  if (i < 0) throw new Error(`no paragraph ${pattern}`);
  fx.narrative.paragraphs[i] = to(fx.narrative.paragraphs[i]);
};

interface Injection {
  what: string;
  fx: keyof typeof FIXTURES;
  apply: (fx: Fixture) => void;
  rule: string;
  /** How many findings of `rule` (default 1: one per contradiction, never repeated). */
  count?: number;
  /**
   * Other 错误 the same printed mistake rightly raises, each a second pair of printed figures that
   * now contradict (rule → how many findings); nothing else may fire.
   */
  also?: Record<string, number>;
  /** The sheet of the finding (the table's sheet, the forms sheet, 情况说明). */
  sheet: string;
  message: RegExp;
}

const INJECTIONS: Injection[] = [
  {
    // 表3 21011 行政事业单位医疗 printed 53.55 (基本 and 合计) where its 项 add up to 52.55.
    what: 'a 款 that does not add up (表3 21011)',
    fx: 'agri',
    apply: (fx) =>
      bump(
        fx.tables.t3.rows.find((r) => r.code === '21011')!,
        ['合计', '基本支出'],
        1,
      ),
    rule: 'W3.1',
    // In 合计 and 基本支出: 21011 ≠ its 项, and 210 ≠ its 款 (the 类 was left as printed); and
    // 表3 21011 合计 53.55 against 表2 21011 52.55 + 上年结转 0.
    count: 4,
    also: { X5: 1 },
    sheet: '部门公开表3',
    message: /210/,
  },
  {
    // 1.00 of 表5 项目支出 moved from 2130110 执法监管 to 2130109 农产品质量安全 (same 款, so 表5
    // still adds up): each 科目 now differs from 表2's 一般公共预算 (X7) and from 表3's 项目支出 (X9).
    what: '表5 ≠ 表2 for a 科目 (1.00 moved between two 项)',
    fx: 'agri',
    apply: (fx) => {
      bump(
        fx.tables.t5.rows.find((r) => r.code === '2130109')!,
        ['合计', '项目支出'],
        1,
      );
      bump(
        fx.tables.t5.rows.find((r) => r.code === '2130110')!,
        ['合计', '项目支出'],
        -1,
      );
    },
    rule: 'X7',
    count: 2,
    also: { X9: 2 },
    sheet: '部门公开表5',
    message: /21301(09|10)/,
  },
  {
    // 基层农技推广体系改革与建设补助: 40万元 in 表12, form 年度资金总额 410,000 元 (and its 市县 source).
    what: "a form's 年度资金总额 off by 1 万元",
    fx: 'agri',
    apply: (fx) => {
      const f = fx.forms.find((x) => x.projectName === '基层农技推广体系改革与建设补助')!;
      f.funds.total = f.funds.annual = f.funds.local = f.fundsPeriod.local = '410000';
    },
    rule: 'F2',
    sheet: '项目绩效目标表',
    message: /基层农技推广体系改革与建设补助/,
  },
  {
    what: 'a missing form (农村人居环境整治经费)',
    fx: 'agri',
    apply: (fx) => {
      fx.forms = fx.forms.filter((x) => x.projectName !== '农村人居环境整治经费');
      // The narrative says 公开20个 while 19 are attached: keep the count true to see F1 alone.
      para(fx, /公开20个项目绩效目标表/, (p) => p.replace('公开20个', '公开19个'));
    },
    rule: 'F1',
    sheet: '部门公开表12',
    message: /农村人居环境整治经费/,
  },
  {
    what: 'a duplicated form (河道采砂监管经费 printed twice)',
    fx: 'water',
    apply: (fx) => {
      const i = fx.forms.findIndex((x) => x.projectName === '河道采砂监管经费');
      // The narrative's 公开16个 stays true: a form printed twice is still one project's form.
      fx.forms.splice(i + 1, 0, clone(fx).forms[i]);
    },
    rule: 'F1.2',
    sheet: '项目绩效目标表',
    message: /河道采砂监管经费/,
  },
  {
    what: 'the narrative’s 项目N个 off by 2 (22 against 20 in 表12)',
    fx: 'agri',
    apply: (fx) => para(fx, /纳入绩效目标管理的项目20个/, (p) => p.replace('项目20个', '项目22个')),
    rule: 'N10',
    sheet: '情况说明',
    message: /22/,
  },
  {
    what: 'a narrative amount off (三 基本支出 1235.14 → 1253.14)',
    fx: 'agri',
    apply: (fx) => para(fx, /其中基本支出1235\.14万元/, (p) => p.replace('基本支出1235.14', '基本支出1253.14')),
    rule: 'N3',
    sheet: '情况说明',
    message: /1253\.14/,
  },
  {
    what: 'a 三公 item in the narrative off (公务接待费 3.00 → 3.50)',
    fx: 'agri',
    apply: (fx) => para(fx, /公务接待费3\.00万元/, (p) => p.replace('公务接待费3.00万元', '公务接待费3.50万元')),
    rule: 'N7',
    sheet: '情况说明',
    message: /3\.50/,
  },
  {
    what: 'a narrative amount off in the other wording (五 农林水支出 in 水利局)',
    fx: 'water',
    apply: (fx) =>
      para(fx, /^2024年度一般公共预算支出/, (p) =>
        p.replace(/农林水支出(\d+\.\d\d)万元/, (_m, v: string) => `农林水支出${(Number(v) + 10).toFixed(2)}万元`),
      ),
    rule: 'N5',
    sheet: '情况说明',
    message: /农林水/,
  },
  {
    what: 'the 车辆 breakdown that does not add up, in a category the seeds never print',
    fx: 'agri',
    apply: (fx) => para(fx, /共有车辆3辆/, (p) => p.replace('一般公务用车2辆', '一般公务用车1辆')),
    rule: 'N11',
    sheet: '情况说明',
    message: /3辆/,
  },
];

describe.each(INJECTIONS.map((x) => [x.what, x] as const))('injected: %s', (_w, x) => {
  it(`found at 错误 by ${x.rule}, once per contradiction, and by nothing unrelated`, () => {
    const fx = clone(FIXTURES[x.fx]);
    x.apply(fx);
    const findings = run(fx);
    const errs = errors(findings);
    const counts: Record<string, number> = {};
    for (const f of errs) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
    expect(counts).toEqual({ [x.rule]: x.count ?? 1, ...x.also });
    for (const f of errs.filter((e) => e.rule === x.rule)) {
      expect(f.sheet).toBe(x.sheet);
      expect(f.message).toMatch(x.message);
    }
    expect(brief(crashMarkers(findings))).toEqual([]);
  });
});

/** The preconditions the red-team pass added, each with its silent and its firing case. */
describe('narrative readings other counties use', () => {
  const errorsOf = (rule: string, edit: (fx: Fixture) => void) => {
    const fx = clone(FIXTURES.agri);
    edit(fx);
    return brief(errors(run(fx)).filter((f) => f.rule === rule));
  };
  const four = /^财政拨款收支预算总额/;

  it('四: 一般公共预算拨款 read with or without its carry-over; neither reading → error', () => {
    // As composed: 1816.34 (本年, next to 上年财政拨款结转100.00).
    expect(errorsOf('N4', () => undefined)).toEqual([]);
    expect(
      errorsOf('N4', (fx) => para(fx, four, (p) => p.replace('一般公共预算拨款1816.34', '一般公共预算拨款1916.34'))),
    ).toEqual([]);
    expect(
      errorsOf('N4', (fx) => para(fx, four, (p) => p.replace('一般公共预算拨款1816.34', '一般公共预算拨款1826.34'))),
    ).toHaveLength(1);
  });

  it('十一: a vehicle category the vocabulary does not know leaves the sum unchecked (silent)', () => {
    const car = /共有车辆3辆/;
    expect(errorsOf('N11', (fx) => para(fx, car, (p) => p.replace('一般公务用车2辆', '业务保障车2辆')))).toEqual([]);
    expect(
      errorsOf('N11', (fx) =>
        para(fx, car, (p) => p.replace('一般公务用车2辆、执法执勤用车1辆', '执法执勤用车1辆、业务保障车1辆')),
      ),
    ).toEqual([]);
    // Known categories that do not add up still do.
    expect(errorsOf('N11', (fx) => para(fx, car, (p) => p.replace('执法执勤用车1辆', '执法执勤用车2辆')))).toHaveLength(
      1,
    );
  });
});

describe('一: the bare `支出合计` some counties write is 表1 支出总计', () => {
  it('a wrong figure after it is an N1 error (it was an unread figure, N0u 信息, before)', () => {
    const fx = clone(FIXTURES.water);
    para(fx, /部门预算收入合计/, (p) =>
      p.replace(/支出合计(\d+\.\d\d)万元/, (_m, v: string) => `支出合计${(Number(v) + 5).toFixed(2)}万元`),
    );
    expect(errors(run(fx)).map((f) => f.rule)).toEqual(['N1']);
  });
});
