import { ConcurrentUpdateError } from '../errors.ts';
import type { Task } from '../model/task.ts';
import type { Ports } from '../ports.ts';
import { recordEvent, WORKFLOW_ACTOR } from './record-event.ts';

/** Cancels an open task (the cycle ended, or a stall was superseded), with one audit event. */
export async function cancelTask(
  deps: Pick<Ports, 'tasks' | 'audit' | 'clock'>,
  task: Task,
  reason: string,
): Promise<void> {
  if (task.status !== 'OPEN') return;
  const at = deps.clock.now().toISOString();
  let cancelled: Task;
  try {
    cancelled = await deps.tasks.update(task, { status: 'CANCELLED', cancelledAt: at });
  } catch (error) {
    if (!(error instanceof ConcurrentUpdateError)) throw error;
    const current = await deps.tasks.get(task.taskId);
    if (current?.status !== 'CANCELLED' || !current.cancelledAt) return;
    cancelled = current;
  }
  await recordEvent(deps, {
    cycleId: task.cycleId,
    eventId: `task.cancelled:${task.taskId}`,
    at: cancelled.cancelledAt ?? at,
    type: 'task.cancelled',
    actor: WORKFLOW_ACTOR,
    data: { taskId: task.taskId, reason },
  });
}
