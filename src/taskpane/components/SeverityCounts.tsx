import { CounterBadge, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { SEVERITY_LABEL, type Finding, type Severity } from '../../core/model/finding';
import { countBySeverity, SEVERITY_ORDER } from '../findingGroups';

const useStyles = makeStyles({
  counts: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
    flexWrap: 'wrap',
  },
  toggle: { minWidth: 0, paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
});

const COLOR = { error: 'danger', warning: 'important', rounding: 'brand', info: 'informative' } as const;

export interface SeverityCountsProps {
  findings: Finding[];
  /** The severity shown alone, or none (all). */
  filter?: Severity;
  onFilter(next: Severity | undefined): void;
}

/** 错误 / 提示 / 尾差 / 信息 counts, zero shown; each is a filter: pressed shows that severity alone. */
export function SeverityCounts({ findings, filter, onFilter }: SeverityCountsProps) {
  const s = useStyles();
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  return (
    <div className={s.counts} role="group" aria-label="校验结果统计" title="点击某一类只看该类，再点一次显示全部">
      {SEVERITY_ORDER.map((sev) => (
        <ToggleButton
          key={sev}
          size="small"
          className={s.toggle}
          checked={filter === sev}
          title={filter === sev ? '再点一次显示全部' : `只看${SEVERITY_LABEL[sev]}`}
          onClick={() => onFilter(filter === sev ? undefined : sev)}
          icon={<CounterBadge count={counts[sev]} color={COLOR[sev]} showZero size="small" />}
          iconPosition="after"
        >
          {SEVERITY_LABEL[sev]}
        </ToggleButton>
      ))}
    </div>
  );
}
