import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '#shared/domain/errors.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { recordCompletion } from '#shared/domain/ops/record-completion.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';
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
let cycle: Cycle;
let task: Task;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  [task] = (await runPhase(env, cycle, 'assessment')) as [Task];
});

const completion = (result: unknown = exampleOutputs['needs-assessment']) => ({
  completedBy: 'municipality' as const,
  result,
  summary: {},
});
const record = (ports = env.ports, result?: unknown) =>
  recordCompletion(ports, task, cycle, romactTemplate, completion(result), 'municipality');

describe('recordCompletion', () => {
  it('completes once: the same completion again is the first one, another is a conflict', async () => {
    const first = await record();
    env.clock.advance(60_000);
    expect((await record()).completedAt).toBe(first.completedAt);
    expect(await rejection(record(env.ports, { other: true }))).toBeInstanceOf(ConflictError);
    const audit = (await env.ports.cycles.record(cycle.cycleId))?.audit ?? [];
    expect(audit.filter((event) => event.type === 'task.completed')).toHaveLength(1);
  });

  it('completes and delivers on the new token when the workflow rebound it between the read and the write', async () => {
    const competitor = () => env.ports.tasks.update(task, { taskToken: 'token:rebound' });
    await record({ ...env.ports, tasks: racing(env.ports.tasks, 'update', competitor) });
    expect(await stored(env.ports, task.taskId)).toMatchObject({ status: 'COMPLETED', tokenDelivered: true });
    expect(env.engine.successes.map((success) => success.taskToken)).toEqual(['token:rebound']);
  });
});
