import type { Actor } from '../model/actor.ts';
import { type Cycle, type CycleStatus, liveStatuses } from '../model/cycle.ts';
import type { Ports } from '../ports.ts';
import { cancelTask } from './cancel-task.ts';
import { setCycleStatus } from './change-cycle.ts';
import { liveSlotOf } from './create-cycle.ts';
import { type NoticePorts, notifyPeople } from './notify-people.ts';
import { recordEvent } from './record-event.ts';

/**
 * Ends a live cycle: its final status once, its open tasks cancelled, and one audit event timestamped by the
 * end. Every write is repeatable, so a retry after a crash completes what is missing and adds nothing.
 */
export async function endCycle(
  deps: Pick<Ports, 'cycles' | 'tasks' | 'audit' | 'clock'> & NoticePorts,
  cycleId: string,
  status: CycleStatus,
  reason: string,
  event: { eventId: string; type: string; actor: Actor; data: Record<string, unknown> },
): Promise<Cycle> {
  const now = deps.clock.now().toISOString();
  const cycle = await setCycleStatus(deps, cycleId, status, [...liveStatuses], { endedAt: now });
  const record = await deps.cycles.record(cycleId);
  for (const task of record?.tasks ?? []) {
    if (task.status === 'OPEN') await cancelTask(deps, task, reason);
  }
  await recordEvent(deps, { cycleId, at: cycle.endedAt ?? now, ...event });
  // The municipality may start its next cycle of this template (a next cycle has taken the slot over already).
  if (!cycle.parallel) await deps.cycles.releaseLiveSlot(liveSlotOf(cycle), cycleId);
  // The people of the cycle hear that it ended early (a completed cycle speaks for itself).
  if (status === 'CANCELLED' || status === 'ABANDONED') {
    await notifyPeople(deps, {
      kind: status === 'CANCELLED' ? 'cycle-cancelled' : 'cycle-abandoned',
      key: cycleId,
      municipalityId: cycle.municipalityId,
      cycleId,
      values: { reason: String(event.data.reason ?? reason) },
      audience: { membersOf: cycle.municipalityId, coordinatorsOf: cycle.country },
    });
  }
  return cycle;
}
