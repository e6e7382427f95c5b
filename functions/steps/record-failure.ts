import { recordFailure } from '#shared/domain/usecases/steps/record-failure.ts';
import { lambdaStep } from '../shared/lambda.ts';
import { defineStep } from '../shared/step-handler.ts';

/** A step failed: the cycle is marked FAILED with the error's name. */
export const step = defineStep('recordFailure', { table: 'readWrite', notify: 'messages' }, recordFailure);
export const handler = lambdaStep(step);
