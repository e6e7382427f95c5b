import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InterpreterEvent } from '#shared/adapters/local/history-events.ts';
import { LimitedExecution, type LimitOutcome } from '#shared/adapters/local/limited-execution.ts';
import { StepCancelledError } from '#shared/adapters/local/step-functions-errors.ts';

const DAY = 86_400_000;
const START = new Date('2027-01-04T09:00:00.000Z');
/** A Parallel state with a task in one branch and a Pass state in the other. */
const definition = {
  Comment: 'limits',
  StartAt: 'Both',
  States: {
    Both: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Wait for people', States: { 'Wait for people': { Type: 'Task', End: true } } },
        { StartAt: 'Note', States: { Note: { Type: 'Pass', End: true } } },
      ],
      End: true,
    },
  },
};

const event = (type: string, stateType: string, name = 'S', data: Record<string, unknown> = {}) =>
  ({
    type,
    timestamp: 0,
    state: { name, type: stateType, input: {}, ...data },
  }) as unknown as InterpreterEvent;

function limited(timerMs: (ms: number) => number = (ms) => ms) {
  const ended: LimitOutcome[] = [];
  const aborted: string[][] = [];
  const execution = new LimitedExecution({
    definition,
    startedAt: START,
    now: () => new Date(),
    timerMs,
    end: (outcome) => ended.push(outcome),
    abortStates: (names) => {
      aborted.push([...names]);
      return 1;
    },
  });
  return { execution, ended, aborted };
}

describe('LimitedExecution: the one-year timer', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      now: START,
      toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance', 'Date'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('times out a year after the start, re-arming past setTimeout’s 24.8-day cap', () => {
    // Prepare
    const { execution, ended } = limited();

    // Act + Assess: nothing in 364 days; TIMED_OUT stopped at exactly one year.
    vi.advanceTimersByTime(364 * DAY);
    expect(ended).toEqual([]);
    vi.advanceTimersByTime(2 * DAY);
    expect(ended).toEqual([
      {
        status: 'TIMED_OUT',
        error: 'States.Timeout',
        cause: expect.stringContaining('1 year'),
        stoppedAt: new Date(START.getTime() + 365 * DAY),
      },
    ]);
    expect(execution.outcome?.status).toBe('TIMED_OUT');
  });

  it('waits the year in real time through the clock’s conversion', () => {
    // Prepare: a clock 1,000 times faster than the wall clock.
    const { ended } = limited((ms) => ms / 1_000);

    // Act + Assess
    vi.advanceTimersByTime((364 * DAY) / 1_000);
    expect(ended).toEqual([]);
    vi.advanceTimersByTime((2 * DAY) / 1_000);
    expect(ended.map((outcome) => outcome.status)).toEqual(['TIMED_OUT']);
  });

  it('stops its timer once the execution ended', () => {
    // Prepare
    const { execution, ended } = limited();

    // Act
    execution.close();
    vi.advanceTimersByTime(400 * DAY);

    // Assess
    expect(ended).toEqual([]);
  });
});

describe('LimitedExecution: history, payloads and stopped branches', () => {
  it('fails with States.Runtime when the next events would pass 24,999', () => {
    // Prepare
    const { execution, ended } = limited();
    execution.record(24_997);

    // Act + Assess: a Choice entered is event 24,998, a Task entered (3 events) would pass the limit.
    execution.observe(event('StateEntered', 'Choice'));
    expect(ended).toEqual([]);
    execution.observe(event('StateEntered', 'Task'));
    expect(ended).toMatchObject([
      {
        status: 'FAILED',
        error: 'States.Runtime',
        cause: 'The execution reached the maximum number of history events (25000).',
      },
    ]);
    expect(execution.historyEvents).toBe(25_000);
    execution.close();
  });

  it('fails with States.DataLimitExceeded when a state’s output passes 256 KiB', () => {
    // Prepare
    const { execution, ended } = limited();

    // Act
    execution.observe(event('StateExited', 'Pass', 'Note', { output: { note: 'x'.repeat(262_144) } }));

    // Assess
    expect(ended).toMatchObject([{ status: 'FAILED', error: 'States.DataLimitExceeded' }]);
    execution.close();
  });

  it('retires the tasks of every branch when a Parallel state fails, and counts them as aborted', () => {
    // Prepare
    const { execution, aborted } = limited();
    const before = execution.historyEvents;

    // Act
    execution.observe(event('StateFailed', 'Parallel', 'Both'));

    // Assess: ParallelStateFailed plus one TaskStateAborted.
    expect(aborted).toEqual([['Wait for people', 'Note']]);
    expect(execution.historyEvents).toBe(before + 2);
    execution.close();
  });

  it('refuses to run a step once the execution ended, or once its state failed', async () => {
    // Prepare
    const { execution } = limited();
    const beforeFailure = execution.beforeStep('Wait for people');

    // Act
    execution.observe(event('StateFailed', 'Parallel', 'Both'));

    // Assess
    await expect(beforeFailure).rejects.toBeInstanceOf(StepCancelledError);
    await expect(execution.beforeStep('Note')).resolves.toBeUndefined();
    execution.record(25_000);
    await expect(execution.beforeStep('Note')).rejects.toBeInstanceOf(StepCancelledError);
    execution.close();
  });
});
