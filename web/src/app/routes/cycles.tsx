import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, Notice, PageHeading, usePageTitle } from '../../components/ui/page.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useCycles } from '../../features/cycles/api/cycles.ts';
import { statusTag } from '../../features/cycles/components/cycle-page.tsx';
import { useFormat } from '../../lib/format.ts';

/** The municipality's cycles (staff and CAG): the current one first. */
export function Component() {
  const { t } = useTranslation();
  const format = useFormat();
  const cycles = useCycles();
  usePageTitle(t('cycles.title'));
  const items = [...(cycles.data?.items ?? [])].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return (
    <>
      <PageHeading>{t('cycles.title')}</PageHeading>
      <p>{t('cycles.intro')}</p>
      {cycles.isPending ? <Loading /> : null}
      {cycles.error ? <QueryError error={cycles.error} onRetry={() => void cycles.refetch()} /> : null}
      {cycles.data && !items.length ? <Notice>{t('cycles.none')}</Notice> : null}
      <ul className="task-list">
        {items.map((cycle) => (
          <li key={cycle.cycleId} className="task-card">
            <h2 className="task-card__title">
              <Link to={`/cycle/${encodeURIComponent(cycle.cycleId)}`}>
                {t('cycles.startedOn', { date: format.date(cycle.startedAt) })}
              </Link>
            </h2>
            <p>{statusTag(cycle.status, t)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
