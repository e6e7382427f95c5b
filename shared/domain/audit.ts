import type { AuditEvent } from './entities.ts';
import type { Dependencies } from './ports.ts';

/**
 * Appends an event to a cycle's audit trail. `eventId` is deterministic and `at` comes from the item whose
 * change the event records, so a retried step rewrites the same event rather than adding a second one.
 */
export async function recordEvent(
  deps: Pick<Dependencies, 'store'>,
  event: Omit<AuditEvent, 'data'> & { data?: Record<string, unknown> },
): Promise<void> {
  await deps.store.appendAudit({ ...event, data: event.data ?? {} });
}
