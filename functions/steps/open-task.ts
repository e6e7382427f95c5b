import { openTask } from '#shared/domain/usecases/steps/open-task.ts';
import { lambdaStep } from '../shared/lambda.ts';
import { defineStep } from '../shared/step-handler.ts';

/** The workflow waits on a human task: store it with its token (or rebind the token of the existing one). */
export const step = defineStep(
  'openTask',
  { table: 'readWrite', notify: 'messages', workflow: ['taskToken'] },
  openTask,
);
export const handler = lambdaStep(step);
