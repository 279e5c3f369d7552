import type { Command } from 'commander';
import {
  balanceEdits,
  balanceWorkbook,
  identityList,
  type BalanceChange,
  type BalanceResult,
} from '../../core/balance';
import { readInput, registerCopyCommand, writeCopy, type CopyOptions } from './editedCopy';

/**
 * `budget-disclosure balance IN.xlsx -o OUT.xlsx`: 尾差调平 — every money figure at 2 decimals so
 * that every identity the checker knows holds exactly, moving the fewest figures; prints each
 * change with its reason (or --json). IN is never written.
 */
export interface BalanceCliOptions extends CopyOptions {
  json?: boolean;
  year?: string;
}

export interface BalanceCliResult {
  exitCode: number;
  stdout: string;
  result: BalanceResult;
}

function signedSteps(steps: number): string {
  return `${steps > 0 ? '+' : '−'}${(Math.abs(steps) / 100).toFixed(2)}`;
}

/** Cells of one figure together: a total printed in five tables is one change, listed once. */
function byFigure(changes: readonly BalanceChange[]): BalanceChange[][] {
  const groups = new Map<number, BalanceChange[]>();
  for (const c of changes) groups.set(c.figure, [...(groups.get(c.figure) ?? []), c]);
  return [...groups.values()];
}

/** A number as the table prints it (2 decimals); text as typed. */
const printed = (v: BalanceChange['old']): string => (typeof v === 'number' ? v.toFixed(2) : v === null ? '（空）' : v);

const cells = (g: readonly BalanceChange[]) => g.map((c) => `${c.sheet}!${c.cell}`).join('、');

/** The clerk's change list: moves first (each with why), then plain roundings, then what is left. */
export function formatBalance(r: BalanceResult): string {
  const lines: string[] = [];
  const moved = byFigure(r.changes.filter((c) => c.steps !== 0));
  const rounded = byFigure(r.changes.filter((c) => c.steps === 0));
  lines.push(
    `尾差调平：${r.moved} 个数字偏离四舍五入${r.twoStep ? `（其中 ${r.twoStep} 个调整两步）` : ''}，` +
      `${r.rounded} 个数字按四舍五入保留两位小数，共改写 ${r.changes.length} 个单元格`,
  );
  if (moved.length) lines.push('调平（偏离四舍五入的数字）：');
  for (const g of moved) {
    const c = g[0];
    const exact = c.exact ? `精确值 ${c.exact}，四舍五入 ${c.ordinary}` : '精确值未知';
    const why = c.balances.length ? `；使 ${identityList(c.balances)}成立` : '';
    lines.push(`  ${printed(c.old)} → ${c.value}（${signedSteps(c.steps)}；${exact}）：${cells(g)}${why}`);
  }
  if (rounded.length) lines.push('四舍五入：');
  for (const g of rounded) lines.push(`  ${g[0].exact ?? printed(g[0].old)} → ${g[0].value}：${cells(g)}`);
  for (const c of r.conflicts) lines.push(`冲突：${c.message}`);
  if (r.residuals.length) {
    lines.push(`仍有 ${r.residuals.length} 处尾差无法消除（${r.residuals[0].note}）：`);
    for (const x of r.residuals) lines.push(`  ${x.identity.label}：相差 ${x.diff}`);
  }
  if (!r.optimal) lines.push('提示：求解达到时间上限，结果可用但未必是调整最少的方案');
  for (const n of r.notes ?? []) lines.push(`说明：${n}`);
  if (r.changes.length === 0) lines.push('没有需要调平的尾差，输出与输入内容相同');
  return lines.join('\n');
}

export async function runBalance(input: string, opts: BalanceCliOptions): Promise<BalanceCliResult> {
  const data = await readInput(input, opts);
  const result = balanceWorkbook(data.grid, opts.year ? { year: Number(opts.year) } : {});
  const note = await writeCopy(data, balanceEdits(result), opts.output!);
  const stdout = opts.json
    ? JSON.stringify({ input, output: opts.output, ...result })
    : [formatBalance(result), ...(note ? [note] : []), `已写入：${opts.output}`].join('\n');
  return { exitCode: 0, stdout, result };
}

export function register(program: Command): void {
  registerCopyCommand(
    program,
    {
      name: 'balance',
      description: '尾差调平：把金额调整为两位小数且各表内、表间勾稽关系完全成立，调整的数字最少，并逐项说明',
      json: '输出 JSON（每个改动的单元格、精确值、四舍五入值、公开值及其平衡的勾稽关系）',
    },
    runBalance,
  );
}
