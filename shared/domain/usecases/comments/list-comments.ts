import { type Caller, visibleTask } from '../../model/caller.ts';
import type { Comment } from '../../model/comment.ts';
import type { Ports } from '../../ports.ts';

/** The thread of a task the caller can see, oldest first (removed comments as placeholders). */
export async function listComments(
  deps: Pick<Ports, 'tasks' | 'comments'>,
  caller: Caller,
  taskId: string,
): Promise<Comment[]> {
  visibleTask(caller, await deps.tasks.get(taskId), taskId);
  return deps.comments.listByTask(taskId);
}
