import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/ui/error-summary.tsx';
import { TextArea } from '../../../components/ui/fields.tsx';
import { Loading } from '../../../components/ui/page.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import type { Task } from '../../../lib/api-types.ts';
import { useAuth } from '../../../lib/auth.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useMembers } from '../../members/api/members.ts';
import { useAddComment, useComments, useDeleteComment } from '../api/evidence.ts';

/**
 * The thread of a task: comments as written, in the language their author wrote in (no translation), and a
 * form to add one, telling the people ticked.
 */
export function CommentsSection({ task }: { task: Task }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { session, activeMembership } = useAuth();
  const thread = useComments(task.taskId);
  const members = useMembers(task.municipalityId);
  const add = useAddComment(task.taskId);
  const remove = useDeleteComment(task.taskId);
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [problem, setProblem] = useState<string>();

  const send = async () => {
    if (!text.trim()) return setProblem(t('comments.empty'));
    setProblem(undefined);
    try {
      await add.mutateAsync({ text, mentions, clientToken: crypto.randomUUID().replace(/-/g, '') });
      setText('');
      setMentions([]);
    } catch {
      setProblem(t('comments.failed'));
    }
  };
  const others = (members.data?.items ?? []).filter((member) => member.userId !== session?.user.userId);
  return (
    <section aria-labelledby="comments">
      <h2 id="comments">{t('comments.title')}</h2>
      {thread.isPending ? <Loading /> : null}
      {thread.error ? <QueryError error={thread.error} onRetry={() => void thread.refetch()} /> : null}
      {thread.data && !thread.data.items.length ? <p>{t('comments.none')}</p> : null}
      <ol className="comment-list">
        {(thread.data?.items ?? []).map((comment) => (
          <li key={comment.commentId} className="comment">
            <p className="comment__meta">
              <strong>{comment.author.name}</strong> ({t(`roles.${comment.author.role}`)}),{' '}
              {format.dateTime(comment.createdAt)}
              {comment.edits ? ` · ${t('comments.edited')}` : ''}
            </p>
            {comment.status === 'DELETED' ? (
              <p className="muted">{t('comments.removed')}</p>
            ) : (
              <p className="comment__text" lang={comment.locale}>
                {comment.text}
              </p>
            )}
            {comment.status === 'ACTIVE' &&
            (comment.author.userId === session?.user.userId || activeMembership?.role === 'coordinator') ? (
              <button type="button" className="link-button" onClick={() => remove.mutate(comment.commentId)}>
                {t('comments.remove')}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <ErrorSummary problems={problem ? [{ message: problem, fieldId: 'comment-text' }] : []} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <TextArea
          id="comment-text"
          label={t('comments.add')}
          hint={t('comments.hint')}
          error={problem}
          value={text}
          onChange={setText}
        />
        {others.length ? (
          <fieldset className="field">
            <legend className="field__legend">{t('comments.mention')}</legend>
            {others.map((member) => (
              <label key={member.userId} className="checkbox">
                <input
                  type="checkbox"
                  checked={mentions.includes(member.userId)}
                  onChange={(event) =>
                    setMentions((current) =>
                      event.target.checked
                        ? [...current, member.userId]
                        : current.filter((userId) => userId !== member.userId),
                    )
                  }
                />{' '}
                {member.displayName} ({t(`roles.${member.role}`)})
              </label>
            ))}
          </fieldset>
        ) : null}
        <button type="submit" className="button button--secondary" disabled={add.isPending}>
          {t('comments.send')}
        </button>
      </form>
    </section>
  );
}
