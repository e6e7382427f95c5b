import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, Notice, PageHeading, usePageTitle } from '../../components/ui/page.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useInbox } from '../../features/tasks/api/tasks.ts';
import { TaskList } from '../../features/tasks/components/task-list.tsx';
import { useAuth } from '../../lib/auth.tsx';
import { MembershipLabel } from '../layout.tsx';

/** My tasks: the first page after sign-in, and the only one in the initial download. */
export function InboxRoute() {
  const { t } = useTranslation();
  const { activeMembership, session } = useAuth();
  const inbox = useInbox();
  usePageTitle(t('tasks.title'));
  return (
    <>
      <PageHeading caption={activeMembership ? <MembershipLabel membership={activeMembership} /> : undefined}>
        {t('tasks.title')}
      </PageHeading>
      {session ? <p className="lead">{t('tasks.greeting', { name: session.user.displayName })}</p> : null}
      {inbox.isPending ? <Loading /> : null}
      {inbox.error ? <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.data && inbox.data.items.length === 0 ? (
        <Notice title={t('tasks.noneTitle')}>
          <p>{t('tasks.noneText')}</p>
          {activeMembership?.role === 'coordinator' ? (
            <p>
              <Link to="/overview">{t('tasks.goToPortfolio')}</Link>
            </p>
          ) : null}
        </Notice>
      ) : null}
      {inbox.data?.items.length ? <TaskList tasks={inbox.data.items} /> : null}
    </>
  );
}
