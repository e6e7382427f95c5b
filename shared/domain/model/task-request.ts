import * as z from 'zod';
import { Instant } from './instant.ts';

/** The request a human-task state sends to the open-task step (one per task of a phase). */
export const TaskRequest = z.object({
  taskId: z.string().min(1),
  cycleId: z.string().min(1),
  phase: z.string().min(1),
  taskKey: z.string().min(1),
  revision: z.int().min(0),
  kind: z.enum(['task', 'stall-resolution']),
  dueAt: Instant,
  hardStopAt: Instant,
  timeoutSeconds: z.int().min(1),
});
/** The request a human-task state sends to the open-task step. */
export type TaskRequest = z.infer<typeof TaskRequest>;
