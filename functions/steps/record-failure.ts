import { z } from 'zod';
import { recordFailure } from '#shared/domain/steps.ts';
import { step } from '../shared/step.ts';

const Input = z.object({
  cycleId: z.string(),
  error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).default({}),
});

/** A step failed: the cycle is marked FAILED with the error's name. */
export const handler = step('record-failure', Input, recordFailure);
