import { beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '#shared/domain/model/task.ts';
import { deliverCompletion } from '#shared/domain/ops/deliver-completion.ts';
import {
  givenCycle,
  givenMunicipality,
  racing,
  rejection,
  runPhase,
  stored,
  type UnitEnv,
  unitPorts,
} from '../../../../support/unit-ports.ts';

let env: UnitEnv;
let completed: Task;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  const [task] = (await runPhase(env, await givenCycle(env), 'plan-approval')) as [Task];
  completed = await env.ports.tasks.update(task, { status: 'COMPLETED', summary: { decision: 'approve' } });
});

describe('deliverCompletion', () => {
  it('sends the summary on the task’s token and marks it delivered', async () => {
    const delivered = await deliverCompletion(env.ports, completed);
    expect(delivered.tokenDelivered).toBe(true);
    expect((await stored(env.ports, completed.taskId)).tokenDelivered).toBe(true);
    expect(env.engine.successes).toEqual([
      { taskToken: completed.taskToken, output: { taskId: completed.taskId, decision: 'approve' } },
    ]);
  });

  it('sends nothing twice, and nothing without a token', async () => {
    await deliverCompletion(env.ports, await deliverCompletion(env.ports, completed));
    await deliverCompletion(env.ports, { ...completed, taskToken: undefined });
    expect(env.engine.successes).toHaveLength(1);
  });

  it('waits for the next token when this one is gone', async () => {
    env.engine.gone.add(completed.taskToken ?? '');
    const after = await deliverCompletion(env.ports, completed);
    expect(after.tokenDelivered).toBe(false);
    expect((await stored(env.ports, completed.taskId)).tokenDelivered).toBe(false);
  });

  it('counts a send as done when only the flag lost a race (the engine ignores a second send)', async () => {
    const competitor = () =>
      env.ports.tasks.update(completed, { taskToken: 'token:rebound' }, { allowClosed: true });
    const after = await deliverCompletion(
      { ...env.ports, tasks: racing(env.ports.tasks, 'update', competitor) },
      completed,
    );
    expect(after.tokenDelivered).toBe(true);
  });

  it('lets any other engine failure through, so the caller retries', async () => {
    const engine = {
      ...env.engine,
      sendTaskSuccess: async () => {
        throw new Error('throttled');
      },
    };
    expect((await rejection(deliverCompletion({ ...env.ports, engine }, completed))).message).toBe(
      'throttled',
    );
  });
});
