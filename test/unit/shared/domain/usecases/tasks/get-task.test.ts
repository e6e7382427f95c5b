import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { getTask } from '#shared/domain/usecases/tasks/get-task.ts';
import {
  callers,
  givenCycle,
  givenMunicipality,
  rejection,
  runPhase,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let task: Task;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  [task] = (await runPhase(env, await givenCycle(env), 'assessment')) as [Task];
});

describe('getTask', () => {
  it('gives the task to everyone of its tenant, whoever it is assigned to', async () => {
    for (const caller of [callers.coordinator, callers.municipality, callers.cag]) {
      expect((await getTask(env.ports, caller, task.taskId)).taskId).toBe(task.taskId);
    }
  });

  it('answers another tenant, and an unknown id, with the same 404', async () => {
    for (const caller of [callers.otherCoordinator, callers.otherMunicipality, callers.otherCag]) {
      expect(await rejection(getTask(env.ports, caller, task.taskId))).toBeInstanceOf(NotFoundError);
    }
    const unknown = await rejection(getTask(env.ports, callers.coordinator, `${task.cycleId}.nope.r0`));
    expect(unknown).toBeInstanceOf(NotFoundError);
  });
});
