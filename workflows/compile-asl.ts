import type { CycleTemplate, PhaseTemplate, TaskTemplate } from '#shared/domain/template.ts';
import { outcomeTask } from '#shared/domain/template.ts';
import { branchErrors, type CycleOutcome, placeholder, resources, type StepName } from './step-functions.ts';

/**
 * Compiles a cycle template to one Amazon States Language definition (JSONPath). CDK deploys this JSON and the
 * local runtime runs it; only the `${...FunctionArn}` placeholders differ between the two.
 *
 * Execution input: `{ cycleId, revision: { count }, resumeAt? }`.
 */

/** An ASL state, kept loose: the definition is checked by asl-validator and by running it. */
export type AslState = Record<string, unknown>;
/** A compiled state machine definition. */
export interface AslDefinition {
  Comment: string;
  StartAt: string;
  States: Record<string, AslState>;
}

/** Retries Lambda's own transient failures (not the handler's errors) with jittered backoff. */
const lambdaRetry = [
  {
    ErrorEquals: [
      'Lambda.ServiceException',
      'Lambda.AWSLambdaException',
      'Lambda.SdkClientException',
      'Lambda.TooManyRequestsException',
    ],
    IntervalSeconds: 2,
    MaxAttempts: 6,
    BackoffRate: 2,
    JitterStrategy: 'FULL',
  },
];

const RECORD_FAILURE = 'Record failure';
const FAILED = 'Failed';
const DONE = 'Done';
const CHAINED = 'Chained to a fresh execution';
const START_NEXT_CYCLE = 'Start next cycle';
const finishStates: Record<CycleOutcome, string> = {
  COMPLETED: 'Cycle completed',
  PLAN_REJECTED: 'Plan rejected',
  CANCELLED: 'Cycle cancelled',
  ABANDONED: 'Cycle abandoned',
};
const catchAll = { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: RECORD_FAILURE };

/** State names are part of the contract with the local runtime's bindings and the event history. */
export const stateNames = {
  phaseStart: (phase: string) => `${phase}: start`,
  phaseTasks: (phase: string) => `${phase}: tasks`,
  phaseEnd: (phase: string) => `${phase}: end`,
  phaseDecided: (phase: string) => `${phase}: decided?`,
  phaseRejected: (phase: string) => `${phase}: revisions left?`,
  phaseRevise: (phase: string) => `${phase}: revise`,
  phaseChainCheck: (phase: string) => `${phase}: chain?`,
  phaseChain: (phase: string) => `${phase}: chain`,
  outcome: (phase: string) => `${phase}: outcome`,
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
  finish: (outcome: CycleOutcome) => finishStates[outcome],
  entry: 'Entry',
  resumeAt: 'Resume at',
  unknownResume: 'Unknown resume phase',
  recordFailure: RECORD_FAILURE,
  startNextCycle: START_NEXT_CYCLE,
  chained: CHAINED,
  done: DONE,
  failed: FAILED,
} as const;

function invoke(step: StepName, payload: Record<string, unknown>, extra: AslState): AslState {
  return {
    Type: 'Task',
    Resource: resources.invoke,
    Parameters: { FunctionName: placeholder(step), Payload: payload },
    Retry: lambdaRetry,
    ...extra,
  };
}

/**
 * A human task waits on its token. The request is staged at `$.Payload` and copied flat into the invoke
 * payload, so `TimeoutSecondsPath: $.Payload.timeoutSeconds` resolves both against the state input (AWS) and
 * against the Parameters output (aws-local-stepfunctions reads it there).
 */
function awaitHuman(extra: AslState): AslState {
  const fields = [
    'taskId',
    'cycleId',
    'phase',
    'taskKey',
    'revision',
    'kind',
    'dueAt',
    'hardStopAt',
    'timeoutSeconds',
  ];
  return {
    Type: 'Task',
    Resource: resources.invokeAndWait,
    Parameters: {
      FunctionName: placeholder('openTask'),
      Payload: {
        'taskToken.$': '$$.Task.Token',
        ...Object.fromEntries(fields.map((field) => [`${field}.$`, `$.Payload.${field}`])),
      },
    },
    TimeoutSecondsPath: '$.Payload.timeoutSeconds',
    Retry: lambdaRetry,
    ...extra,
  };
}

