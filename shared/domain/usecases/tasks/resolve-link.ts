import { NotFoundError } from '../../errors.ts';
import { type Caller, visibleTask } from '../../model/caller.ts';
import type { Ports } from '../../ports.ts';

/** The task a short link (from an SMS) points at, if the caller may see it. */
export async function resolveLink(
  deps: Pick<Ports, 'messages' | 'tasks'>,
  caller: Caller,
  code: string,
): Promise<{ taskId: string }> {
  const taskId = await deps.messages.resolveLink(code);
  if (!taskId) throw new NotFoundError('No such link');
  visibleTask(caller, await deps.tasks.get(taskId), taskId);
  return { taskId };
}
