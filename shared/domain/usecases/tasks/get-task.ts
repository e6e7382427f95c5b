import { type Caller, visibleTask } from '../../model/caller.ts';
import type { Task } from '../../model/task.ts';
import type { Ports } from '../../ports.ts';

/** One task, if the caller may see it. */
export async function getTask(deps: Pick<Ports, 'tasks'>, caller: Caller, taskId: string): Promise<Task> {
  return visibleTask(caller, await deps.tasks.get(taskId), taskId);
}
