import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/ui/error-summary.tsx';
import { Loading } from '../../../components/ui/page.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useAuth } from '../../../lib/auth.tsx';
import { useFormat } from '../../../lib/format.ts';
import {
  ACCEPT,
  downloadAttachment,
  useAttachments,
  useDeleteAttachment,
  useUpload,
} from '../api/evidence.ts';

const sizeText = (bytes: number, locale: string) =>
  bytes >= 1024 * 1024
    ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`
    : `${new Intl.NumberFormat(locale).format(Math.max(1, Math.round(bytes / 1024)))} KB`;

/** The files of a task: who added what and when, a way to open each, and a form to add one. */
export function AttachmentsSection({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { session, activeMembership } = useAuth();
  const files = useAttachments(taskId);
  const upload = useUpload(taskId);
  const remove = useDeleteAttachment(taskId);
  const [file, setFile] = useState<File>();
  const [personal, setPersonal] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [added, setAdded] = useState<string>();

  const send = async () => {
    setAdded(undefined);
    if (!file) return setProblem(t('evidence.chooseFile'));
    if (file.size > 20 * 1024 * 1024) return setProblem(t('evidence.tooLarge'));
    setProblem(undefined);
    try {
      const stored = await upload.mutateAsync({ file, personal });
      setAdded(stored.name);
      setFile(undefined);
      setPersonal(false);
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 422 ? t('evidence.refusedType') : t('evidence.failed'),
      );
    }
  };

  const items = (files.data?.items ?? []).filter((one) => one.status === 'STORED');
  return (
    <section aria-labelledby="files">
      <h2 id="files">{t('evidence.files')}</h2>
      {files.isPending ? <Loading /> : null}
      {files.error ? <QueryError error={files.error} onRetry={() => void files.refetch()} /> : null}
      {files.data && !items.length ? <p>{t('evidence.noFiles')}</p> : null}
      {items.length ? (
        <ul className="evidence-list">
          {items.map((item) => (
            <li key={item.attachmentId}>
              <button
                type="button"
                className="link-button"
                onClick={() => void downloadAttachment(taskId, item.attachmentId)}
              >
                {item.name}
              </button>{' '}
              <span className="muted">
                {t('evidence.fileLine', {
                  size: sizeText(item.size, format.locale),
                  who: item.uploadedBy.name ?? t(`roles.${item.uploadedBy.role}`),
                  date: format.date(item.storedAt ?? item.createdAt),
                })}
              </span>{' '}
              {item.uploadedBy.userId === session?.user.userId || activeMembership?.role === 'coordinator' ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => remove.mutate(item.attachmentId)}
                  aria-label={t('evidence.removeNamed', { name: item.name })}
                >
                  {t('evidence.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorSummary problems={problem ? [{ message: problem, fieldId: 'evidence-file' }] : []} />
      {added ? (
        <p role="status" className="draft-status">
          {t('evidence.added', { name: added })}
        </p>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <div className={`field${problem ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor="evidence-file">
            {t('evidence.addFile')}
          </label>
          <div className="field__hint" id="evidence-file-hint">
            {t('evidence.fileHint')}
          </div>
          <input
            id="evidence-file"
            type="file"
            accept={ACCEPT}
            aria-describedby="evidence-file-hint"
            aria-invalid={problem ? true : undefined}
            onChange={(event) => setFile(event.target.files?.[0])}
          />
        </div>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={personal}
              onChange={(event) => setPersonal(event.target.checked)}
            />{' '}
            {t('evidence.personal')}
          </label>
        </div>
        <button type="submit" className="button button--secondary" disabled={upload.isPending}>
          {upload.isPending ? t('evidence.uploading') : t('evidence.upload')}
        </button>
      </form>
    </section>
  );
}
