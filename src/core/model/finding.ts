/**
 * One problem found in a workbook. The same shape for table rules, formula integrity,
 * form rules and narrative rules, so the pane, the CLI and the web page list them together.
 */
export type Severity = 'error' | 'warning' | 'rounding' | 'info';

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '错误',
  warning: '提示',
  rounding: '尾差',
  info: '信息',
};

export interface Finding {
  rule: string; // 'W2.1', 'X5', 'F2', 'N6', 'FI1', 'P1' ...
  severity: Severity;
  table?: string; // 't1'…'t13', 'form', 'narrative'
  sheet?: string;
  /** Primary cell, A1 style, on `sheet`. */
  cell?: string;
  /** Every cell involved (primary first), each with its sheet. */
  cells?: { sheet: string; cell: string }[];
  row?: string; // 科目编码 or row label
  column?: string; // header text
  expected?: string; // money as string
  actual?: string;
  diff?: string;
  message: string; // Chinese, for the clerk
}
