import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { shortCodeOf } from '#shared/domain/ops/notify-tasks.ts';
import { resolveLink } from '#shared/domain/usecases/tasks/resolve-link.ts';
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
let consultation: Task;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  const cycle = await givenCycle(env);
  [consultation] = (await runPhase(env, cycle, 'consultation')) as [Task];
});

describe('resolveLink', () => {
  it('takes the short code of an SMS to its task, for those who may see the task', async () => {
    const code = shortCodeOf(consultation.taskId);
    for (const caller of [callers.cag, callers.municipality, callers.coordinator])
      expect(await resolveLink(env.ports, caller, code)).toEqual({ taskId: consultation.taskId });
  });

  it('answers an unknown code, and another tenant’s task, with the same 404', async () => {
    const code = shortCodeOf(consultation.taskId);
    const unknown = await rejection(resolveLink(env.ports, callers.cag, 'AAAAAAAAAA'));
    const foreign = await rejection(resolveLink(env.ports, callers.otherCag, code));
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(foreign.message).not.toContain('bg-stolipinovo');
  });
});
