import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type Problem } from '../../../components/ui/error-summary.tsx';
import { TextArea, TextField } from '../../../components/ui/fields.tsx';
import { Notice } from '../../../components/ui/page.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import type { Task } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { useExtendTask } from '../api/tasks.ts';

/** End of the chosen day in the reader's time zone, as an ISO instant (what "due on 3 March" means). */
export function endOfDayIn(date: string, timeZone: string): string {
  const guess = new Date(`${date}T23:59:59Z`);
  const local = new Date(guess.toLocaleString('en-US', { timeZone }));
  const offset = local.getTime() - new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' })).getTime();
  return new Date(guess.getTime() - offset).toISOString();
}

/** A coordinator gives a task more time, with a reason that goes into the audit trail. */
export function ExtendDeadline({
  task,
  idPrefix = 'extend',
  onDone,
}: {
  task: Task;
  idPrefix?: string;
  /** Called once the deadline moved; the caller then shows the confirmation. */
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const extend = useExtendTask();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Problem[] = [];
    if (!date) found.push({ message: t('extend.dateMissing'), fieldId: `${idPrefix}-date` });
    else if (date <= new Date().toISOString().slice(0, 10))
      found.push({ message: t('extend.datePast'), fieldId: `${idPrefix}-date` });
    if (!reason.trim()) found.push({ message: t('extend.reasonMissing'), fieldId: `${idPrefix}-reason` });
    setProblems(found);
    if (found.length) return;
    try {
      await extend.mutateAsync({
        taskId: task.taskId,
        dueAt: endOfDayIn(date, format.timeZone),
        reason: reason.trim(),
      });
      setDone(true);
      onDone?.();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : [];
      setProblems(
        fields.length
          ? fields.map((field) => ({
              message: field.message,
              fieldId: field.path === 'reason' ? `${idPrefix}-reason` : `${idPrefix}-date`,
            }))
          : [
              {
                message:
                  error instanceof ApiError && error.status === 409
                    ? t('extend.notOpen')
                    : t('errors.unexpected'),
              },
            ],
      );
    }
  };
  // A caller told of the change (the overview, whose late list drops the task) confirms it in its own place.
  if (done && onDone) return null;
  if (done) {
    return (
      <div role="status">
        <Notice kind="success" title={t('extend.done')}>
          <p>{t('extend.doneText')}</p>
        </Notice>
      </div>
    );
  }
  const errorFor = (id: string) => problems.find((problem) => problem.fieldId === id)?.message;
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <TextField
        id={`${idPrefix}-date`}
        type="date"
        label={t('extend.dateLabel')}
        hint={t('extend.dateHint', { date: format.date(task.dueAt) })}
        error={errorFor(`${idPrefix}-date`)}
        value={date}
        onChange={(event) => setDate(event.target.value)}
      />
      <TextArea
        id={`${idPrefix}-reason`}
        label={t('extend.reasonLabel')}
        hint={t('extend.reasonHint')}
        error={errorFor(`${idPrefix}-reason`)}
        value={reason}
        onChange={setReason}
        rows={3}
      />
      <button type="submit" className="button" disabled={extend.isPending}>
        {t('extend.submit')}
      </button>
    </form>
  );
}
