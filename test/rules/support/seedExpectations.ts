import type { Finding } from '../../../src/core/model/finding';
import type { SeedId } from '../../fixtures/seeds';

/**
 * Expected findings per seed at every severity, for the table, cross-table, code-name, formula and
 * reader rules (forms F* and narrative N* are held exact in their own tests), transcribed from the
 * seeds' known defects and 尾差 (docs/domain.md § 样本中的已知错误), not from the engine: `rule@row` where row is the 科目编码, the
 * fixed-row label or the 表6 row name. FI4 (text that Excel will not add) is compared cell by cell.
 */
export interface Expectation {
  errors: string[];
  rounding: string[];
  warnings: string[];
  /** Hints, X20 with its difference: “holds / off by 0.16–0.19 / off by 0.20”. */
  info: string[];
}

export const EXPECTED: Record<SeedId, Expectation> = {
  '000': {
    // One code-name mismatch (2210202 租房补贴 in 表2/表3, 提租补贴 in 表5): 错误 once, and the
    // non-standard name 租房补贴 a 提示; otherwise 尾差 only; the five X20 pairs hold.
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
    info: [],
  },
  '001': {
    // 表6: W6.3 on the four class rows and 合计, W6.4 on the eight 商品和服务 items; the outdated
    // names 20805 行政事业单位离退休 and 2080110 劳动关系和维权经费; X20 off by 0.16 and 0.19.
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
    warnings: ['CN2@20805', 'CN2@2080110'],
    info: ['X20@职工基本医疗保险缴费 -0.16', 'X20@退休费 -0.19'],
  },
  '003': {
    // 尾差 only (the document carries its own 尾差 footnote); X20 off by 0.20.
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
    info: ['X20@退休费 -0.20'],
  },
};

export function rowKey(f: Finding): string {
  const row = (f.row ?? '').trim();
  const code = /^(\d{3,7})\b/.exec(row);
  return `${f.rule}@${code ? code[1] : row}`;
}

/** Findings of the families held exact here (not forms, not narrative). */
export const ours = (f: Finding) => !/^[FN]\d/.test(f.rule);

/** Distinct `rule@row` at one severity (X20 with its difference), FI4 aside. */
export function distinct(fs: Finding[], sev: Finding['severity']): string[] {
  return [
    ...new Set(
      fs
        .filter((f) => f.severity === sev && f.rule !== 'FI4')
        .map((f) => (f.rule === 'X20' ? `${rowKey(f)} ${f.diff}` : rowKey(f))),
    ),
  ].sort();
}
