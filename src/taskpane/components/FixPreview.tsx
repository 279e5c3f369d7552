import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { shownNew, shownValue } from '../findingGroups';
import type { FixPreview as Preview } from './useFixes';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { maxHeight: '260px', overflowY: 'auto', overflowX: 'hidden', margin: 0, padding: 0, listStyle: 'none' },
  edit: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    wordBreak: 'break-all',
  },
  change: { fontWeight: tokens.fontWeightSemibold },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface FixPreviewProps {
  preview: Preview;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * What a fix or 调平尾差 would write, before anything is written: each cell with old → new and
 * why. Nothing changes until 确认写入; a cell changed meanwhile is skipped, not overwritten.
 */
export function FixPreview({ preview, onConfirm, onCancel }: FixPreviewProps) {
  const s = useStyles();
  return (
    <section className={s.card} aria-label="修正预览">
      <Text weight="semibold">
        预览：{preview.title}，将改写 {preview.edits.length} 个单元格（尚未写入）
      </Text>
      {preview.summary && <Caption1>{preview.summary}</Caption1>}
      <ul className={s.list}>
        {preview.edits.map((e) => (
          <li key={`${e.sheet}!${e.cell}`} className={s.edit}>
            <Caption1>
              {e.sheet}!{e.cell}
            </Caption1>
            <Text size={200} className={s.change}>
              {shownValue(e.old)} → {shownNew(e)}
            </Text>
            <Caption1>{e.reason}</Caption1>
          </li>
        ))}
      </ul>
      {preview.notes.map((n, i) => (
        <Caption1 key={i}>{n}</Caption1>
      ))}
      <Caption1>写入时只改仍是预览中原值的单元格；此后可用“撤销上次修正”恢复。</Caption1>
      <div className={s.buttons}>
        <Button appearance="primary" size="small" onClick={onConfirm}>
          确认写入
        </Button>
        <Button size="small" onClick={onCancel}>
          取消
        </Button>
      </div>
    </section>
  );
}
