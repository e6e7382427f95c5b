import { describe, expect, it } from 'vitest';
import { answerSoon, cooperativeAnswer, romactOnDoubles } from './romact-doubles.ts';

/**
 * "The States.ALL error type ... can't catch the States.DataLimitExceeded terminal error or Runtime error types"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html). Every phase state of
 * the ROMACT definition has a States.ALL catcher that records the failure; these errors must pass it by.
 */
describe('LocalWorkflowEngine: what a States.ALL catcher does not catch', () => {
  it('fails the execution with States.DataLimitExceeded when a step returns more than 256 KiB, without recording a failure', async () => {
    // Prepare: the phase start returns a 300 KB task request.
    const romact = romactOnDoubles({ taskFields: () => ({ notes: 'x'.repeat(300_000) }) });

    // Act
    const execution = await romact.start();
    await execution.done;

    // Assess
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('States.DataLimitExceeded');
    expect(execution.cause).toBe(
      "The state/task 'assessment: start' returned a result with a size exceeding the maximum number of bytes service limit.",
    );
    expect(romact.callsOf('recordFailure')).toEqual([]);
    expect(romact.callsOf('openTask')).toEqual([]);
  });

  it('fails the execution with States.Runtime when a task’s timer is not a positive integer, and never opens the task', async () => {
    // Prepare: TimeoutSecondsPath resolves to 0, which Step Functions rejects before it schedules the task.
    const romact = romactOnDoubles({ taskFields: () => ({ timeoutSeconds: 0 }) });

    // Act
    const execution = await romact.start();
    await execution.done;

    // Assess
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('States.Runtime');
    expect(romact.callsOf('recordFailure')).toEqual([]);
    expect(romact.callsOf('openTask')).toEqual([]);
  });

  it('still catches an ordinary step failure with States.ALL and records it', async () => {
    // Prepare: the consultation task's step fails with the handler's own error.
    const romact = romactOnDoubles({
      open: (task, engine) => {
        if (task.taskKey === 'community-consultation')
          throw Object.assign(new Error('boom'), { name: 'Boom' });
        void answerSoon(engine, task, cooperativeAnswer(task));
      },
    });

    // Act
    const execution = await romact.start();
    await execution.done;

    // Assess: the catcher ran the failure step, then the Fail state ended the execution.
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('Romact.CycleFailed');
    expect(romact.callsOf('recordFailure')).toHaveLength(1);
    expect(romact.callsOf('recordFailure')[0]?.payload.error).toMatchObject({ Error: 'Boom' });
  });
});
