import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type Problem } from '../../../components/ui/error-summary.tsx';
import { TextField } from '../../../components/ui/fields.tsx';
import { Notice } from '../../../components/ui/page.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useCompleteTask } from '../../tasks/api/tasks.ts';

/**
 * A coordinator resumes a stalled cycle: the stalled task gets a new deadline. It answers the cycle's stall task
 * (`{ action: 'resume', dueAt }`), the same answer the task page gives.
 */
export function ResumeCycle({ stallTaskId, idPrefix }: { stallTaskId: string; idPrefix: string }) {
  const { t } = useTranslation();
  const complete = useCompleteTask(stallTaskId);
  const [date, setDate] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState(false);
  const dateId = `${idPrefix}-date`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!date) return setProblems([{ message: t('extend.dateMissing'), fieldId: dateId }]);
    if (date <= new Date().toISOString().slice(0, 10))
      return setProblems([{ message: t('extend.datePast'), fieldId: dateId }]);
    setProblems([]);
    try {
      await complete.mutateAsync({ action: 'resume', dueAt: date });
      setDone(true);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : [];
      setProblems(
        fields.length
          ? fields.map((field) => ({ message: field.message, fieldId: dateId }))
          : [
              {
                message:
                  error instanceof ApiError && error.status === 409
                    ? t('portfolio.resumeGone')
                    : t('errors.unexpected'),
              },
            ],
      );
    }
  };
  if (done) {
    return (
      <div role="status">
        <Notice kind="success" title={t('portfolio.resumeDone')}>
          <p>{t('portfolio.resumeDoneText')}</p>
        </Notice>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <TextField
        id={dateId}
        type="date"
        label={t('portfolio.resumeDateLabel')}
        hint={t('portfolio.resumeDateHint')}
        error={problems.find((problem) => problem.fieldId === dateId)?.message}
        value={date}
        onChange={(event) => setDate(event.target.value)}
      />
      <button type="submit" className="button" disabled={complete.isPending}>
        {t('portfolio.resumeSubmit')}
      </button>
    </form>
  );
}