/** One branch of a phase: wait for the task; on its hard stop, wait again, stall, or give up. */
function taskBranch(
  task: TaskTemplate,
  taskIndex: number,
): { StartAt: string; States: Record<string, AslState> } {
  const name = (fn: (key: string) => string) => fn(task.key);
  const onTimeout = {
    ErrorEquals: ['States.Timeout'],
    ResultPath: '$.timeout',
    Next: name(stateNames.taskCheck),
  };
  return {
    StartAt: name(stateNames.taskStage),
    States: {
      [name(stateNames.taskStage)]: {
        Type: 'Pass',
        InputPath: `$.phase.tasks[${taskIndex}]`,
        ResultPath: '$.Payload',
        Next: name(stateNames.taskAwait),
      },
      // The branch's output is the task's summary alone, read by the phase's Choices. ResultPath is left out
      // (the default, "$"): aws-local-stepfunctions@3 writes an explicit "$" as a key named "$".
      [name(stateNames.taskAwait)]: awaitHuman({ Catch: [onTimeout], End: true }),
      [name(stateNames.taskCheck)]: invoke(
        'deadlineCheck',
        { 'request.$': '$.Payload' },
        {
          ResultSelector: { 'action.$': '$.Payload.action', 'request.$': '$.Payload.request' },
          ResultPath: '$.deadline',
          Next: name(stateNames.taskDecision),
        },
      ),
      [name(stateNames.taskDecision)]: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.deadline.action', StringEquals: 'wait', Next: name(stateNames.taskRestage) },
          { Variable: '$.deadline.action', StringEquals: 'stall', Next: name(stateNames.taskStall) },
        ],
        Default: name(stateNames.taskAbandoned),
      },
      [name(stateNames.taskRestage)]: {
        Type: 'Pass',
        InputPath: '$.deadline.request',
        ResultPath: '$.Payload',
        Next: name(stateNames.taskAwait),
      },
      [name(stateNames.taskStall)]: {
        Type: 'Pass',
        InputPath: '$.deadline.request',
        ResultPath: '$.Payload',
        Next: name(stateNames.taskResolve),
      },
      [name(stateNames.taskResolve)]: awaitHuman({
        ResultPath: '$.resolution',
        Catch: [onTimeout],
        Next: name(stateNames.taskResolution),
      }),
      // Resume goes back through the deadline check, which finds the task's new deadline and waits again.
      [name(stateNames.taskResolution)]: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.resolution.action', StringEquals: 'cancel', Next: name(stateNames.taskCancelled) },
        ],
        Default: name(stateNames.taskCheck),
      },
      [name(stateNames.taskCancelled)]: {
        Type: 'Fail',
        Error: branchErrors.cancelled,
        Cause: 'The coordinator cancelled the stalled cycle',
      },
      [name(stateNames.taskAbandoned)]: {
        Type: 'Fail',
        Error: branchErrors.abandoned,
        Cause: 'Nobody resumed the stalled cycle before the coordinator’s hard stop',
      },
    },
  };
}

