import { finishCycle } from '#shared/domain/usecases/steps/finish-cycle.ts';
import { lambdaStep } from '../shared/lambda.ts';
import { defineStep } from '../shared/step-handler.ts';

/** The cycle ended with an outcome. */
export const step = defineStep(
  'finishCycle',
  { table: 'readWrite', notify: 'messages', files: 'archive' },
  finishCycle,
);
export const handler = lambdaStep(step);
