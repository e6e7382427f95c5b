import { z } from 'zod';
import { startNextCycle } from '#shared/domain/steps.ts';
import { step } from '../shared/step.ts';

const Input = z.object({ cycleId: z.string() });

/** The review chose `next-cycle`: the municipality's next cycle starts (once). */
export const handler = step('start-next-cycle', Input, startNextCycle);
