import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { findingKey } from '../../core/fixes';
import type { Finding, Severity } from '../../core/model/finding';
import type { WorkbookAdapter } from '../adapter';
import { FindingGroups } from './FindingGroups';
import { FixPreview } from './FixPreview';
import { SeverityCounts } from './SeverityCounts';
import { useFixes, type FixMessage } from './useFixes';
import { useValidation } from './useValidation';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  actions: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    flexWrap: 'wrap',
  },
  grow: { flexGrow: 1 },
  details: { display: 'flex', flexDirection: 'column', wordBreak: 'break-all' },
});

/**
 * 校验: run every check (or follow the live passes), the counts per severity (each a filter), the
 * findings by severity — 错误, 提示, 尾差, 信息 — with 修正 / 全部修正 where a fix is certain, and
 * 调平尾差; a preview before anything is written, 撤销上次修正 after. Clicking a finding selects its cell.
 */
export function ValidatePage({ adapter }: { adapter: WorkbookAdapter }) {
  const s = useStyles();
  const v = useValidation(adapter);
  const fx = useFixes(adapter, v.validateAll);
  const [filter, setFilter] = useState<Severity | undefined>();
  const findings = v.summary?.findings ?? [];
  const fixable = useMemo(() => new Set(v.summary?.fixable ?? []), [v.summary]);
  const fixing = !!fx.busy || !!fx.preview;
  const hasTables = (v.summary?.tables.length ?? 0) > 0;

  return (
    <div className={s.page}>
      <div className={s.actions}>
        <Button className={s.grow} appearance="primary" onClick={() => void v.validateAll()} disabled={v.busy}>
          {v.busy ? <Spinner size="tiny" label="正在校验…" /> : '全部校验'}
        </Button>
        <Button
          className={s.grow}
          onClick={() => void fx.balance()}
          disabled={fixing || v.busy || !hasTables}
          title="把金额调整为两位小数且各表勾稽关系完全成立，先预览再写入"
        >
          调平尾差
        </Button>
        {fx.last && (
          <Button className={s.grow} onClick={() => void fx.undo()} disabled={fixing} title={`撤销：${fx.last.title}`}>
            撤销上次修正
          </Button>
        )}
      </div>
      {adapter.capabilities.liveValidation && (
        <Text size={200}>修改单元格后会自动重新校验，问题单元格以底色标出。</Text>
      )}
      {fx.busy && (
        <Field validationMessage={fx.progress?.message ?? fx.busy} validationState="none">
          <ProgressBar value={fx.progress?.total ? fx.progress.done / fx.progress.total : undefined} />
        </Field>
      )}
      {fx.preview && <FixPreview preview={fx.preview} onConfirm={() => void fx.confirm()} onCancel={fx.cancel} />}
      {fx.message && <FixMessageBar message={fx.message} />}
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
      {v.summary && <SeverityCounts findings={findings} filter={filter} onFilter={setFilter} />}
      {v.summary && findings.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>未发现问题（已识别 {v.summary.tables.length} 张表）。</MessageBarBody>
        </MessageBar>
      )}
      {v.summary && !hasTables && findings.length === 0 && <Text>未在工作簿中找到预算公开表。</Text>}
      {filter && findings.length > 0 && !findings.some((f) => f.severity === filter) && (
        <Text size={200}>没有此类问题；再点一次该按钮显示全部。</Text>
      )}
      <FindingGroups
        findings={findings}
        filter={filter}
        fixable={fixable}
        fixing={fixing}
        onSelect={v.select}
        onFix={(list: Finding[], title: string) => void fx.fix(list.map(findingKey), title)}
      />
    </div>
  );
}

function FixMessageBar({ message }: { message: FixMessage }) {
  const s = useStyles();
  return (
    <MessageBar intent={message.intent} layout="multiline">
      <MessageBarBody>
        <div className={s.details}>
          <Text size={200}>{message.text}</Text>
          {message.details?.map((d, i) => (
            <Caption1 key={i}>{d}</Caption1>
          ))}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
