import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { actorOf } from '../../model/actor.ts';
import { type Caller, visibleTask } from '../../model/caller.ts';
import type { Comment } from '../../model/comment.ts';
import { recordEvent } from '../../ops/record-event.ts';
import { updateWithRetry } from '../../ops/retry.ts';
import type { Ports } from '../../ports.ts';

/**
 * Removes a comment's text (its author, or a coordinator moderating the thread): the thread keeps a "removed"
 * line in its place so replies still read in order, and the audit records who removed it.
 */
export async function deleteComment(
  deps: Pick<Ports, 'tasks' | 'comments' | 'audit' | 'clock'>,
  caller: Caller,
  taskId: string,
  commentId: string,
): Promise<Comment> {
  const task = visibleTask(caller, await deps.tasks.get(taskId), taskId);
  const found = await deps.comments.get(taskId, commentId);
  if (!found) throw new NotFoundError(`No comment ${commentId}`);
  const own = caller.userId !== undefined && caller.userId === found.author.userId;
  if (!own && caller.role !== 'coordinator')
    throw new ForbiddenError('Only its author or a coordinator removes a comment');
  const now = deps.clock.now().toISOString();
  let changed = false;
  const deleted = await updateWithRetry(
    async () => (await deps.comments.get(taskId, commentId)) ?? found,
    async (current) => {
      if (current.status === 'DELETED') return current;
      changed = true;
      return deps.comments.update(current, {
        status: 'DELETED',
        text: '',
        mentions: [],
        deletedAt: now,
        deletedBy: { ...(caller.userId ? { userId: caller.userId } : {}), role: caller.role },
      });
    },
    { initial: found },
  );
  if (changed)
    await recordEvent(deps, {
      cycleId: task.cycleId,
      eventId: `comment-deleted#${commentId}`,
      at: now,
      type: 'comment.deleted',
      actor: actorOf(caller),
      data: { taskId, commentId },
    });
  return deleted;
}
