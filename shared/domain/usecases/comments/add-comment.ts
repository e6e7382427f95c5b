import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { fieldIssues, InvalidInputError, RuleViolationError } from '../../errors.ts';
import { actorOf } from '../../model/actor.ts';
import { type Caller, visibleTask } from '../../model/caller.ts';
import { type Comment, CommentText, MAX_COMMENTS_PER_TASK, MAX_MENTIONS } from '../../model/comment.ts';
import { UserId } from '../../model/ids.ts';
import { checkMentions, notifyMentions } from '../../ops/comment-mentions.ts';
import type { NoticePorts } from '../../ops/notify-people.ts';
import { recordEvent } from '../../ops/record-event.ts';
import type { Ports } from '../../ports.ts';

/** A new comment: its text, the people it mentions, and a token that makes a retried post post once. */
export const NewComment = z.strictObject({
  text: CommentText,
  mentions: z.array(UserId).max(MAX_MENTIONS).default([]),
  clientToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
});

/**
 * Adds a comment to the thread of a task the caller can see, as written (in the author's language, never
 * translated); the people it mentions are told through their usual channels. The audit records that a comment
 * was made, not its text, so erasing the text erases it everywhere.
 */
export async function addComment(
  deps: Pick<Ports, 'tasks' | 'comments' | 'audit'> & NoticePorts,
  caller: Caller,
  taskId: string,
  body: unknown,
): Promise<Comment> {
  const task = visibleTask(caller, await deps.tasks.get(taskId), taskId);
  const parsed = NewComment.safeParse(body);
  if (!parsed.success) throw new InvalidInputError('Invalid comment', fieldIssues(parsed.error.issues));
  const { text, clientToken } = parsed.data;
  const mentions = [...new Set(parsed.data.mentions)];
  await checkMentions(deps, task, mentions);
  const commentId = clientToken
    ? `cmt-${createHash('sha256')
        .update(`${taskId}\u0000${caller.userId ?? caller.role}\u0000${clientToken}`)
        .digest('hex')
        .slice(0, 24)}`
    : `cmt-${randomBytes(12).toString('hex')}`;
  const existing = await deps.comments.get(taskId, commentId);
  if (existing) return existing;
  if ((await deps.comments.listByTask(taskId)).length >= MAX_COMMENTS_PER_TASK)
    throw new RuleViolationError(`A task's thread holds at most ${MAX_COMMENTS_PER_TASK} comments`, []);
  const author = caller.userId ? await deps.users.get(caller.userId) : undefined;
  const now = deps.clock.now().toISOString();
  const { comment, created } = await deps.comments.create({
    commentId,
    taskId,
    cycleId: task.cycleId,
    municipalityId: task.municipalityId,
    country: task.country,
    author: {
      ...(caller.userId ? { userId: caller.userId } : {}),
      name: author?.displayName ?? caller.name ?? caller.role,
      role: caller.role,
    },
    text,
    ...(author?.locale ? { locale: author.locale } : {}),
    mentions,
    status: 'ACTIVE',
    createdAt: now,
    edits: 0,
    version: 1,
  });
  if (!created) return comment;
  await recordEvent(deps, {
    cycleId: task.cycleId,
    eventId: `comment-added#${comment.commentId}`,
    at: now,
    type: 'comment.added',
    actor: actorOf(caller),
    data: { taskId, commentId: comment.commentId, mentions: mentions.length },
  });
  await notifyMentions(deps, task, comment, mentions);
  return comment;
}
