import type { StepName } from '#workflows/contract.ts';
import type { StepDefinition } from '../shared/step-handler.ts';
import { step as deadlineCheck } from './deadline-check.ts';
import { step as finishCycle } from './finish-cycle.ts';
import { step as openTask } from './open-task.ts';
import { step as phaseEnded } from './phase-ended.ts';
import { step as phaseStarted } from './phase-started.ts';
import { step as recordFailure } from './record-failure.ts';
import { step as startNextCycle } from './start-next-cycle.ts';

/** Every state machine step by name: the local runtime binds Task states and CDK builds functions from it. */
export const stepDefinitions: { [S in StepName]: StepDefinition<S> } = {
  phaseStarted,
  openTask,
  deadlineCheck,
  phaseEnded,
  startNextCycle,
  finishCycle,
  recordFailure,
};

/** The source file of a step's Lambda function. */
export const stepEntry = (step: StepName) =>
  `functions/steps/${step.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.ts`;
