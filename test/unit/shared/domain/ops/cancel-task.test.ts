import { beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '#shared/domain/model/task.ts';
import { cancelTask } from '#shared/domain/ops/cancel-task.ts';
import {
  givenCycle,
  givenMunicipality,
  racing,
  runPhase,
  stored,
  type UnitEnv,
  unitPorts,
} from '../../../../support/unit-ports.ts';

let env: UnitEnv;
let task: Task;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  [task] = (await runPhase(env, await givenCycle(env), 'assessment')) as [Task];
});

const cancellations = async () =>
  (await env.ports.cycles.record(task.cycleId))?.audit.filter((event) => event.type === 'task.cancelled') ??
  [];

describe('cancelTask', () => {
  it('cancels an open task with one audit event giving the reason', async () => {
    env.clock.advance(60_000);
    await cancelTask(env.ports, task, 'cycle cancelled');
    await cancelTask(env.ports, await stored(env.ports, task.taskId), 'cycle cancelled');
    expect(await stored(env.ports, task.taskId)).toMatchObject({
      status: 'CANCELLED',
      cancelledAt: '2027-01-04T09:01:00.000Z',
    });
    expect((await cancellations()).map((event) => event.data)).toEqual([
      { taskId: task.taskId, reason: 'cycle cancelled' },
    ]);
  });

  it('leaves a task completed meanwhile as it is', async () => {
    const competitor = () =>
      env.ports.tasks.update(task, { status: 'COMPLETED', completedAt: '2027-01-04T09:00:01.000Z' });
    await cancelTask(
      { ...env.ports, tasks: racing(env.ports.tasks, 'update', competitor) },
      task,
      'too late',
    );
    expect((await stored(env.ports, task.taskId)).status).toBe('COMPLETED');
    expect(await cancellations()).toEqual([]);
  });

  it('audits once when another step cancelled it first', async () => {
    const competitor = () => cancelTask(env.ports, task, 'cycle cancelled');
    await cancelTask(
      { ...env.ports, tasks: racing(env.ports.tasks, 'update', competitor) },
      task,
      'cycle cancelled',
    );
    expect(await cancellations()).toHaveLength(1);
  });
});
