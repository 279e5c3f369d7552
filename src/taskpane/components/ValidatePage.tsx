import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  CounterBadge,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Finding } from '../../core/model/finding';
import { errorText, type ValidationSummary, type WorkbookAdapter } from '../adapter';
import { countBySeverity, groupFindings } from '../findingGroups';
import { FindingItem } from './FindingItem';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  counts: { display: 'flex', columnGap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  count: { display: 'flex', columnGap: tokens.spacingHorizontalXS, alignItems: 'center' },
});

export function ValidatePage({ adapter }: { adapter: WorkbookAdapter }) {
  const s = useStyles();
  const [summary, setSummary] = useState<ValidationSummary | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  // Controlled, because groups appear after the first render: tables open, 尾差 folded.
  const [closed, setClosed] = useState<Set<string>>(new Set(['rounding']));

  useEffect(
    () =>
      adapter.onFindingsChanged((next) => {
        setSummary(next);
        setError(undefined);
        // A notice (marks switched off) holds for the session: later passes do not repeat it.
        if (next.notice) setNotice(next.notice);
      }),
    [adapter],
  );
  useEffect(() => adapter.onLiveError?.((m) => setError(`自动校验失败：${m}`)), [adapter]);

  const findings = summary?.findings ?? [];
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const groups = useMemo(() => groupFindings(findings), [findings]);

  const validateAll = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await adapter.validate();
      setSummary(next);
      if (next.notice) setNotice(next.notice);
    } catch (e) {
      setError(`校验失败：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const select = (f: Finding): void => {
    if (!f.sheet || !f.cell) return;
    adapter
      .selectCell(f.sheet, f.cell)
      .catch((e: unknown) => setError(`无法定位到 ${f.sheet}!${f.cell}：${errorText(e)}`));
  };

  return (
    <div className={s.page}>
      <Button appearance="primary" onClick={() => void validateAll()} disabled={busy}>
        {busy ? <Spinner size="tiny" label="正在校验…" /> : '全部校验'}
      </Button>
      {adapter.capabilities.liveValidation && (
        <Text size={200}>修改单元格后会自动重新校验，问题单元格以底色标出。</Text>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {summary && (
        <div className={s.counts} aria-label="校验结果统计">
          <span className={s.count}>
            错误 <CounterBadge count={counts.error} color="danger" showZero />
          </span>
          <span className={s.count}>
            提示 <CounterBadge count={counts.warning} color="important" showZero />
          </span>
          <span className={s.count}>
            尾差 <CounterBadge count={counts.rounding} color="informative" showZero />
          </span>
        </div>
      )}
      {summary && findings.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>未发现问题（已识别 {summary.tables.length} 张表）。</MessageBarBody>
        </MessageBar>
      )}
      {summary && summary.tables.length === 0 && findings.length === 0 && <Text>未在工作簿中找到预算公开表。</Text>}
      <Accordion
        multiple
        collapsible
        openItems={[...groups.byTable.map((g) => g.key), 'rounding'].filter((k) => !closed.has(k))}
        onToggle={(_, d) => {
          const next = new Set(closed);
          if (next.has(String(d.value))) next.delete(String(d.value));
          else next.add(String(d.value));
          setClosed(next);
        }}
      >
        {groups.byTable.map((g) => (
          <AccordionItem key={g.key} value={g.key}>
            <AccordionHeader size="small">
              {g.title}（{g.findings.length}）
            </AccordionHeader>
            <AccordionPanel>
              {g.findings.map((f, i) => (
                <FindingItem key={`${f.rule}-${f.sheet}-${f.cell}-${i}`} finding={f} onSelect={select} />
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
        {groups.rounding.length > 0 && (
          <AccordionItem value="rounding">
            <AccordionHeader size="small">尾差（{groups.rounding.length}）</AccordionHeader>
            <AccordionPanel>
              {groups.rounding.map((f, i) => (
                <FindingItem key={`${f.rule}-${f.sheet}-${f.cell}-${i}`} finding={f} onSelect={select} />
              ))}
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>
    </div>
  );
}
