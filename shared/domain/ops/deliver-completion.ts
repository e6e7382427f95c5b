import { ConcurrentUpdateError } from '../errors.ts';
import type { Task } from '../model/task.ts';
import { type Ports, TaskTokenGoneError } from '../ports.ts';

/**
 * Sends a completed task's summary on its current token; a dead token waits for the next rebind. Returns the
 * task as it now stands (with `tokenDelivered` set when the send went through).
 */
export async function deliverCompletion(deps: Pick<Ports, 'tasks' | 'engine'>, task: Task): Promise<Task> {
  if (!task.taskToken || task.tokenDelivered) return task;
  try {
    await deps.engine.sendTaskSuccess(task.taskToken, { taskId: task.taskId, ...task.summary });
  } catch (error) {
    if (error instanceof TaskTokenGoneError) return task;
    throw error;
  }
  try {
    return await deps.tasks.update(task, { tokenDelivered: true }, { allowClosed: true });
  } catch (error) {
    // Delivered; a lost flag only means a later rebind sends it again, which the engine ignores.
    if (!(error instanceof ConcurrentUpdateError)) throw error;
    return { ...task, tokenDelivered: true };
  }
}
