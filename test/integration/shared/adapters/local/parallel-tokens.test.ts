import { describe, expect, it } from 'vitest';
import { TaskTokenGoneError } from '#shared/domain/ports.ts';
import { answerSoon, cooperativeAnswer, type OpenedTask, romactOnDoubles } from './romact-doubles.ts';

/** Resolves once `check` holds, polling on the event loop. */
async function until(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 2));
}

describe('LocalWorkflowEngine: a task in a Parallel branch its sibling’s failure stopped', () => {
  it('refuses SendTaskSuccess for the stopped branch’s token while the execution is still running', async () => {
    // Prepare: in the plan-approval phase the council decision parks first; then the CAG endorsement's step
    // fails, so the phase (a Parallel state) stops the council's branch. The failure step waits on a gate,
    // holding the execution open.
    const parked = new Map<string, OpenedTask>();
    let openFailureGate = () => {};
    const failureGate = new Promise<void>((resolve) => {
      openFailureGate = resolve;
    });
    const romact = romactOnDoubles({
      open: async (task, engine) => {
        if (task.phase !== 'plan-approval') {
          void answerSoon(engine, task, cooperativeAnswer(task));
          return;
        }
        if (task.taskKey === 'cag-endorsement') {
          await until(() => parked.has('council-decision'));
          throw Object.assign(new Error('The endorsement could not be stored'), { name: 'Boom' });
        }
        // The token is parked once this step returns: note it a turn later.
        setImmediate(() => parked.set(task.taskKey, task));
      },
      recordFailure: () => failureGate,
    });
    const execution = await romact.start();
    await until(() => romact.callsOf('recordFailure').length === 1);
    const council = parked.get('council-decision');
    if (!council) throw new Error('The council decision never parked');

    // Act
    const answer = romact.engine
      .sendTaskSuccess(council.taskToken, { taskId: council.taskId, decision: 'approve' })
      .catch((error) => error);

    // Assess: refused as AWS refuses a token of a stopped branch; the execution goes on to record the failure.
    expect(await answer).toBeInstanceOf(TaskTokenGoneError);
    expect(execution.status).toBe('RUNNING');
    openFailureGate();
    await execution.done;
    expect(execution.status).toBe('FAILED');
    expect(romact.callsOf('phaseEnded').map((call) => call.payload.phase)).toEqual([
      'assessment',
      'consultation',
    ]);
  });
});
