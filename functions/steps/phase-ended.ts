import { z } from 'zod';
import { phaseEnded } from '#shared/domain/steps.ts';
import { step } from '../shared/step.ts';

const Input = z.object({
  cycleId: z.string(),
  phase: z.string(),
  revision: z.int().min(0),
  results: z.array(z.unknown()),
  executionStartedAt: z.string(),
});

/** A phase ended: recorded once; says whether to chain to a fresh execution. */
export const handler = step('phase-ended', Input, phaseEnded);
