import { describe, expect, it } from 'vitest';
import { MAX_EXECUTION_MS } from '#shared/adapters/local/step-functions-limits.ts';
import { scaledClock } from '#shared/domain/clock.ts';
import { TaskTokenGoneError } from '#shared/domain/ports.ts';
import { answerSoon, cooperativeAnswer, type OpenedTask, romactOnDoubles } from './romact-doubles.ts';

const DAY = 86_400_000;
/** A year of planning time in about 1.6 s: room for the steps' own real milliseconds between answers. */
const SCALE = 2e7;

describe('LocalWorkflowEngine: the one-year maximum execution time of a Standard workflow', () => {
  it('ends a ROMACT execution still waiting a year after it started TIMED_OUT, and runs no Catch', async () => {
    // Prepare: every task is answered 100 planning days after it opens, so the funding task (opened after
    // three phases, ~300 days) would be answered at day ~400 — past the year.
    const origin = new Date('2027-01-04T09:00:00.000Z');
    const clock = scaledClock(SCALE, origin);
    const answers = new Map<string, Promise<unknown>>();
    const romact = romactOnDoubles(
      {
        open: (task: OpenedTask, engine) => {
          answers.set(
            task.taskKey,
            answerSoon(engine, task, cooperativeAnswer(task), clock.timerMs(100 * DAY)),
          );
        },
      },
      { clock },
    );

    // Act
    const execution = await romact.start();
    await execution.done;

    // Assess: TIMED_OUT at exactly start + one year, as DescribeExecution reports it.
    expect(execution.status).toBe('TIMED_OUT');
    expect(execution.error).toBe('States.Timeout');
    expect(await romact.engine.describe(execution.executionId)).toEqual({
      status: 'TIMED_OUT',
      stateMachineVersionArn: execution.version,
      startedAt: execution.startedAt,
      stoppedAt: new Date(Date.parse(execution.startedAt) + MAX_EXECUTION_MS).toISOString(),
    });
    // No Catch ran: nothing recorded a failure or finished the cycle, and the review never opened.
    expect(romact.callsOf('recordFailure')).toEqual([]);
    expect(romact.callsOf('finishCycle')).toEqual([]);
    const opened = romact.callsOf('openTask').map((call) => call.payload.taskKey);
    expect(opened).not.toContain('monitoring-report');
    // The task that was waiting when the year ran out is gone: its late answer is refused.
    const lastOpened = String(opened.at(-1));
    expect(lastOpened).toBe('funding-applications');
    expect(await answers.get(lastOpened)).toBeInstanceOf(TaskTokenGoneError);
    // Nothing ran after the timeout.
    const stepsBefore = romact.calls.length;
    await new Promise((resolve) => setTimeout(resolve, clock.timerMs(30 * DAY)));
    expect(romact.calls.length).toBe(stepsBefore);
  });

  it('leaves an execution that ends within the year SUCCEEDED', async () => {
    // Prepare: every task answered 10 planning days after it opens: the cycle ends around day 60.
    const clock = scaledClock(SCALE, new Date('2027-01-04T09:00:00.000Z'));
    const romact = romactOnDoubles(
      {
        open: (task, engine) => {
          void answerSoon(engine, task, cooperativeAnswer(task), clock.timerMs(10 * DAY));
        },
      },
      { clock },
    );

    // Act
    const execution = await romact.start();
    await execution.done;

    // Assess
    expect(execution.status).toBe('SUCCEEDED');
    expect(romact.callsOf('finishCycle').map((call) => call.payload.outcome)).toEqual(['COMPLETED']);
  });
});
