import { phaseStarted } from '#shared/domain/usecases/steps/phase-started.ts';
import { lambdaStep } from '../shared/lambda.ts';
import { defineStep } from '../shared/step-handler.ts';

/** A phase starts: recorded once; returns its tasks' requests with their deadlines. */
export const step = defineStep('phaseStarted', { table: 'readWrite', notify: 'events' }, phaseStarted);
export const handler = lambdaStep(step);
