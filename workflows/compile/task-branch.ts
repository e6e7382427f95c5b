import type { TaskTemplate } from '#shared/domain/model/template.ts';
import { path, selectResult } from '../contract.ts';
import { type AslState, awaitHuman, invoke } from './asl.ts';
import { branchErrors, stateNames } from './names.ts';

/**
 * One branch of a phase: wait for the task; when the timer fires, wait again, stall, give up, or hand the
 * phase to a fresh execution (chaining).
 */
export function taskBranch(
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
        {
          request: path('$.Payload'),
          executionId: path('$$.Execution.Id'),
          executionStartedAt: path('$$.Execution.StartTime'),
        },
        {
          ResultSelector: selectResult('deadlineCheck', ['action', 'request']),
          ResultPath: '$.deadline',
          Next: name(stateNames.taskDecision),
        },
      ),
      [name(stateNames.taskDecision)]: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.deadline.action', StringEquals: 'wait', Next: name(stateNames.taskRestage) },
          { Variable: '$.deadline.action', StringEquals: 'stall', Next: name(stateNames.taskStall) },
          { Variable: '$.deadline.action', StringEquals: 'chain', Next: name(stateNames.taskChained) },
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
      // The fresh execution already runs (the deadline check started it): this one ends, its phase catches this.
      [name(stateNames.taskChained)]: {
        Type: 'Fail',
        Error: branchErrors.chained,
        Cause: 'The execution reached its chain age; a fresh execution resumes the phase',
      },
      [name(stateNames.taskAbandoned)]: {
        Type: 'Fail',
        Error: branchErrors.abandoned,
        Cause: 'Nobody resumed the stalled cycle before the coordinator’s hard stop',
      },
    },
  };
}
