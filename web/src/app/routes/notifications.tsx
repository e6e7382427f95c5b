import { useTranslation } from 'react-i18next';
import { Loading, Notice, PageHeading, Tag, usePageTitle } from '../../components/ui/page.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { useNotifications } from '../../features/notifications/api/notifications.ts';
import { useFormat } from '../../lib/format.ts';

/** The messages sent to the reader (reminders, deadlines, decisions), newest first. */
export function Component() {
  const { t } = useTranslation();
  const format = useFormat();
  const messages = useNotifications();
  usePageTitle(t('messages.title'));
  const items = [...(messages.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <PageHeading>{t('messages.title')}</PageHeading>
      <p>{t('messages.intro')}</p>
      {messages.isPending ? <Loading /> : null}
      {messages.error ? <QueryError error={messages.error} onRetry={() => void messages.refetch()} /> : null}
      {messages.data && !items.length ? <Notice>{t('messages.none')}</Notice> : null}
      <ul className="task-list">
        {items.map((message) => (
          <li key={message.messageId} className="task-card">
            <h2 className="task-card__title">{message.subject ?? t('messages.textMessage')}</h2>
            <p>
              <Tag kind="grey">{t(`messages.channel.${message.channel}`)}</Tag>
              <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
            </p>
            <p className="message-text">{message.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
