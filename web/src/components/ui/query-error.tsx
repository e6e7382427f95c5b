import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../lib/api-client.ts';

/** A failed read, in plain words, with a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message =
    error instanceof NetworkError
      ? t('errors.network')
      : error instanceof ApiError && error.status === 404
        ? t('errors.notFound')
        : error instanceof ApiError && error.status === 403
          ? t('errors.forbidden')
          : t('errors.unexpected');
  return (
    <div className="notice notice--warning" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      ) : null}
    </div>
  );
}
