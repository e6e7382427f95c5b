import { z } from 'zod';
import { finishCycle } from '#shared/domain/steps.ts';
import { step } from '../shared/step.ts';

const Input = z.object({
  cycleId: z.string(),
  outcome: z.enum(['COMPLETED', 'PLAN_REJECTED', 'CANCELLED', 'ABANDONED']),
});

/** The cycle ended with an outcome. */
export const handler = step('finish-cycle', Input, finishCycle);
