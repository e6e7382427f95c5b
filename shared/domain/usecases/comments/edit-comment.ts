import * as z from 'zod';
import {
  ConflictError,
  ForbiddenError,
  fieldIssues,
  InvalidInputError,
  NotFoundError,
} from '../../errors.ts';
import { actorOf } from '../../model/actor.ts';
import { type Caller, visibleTask } from '../../model/caller.ts';
import { type Comment, CommentText, MAX_MENTIONS } from '../../model/comment.ts';
import { UserId } from '../../model/ids.ts';
import { checkMentions, notifyMentions } from '../../ops/comment-mentions.ts';
import type { NoticePorts } from '../../ops/notify-people.ts';
import { recordEvent } from '../../ops/record-event.ts';
import { updateWithRetry } from '../../ops/retry.ts';
import type { Ports } from '../../ports.ts';

/** A comment's new text, and who it mentions now. */
export const CommentEdit = z.strictObject({
  text: CommentText,
  mentions: z.array(UserId).max(MAX_MENTIONS).default([]),
});

/**
 * Changes the text of one's own comment; the audit records that it was edited (and how often), the thread
 * shows "edited", and only the people newly mentioned are told.
 */
export async function editComment(
  deps: Pick<Ports, 'tasks' | 'comments' | 'audit'> & NoticePorts,
  caller: Caller,
  taskId: string,
  commentId: string,
  body: unknown,
): Promise<Comment> {
  const task = visibleTask(caller, await deps.tasks.get(taskId), taskId);
  const parsed = CommentEdit.safeParse(body);
  if (!parsed.success) throw new InvalidInputError('Invalid comment', fieldIssues(parsed.error.issues));
  const found = await deps.comments.get(taskId, commentId);
  if (!found) throw new NotFoundError(`No comment ${commentId}`);
  if (!caller.userId || caller.userId !== found.author.userId)
    throw new ForbiddenError('Only its author edits a comment');
  const mentions = [...new Set(parsed.data.mentions)];
  await checkMentions(deps, task, mentions);
  const now = deps.clock.now().toISOString();
  let before: string[] = [];
  let changed = false;
  const edited = await updateWithRetry(
    async () => (await deps.comments.get(taskId, commentId)) ?? found,
    async (current) => {
      if (current.status === 'DELETED') throw new ConflictError('This comment was removed');
      if (current.text === parsed.data.text && current.mentions.join() === mentions.join()) return current;
      before = current.mentions;
      changed = true;
      return deps.comments.update(current, {
        text: parsed.data.text,
        mentions,
        editedAt: now,
        edits: current.edits + 1,
      });
    },
    { initial: found },
  );
  if (!changed) return edited;
  await recordEvent(deps, {
    cycleId: task.cycleId,
    eventId: `comment-edited#${commentId}#${edited.edits}`,
    at: now,
    type: 'comment.edited',
    actor: actorOf(caller),
    data: { taskId, commentId, edits: edited.edits },
  });
  await notifyMentions(
    deps,
    task,
    edited,
    mentions.filter((userId) => !before.includes(userId)),
  );
  return edited;
}
