/**
 * The Lambda steps a compiled definition calls, each named by the `${...}` placeholder that CDK's
 * definitionSubstitutions and the local runtime's bindings replace. One list, so neither side can miss one.
 */
export const stepFunctions = {
  phaseStarted: 'PhaseStartedFunctionArn',
  openTask: 'OpenTaskFunctionArn',
  deadlineCheck: 'DeadlineCheckFunctionArn',
  phaseEnded: 'PhaseEndedFunctionArn',
  startNextCycle: 'StartNextCycleFunctionArn',
  finishCycle: 'FinishCycleFunctionArn',
  recordFailure: 'RecordFailureFunctionArn',
} as const;

/** A Lambda step of the state machine. */
export type StepName = keyof typeof stepFunctions;

/** The placeholder for a step's function ARN, as it appears in the ASL. */
export function placeholder(step: StepName): string {
  return `\${${stepFunctions[step]}}`;
}

/** ASL resources used by the compiler. */
export const resources = {
  invoke: 'arn:aws:states:::lambda:invoke',
  invokeAndWait: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  startExecution: 'arn:aws:states:::states:startExecution',
} as const;

/** How a cycle ends, as recorded by the finish step. */
export type CycleOutcome = 'COMPLETED' | 'PLAN_REJECTED' | 'CANCELLED' | 'ABANDONED';

/** Errors raised by Fail states inside a phase's branches and caught by the phase. */
export const branchErrors = {
  cancelled: 'Romact.CycleCancelled',
  abandoned: 'Romact.CycleAbandoned',
  failed: 'Romact.CycleFailed',
} as const;
