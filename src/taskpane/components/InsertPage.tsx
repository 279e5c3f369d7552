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
import { errorText, type InsertRequest, type NameConflict, type Progress, type WorkbookAdapter } from '../adapter';
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

/** The three checks before 插入模板 is enabled; each message is shown under its field. */
function formErrors(year: string, unit: string, tables: ReadonlySet<TableId>) {
  const yearNumber = Number(year);
  return {
    year:
      Number.isInteger(yearNumber) && yearNumber >= 2000 && yearNumber <= 2100
        ? undefined
        : '请输入 2000–2100 之间的年份',
    unit: unit.trim() ? undefined : '请填写部门或单位名称',
    tables: tables.size ? undefined : '请至少选择一张表',
  };
}

/** 插入模板: year, level, name (and a 部门's units), which tables; then insert, asking on name conflicts. */
export function InsertPage({ adapter, defaultYear }: InsertPageProps) {
  const s = useStyles();
  const [year, setYear] = useState(String(defaultYear ?? new Date().getFullYear() + 1));
  const [unit, setUnit] = useState('');
  const [level, setLevel] = useState<Level>('单位');
  const [unitsText, setUnitsText] = useState('');
  const [tables, setTables] = useState<Set<TableId>>(new Set(TABLES.map((t) => t.id)));
  const job = useInsertJob(adapter);

  const errors = formErrors(year, unit, tables);
  const canInsert = adapter.capabilities.insert && !job.busy && !errors.year && !errors.unit && !errors.tables;
  const request = (renames?: Record<string, string>): InsertRequest => ({
    params: {
      year: Number(year),
      unit: unit.trim(),
      level,
      units: level === '部门' ? parseUnits(unitsText) : [],
      tables: TABLES.map((t) => t.id).filter((id) => tables.has(id)),
    },
    renames,
  });

  return (
    <div className={s.form}>
      <YearAndLevel year={year} yearError={errors.year} onYear={setYear} level={level} onLevel={setLevel} />
      <Field
        label={level === '部门' ? '部门名称' : '单位名称'}
        required
        validationMessage={unit ? errors.unit : undefined}
      >
        <Input value={unit} placeholder="例如：大同市人力资源和社会保障局" onChange={(_, d) => setUnit(d.value)} />
      </Field>
      {level === '部门' && (
        <Field label="所属单位（每行一个，表11–表13 按单位分块）">
          <Textarea value={unitsText} resize="vertical" rows={4} onChange={(_, d) => setUnitsText(d.value)} />
        </Field>
      )}
      <Field label="要插入的表" validationMessage={errors.tables}>
        <TablePicker selected={tables} onChange={setTables} />
      </Field>
      <Button appearance="primary" disabled={!canInsert} onClick={() => void job.insert(request())}>
        {job.busy ? '正在插入…' : '插入模板'}
      </Button>
      {job.progress && (
        <Field validationMessage={job.progress.message} validationState="none">
          <ProgressBar value={job.progress.total ? job.progress.done / job.progress.total : undefined} />
        </Field>
      )}
      {job.message && (
        <MessageBar intent={job.message.intent}>
          <MessageBarBody>{job.message.text}</MessageBarBody>
        </MessageBar>
      )}
      <ConflictDialog
        conflicts={job.conflicts}
        onCancel={job.dismissConflicts}
        onConfirm={(renames) => void job.insert(request(renames))}
      />
    </div>
  );
}

interface YearAndLevelProps {
  year: string;
  yearError?: string;
  onYear: (year: string) => void;
  level: Level;
  onLevel: (level: Level) => void;
}

/** 预算年度 and 级别 (部门/单位) side by side. */
function YearAndLevel({ year, yearError, onYear, level, onLevel }: YearAndLevelProps) {
  const s = useStyles();
  return (
    <div className={s.row}>
      <Field label="预算年度" validationMessage={yearError} className={s.year}>
        <Input className={s.yearInput} type="number" value={year} onChange={(_, d) => onYear(d.value)} />
      </Field>
      <Field label="级别">
        <RadioGroup layout="horizontal" value={level} onChange={(_, d) => onLevel(d.value as Level)}>
          <Radio value="部门" label="部门" />
          <Radio value="单位" label="单位" />
        </RadioGroup>
      </Field>
    </div>
  );
}

/** 全选 and one checkbox per table, in table order. */
function TablePicker({ selected, onChange }: { selected: Set<TableId>; onChange: (next: Set<TableId>) => void }) {
  const s = useStyles();
  const toggle = (id: TableId, on: boolean): void => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <div className={s.tables}>
      <Checkbox
        label="全选"
        checked={selected.size === TABLES.length ? true : selected.size === 0 ? false : 'mixed'}
        onChange={(_, d) => onChange(new Set(d.checked === true ? TABLES.map((t) => t.id) : []))}
      />
      {TABLES.map((t) => (
        <Checkbox
          key={t.id}
          label={t.sheetName}
          checked={selected.has(t.id)}
          onChange={(_, d) => toggle(t.id, d.checked === true)}
        />
      ))}
    </div>
  );
}

/**
 * One insertion at a time through the adapter, with its progress; sheet-name conflicts come back
 * for the clerk to resolve (the dialog retries with the chosen names), anything else is a message.
 */
function useInsertJob(adapter: WorkbookAdapter) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | undefined>();
  const [conflicts, setConflicts] = useState<NameConflict[]>([]);
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'warning'; text: string } | undefined>();

  const insert = async (request: InsertRequest): Promise<void> => {
    setBusy(true);
    setMessage(undefined);
    setConflicts([]);
    try {
      const outcome = await adapter.insertTemplates(request, setProgress);
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

  return { busy, progress, conflicts, message, insert, dismissConflicts: () => setConflicts([]) };
}