function phaseStates(template: CycleTemplate, phase: PhaseTemplate, index: number): Record<string, AslState> {
  const key = phase.key;
  const next = template.phases[index + 1];
  const isLast = next === undefined;
  const states: Record<string, AslState> = {
    [stateNames.phaseStart(key)]: invoke(
      'phaseStarted',
      {
        'cycleId.$': '$.cycleId',
        phase: key,
        'revision.$': '$.revision.count',
        'executionId.$': '$$.Execution.Id',
      },
      {
        ResultSelector: { 'tasks.$': '$.Payload.tasks' },
        ResultPath: '$.phase',
        Catch: [catchAll],
        Next: stateNames.phaseTasks(key),
      },
    ),
    [stateNames.phaseTasks(key)]: {
      Type: 'Parallel',
      Branches: phase.tasks.map(taskBranch),
      ResultPath: '$.results',
      Catch: [
        { ErrorEquals: [branchErrors.cancelled], ResultPath: '$.error', Next: finishStates.CANCELLED },
        { ErrorEquals: [branchErrors.abandoned], ResultPath: '$.error', Next: finishStates.ABANDONED },
        catchAll,
      ],
      Next: stateNames.phaseEnd(key),
    },
  };

  let afterEnd: string;
  if (isLast) {
    const decider = outcomeTask(template);
    if (decider) {
      const resultIndex = phase.tasks.indexOf(decider.task);
      afterEnd = stateNames.outcome(key);
      states[afterEnd] = {
        Type: 'Choice',
        Choices: [
          {
            Variable: `$.results[${resultIndex}].outcome`,
            StringEquals: 'next-cycle',
            Next: START_NEXT_CYCLE,
          },
        ],
        Default: finishStates.COMPLETED,
      };
    } else {
      afterEnd = finishStates.COMPLETED;
    }
  } else {
    afterEnd = stateNames.phaseChainCheck(key);
    states[afterEnd] = {
      Type: 'Choice',
      Choices: [{ Variable: '$.phaseEnd.chain', BooleanEquals: true, Next: stateNames.phaseChain(key) }],
      Default: stateNames.phaseStart(next.key),
    };
    states[stateNames.phaseChain(key)] = {
      Type: 'Task',
      Resource: resources.startExecution,
      Parameters: {
        'StateMachineArn.$': '$$.StateMachine.Id',
        'Name.$': '$.phaseEnd.chainName',
        Input: {
          'cycleId.$': '$.cycleId',
          'revision.$': '$.revision',
          resumeAt: next.key,
          'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id',
        },
      },
      ResultPath: null,
      Retry: [
        {
          ErrorEquals: ['StepFunctions.SdkClientException', 'StepFunctions.ServiceQuotaExceededException'],
          IntervalSeconds: 2,
          MaxAttempts: 6,
          BackoffRate: 2,
        },
      ],
      // The name is deterministic: if a retry finds the execution already started, the chain is done.
      Catch: [
        { ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'], ResultPath: null, Next: CHAINED },
        catchAll,
      ],
      Next: CHAINED,
    };
  }

  if (phase.approval) {
    const { backTo, maxRevisions } = phase.approval;
    states[stateNames.phaseDecided(key)] = {
      Type: 'Choice',
      Choices: [
        {
          Or: phase.tasks.map((_, taskIndex) => ({
            Variable: `$.results[${taskIndex}].decision`,
            StringEquals: 'reject',
          })),
          Next: stateNames.phaseRejected(key),
        },
      ],
      Default: afterEnd,
    };
    states[stateNames.phaseRejected(key)] = {
      Type: 'Choice',
      Choices: [
        {
          Variable: '$.revision.count',
          NumericGreaterThanEquals: maxRevisions,
          Next: finishStates.PLAN_REJECTED,
        },
      ],
      Default: stateNames.phaseRevise(key),
    };
    states[stateNames.phaseRevise(key)] = {
      Type: 'Pass',
      Parameters: { 'count.$': 'States.MathAdd($.revision.count, 1)' },
      ResultPath: '$.revision',
      Next: stateNames.phaseStart(backTo),
    };
    afterEnd = stateNames.phaseDecided(key);
  }

  states[stateNames.phaseEnd(key)] = invoke(
    'phaseEnded',
    {
      'cycleId.$': '$.cycleId',
      phase: key,
      'revision.$': '$.revision.count',
      'results.$': '$.results',
      'executionStartedAt.$': '$$.Execution.StartTime',
    },
    {
      ResultSelector: { 'chain.$': '$.Payload.chain', 'chainName.$': '$.Payload.chainName' },
      ResultPath: '$.phaseEnd',
      Catch: [catchAll],
      Next: afterEnd,
    },
  );
  return states;
}

function finishState(outcome: CycleOutcome): AslState {
  return invoke(
    'finishCycle',
    { 'cycleId.$': '$.cycleId', outcome },
    { ResultPath: null, Catch: [catchAll], Next: DONE },
  );
}

/** Compiles a validated template to its ASL definition. Pure: the same template gives the same JSON. */
export function compileTemplate(template: CycleTemplate): AslDefinition {
  const first = template.phases[0];
  if (!first) throw new Error(`Template ${template.id} has no phases`);
  const states: Record<string, AslState> = {
    [stateNames.entry]: {
      Type: 'Choice',
      Comment: 'A restart, a chained execution or a recovery resumes at a phase.',
      // Written as `IsPresent: true`: aws-local-stepfunctions@3 evaluates `IsPresent: false` as never matching.
      Choices: [{ Variable: '$.resumeAt', IsPresent: true, Next: stateNames.resumeAt }],
      Default: stateNames.phaseStart(first.key),
    },
    [stateNames.resumeAt]: {
      Type: 'Choice',
      Choices: template.phases.map((phase) => ({
        Variable: '$.resumeAt',
        StringEquals: phase.key,
        Next: stateNames.phaseStart(phase.key),
      })),
      Default: stateNames.unknownResume,
    },
    [stateNames.unknownResume]: {
      Type: 'Fail',
      Error: 'Romact.UnknownResumePhase',
      Cause: 'resumeAt names no phase of this template',
    },
  };
  template.phases.forEach((phase, index) => {
    Object.assign(states, phaseStates(template, phase, index));
  });
  if (outcomeTask(template)) {
    states[START_NEXT_CYCLE] = invoke(
      'startNextCycle',
      { 'cycleId.$': '$.cycleId' },
      { ResultPath: null, Catch: [catchAll], Next: finishStates.COMPLETED },
    );
  }
  for (const outcome of Object.keys(finishStates) as CycleOutcome[]) {
    states[finishStates[outcome]] = finishState(outcome);
  }
  states[RECORD_FAILURE] = invoke(
    'recordFailure',
    { 'cycleId.$': '$.cycleId', 'error.$': '$.error' },
    {
      ResultPath: null,
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: null, Next: FAILED }],
      Next: FAILED,
    },
  );
  states[FAILED] = {
    Type: 'Fail',
    Error: branchErrors.failed,
    Cause: 'A step failed; see the cycle’s audit trail',
  };
  states[CHAINED] = { Type: 'Succeed', Comment: 'A fresh execution continues the cycle.' };
  states[DONE] = { Type: 'Succeed' };
  return {
    Comment: `${template.title.en} (template ${template.id} v${template.version}), compiled by workflows/compile-asl.ts`,
    StartAt: stateNames.entry,
    States: states,
  };
}

/** Replaces the `${...}` placeholders with concrete values (what CDK's definitionSubstitutions does). */
export function substitute(definition: AslDefinition, values: Record<string, string>): AslDefinition {
  const json = JSON.stringify(definition).replace(
    /\$\{(\w+)\}/g,
    (match, name: string) => values[name] ?? match,
  );
  return JSON.parse(json) as AslDefinition;
}
