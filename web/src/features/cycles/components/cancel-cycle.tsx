import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type Problem } from '../../../components/ui/error-summary.tsx';
import { TextArea } from '../../../components/ui/fields.tsx';
import { Notice } from '../../../components/ui/page.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useCancelCycle } from '../api/cycles.ts';

/** A coordinator cancels a cycle; the reason is kept in its history and told to the people working on it. */
export function CancelCycle({ cycleId, idPrefix = 'cancel' }: { cycleId: string; idPrefix?: string }) {
  const { t } = useTranslation();
  const cancel = useCancelCycle();
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim())
      return setProblems([{ message: t('cancel.reasonMissing'), fieldId: `${idPrefix}-reason` }]);
    try {
      await cancel.mutateAsync({ cycleId, reason: reason.trim() });
      setDone(true);
    } catch (error) {
      setProblems([
        {
          message:
            error instanceof ApiError && error.status === 409
              ? t('cancel.notRunning')
              : t('errors.unexpected'),
        },
      ]);
    }
  };
  if (done) {
    return (
      <div role="status">
        <Notice kind="success" title={t('cancel.done')} />
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <p>{t('cancel.warning')}</p>
      <TextArea
        id={`${idPrefix}-reason`}
        label={t('cancel.reasonLabel')}
        hint={t('cancel.reasonHint')}
        error={problems.find((problem) => problem.fieldId)?.message}
        value={reason}
        onChange={setReason}
        rows={3}
      />
      <button type="submit" className="button button--warning" disabled={cancel.isPending}>
        {t('cancel.submit')}
      </button>
    </form>
  );
}
