import { WORKFLOW_ACTOR } from '../model/actor.ts';
import type { AuditEvent } from '../model/audit-event.ts';
import type { Ports } from '../ports.ts';

export { WORKFLOW_ACTOR };

/**
 * Appends an event to a cycle's audit trail. `eventId` is deterministic and `at` comes from the item whose
 * change the event records, so a retried step rewrites the same event rather than adding a second one.
 */
export async function recordEvent(
  deps: Pick<Ports, 'audit'>,
  event: Omit<AuditEvent, 'data'> & { data?: Record<string, unknown> },
): Promise<void> {
  await deps.audit.append({ ...event, data: event.data ?? {} });
}
