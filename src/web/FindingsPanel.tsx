import type { Finding } from '../core/model/finding';
import { SEVERITY_LABEL } from '../core/model/finding';
import { primaryTarget, severityCounts } from './findingMarks';

/**
 * The findings list of the page. TODO(taskpane): switch to the task pane's shared list
 * component once src/taskpane/components exports one with an onSelect(finding) callback.
 */
const LIMIT = 500;

export interface FindingsPanelProps {
  findings: Finding[];
  active?: Finding;
  onSelect(f: Finding): void;
}

export function FindingsPanel({ findings, active, onSelect }: FindingsPanelProps) {
  const n = severityCounts(findings);
  const shown = findings.slice(0, LIMIT);
  return (
    <>
      <div className="summary" data-testid="finding-summary">
        {findings.length === 0
          ? '未发现问题'
          : `共 ${findings.length} 条：错误 ${n.error} · 提示 ${n.warning} · 尾差 ${n.rounding}${n.info ? ` · 信息 ${n.info}` : ''}`}
      </div>
      <div className="findings" role="list" aria-label="校验结果">
        {shown.map((f, i) => {
          const t = primaryTarget(f);
          const where = t ? `${t.sheet}!${t.addr}` : f.sheet ?? f.table ?? '';
          return (
            <button
              key={i}
              type="button"
              role="listitem"
              className={`finding sev-${f.severity}${f === active ? ' active' : ''}`}
              data-rule={f.rule}
              data-severity={f.severity}
              data-target={t ? `${t.sheet}!${t.addr}` : ''}
              onClick={() => onSelect(f)}
              title={t ? '点击定位到该单元格' : undefined}
            >
              <div>
                【{SEVERITY_LABEL[f.severity]}】{f.message}
              </div>
              <div className="where">
                {f.rule}
                {where ? ` · ${where}` : ''}
                {f.row ? ` · ${f.row}` : ''}
                {f.diff ? ` · 差额 ${f.diff}` : ''}
              </div>
            </button>
          );
        })}
        {findings.length > LIMIT && <div className="empty">仅显示前 {LIMIT} 条，其余请下载后用命令行 check 查看。</div>}
      </div>
    </>
  );
}
