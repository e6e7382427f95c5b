import { startNextCycle } from '#shared/domain/usecases/steps/start-next-cycle.ts';
import { lambdaStep } from '../shared/lambda.ts';
import { defineStep } from '../shared/step-handler.ts';

/** The review chose `next-cycle`: the municipality's next cycle starts (once). */
export const step = defineStep('startNextCycle', { table: 'readWrite', workflow: ['start'] }, startNextCycle);
export const handler = lambdaStep(step);
