import { beforeEach, describe, expect, it } from 'vitest';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { endCycle } from '#shared/domain/ops/end-cycle.ts';
import {
  givenCycle,
  givenMunicipality,
  rejection,
  runPhase,
  stored,
  storedCycle,
  type UnitEnv,
  unitPorts,
} from '../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
let tasks: Task[];
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  tasks = await runPhase(env, cycle, 'plan-approval');
});

const end = () =>
  endCycle(env.ports, cycle.cycleId, 'ABANDONED', 'cycle abandoned', {
    eventId: 'cycle.abandoned',
    type: 'cycle.abandoned',
    actor: 'workflow',
    data: {},
  });

describe('endCycle', () => {
  it('ends a cycle once: a repeat keeps the first end and adds no audit event', async () => {
    env.clock.advance(60_000);
    await end();
    env.clock.advance(60_000);
    const again = await end();

    expect(again).toMatchObject({ status: 'ABANDONED', endedAt: '2027-01-04T09:01:00.000Z' });
    const record = await env.ports.cycles.record(cycle.cycleId);
    expect(record?.audit.filter((event) => event.type === 'cycle.abandoned')).toHaveLength(1);
    expect(record?.audit.filter((event) => event.type === 'task.cancelled')).toHaveLength(2);
  });

  it('finishes on a retry what a crash left undone: the tasks still open are cancelled, the slot freed', async () => {
    // The status was written, then the process died.
    await env.ports.cycles.update(await storedCycle(env.ports, cycle.cycleId), {
      status: 'ABANDONED',
      endedAt: '2027-01-04T09:00:30.000Z',
    });
    await end();
    for (const task of tasks) expect((await stored(env.ports, task.taskId)).status).toBe('CANCELLED');
    expect((await givenCycle(env)).status).toBe('RUNNING');
  });

  it('leaves the running cycle’s slot alone when a parallel cycle ends', async () => {
    const parallel = await givenCycle(env, { parallel: true });
    await endCycle(env.ports, parallel.cycleId, 'COMPLETED', 'done', {
      eventId: 'cycle.finished',
      type: 'cycle.finished',
      actor: 'workflow',
      data: {},
    });
    const error = await rejection(givenCycle(env));
    expect(error.fields[0].message).toContain(cycle.cycleId);
  });
});
