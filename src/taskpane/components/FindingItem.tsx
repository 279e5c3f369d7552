import { Badge, Button, Caption1, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SEVERITY_LABEL, type Finding } from '../../core/model/finding';
import { findingPlace } from '../findingGroups';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '2px',
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', columnGap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  place: { wordBreak: 'break-all' },
  fix: { marginLeft: 'auto', minWidth: 0 },
});

const COLOR = { error: 'danger', warning: 'warning', rounding: 'informative', info: 'subtle' } as const;

export interface FindingItemProps {
  finding: Finding;
  onSelect(f: Finding): void;
  /** Set when a certain fix answers this finding: shows 修正. */
  onFix?: (f: Finding) => void;
  fixDisabled?: boolean;
}

export function FindingItem({ finding, onSelect, onFix, fixDisabled }: FindingItemProps) {
  const s = useStyles();
  const place = findingPlace(finding);
  return (
    <div className={s.item}>
      <div className={s.head}>
        <Badge size="small" appearance="tint" color={COLOR[finding.severity]}>
          {SEVERITY_LABEL[finding.severity]}
        </Badge>
        {place && finding.cell ? (
          <Link className={s.place} onClick={() => onSelect(finding)} title="转到该单元格">
            {place}
          </Link>
        ) : (
          <Caption1 className={s.place}>{place}</Caption1>
        )}
        <Caption1>{finding.rule}</Caption1>
        {onFix && (
          <Button
            className={s.fix}
            size="small"
            appearance="outline"
            disabled={fixDisabled}
            title="先预览要改的单元格，确认后才写入"
            onClick={() => onFix(finding)}
          >
            修正
          </Button>
        )}
      </div>
      <Text size={200}>{finding.message}</Text>
      {(finding.expected !== undefined || finding.actual !== undefined) && (
        <Caption1>
          应为 {finding.expected ?? '—'}，实为 {finding.actual ?? '—'}
          {finding.diff !== undefined ? `，差额 ${finding.diff}` : ''}
        </Caption1>
      )}
    </div>
  );
}
