import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { Loading, usePageTitle } from '../../components/ui/page.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { api } from '../../lib/api-client.ts';

/** `/t/{code}`: the short link of a text message, opened as its task's page once the person is signed in. */
export function Component() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  usePageTitle(t('task.title'));
  const link = useQuery({
    queryKey: ['link', code],
    queryFn: ({ signal }) => api<{ taskId: string }>('GET', `/links/${encodeURIComponent(code)}`, { signal }),
    retry: false,
  });
  if (link.data) return <Navigate to={`/task/${encodeURIComponent(link.data.taskId)}`} replace />;
  if (link.error) return <QueryError error={link.error} />;
  return <Loading />;
}
