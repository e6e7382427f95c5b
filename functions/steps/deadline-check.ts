import { deadlineCheck } from '#shared/domain/usecases/steps/deadline-check.ts';
import { lambdaStep } from '../shared/lambda.ts';
import { defineStep } from '../shared/step-handler.ts';

/** A task's timer fired: chain to a fresh execution, wait again, stall the cycle, or abandon it. */
export const step = defineStep(
  'deadlineCheck',
  { table: 'readWrite', notify: 'messages', workflow: ['continue'] },
  deadlineCheck,
);
export const handler = lambdaStep(step);
