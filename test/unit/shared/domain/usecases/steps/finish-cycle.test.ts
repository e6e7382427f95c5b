import { beforeEach, describe, expect, it } from 'vitest';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { finishCycle } from '#shared/domain/usecases/steps/finish-cycle.ts';
import {
  givenCycle,
  givenMunicipality,
  runPhase,
  stored,
  storedCycle,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
let council: Task;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  [, council] = (await runPhase(env, cycle, 'plan-approval')) as [Task, Task];
});

describe('finishCycle', () => {
  it('records the outcome once, closes what is still open, and tells integrations', async () => {
    env.clock.advance(60_000);
    expect(await finishCycle(env.ports, { cycleId: cycle.cycleId, outcome: 'PLAN_REJECTED' })).toEqual({
      status: 'PLAN_REJECTED',
    });
    env.clock.advance(60_000);
    await finishCycle(env.ports, { cycleId: cycle.cycleId, outcome: 'PLAN_REJECTED' });

    expect(await storedCycle(env.ports, cycle.cycleId)).toMatchObject({
      status: 'PLAN_REJECTED',
      endedAt: '2027-01-04T09:01:00.000Z',
    });
    expect((await stored(env.ports, council.taskId)).status).toBe('CANCELLED');
    const record = await env.ports.cycles.record(cycle.cycleId);
    expect(record?.audit.filter((event) => event.type === 'cycle.finished')).toHaveLength(1);
    expect(
      env.notifier.events.filter((event) => event.type === 'cycle.completed').map((event) => event.detail),
    ).toContainEqual({ cycleId: cycle.cycleId, municipalityId: 'bg-stolipinovo', outcome: 'PLAN_REJECTED' });
  });

  it('frees the municipality to start its next cycle of the template', async () => {
    await finishCycle(env.ports, { cycleId: cycle.cycleId, outcome: 'COMPLETED' });
    expect((await givenCycle(env)).status).toBe('RUNNING');
  });

  it('leaves a cycle that already ended as it ended (cancelled while the workflow finished)', async () => {
    await env.ports.cycles.update(await storedCycle(env.ports, cycle.cycleId), {
      status: 'CANCELLED',
      endedAt: '2027-01-04T09:00:30.000Z',
    });
    env.clock.advance(60_000);
    expect((await finishCycle(env.ports, { cycleId: cycle.cycleId, outcome: 'COMPLETED' })).status).toBe(
      'CANCELLED',
    );
  });
});
