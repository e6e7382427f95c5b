import { createHash } from 'node:crypto';
import { InvalidInputError } from '../errors.ts';
import type { Comment } from '../model/comment.ts';
import type { Task } from '../model/task.ts';
import type { Ports } from '../ports.ts';
import { type NoticePorts, notifyPeople } from './notify-people.ts';

/**
 * Checks that everyone a comment mentions can read the task's thread (a member of its municipality, or a
 * coordinator of its country): an unknown or outside person is a field error naming the mention, so a comment
 * never tells someone about a thread they cannot open.
 */
export async function checkMentions(
  deps: Pick<Ports, 'users'>,
  task: Pick<Task, 'municipalityId' | 'country'>,
  mentions: readonly string[],
): Promise<void> {
  const readers = new Set([
    ...(await deps.users.membersOf(task.municipalityId)).map((one) => one.userId),
    ...(await deps.users.coordinatorsOf(task.country)).map((one) => one.userId),
  ]);
  const issues = mentions.flatMap((userId, index) =>
    readers.has(userId)
      ? []
      : [{ path: `mentions.${index}`, message: 'is not someone who can see this task' }],
  );
  if (issues.length) throw new InvalidInputError('A mention names someone who cannot see the task', issues);
}

/** Tells the people a comment newly mentions (never its author), once per comment and person. */
export async function notifyMentions(
  deps: NoticePorts,
  task: Task,
  comment: Comment,
  mentioned: readonly string[],
): Promise<void> {
  const people = mentioned.filter((userId) => userId !== comment.author.userId);
  if (!people.length) return;
  await notifyPeople(deps, {
    kind: 'mentioned',
    key: `${comment.commentId}\u0000${createHash('sha256').update(people.join(',')).digest('hex').slice(0, 16)}`,
    municipalityId: task.municipalityId,
    cycleId: task.cycleId,
    task,
    values: { author: comment.author.name },
    audience: { people },
  });
}
