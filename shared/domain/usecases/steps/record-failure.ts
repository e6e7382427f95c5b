import { endCycle } from '../../ops/end-cycle.ts';
import type { NoticePorts } from '../../ops/notify-people.ts';
import { WORKFLOW_ACTOR } from '../../ops/record-event.ts';
import type { Ports } from '../../ports.ts';

/** A step failed: mark the cycle FAILED and keep only the error's name and a short cause (no payloads). */
export async function recordFailure(
  deps: Pick<Ports, 'cycles' | 'tasks' | 'audit' | 'clock'> & NoticePorts,
  input: { cycleId: string; error: { Error?: string | undefined; Cause?: string | undefined } },
): Promise<Record<string, never>> {
  await endCycle(deps, input.cycleId, 'FAILED', 'cycle failed', {
    eventId: 'cycle.failed',
    type: 'cycle.failed',
    actor: WORKFLOW_ACTOR,
    data: { error: input.error.Error ?? 'Unknown', cause: (input.error.Cause ?? '').slice(0, 300) },
  });
  return {};
}
