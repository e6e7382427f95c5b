import { z } from 'zod';
import { Instant } from './instant.ts';

/** One entry of a cycle's append-only audit trail. */
export const AuditEvent = z.object({
  cycleId: z.string(),
  eventId: z.string(),
  at: Instant,
  type: z.string(),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()).default({}),
});
/** One entry of a cycle's audit trail. */
export type AuditEvent = z.infer<typeof AuditEvent>;
