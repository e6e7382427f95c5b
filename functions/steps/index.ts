import type { StepName } from '#workflows/step-functions.ts';
import { handler as deadlineCheck } from './deadline-check.ts';
import { handler as finishCycle } from './finish-cycle.ts';
import { handler as openTask } from './open-task.ts';
import { handler as phaseEnded } from './phase-ended.ts';
import { handler as phaseStarted } from './phase-started.ts';
import { handler as recordFailure } from './record-failure.ts';
import { handler as startNextCycle } from './start-next-cycle.ts';

/** Every step handler by the step it serves; the local runtime binds Task states through this map. */
export const stepHandlers: Record<StepName, (event: unknown, context: never) => Promise<unknown>> = {
  phaseStarted,
  openTask,
  deadlineCheck,
  phaseEnded,
  startNextCycle,
  finishCycle,
  recordFailure,
} as never;

/** Source file of each step handler, for bundling one Lambda function per step. */
export const stepEntries: Record<StepName, string> = {
  phaseStarted: 'functions/steps/phase-started.ts',
  openTask: 'functions/steps/open-task.ts',
  deadlineCheck: 'functions/steps/deadline-check.ts',
  phaseEnded: 'functions/steps/phase-ended.ts',
  startNextCycle: 'functions/steps/start-next-cycle.ts',
  finishCycle: 'functions/steps/finish-cycle.ts',
  recordFailure: 'functions/steps/record-failure.ts',
};
