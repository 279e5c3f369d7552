import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { errorText, type NameConflict, type WorkbookAdapter } from '../adapter';
import { ConflictDialog } from './ConflictDialog';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

export function FormsPage({ adapter }: { adapter: WorkbookAdapter }) {
  const s = useStyles();
  const [busy, setBusy] = useState(false);
  const [conflicts, setConflicts] = useState<NameConflict[]>([]);
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'warning'; text: string } | undefined>();

  const run = async (renames?: Record<string, string>): Promise<void> => {
    setBusy(true);
    setConflicts([]);
    setMessage(undefined);
    try {
      const out = await adapter.buildForms(renames);
      if (out.status === 'conflicts') setConflicts(out.conflicts);
      else if (out.status === 'unavailable') setMessage({ intent: 'warning', text: out.message });
      else {
        const notes = out.notes.length ? `（${out.notes.join('；')}）` : '';
        setMessage({ intent: 'success', text: `已生成 ${out.sheets.length} 张绩效目标表${notes}` });
      }
    } catch (e) {
      setMessage({ intent: 'error', text: `生成失败：${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={s.page}>
      <Text>按表12 项目支出表中的每个项目生成一张《项目支出绩效目标表》，金额取自表12。</Text>
      <Button appearance="primary" disabled={busy} onClick={() => void run()}>
        {busy ? '正在生成…' : '生成绩效目标表'}
      </Button>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <ConflictDialog conflicts={conflicts} onCancel={() => setConflicts([])} onConfirm={(r) => void run(r)} />
    </div>
  );
}
