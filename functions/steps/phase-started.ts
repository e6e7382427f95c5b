import { z } from 'zod';
import { phaseStarted } from '#shared/domain/steps.ts';
import { step } from '../shared/step.ts';

const Input = z.object({
  cycleId: z.string(),
  phase: z.string(),
  revision: z.int().min(0),
  executionId: z.string(),
});

/** A phase starts: recorded once; returns its tasks' requests with their deadlines. */
export const handler = step('phase-started', Input, phaseStarted);
