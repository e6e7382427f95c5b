import { ConcurrentUpdateError } from '../errors.ts';
import type { Actor } from '../model/actor.ts';
import type { Task } from '../model/task.ts';
import type { Ports } from '../ports.ts';
import { deliverCompletion } from './deliver-completion.ts';
import { type NoticePorts, notifyPeople } from './notify-people.ts';
import { recordEvent } from './record-event.ts';
import { updateWithRetry } from './retry.ts';

/**
 * Closes an open task that no longer has a point (the other side rejected the plan; the stalled task it was
 * about was done after all) and hands the workflow what it needs to move on, on the task's token: the task is
 * cancelled, audited with the reason, and its wait ends with `summary` instead of the person's answer.
 */
export async function withdrawTask(
  deps: Pick<Ports, 'tasks' | 'audit' | 'engine' | 'clock'> & NoticePorts,
  first: Task,
  reason: string,
  summary: Record<string, string>,
  actor: Actor,
): Promise<void> {
  let withdrawn: Task | undefined;
  try {
    withdrawn = await updateWithRetry(
      async () => (await deps.tasks.get(first.taskId)) ?? first,
      (task) =>
        task.status === 'OPEN'
          ? deps.tasks.update(task, {
              status: 'CANCELLED',
              cancelledAt: deps.clock.now().toISOString(),
              summary,
            })
          : undefined,
      { initial: first },
    );
  } catch (error) {
    if (!(error instanceof ConcurrentUpdateError)) throw error;
  }
  if (withdrawn?.status !== 'CANCELLED' || !withdrawn.summary) return;
  await recordEvent(deps, {
    cycleId: withdrawn.cycleId,
    eventId: `task.cancelled:${withdrawn.taskId}`,
    at: withdrawn.cancelledAt ?? deps.clock.now().toISOString(),
    type: 'task.cancelled',
    actor,
    data: { taskId: withdrawn.taskId, reason },
  });
  await deliverCompletion(deps, withdrawn);
  await notifyPeople(deps, {
    kind: 'task-withdrawn',
    key: withdrawn.taskId,
    municipalityId: withdrawn.municipalityId,
    cycleId: withdrawn.cycleId,
    task: withdrawn,
    values: { reason },
    audience: { assigneesOf: withdrawn },
  });
}
