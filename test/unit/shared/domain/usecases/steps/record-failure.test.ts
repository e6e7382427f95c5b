import { beforeEach, describe, expect, it } from 'vitest';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { recordFailure } from '#shared/domain/usecases/steps/record-failure.ts';
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
let task: Task;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  [task] = (await runPhase(env, cycle, 'assessment')) as [Task];
});

describe('recordFailure', () => {
  it('marks the cycle FAILED, closes its open tasks and keeps only the error’s name and a short cause', async () => {
    await recordFailure(env.ports, {
      cycleId: cycle.cycleId,
      error: { Error: 'States.Timeout', Cause: `payload ${'x'.repeat(1_000)}` },
    });

    expect((await storedCycle(env.ports, cycle.cycleId)).status).toBe('FAILED');
    expect((await stored(env.ports, task.taskId)).status).toBe('CANCELLED');
    const failed = (await env.ports.cycles.record(cycle.cycleId))?.audit.find(
      (event) => event.type === 'cycle.failed',
    );
    expect(failed?.data.error).toBe('States.Timeout');
    expect(String(failed?.data.cause)).toHaveLength(300);
  });

  it('names an error without a name “Unknown”', async () => {
    await recordFailure(env.ports, { cycleId: cycle.cycleId, error: {} });
    const failed = (await env.ports.cycles.record(cycle.cycleId))?.audit.find(
      (event) => event.type === 'cycle.failed',
    );
    expect(failed?.data).toEqual({ error: 'Unknown', cause: '' });
  });

  it('frees the slot so the coordinator can start the cycle again', async () => {
    await recordFailure(env.ports, { cycleId: cycle.cycleId, error: { Error: 'Lambda.Unknown' } });
    expect((await givenCycle(env)).status).toBe('RUNNING');
  });
});
