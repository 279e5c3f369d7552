import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Text,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { NameConflict } from '../adapter';

export interface ConflictDialogProps {
  conflicts: NameConflict[];
  onCancel(): void;
  /** wanted name → name the clerk accepted. */
  onConfirm(renames: Record<string, string>): void;
}

/**
 * Asked when a sheet name is taken: the add-in never overwrites a sheet, so the clerk either
 * accepts (or edits) a free name, or cancels and nothing is written.
 */
export function ConflictDialog({ conflicts, onCancel, onConfirm }: ConflictDialogProps) {
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    setNames(Object.fromEntries(conflicts.map((c) => [c.template, c.proposed])));
  }, [conflicts]);
  const open = conflicts.length > 0;
  return (
    <Dialog open={open} onOpenChange={(_, d) => (d.open ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>工作表名称已被占用</DialogTitle>
          <DialogContent>
            <Text block>以下工作表已存在，助手不会覆盖它们。请确认新名称：</Text>
            {conflicts.map((c) => (
              <Field key={c.template} label={c.reason} style={{ marginTop: 8 }}>
                <Input
                  aria-label={`“${c.wanted}”的新名称`}
                  value={names[c.template] ?? c.proposed}
                  onChange={(_, d) => setNames({ ...names, [c.template]: d.value })}
                />
              </Field>
            ))}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              取消
            </Button>
            <Button appearance="primary" onClick={() => onConfirm(renamesFor(conflicts, names))}>
              使用新名称插入
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function renamesFor(conflicts: NameConflict[], names: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of conflicts) out[c.template] = (names[c.template] ?? c.proposed).trim() || c.proposed;
  return out;
}
