import type Decimal from 'decimal.js';
import type { Amount } from '../model/disclosure';
import type { CrossMode } from '../rules/crossCatalogue';
import type { TableId } from '../templates/schema';

/**
 * A linear identity the engine checks, over cells: Σ coef × value = 0 (万元). The same identities
 * the rules evaluate, as data, so the balancer (src/core/balance) and any face can reason about
 * them: derived from the TableDefs (through `derivedCells`), the X catalogue (through the cross
 * rules' own resolver) and the forms' pairing with 表12.
 */
export interface IdentityTerm {
  amount: Amount;
  /** +1 / −1 (a cell on both sides of a check nets to its difference). */
  coef: number;
}

export interface Identity {
  /** Stable and unique: `W2.1@表2 预算收入总表!C15`, `X5#0:2080101`. */
  id: string;
  rule: string;
  table: TableId;
  /**
   * How the rule judges a difference: `equal` for every within-table identity; the X catalogue's
   * mode otherwise (`warn`, `below`, `atMost` judge a difference beyond 尾差; `info` only hints).
   */
  mode: CrossMode;
  terms: IdentityTerm[];
  /** Addends the rule counts for its 尾差 tolerance (non-zero parts), see `tolerance` in rules/identity.ts. */
  addends: number;
  /** What must hold, for the clerk: `W2.1 表2 预算收入总表 C15（21011 行政事业单位医疗·合计）= 其下各项`. */
  label: string;
  /** The same, short, for lists: `W2.1 表2!C15`, `X5（科目 2080101）`. */
  short: string;
}

/**
 * A 表12 figure whose exact value a form states in 元 (年度资金总额, or one source): the form is the
 * exact value and 表12 its rounding to 0.01 万元 (F2, F4). Not an equation: it bounds the figure.
 */
export interface ExactLink {
  id: string;
  rule: 'F2' | 'F4';
  /** The 表12 cell (万元). */
  amount: Amount;
  /** The form's figure in 元 (a sum when 表12's 财政拨款 maps to three form rows). */
  yuan: Decimal;
  /** Form cells the figure is read from. */
  sources: { sheet: string; cell: string }[];
  label: string;
}

export interface IdentitySet {
  identities: Identity[];
  links: ExactLink[];
}
