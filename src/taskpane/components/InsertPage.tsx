import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { TABLES } from '../../core/templates/tables';
import type { TableId } from '../../core/templates/schema';
import { errorText, type NameConflict, type Progress, type WorkbookAdapter } from '../adapter';
import { ConflictDialog } from './ConflictDialog';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  tables: { display: 'flex', flexDirection: 'column' },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-start' },
  year: { width: '96px' },
  // Fluent's Input has a min-width wider than a year needs; in a 320 px pane it would overlap.
  yearInput: { width: '100%', minWidth: 0 },
});

type Level = '部门' | '单位';

export interface InsertPageProps {
  adapter: WorkbookAdapter;
  /** Budget year offered first: next year, as 预算 is prepared a year ahead. */
  defaultYear?: number;
}

function parseUnits(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function InsertPage({ adapter, defaultYear }: InsertPageProps) {
  const s = useStyles();
  const [year, setYear] = useState(String(defaultYear ?? new Date().getFullYear() + 1));
  const [unit, setUnit] = useState('');
  const [level, setLevel] = useState<Level>('单位');
  const [unitsText, setUnitsText] = useState('');
  const [tables, setTables] = useState<Set<TableId>>(new Set(TABLES.map((t) => t.id)));
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | undefined>();
  const [conflicts, setConflicts] = useState<NameConflict[]>([]);
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'warning'; text: string } | undefined>();

  const yearNumber = Number(year);
  const yearError =
    Number.isInteger(yearNumber) && yearNumber >= 2000 && yearNumber <= 2100
      ? undefined
      : '请输入 2000–2100 之间的年份';
  const unitError = unit.trim() ? undefined : '请填写部门或单位名称';
  const tablesError = tables.size ? undefined : '请至少选择一张表';
  const canInsert = adapter.capabilities.insert && !busy && !yearError && !unitError && !tablesError;

  const toggle = (id: TableId, on: boolean): void => {
    const next = new Set(tables);
    if (on) next.add(id);
    else next.delete(id);
    setTables(next);
  };

  const run = async (renames?: Record<string, string>): Promise<void> => {
    setBusy(true);
    setMessage(undefined);
    setConflicts([]);
    try {
      const outcome = await adapter.insertTemplates(
        {
          params: {
            year: yearNumber,
            unit: unit.trim(),
            level,
            units: level === '部门' ? parseUnits(unitsText) : [],
            tables: TABLES.map((t) => t.id).filter((id) => tables.has(id)),
          },
          renames,
        },
        setProgress,
      );
      if (outcome.status === 'conflicts') setConflicts(outcome.conflicts);
      else {
        const notes = outcome.notes.length ? `（${outcome.notes.join('；')}）` : '';
        setMessage({ intent: 'success', text: `已插入 ${outcome.sheets.length} 张表${notes}` });
      }
    } catch (e) {
      setMessage({ intent: 'error', text: `插入失败：${errorText(e)}` });
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };

  return (
    <div className={s.form}>
      <div className={s.row}>
        <Field label="预算年度" validationMessage={yearError} className={s.year}>
          <Input className={s.yearInput} type="number" value={year} onChange={(_, d) => setYear(d.value)} />
        </Field>
        <Field label="级别">
          <RadioGroup layout="horizontal" value={level} onChange={(_, d) => setLevel(d.value as Level)}>
            <Radio value="部门" label="部门" />
            <Radio value="单位" label="单位" />
          </RadioGroup>
        </Field>
      </div>
      <Field
        label={level === '部门' ? '部门名称' : '单位名称'}
        required
        validationMessage={unit ? unitError : undefined}
      >
        <Input value={unit} placeholder="例如：大同市人力资源和社会保障局" onChange={(_, d) => setUnit(d.value)} />
      </Field>
      {level === '部门' && (
        <Field label="所属单位（每行一个，表11–表13 按单位分块）">
          <Textarea value={unitsText} resize="vertical" rows={4} onChange={(_, d) => setUnitsText(d.value)} />
        </Field>
      )}
      <Field label="要插入的表" validationMessage={tablesError}>
        <div className={s.tables}>
          <Checkbox
            label="全选"
            checked={tables.size === TABLES.length ? true : tables.size === 0 ? false : 'mixed'}
            onChange={(_, d) => setTables(new Set(d.checked === true ? TABLES.map((t) => t.id) : []))}
          />
          {TABLES.map((t) => (
            <Checkbox
              key={t.id}
              label={t.sheetName}
              checked={tables.has(t.id)}
              onChange={(_, d) => toggle(t.id, d.checked === true)}
            />
          ))}
        </div>
      </Field>
      <Button appearance="primary" disabled={!canInsert} onClick={() => void run()}>
        {busy ? '正在插入…' : '插入模板'}
      </Button>
      {progress && (
        <Field validationMessage={progress.message} validationState="none">
          <ProgressBar value={progress.total ? progress.done / progress.total : undefined} />
        </Field>
      )}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <ConflictDialog
        conflicts={conflicts}
        onCancel={() => setConflicts([])}
        onConfirm={(renames) => void run(renames)}
      />
    </div>
  );
}
