import { createHash } from 'node:crypto';
import { type Cycle, liveStatuses } from '../model/cycle.ts';
import type { TaskRequest } from '../model/task-request.ts';
import type { Ports } from '../ports.ts';
import { changeCycle } from './change-cycle.ts';

/**
 * Hands a live cycle from an execution at its chain age to a fresh one, on the same state machine version,
 * resuming the phase of `request`: the phase's tasks are found again by their ids (same deadlines, same
 * notification series, no new "assigned" notice) and settled ones are delivered at once.
 *
 * Started before the old execution ends, so no completion lands between two executions. The name comes from
 * the old execution: every branch of the phase that reaches the age at the same moment starts the same one.
 */
export async function chainExecution(
  deps: Pick<Ports, 'cycles' | 'clock' | 'engine'>,
  cycle: Cycle,
  execution: { executionId: string },
  request: Pick<TaskRequest, 'phase' | 'revision'>,
): Promise<void> {
  // A cycle that ended has nothing to continue: its execution simply ends.
  if (!liveStatuses.has(cycle.status)) return;
  const suffix = createHash('sha256').update(execution.executionId).digest('hex').slice(0, 10);
  const started = await deps.engine.continueOn(
    cycle.templateId,
    cycle.stateMachineVersion,
    `${cycle.executionName}-${suffix}`,
    { cycleId: cycle.cycleId, revision: { count: request.revision }, resumeAt: request.phase },
  );
  await changeCycle(deps, cycle.cycleId, (current) =>
    current.executionId === execution.executionId
      ? {
          executionId: started.executionId,
          executionStartedAt: started.startedAt,
          ...(current.stateMachineVersion ? {} : { stateMachineVersion: started.version }),
        }
      : undefined,
  );
}
