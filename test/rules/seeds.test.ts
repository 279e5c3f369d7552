import { analyzeDisclosure, analyzeWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/model/finding';
import { buildSeedWorkbook, type SeedId } from '../fixtures/seeds';
import { fixtureDisclosure } from './support/fromFixture';

/**
 * Expected findings per seed, transcribed from the documents (docs/domain.md § 样本中的已知错误), not from the engine:
 * `rule@row` where row is the 科目编码, the fixed-row label or the 表6 row name.
 */
interface Expectation {
  errors: string[];
  rounding: string[];
  /** Warnings that must be present (others, e.g. FI4 on text numbers, are allowed). */
  warnings: string[];
  /** X20 hints (information only) with their difference as printed: 000 holds, 001 off by 0.16–0.19, 003 off by 0.20. */
  hints: string[];
}

const EXPECTED: Record<SeedId, Expectation> = {
  '000': {
    // §7 000.1: one code-name mismatch; §5.1: 尾差 only.
    errors: ['CN1@2210202'],
    rounding: [
      'W1.3@本年支出合计',
      'W4.2@本年支出合计',
      'W2.1@合计',
      'W2.1@21011',
      'W2.1@22102',
      'W3.1@合计',
      'W3.1@21011',
      'W3.1@22102',
      'W5.1@合计',
      'W5.1@21011',
      'W5.1@22102',
      'W6.2@工资福利支出',
      'W6.2@商品和服务支出',
    ],
    warnings: ['CN3@2210202'],
    hints: [],
  },
  '001': {
    // §7 001.1: W6.3 on the four class rows and 合计, W6.4 on the eight 商品和服务 items.
    errors: [
      'W6.3@工资福利支出',
      'W6.3@对事业单位经常性补助',
      'W6.3@对个人和家庭的补助',
      'W6.3@商品和服务支出',
      'W6.3@合计',
      'W6.4@办公费',
      'W6.4@水费',
      'W6.4@电费',
      'W6.4@邮电费',
      'W6.4@差旅费',
      'W6.4@工会经费',
      'W6.4@福利费',
      'W6.4@其他交通费用',
    ],
    rounding: [],
    // §7 001.5: outdated names.
    warnings: ['CN2@20805', 'CN2@2080110'],
    hints: ['X20@职工基本医疗保险缴费 -0.16', 'X20@退休费 -0.19'],
  },
  '003': {
    // §5.1/§7 003.3: 尾差 only.
    errors: [],
    rounding: [
      'W1.1@本年收入合计',
      'W1.3@本年支出合计',
      'W2.1@合计',
      'W2.1@20805',
      'W2.1@21011',
      'W2.2@合计',
      'W3.1@合计',
      'W3.1@20805',
      'W3.1@21011',
      'W3.2@合计',
      'W5.1@20805',
      'W5.1@21011',
    ],
    warnings: [],
    hints: ['X20@退休费 -0.20'],
  },
};

function rowKey(f: Finding): string {
  const row = (f.row ?? '').trim();
  const code = /^(\d{3,7})\b/.exec(row);
  return `${f.rule}@${code ? code[1] : row}`;
}

function distinct(fs: Finding[], sev: Finding['severity']): string[] {
  return [...new Set(fs.filter((f) => f.severity === sev).map(rowKey))].sort();
}

function expectSeed(seed: SeedId, findings: Finding[]): void {
  const e = EXPECTED[seed];
  expect(distinct(findings, 'error')).toEqual([...e.errors].sort());
  expect(distinct(findings, 'rounding')).toEqual([...e.rounding].sort());
  expect(distinct(findings, 'warning')).toEqual(expect.arrayContaining(e.warnings));
  expect(
    findings
      .filter((f) => f.rule === 'X20')
      .map((f) => `${rowKey(f)} ${f.diff}`)
      .sort(),
  ).toEqual([...e.hints].sort());
  expect(findings.filter((f) => f.rule === 'X20').every((f) => f.severity === 'info')).toBe(true);
  // A rule that throws becomes a warning named after its module: none may on real documents.
  expect(findings.filter((f) => !f.cell && f.message.includes('运行出错'))).toEqual([]);
  // Every finding points at a cell and speaks Chinese.
  for (const f of findings) {
    expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    if (f.rule.startsWith('W') || f.rule.startsWith('X') || f.rule.startsWith('CN'))
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
  }
}

describe.each(['000', '001', '003'] as const)('seed %s', (seed) => {
  it('from the transcription (no locator): every §7 table defect at its severity and no other error', () => {
    expectSeed(seed, analyzeDisclosure(fixtureDisclosure(seed)).findings);
  });

  it.each(['published', 'stacked'] as const)('rebuilt as a workbook (%s layout) and located', (layout) => {
    const { findings } = analyzeWorkbook(buildSeedWorkbook(seed, layout));
    expectSeed(
      seed,
      findings.filter((f) => !/^P\d/.test(f.rule)),
    );
  });
});

describe('seed 000 messages', () => {
  it('the 21011 尾差 in 表2 reads like docs/domain.md § 尾差 asks', () => {
    const f = analyzeDisclosure(fixtureDisclosure('000')).findings.find(
      (x) => x.rule === 'W2.1' && x.row?.startsWith('21011') && x.column === '合计',
    );
    expect(f?.message).toMatch(
      /^表2 预算收入总表 C\d+（21011 行政事业单位医疗·合计）为 53\.70，其下各项合计 53\.69，相差 0\.01（尾差）$/,
    );
    expect(f).toMatchObject({ expected: '53.69', actual: '53.70', diff: '0.01' });
  });
});
