/** The part of fast-formula-parser the formula-integrity rules use (the package ships no types). */
declare module 'fast-formula-parser' {
  export interface CellPosition {
    sheet: string;
    /** 1-based */
    row: number;
    /** 1-based */
    col: number;
  }
  export interface CellDependency {
    sheet: string;
    row: number;
    col: number;
  }
  export interface RangeDependency {
    sheet: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export class DepParser {
    constructor(config?: { onVariable?: (name: string, sheet: string) => unknown });
    parse(text: string, position: CellPosition, ignoreError?: boolean): (CellDependency | RangeDependency)[];
  }
}
