import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, Notice, PageHeading, Tag, usePageTitle } from '../../components/ui/page.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useNotifications } from '../../features/notifications/api/notifications.ts';
import type { Notification } from '../../lib/api-types.ts';
import { useAuth } from '../../lib/auth.tsx';
import { useFormat } from '../../lib/format.ts';

function MessageCard({ message }: { message: Notification }) {
  const { t } = useTranslation();
  const format = useFormat();
  const taskId = message.taskIds?.[0];
  const cycleId = message.cycleIds[0];
  return (
    <li className="task-card">
      <h3 className="task-card__title">
        {message.subject ?? message.municipalityName ?? t('messages.textMessage')}
      </h3>
      <p>
        {message.channel ? <Tag kind="grey">{t(`messages.channel.${message.channel}`)}</Tag> : null}
        {message.status && message.status !== 'SENT' ? (
          <Tag kind={message.status === 'UNDELIVERABLE' ? 'red' : 'yellow'}>
            {t(`messages.status.${message.status}`)}
          </Tag>
        ) : null}
        <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
      </p>
      <p className="message-text">{message.text}</p>
      {taskId ? (
        <p>
          <Link to={`/task/${encodeURIComponent(taskId)}`}>{t('messages.openTask')}</Link>
        </p>
      ) : cycleId ? (
        <p>
          <Link to={`/cycle/${encodeURIComponent(cycleId)}`}>{t('messages.openCycle')}</Link>
        </p>
      ) : null}
    </li>
  );
}

/** The messages sent to the reader (reminders, deadlines, decisions), newest first; for coordinators, also those nobody could receive. */
export function Component() {
  const { t } = useTranslation();
  const { activeMembership } = useAuth();
  const messages = useNotifications();
  const coordinator = activeMembership?.role === 'coordinator';
  const undeliverable = useNotifications(true, coordinator);
  usePageTitle(t('messages.title'));
  const items = [...(messages.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const lost = coordinator ? (undeliverable.data?.items ?? []) : [];
  return (
    <>
      <PageHeading>{t('messages.title')}</PageHeading>
      <p>{t('messages.intro')}</p>
      {lost.length ? (
        <section aria-labelledby="undeliverable">
          <h2 id="undeliverable">{t('messages.undeliverableTitle', { count: lost.length })}</h2>
          <p>{t('messages.undeliverableText')}</p>
          <ul className="task-list">
            {lost.map((message) => (
              <MessageCard key={message.messageId} message={message} />
            ))}
          </ul>
        </section>
      ) : null}
      {messages.isPending ? <Loading /> : null}
      {messages.error ? <QueryError error={messages.error} onRetry={() => void messages.refetch()} /> : null}
      {messages.data && !items.length ? <Notice>{t('messages.none')}</Notice> : null}
      {items.length ? (
        <section aria-labelledby="yours">
          <h2 id="yours">{t('messages.yours')}</h2>
          <ul className="task-list">
            {items.map((message) => (
              <MessageCard key={message.messageId} message={message} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
