import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1Strong,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { findingKey } from '../../core/fixes';
import { SEVERITY_LABEL, type Finding, type Severity } from '../../core/model/finding';
import { findingPlace, fixableIn, groupBySeverity } from '../findingGroups';
import { FindingItem } from './FindingItem';

const useStyles = makeStyles({
  table: { display: 'block', marginTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

export interface FindingGroupsProps {
  findings: Finding[];
  /** Show this severity alone (the pressed count), open. */
  filter?: Severity;
  /** `findingKey`s with a certain fix. */
  fixable: ReadonlySet<string>;
  /** A fix job or preview is under way: no new one. */
  fixing: boolean;
  onSelect(f: Finding): void;
  /** 修正 on one finding, 全部修正 on a group: the findings and the preview's title. */
  onFix(findings: Finding[], title: string): void;
}

/** The 信息 group starts folded: notes a reviewer reads last. Every other group starts open. */
const FOLDED: Severity[] = ['info'];

/**
 * One fold per severity, 错误 first, then 提示, 尾差, 信息 (folded); inside, the findings by table.
 * A group with fixable findings offers 全部修正; each fixable finding its own 修正.
 */
export function FindingGroups({ findings, filter, fixable, fixing, onSelect, onFix }: FindingGroupsProps) {
  const s = useStyles();
  const groups = useMemo(() => groupBySeverity(findings, filter), [findings, filter]);
  // Controlled, because groups appear after the first render.
  const [closed, setClosed] = useState<Set<string>>(new Set(FOLDED));
  const open = groups.map((g) => g.severity).filter((k) => k === filter || !closed.has(k));

  return (
    <Accordion
      multiple
      collapsible
      openItems={open}
      onToggle={(_, d) => {
        const next = new Set(closed);
        const key = String(d.value);
        if (open.includes(key as Severity)) next.add(key);
        else next.delete(key);
        setClosed(next);
      }}
    >
      {groups.map((g) => {
        const label = SEVERITY_LABEL[g.severity];
        const canFix = fixableIn(g.findings, fixable);
        return (
          <AccordionItem key={g.severity} value={g.severity}>
            <AccordionHeader size="small">
              {label}（{g.findings.length}）
            </AccordionHeader>
            <AccordionPanel>
              {canFix.length > 1 && (
                <div className={s.actions}>
                  <Button
                    size="small"
                    appearance="primary"
                    disabled={fixing}
                    title="先预览要改的单元格，确认后才写入"
                    onClick={() => onFix(canFix, `全部修正（${label}，${canFix.length} 项）`)}
                  >
                    全部修正（{canFix.length} 项）
                  </Button>
                </div>
              )}
              {g.byTable.map((t) => (
                <div key={t.key}>
                  <Caption1Strong className={s.table}>
                    {t.title}（{t.findings.length}）
                  </Caption1Strong>
                  {t.findings.map((f, i) => (
                    <FindingItem
                      key={`${findingKey(f)}-${i}`}
                      finding={f}
                      onSelect={onSelect}
                      onFix={
                        fixable.has(findingKey(f))
                          ? () => onFix([f], `修正 ${f.rule}${f.sheet ? `（${findingPlace(f)}）` : ''}`)
                          : undefined
                      }
                      fixDisabled={fixing}
                    />
                  ))}
                </div>
              ))}
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
