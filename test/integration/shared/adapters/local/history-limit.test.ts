import { describe, expect, it } from 'vitest';
import { MAX_HISTORY_EVENTS } from '#shared/adapters/local/step-functions-limits.ts';
import { answerSoon, romactOnDoubles } from './romact-doubles.ts';

/**
 * What Step Functions records for each state of the ROMACT loop below (HistoryEvent types,
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html), written out here
 * apart from the engine's own counting so the two can disagree.
 */
const lambdaTask = ['TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited'];
const tokenTaskAnswered = [
  'TaskStateEntered',
  'TaskScheduled',
  'TaskStarted',
  'TaskSubmitted',
  'TaskSucceeded',
  'TaskStateExited',
];
const tokenTaskTimedOutAndCaught = [
  'TaskStateEntered',
  'TaskScheduled',
  'TaskStarted',
  'TaskSubmitted',
  'TaskTimedOut',
  'TaskStateExited',
];
const choice = ['ChoiceStateEntered', 'ChoiceStateExited'];
const pass = ['PassStateEntered', 'PassStateExited'];

/** ExecutionStarted, Entry, "assessment: start", the Parallel's start, the stage, the first wait timing out. */
const prefix = [
  'ExecutionStarted',
  ...choice,
  ...lambdaTask,
  'ParallelStateEntered',
  'ParallelStateStarted',
  ...pass,
  ...tokenTaskTimedOutAndCaught,
];
/** check deadline → deadline passed → stalled → await coordinator (resumes) → coordinator decided → again. */
const loop = [...lambdaTask, ...choice, ...pass, ...tokenTaskAnswered, ...choice];

describe('LocalWorkflowEngine: the 25,000-event execution history', () => {
  it('fails a ROMACT execution whose coordinator keeps resuming a stalled task with States.Runtime at 25,000 events', async () => {
    // Prepare: the first task's timer runs out (1 s); from then on every deadline check stalls and the
    // coordinator resumes at once, so the execution loops without waiting. Bounded for an engine without the
    // limit: after 2,000 checks the doubles abandon the cycle.
    const romact = romactOnDoubles({
      taskFields: () => ({ timeoutSeconds: 1 }),
      deadline: (request, before) =>
        before < 2_000
          ? { action: 'stall', request: { ...request, kind: 'stall-resolution', timeoutSeconds: 60 } }
          : { action: 'abandon', request },
      open: (task, engine) => {
        if (task.kind === 'stall-resolution') void answerSoon(engine, task, { action: 'resume' });
      },
    });

    // Act
    const execution = await romact.start();
    await execution.done;

    // Assess: FAILED as AWS fails it, the failure being event 25,000.
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('States.Runtime');
    expect(execution.cause).toBe('The execution reached the maximum number of history events (25000).');
    expect(execution.limits.historyEvents).toBe(MAX_HISTORY_EVENTS);
    // The machine gets 24,999 events: the loops that fit, then the deadline check of the loop cut short.
    const fullLoops = Math.floor((MAX_HISTORY_EVENTS - 1 - prefix.length) / loop.length);
    expect(romact.callsOf('deadlineCheck')).toHaveLength(fullLoops + 1);
    expect(
      romact.callsOf('openTask').filter((call) => call.payload.kind === 'stall-resolution'),
    ).toHaveLength(fullLoops);
    // States.Runtime is caught by nothing: no failure was recorded, the cycle was neither abandoned nor finished.
    expect(romact.callsOf('recordFailure')).toEqual([]);
    expect(romact.callsOf('finishCycle')).toEqual([]);
  });
});
