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

/**
 * 校验: run every check (or follow the live passes), show the counts per severity and the
 * findings grouped by table with 尾差 apart; clicking a finding selects its cell.
 */
export function ValidatePage({ adapter }: { adapter: WorkbookAdapter }) {
  const s = useStyles();
  const v = useValidation(adapter);
  const findings = v.summary?.findings ?? [];

  return (
    <div className={s.page}>
      <Button appearance="primary" onClick={() => void v.validateAll()} disabled={v.busy}>
        {v.busy ? <Spinner size="tiny" label="正在校验…" /> : '全部校验'}
      </Button>
      {adapter.capabilities.liveValidation && (
        <Text size={200}>修改单元格后会自动重新校验，问题单元格以底色标出。</Text>
      )}
      {v.error && (
        <MessageBar intent="error">
          <MessageBarBody>{v.error}</MessageBarBody>
        </MessageBar>
      )}
      {v.notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{v.notice}</MessageBarBody>
        </MessageBar>
      )}
      {v.summary && <SeverityCounts findings={findings} />}
      {v.summary && findings.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>未发现问题（已识别 {v.summary.tables.length} 张表）。</MessageBarBody>
        </MessageBar>
      )}
      {v.summary && v.summary.tables.length === 0 && findings.length === 0 && <Text>未在工作簿中找到预算公开表。</Text>}
      <FindingGroups findings={findings} onSelect={v.select} />
    </div>
  );
}

/**
 * The latest validation (from the button or a live pass), whether one is running, and what
 * went wrong; a notice (marks switched off) holds for the session once a pass gave one.
 */
function useValidation(adapter: WorkbookAdapter) {
  const [summary, setSummary] = useState<ValidationSummary | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

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

  return { summary, busy, error, notice, validateAll, select };
}

/** 错误 / 提示 / 尾差 counts, zero shown. */
function SeverityCounts({ findings }: { findings: Finding[] }) {
  const s = useStyles();
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  return (
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
  );
}

/** One fold per table, then the 尾差 fold; tables start open, 尾差 folded. */
function FindingGroups({ findings, onSelect }: { findings: Finding[]; onSelect: (f: Finding) => void }) {
  const groups = useMemo(() => groupFindings(findings), [findings]);
  // Controlled, because groups appear after the first render: tables open, 尾差 folded.
  const [closed, setClosed] = useState<Set<string>>(new Set(['rounding']));
  const list = (items: Finding[]) =>
    items.map((f, i) => <FindingItem key={`${f.rule}-${f.sheet}-${f.cell}-${i}`} finding={f} onSelect={onSelect} />);

  return (
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
          <AccordionPanel>{list(g.findings)}</AccordionPanel>
        </AccordionItem>
      ))}
      {groups.rounding.length > 0 && (
        <AccordionItem value="rounding">
          <AccordionHeader size="small">尾差（{groups.rounding.length}）</AccordionHeader>
          <AccordionPanel>{list(groups.rounding)}</AccordionPanel>
        </AccordionItem>
      )}
    </Accordion>
  );
}
