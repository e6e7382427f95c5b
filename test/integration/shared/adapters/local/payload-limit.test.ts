import { describe, expect, it } from 'vitest';
import { PayloadTooLargeError } from '#shared/adapters/local/step-functions-errors.ts';
import { MAX_PAYLOAD_BYTES } from '#shared/adapters/local/step-functions-limits.ts';
import { answerSoon, cooperativeAnswer, type OpenedTask, romactOnDoubles } from './romact-doubles.ts';

/** A string of `bytes` UTF-8 bytes made of two-byte characters: half as many characters as bytes. */
const twoByteText = (bytes: number) => 'é'.repeat(bytes / 2);

describe('LocalWorkflowEngine: the 256 KiB payload quota', () => {
  it('fails the execution with States.DataLimitExceeded when a Parallel state’s output passes 256 KiB', async () => {
    // Prepare: both plan-approval tasks answer with a 150 KB summary: each under the quota, the phase's
    // results together over it.
    const romact = romactOnDoubles({
      open: (task, engine) => {
        const answer = cooperativeAnswer(task);
        const big = task.phase === 'plan-approval' ? { note: twoByteText(150_000) } : {};
        void answerSoon(engine, task, { ...answer, ...big });
      },
    });

    // Act
    const execution = await romact.start();
    await execution.done;

    // Assess: the state failed as AWS fails it; the phase end never ran and no Catch recorded a failure.
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('States.DataLimitExceeded');
    expect(execution.cause).toContain("'plan-approval: tasks'");
    expect(romact.callsOf('phaseEnded').map((call) => call.payload.phase)).toEqual([
      'assessment',
      'consultation',
    ]);
    expect(romact.callsOf('recordFailure')).toEqual([]);
  });

  it('refuses a SendTaskSuccess output over 262,144 UTF-8 bytes (though under 262,144 characters) and keeps the task waiting', async () => {
    // Prepare
    const opened: OpenedTask[] = [];
    const romact = romactOnDoubles({
      open: (task) => {
        opened.push(task);
      },
    });
    const execution = await romact.start();
    await romact.engine.settled();
    const [task] = opened;
    if (!task) throw new Error('The first task did not open');
    const oversized = { taskId: task.taskId, note: twoByteText(MAX_PAYLOAD_BYTES) };
    expect(oversized.note.length).toBeLessThan(MAX_PAYLOAD_BYTES);

    // Act
    const refused = await romact.engine.sendTaskSuccess(task.taskToken, oversized).catch((error) => error);

    // Assess: refused with the API's validation error; the task still waits and takes a normal answer.
    expect(refused).toBeInstanceOf(PayloadTooLargeError);
    expect(refused.name).toBe('ValidationException');
    expect(execution.status).toBe('RUNNING');
    await romact.engine.sendTaskSuccess(task.taskToken, { taskId: task.taskId });
    await romact.engine.settled();
    expect(opened.map((one) => one.taskKey)).toEqual(['needs-assessment', 'community-consultation']);
    await romact.engine.stopAll();
  });

  it('accepts a SendTaskSuccess output of exactly 262,144 bytes, then fails the Parallel state that carries it on', async () => {
    // Prepare
    const opened: OpenedTask[] = [];
    const romact = romactOnDoubles({ open: (task) => void opened.push(task) });
    const execution = await romact.start();
    await romact.engine.settled();
    const [task] = opened;
    if (!task) throw new Error('The first task did not open');
    const frame = JSON.stringify({ taskId: task.taskId, note: '' }).length;
    const exact = { taskId: task.taskId, note: 'x'.repeat(MAX_PAYLOAD_BYTES - frame) };

    // Act
    const sent = romact.engine.sendTaskSuccess(task.taskToken, exact);

    // Assess: the API takes it (the quota is inclusive); the phase's output is its input plus that result,
    // over the quota, so the Parallel state fails as it would on AWS.
    await expect(sent).resolves.toBeUndefined();
    await execution.done;
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('States.DataLimitExceeded');
    expect(execution.cause).toContain("'assessment: tasks'");
    expect(romact.callsOf('phaseEnded')).toEqual([]);
  });
});
