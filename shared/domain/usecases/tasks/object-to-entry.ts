import * as z from 'zod';
import { ConflictError, ForbiddenError } from '../../errors.ts';
import { actorOf } from '../../model/actor.ts';
import { type Caller, visibleTask } from '../../model/caller.ts';
import type { Task } from '../../model/task.ts';
import { recordEvent } from '../../ops/record-event.ts';
import { updateWithRetry } from '../../ops/retry.ts';
import type { Ports } from '../../ports.ts';

/** Body of `POST /tasks/{id}/object`. */
export const ObjectBody = z.strictObject({ reason: z.string().trim().min(1).max(1_000) });

/**
 * A CAG member named in an entry made on their behalf objects within the window: the entry is set aside and the
 * task is open for the CAG again. The objection is in the audit trail.
 */
export async function objectToEntry(
  deps: Pick<Ports, 'tasks' | 'audit' | 'clock'>,
  caller: Caller,
  taskId: string,
  body: z.infer<typeof ObjectBody>,
): Promise<Task> {
  const task = visibleTask(caller, await deps.tasks.get(taskId), taskId);
  const entry = task.pendingEntry;
  if (!entry) throw new ConflictError('No entry on the CAG’s behalf is waiting for objections');
  if (!caller.userId || !entry.onBehalfOf.some((person) => person.userId === caller.userId)) {
    throw new ForbiddenError('Only a CAG member named in the entry may object to it');
  }
  const now = deps.clock.now();
  if (new Date(entry.objectionUntil) <= now) throw new ConflictError('The time to object has passed');
  const reopened = await updateWithRetry(
    async () => (await deps.tasks.get(taskId)) ?? task,
    (current) => {
      if (!current.pendingEntry) return current;
      return deps.tasks.update(current, { pendingEntry: undefined });
    },
    { initial: task },
  );
  await recordEvent(deps, {
    cycleId: task.cycleId,
    eventId: `task.entry-objected:${task.taskId}:${entry.enteredAt}`,
    at: now.toISOString(),
    type: 'task.entry-objected',
    actor: actorOf(caller),
    data: { taskId, reason: body.reason, enteredBy: entry.enteredBy.userId },
  });
  return reopened;
}
