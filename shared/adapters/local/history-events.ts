import type { StateMachine } from 'aws-local-stepfunctions';

/**
 * How many Step Functions history events each event of aws-local-stepfunctions stands for, so the local engine
 * can hold an execution to the 25,000-event history quota.
 *
 * The interpreter logs one event where AWS records several. The counting follows the event types AWS records
 * for a Standard execution (HistoryEvent `type`,
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html):
 *
 * | interpreter event        | AWS history events                                                            |
 * | ------------------------ | ----------------------------------------------------------------------------- |
 * | ExecutionStarted         | ExecutionStarted                                                              |
 * | StateEntered, Task       | TaskStateEntered, TaskScheduled, TaskStarted                                  |
 * | (token handed out)       | TaskSubmitted: counted by the engine when the waitForTaskToken call returns   |
 * | StateExited, Task        | TaskSucceeded, TaskStateExited                                                |
 * | StateFailed, Task        | TaskFailed or TaskTimedOut                                                    |
 * | StateRetried, Task       | TaskScheduled, TaskStarted of the next attempt                                |
 * | StateEntered, Parallel   | ParallelStateEntered, ParallelStateStarted                                    |
 * | StateExited, Parallel    | ParallelStateSucceeded, ParallelStateExited                                   |
 * | StateFailed, Parallel    | ParallelStateFailed (each task it stops: TaskStateAborted, counted by the engine) |
 * | StateEntered, Map        | MapStateEntered, MapStateStarted                                              |
 * | StateExited, Map         | MapStateSucceeded, MapStateExited                                             |
 * | MapIteration*            | MapIterationStarted / Succeeded / Failed                                      |
 * | StateEntered, others     | PassStateEntered, ChoiceStateEntered, WaitStateEntered, SucceedStateEntered, FailStateEntered |
 * | StateExited, others      | PassStateExited, ChoiceStateExited, WaitStateExited, SucceedStateExited       |
 * | StateFailed, others      | nothing (a Fail state or an unmatched Choice records no event of its own)      |
 * | StateCaught              | the state's …StateExited, carrying the error output                           |
 * | ParallelBranch*          | nothing: AWS records no per-branch event for a Parallel state                  |
 * | ExecutionSucceeded, …    | ExecutionSucceeded / ExecutionFailed / ExecutionAborted / ExecutionTimedOut    |
 *
 * Approximate where AWS's own records are not documented event by event (a caught error's exit event), and
 * never lower than AWS for the states our definitions use.
 */

/** One event of an aws-local-stepfunctions execution log. */
export type InterpreterEvent =
  ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer Event> ? Event : never;

const TERMINAL = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionAborted', 'ExecutionTimeout']);

/** True for the event that closes an execution (it is always recorded, even at the history limit). */
export function isTerminalEvent(event: InterpreterEvent): boolean {
  return TERMINAL.has(event.type);
}

/** The number of AWS history events an interpreter event stands for (see the table above). */
export function historyEventsOf(event: InterpreterEvent): number {
  switch (event.type) {
    case 'ExecutionStarted':
    case 'ExecutionSucceeded':
    case 'ExecutionFailed':
    case 'ExecutionAborted':
    case 'ExecutionTimeout':
      return 1;
    case 'StateEntered':
      if (event.state.type === 'Task') return 3;
      if (event.state.type === 'Parallel' || event.state.type === 'Map') return 2;
      return 1;
    case 'StateExited':
      if (event.state.type === 'Task' || event.state.type === 'Parallel' || event.state.type === 'Map')
        return 2;
      return 1;
    case 'StateFailed':
      return event.state.type === 'Task' || event.state.type === 'Parallel' || event.state.type === 'Map'
        ? 1
        : 0;
    case 'StateRetried':
      return event.state.type === 'Task' ? 2 : 1;
    case 'StateCaught':
      return 1;
    case 'MapIterationStarted':
    case 'MapIterationSucceeded':
    case 'MapIterationFailed':
      return 1;
    case 'ParallelBranchStarted':
    case 'ParallelBranchSucceeded':
    case 'ParallelBranchFailed':
      return 0;
    default:
      return 0;
  }
}
