import { beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '#shared/domain/model/task.ts';
import type { User } from '#shared/domain/model/user.ts';
import { finalizeEntry } from '#shared/domain/ops/finalize-entry.ts';
import { CompleteOnBehalfBody, completeOnBehalf } from '#shared/domain/usecases/tasks/complete-on-behalf.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import { personCaller } from '../../../../support/signed-in.ts';
import {
  DAY,
  givenCycle,
  givenMunicipality,
  runPhase,
  stored,
  type UnitEnv,
  unitPorts,
} from '../../../../support/unit-ports.ts';

let env: UnitEnv;
let consultation: Task;
let pending: Task;
let member: User;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  const cycle = await givenCycle(env);
  [consultation] = (await runPhase(env, cycle, 'consultation')) as [Task];
  member = (await env.ports.users.findByAddress('email', 'cag@example.org')) as User;
  pending = await completeOnBehalf(
    env.ports,
    await personCaller(env, 'contact@plovdiv.example'),
    consultation.taskId,
    CompleteOnBehalfBody.parse({
      output: exampleOutputs['community-consultation'],
      onBehalfOf: [member.userId],
      consent: { method: 'written', givenOn: '2027-01-04', reference: 'Sheet 4' },
    }),
  );
});

describe('finalizeEntry', () => {
  it('does nothing while the objection window is open', async () => {
    env.clock.advance(3 * DAY - 1);
    expect(await finalizeEntry(env.ports, pending)).toBe(false);
    expect((await stored(env.ports, consultation.taskId)).status).toBe('OPEN');
    expect(env.engine.successes).toEqual([]);
  });

  it('completes the task with the entry once the window has passed, and tells the workflow', async () => {
    env.clock.advance(3 * DAY);
    expect(await finalizeEntry(env.ports, pending)).toBe(true);
    expect(await stored(env.ports, consultation.taskId)).toMatchObject({
      status: 'COMPLETED',
      completedBy: 'cag',
      result: exampleOutputs['community-consultation'],
      tokenDelivered: true,
    });
    expect(env.engine.successes).toHaveLength(1);
  });

  it('completes once: a second sweep reading the same task changes nothing', async () => {
    env.clock.advance(3 * DAY);
    await finalizeEntry(env.ports, pending);
    const completed = await stored(env.ports, consultation.taskId);
    expect(await finalizeEntry(env.ports, completed)).toBe(false);
    // Two sweeps that read the task before either finalised it: the later one finds it done.
    await finalizeEntry(env.ports, pending);
    expect(await stored(env.ports, consultation.taskId)).toEqual(completed);
    expect(env.engine.successes).toHaveLength(1);
  });

  it('leaves a task without an entry alone', async () => {
    env.clock.advance(3 * DAY);
    expect(await finalizeEntry(env.ports, consultation)).toBe(false);
  });
});
