import type { CycleOutcome } from '#shared/domain/model/cycle.ts';

/** State names are part of the contract with the local runtime's bindings and the event history. */

const finishStates: Record<CycleOutcome, string> = {
  COMPLETED: 'Cycle completed',
  PLAN_REJECTED: 'Plan rejected',
  CANCELLED: 'Cycle cancelled',
  ABANDONED: 'Cycle abandoned',
};

/** The name of every state the compiler writes. */
export const stateNames = {
  phaseStart: (phase: string) => `${phase}: start`,
  phaseTasks: (phase: string) => `${phase}: tasks`,
  phaseEnd: (phase: string) => `${phase}: end`,
  phaseDecided: (phase: string) => `${phase}: decided?`,
  phaseRejected: (phase: string) => `${phase}: revisions left?`,
  phaseRevise: (phase: string) => `${phase}: revise`,
  outcome: (phase: string) => `${phase}: outcome`,
  phaseAgain: (phase: string) => `${phase}: another round?`,
  phaseNextRound: (phase: string) => `${phase}: next round`,
  phaseRoundsDone: (phase: string) => `${phase}: rounds done`,
  taskStage: (task: string) => `${task}: stage`,
  taskAwait: (task: string) => `${task}: await`,
  taskCheck: (task: string) => `${task}: check deadline`,
  taskDecision: (task: string) => `${task}: deadline passed`,
  taskRestage: (task: string) => `${task}: wait again`,
  taskStall: (task: string) => `${task}: stalled`,
  taskResolve: (task: string) => `${task}: await coordinator`,
  taskResolution: (task: string) => `${task}: coordinator decided`,
  taskCancelled: (task: string) => `${task}: cancelled`,
  taskAbandoned: (task: string) => `${task}: abandoned`,
  taskChained: (task: string) => `${task}: continues in a fresh execution`,
  finish: (outcome: CycleOutcome) => finishStates[outcome],
  entry: 'Entry',
  roundZero: 'First round',
  resumeAt: 'Resume at',
  unknownResume: 'Unknown resume phase',
  recordFailure: 'Record failure',
  startNextCycle: 'Start next cycle',
  chained: 'Chained to a fresh execution',
  done: 'Done',
  failed: 'Failed',
} as const;

/** Errors raised by Fail states inside a phase's branches and caught by the phase. */
export const branchErrors = {
  cancelled: 'Romact.CycleCancelled',
  abandoned: 'Romact.CycleAbandoned',
  failed: 'Romact.CycleFailed',
  /** The execution reached its chain age and started a fresh one that resumes the phase: it ends here. */
  chained: 'Romact.Chained',
} as const;

/** Sends any other error of a step to the failure recorder. */
export const catchAll = {
  ErrorEquals: ['States.ALL'],
  ResultPath: '$.error',
  Next: stateNames.recordFailure,
};
