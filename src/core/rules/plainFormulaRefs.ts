import type { RefRect } from './formulaRefs';

/**
 * The references of a plain formula — cell references and ranges (on this sheet or a named one),
 * numbers, strings, operators, parentheses and function calls, which is what the templates' and
 * most clerks' totals are (`SUM(E6:F6)`, `'表2 预算收入总表'!$D$6`, `SUMIF(…)`, `E7+E19-E41`) — read
 * without the full formula parser. For such a formula every reference written in it is read,
 * which is what the parser answers too (test/rules/plainFormulaRefs.test.ts compares the two on
 * every formula of the templates, the seeds and the example). Anything else — a defined name, a
 * whole column, an array constant, a space (the intersection operator), an error literal,
 * ROW/OFFSET/INDIRECT, a reversed range, a syntax it does not know — gives undefined, and the
 * caller asks the parser. The point is speed: one `check FILE` parses hundreds of formulas, and
 * the parser's first parses, before the JIT has warmed it, cost a tenth of a second.
 */
const TOKEN = new RegExp(
  [
    /("(?:[^"]|"")*")/.source, // 1 string
    /(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)(?![\w.$:!(])/.source, // 2 number
    /((?:_xlfn\.|_xlws\.)?[A-Za-z][A-Za-z0-9._]*)\(/.source, // 3 function name, before its (
    // 4–5 sheet (quoted, or a plain ASCII name), 6–9 first cell, 10–13 range end
    /(?:(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_]*))!)?(\$?)([A-Z]{1,3})(\$?)([1-9]\d{0,6})(?::(\$?)([A-Z]{1,3})(\$?)([1-9]\d{0,6}))?(?![\w.$:!(])/
      .source,
    /(<=|>=|<>|[-+*/^&=<>])/.source, // 14 binary (or unary + -) operator
    /([%(),])/.source, // 15 punctuation
  ].join('|'),
  'y',
);

const POSITIONAL = /\b(ROW|COLUMN|ROWS|COLUMNS|OFFSET|INDIRECT)\s*\(/i;
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

export function plainFormulaRefs(formula: string, sheet: string): RefRect[] | undefined {
  if (formula === '' || POSITIONAL.test(formula)) return undefined;
  const refs: RefRect[] = [];
  /** Open parentheses: true for a function call's (commas allowed), false for grouping. */
  const open: boolean[] = [];
  let operand = true; // an operand is expected next
  let justOpenedCall = false;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    const m = TOKEN.exec(formula);
    if (!m) return undefined;
    const opened = justOpenedCall;
    justOpenedCall = false;
    if (m[1] !== undefined || m[2] !== undefined) {
      if (!operand) return undefined;
      operand = false;
    } else if (m[3] !== undefined) {
      if (!operand) return undefined;
      open.push(true);
      justOpenedCall = true;
    } else if (m[8] !== undefined) {
      if (!operand) return undefined;
      const top = Number(m[9]) - 1;
      const left = colIndex(m[7]);
      const bottom = m[13] === undefined ? top : Number(m[13]) - 1;
      const right = m[11] === undefined ? left : colIndex(m[11]);
      if (bottom < top || right < left || bottom >= MAX_ROW || right >= MAX_COL) return undefined;
      const on = m[4] !== undefined ? m[4].replace(/''/g, "'") : (m[5] ?? sheet);
      refs.push({ sheet: on, top, left, bottom, right });
      operand = false;
    } else if (m[14] !== undefined) {
      // + and - may also be unary, before an operand.
      if (operand && m[14] !== '+' && m[14] !== '-') return undefined;
      operand = true;
    } else {
      const p = m[15];
      if (p === '(') {
        if (!operand) return undefined;
        open.push(false);
      } else if (p === ')') {
        if (open.length === 0 || (operand && !opened)) return undefined;
        open.pop();
        operand = false;
      } else if (p === ',') {
        if (operand || open[open.length - 1] !== true) return undefined;
        operand = true;
      } else if (operand) return undefined; // % follows an operand
    }
  }
  return operand || open.length > 0 ? undefined : refs;
}
