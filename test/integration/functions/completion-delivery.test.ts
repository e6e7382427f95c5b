import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaskTokenGoneError } from '#shared/domain/ports.ts';
import { cagOf, call, coordinatorBG, municipalityOf, outputs } from '../../support/api.ts';
import { eventually, municipalityFixture, testRuntime } from '../../support/runtime.ts';

let env: Awaited<ReturnType<typeof testRuntime>>;
const municipalityId = 'bg-delivery';

beforeEach(async () => {
  env = await testRuntime();
  const {
    municipalityId: _id,
    updatedAt: _at,
    version: _version,
    ...body
  } = municipalityFixture({ municipalityId });
  await call('PUT', `/municipalities/${municipalityId}`, { claims: coordinatorBG, body });
});
afterEach(async () => {
  await env.runtime.close();
});

async function firstTask() {
  await call('POST', '/cycles', { claims: coordinatorBG, body: { municipalityId } });
  return eventually(
    async () => (await call('GET', '/tasks', { claims: municipalityOf(municipalityId) })).body.items?.[0],
  );
}

const consultationOpened = () =>
  eventually(async () => (await call('GET', '/tasks', { claims: cagOf(municipalityId) })).body.items?.[0]);

describe('A completion always reaches the workflow', () => {
  it('when SendTaskSuccess fails once, a repeated complete with the same body delivers it', async () => {
    const task = await firstTask();
    const engine = env.engine;
    const original = engine.sendTaskSuccess.bind(engine);
    let failures = 1;
    engine.sendTaskSuccess = async (token, output) => {
      if (failures-- > 0) throw new Error('network unreachable');
      return original(token, output);
    };

    const first = await call('POST', `/tasks/${task.taskId}/complete`, {
      claims: municipalityOf(municipalityId),
      body: outputs['needs-assessment'],
    });
    expect(first.status).toBe(500);
    expect(await env.ports.tasks.get(task.taskId)).toMatchObject({
      status: 'COMPLETED',
      tokenDelivered: false,
    });

    const retry = await call('POST', `/tasks/${task.taskId}/complete`, {
      claims: municipalityOf(municipalityId),
      body: outputs['needs-assessment'],
    });
    expect(retry.status).toBe(200);
    expect((await consultationOpened()).taskKey).toBe('community-consultation');
  });

  it('when the token is gone, the next wait on the task (a resume) delivers it on the new token', async () => {
    const task = await firstTask();
    const engine = env.engine;
    const original = engine.sendTaskSuccess.bind(engine);
    engine.sendTaskSuccess = async () => {
      throw new TaskTokenGoneError('TaskTimedOut');
    };
    const completed = await call('POST', `/tasks/${task.taskId}/complete`, {
      claims: municipalityOf(municipalityId),
      body: outputs['needs-assessment'],
    });
    expect(completed.status).toBe(200);
    engine.sendTaskSuccess = original;

    // What a restart (or "wait again" after the timer) does: the workflow opens the same task with a new token.
    for (const execution of engine.list()) await engine.stop(execution.executionId, 'simulated restart');
    await env.runtime.resumeLiveCycles();

    expect((await consultationOpened()).taskKey).toBe('community-consultation');
    const record = await env.ports.cycles.record(task.cycleId);
    expect(record?.tasks.filter((one) => one.taskKey === 'needs-assessment')).toHaveLength(1);
    expect(
      record?.audit.filter((event) => event.type === 'task.opened' && event.data.taskId === task.taskId),
    ).toHaveLength(1);
  });
});
