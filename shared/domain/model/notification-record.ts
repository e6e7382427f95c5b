import * as z from 'zod';
import { Instant } from './instant.ts';

/** A recorded notification: one moment of one task, delivered exactly once. */
export const NotificationRecord = z.object({
  notificationId: z.string(),
  taskId: z.string(),
  cycleId: z.string(),
  municipalityId: z.string(),
  kind: z.enum(['assigned', 'reminder', 'overdue', 'escalated']),
  offset: z.string(),
  audience: z.enum(['assignee', 'coordinator']),
  scheduledAt: Instant,
  status: z.enum(['PENDING', 'DELIVERED', 'WITHDRAWN']),
  leaseUntil: Instant,
  recordedAt: Instant,
  deliveredAt: Instant.optional(),
  messages: z.int().min(0).default(0),
});
/** A recorded notification. */
export type NotificationRecord = z.infer<typeof NotificationRecord>;
