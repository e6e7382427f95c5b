import * as z from 'zod';
import { Instant } from './instant.ts';

/** A phase as it ran (a revision runs a phase again). */
export const PhaseRun = z.object({
  cycleId: z.string(),
  phase: z.string(),
  revision: z.int().min(0),
  startedAt: Instant,
  endedAt: Instant.optional(),
});
/** A phase as it ran. */
export type PhaseRun = z.infer<typeof PhaseRun>;
