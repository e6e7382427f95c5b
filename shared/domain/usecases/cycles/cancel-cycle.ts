import * as z from 'zod';
import { ConflictError, ForbiddenError } from '../../errors.ts';
import { actorOf } from '../../model/actor.ts';
import { type Caller, visibleCycle } from '../../model/caller.ts';
import { type Cycle, liveStatuses } from '../../model/cycle.ts';
import { endCycle } from '../../ops/end-cycle.ts';
import type { NoticePorts } from '../../ops/notify-people.ts';
import type { Ports } from '../../ports.ts';

/** Body of `POST /cycles/{id}/cancel`. */
export const CancelCycleBody = z.strictObject({ reason: z.string().trim().min(1).max(1_000) });

/** Cancels a running or stalled cycle: stops its execution and cancels its open tasks (coordinators only). */
export async function cancelCycle(
  deps: Pick<Ports, 'cycles' | 'tasks' | 'audit' | 'clock' | 'engine'> & NoticePorts,
  caller: Caller,
  cycleId: string,
  body: z.infer<typeof CancelCycleBody>,
): Promise<Cycle> {
  const current = visibleCycle(caller, await deps.cycles.get(cycleId), cycleId);
  if (caller.role !== 'coordinator') throw new ForbiddenError('Only a coordinator cancels cycles');
  if (!liveStatuses.has(current.status)) throw new ConflictError(`Cycle ${cycleId} is ${current.status}`);
  // Stop the workflow first, so it opens nothing new while the cycle's tasks are cancelled.
  if (current.executionId) await deps.engine.stop(current.executionId, 'Cancelled by the coordinator');
  return endCycle(deps, cycleId, 'CANCELLED', 'cycle cancelled', {
    eventId: 'cycle.cancelled',
    type: 'cycle.cancelled',
    actor: actorOf(caller),
    data: { reason: body.reason },
  });
}
