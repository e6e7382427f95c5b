import { phaseEnded } from '#shared/domain/usecases/steps/phase-ended.ts';
import { lambdaStep } from '../shared/lambda.ts';
import { defineStep } from '../shared/step-handler.ts';

/** A phase ended: recorded once; says whether to chain to a fresh execution. */
export const step = defineStep('phaseEnded', { table: 'readWrite' }, phaseEnded);
export const handler = lambdaStep(step);
