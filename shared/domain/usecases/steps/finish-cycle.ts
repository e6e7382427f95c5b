import { cycleFilesPrefix } from '../../model/attachment.ts';
import type { CycleOutcome, CycleStatus } from '../../model/cycle.ts';
import { endCycle } from '../../ops/end-cycle.ts';
import type { NoticePorts } from '../../ops/notify-people.ts';
import { WORKFLOW_ACTOR } from '../../ops/record-event.ts';
import type { Ports } from '../../ports.ts';

/**
 * The cycle ended: record its outcome once, cancel whatever is still open (the other approver's task), and mark
 * its files as belonging to an ended cycle (on AWS they then move to cheaper storage).
 */
export async function finishCycle(
  deps: Pick<Ports, 'cycles' | 'tasks' | 'audit' | 'clock' | 'notifier' | 'files'> & NoticePorts,
  input: { cycleId: string; outcome: CycleOutcome },
): Promise<{ status: CycleStatus }> {
  const cycle = await endCycle(deps, input.cycleId, input.outcome, 'cycle ended', {
    eventId: 'cycle.finished',
    type: 'cycle.finished',
    actor: WORKFLOW_ACTOR,
    data: { outcome: input.outcome },
  });
  await deps.notifier.publish({
    type: 'cycle.completed',
    at: cycle.endedAt ?? deps.clock.now().toISOString(),
    detail: { cycleId: cycle.cycleId, municipalityId: cycle.municipalityId, outcome: cycle.status },
  });
  await deps.files.archive(cycleFilesPrefix(cycle.cycleId));
  return { status: cycle.status };
}
