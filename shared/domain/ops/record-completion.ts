import { isDeepStrictEqual } from 'node:util';
import { ConflictError, NotFoundError } from '../errors.ts';
import { toInstant } from '../model/deadlines.ts';
import type { Role } from '../model/roles.ts';
import type { Task } from '../model/task.ts';
import type { CycleTemplate } from '../model/template.ts';
import type { Ports } from '../ports.ts';
import { setCycleStatus } from './change-cycle.ts';
import { deliverCompletion } from './deliver-completion.ts';
import { extendDeadline } from './extend-deadline.ts';
import { recordEvent } from './record-event.ts';
import { updateWithRetry } from './retry.ts';

/** A validated completion: the output as stored, and the summary the workflow receives. */
export interface Completion {
  completedBy: Role;
  result: unknown;
  summary: Record<string, string>;
}

/**
 * Stores a completion once (OPEN → COMPLETED), audits it, resumes a stalled cycle when the completion is a
 * coordinator's "resume", and hands the summary to the workflow. Repeating the same completion succeeds (and
 * re-sends it if the first send failed); a different completion of a closed task is a conflict.
 */
export async function recordCompletion(
  deps: Pick<Ports, 'tasks' | 'cycles' | 'audit' | 'engine' | 'clock'>,
  task: Task,
  template: CycleTemplate,
  completion: Completion,
  actor: string,
): Promise<Task> {
  const completed = await markCompleted(deps, task, completion);
  await recordEvent(deps, {
    cycleId: completed.cycleId,
    eventId: `task.completed:${completed.taskId}`,
    at: completed.completedAt ?? deps.clock.now().toISOString(),
    type: 'task.completed',
    actor,
    data: { taskId: completed.taskId, ...completion.summary, result: completed.result },
  });
  if (completed.kind === 'stall-resolution' && completion.summary.action === 'resume') {
    const resolution = completion.result as { dueAt: string };
    const stalled = await deps.tasks.get(completed.stalledTaskId ?? '');
    if (stalled?.status === 'OPEN') {
      await extendDeadline(
        deps,
        stalled,
        template,
        toInstant(resolution.dueAt),
        'resumed by the coordinator',
        actor,
      );
    }
    await setCycleStatus(deps, completed.cycleId, 'RUNNING', ['STALLED']);
  }
  return deliverCompletion(deps, completed);
}

/**
 * OPEN → COMPLETED, exactly once. A lost condition re-reads: still OPEN (the workflow only rebound its token)
 * → try again; COMPLETED with the same output → the earlier completion stands (idempotent); else 409.
 */
function markCompleted(deps: Pick<Ports, 'tasks' | 'clock'>, first: Task, completion: Completion) {
  return updateWithRetry(
    async () => {
      const current = await deps.tasks.get(first.taskId);
      if (!current) throw new NotFoundError(`No task ${first.taskId}`);
      return current;
    },
    (task) => {
      if (task.status === 'COMPLETED' && isDeepStrictEqual(task.result, completion.result)) return task;
      if (task.status !== 'OPEN') throw new ConflictError(`Task ${first.taskId} is ${task.status}`);
      return deps.tasks.update(task, {
        status: 'COMPLETED',
        completedAt: deps.clock.now().toISOString(),
        ...completion,
      });
    },
    { initial: first },
  );
}
