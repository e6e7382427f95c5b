import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from '#shared/domain/errors.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { Task } from '#shared/domain/model/task.ts';
import type { User } from '#shared/domain/model/user.ts';
import { sweepDeadlines } from '#shared/domain/usecases/notifications/sweep-deadlines.ts';
import { CompleteOnBehalfBody, completeOnBehalf } from '#shared/domain/usecases/tasks/complete-on-behalf.ts';
import { ObjectBody, objectToEntry } from '#shared/domain/usecases/tasks/object-to-entry.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import { personCaller } from '../../../../../support/signed-in.ts';
import {
  auditTypes,
  callers,
  DAY,
  givenCycle,
  givenMunicipality,
  rejection,
  runPhase,
  stored,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
let consultation: Task;
let named: User;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  [consultation] = (await runPhase(env, cycle, 'consultation')) as [Task];
  named = (await env.ports.users.findByAddress('email', 'cag@example.org')) as User;
  await completeOnBehalf(
    env.ports,
    await personCaller(env, 'contact@plovdiv.example'),
    consultation.taskId,
    CompleteOnBehalfBody.parse({
      output: exampleOutputs['community-consultation'],
      onBehalfOf: [named.userId],
      consent: { method: 'verbal', givenOn: '2027-01-04' },
    }),
  );
  env.writes.length = 0;
});

const object = async (caller: Parameters<typeof objectToEntry>[1], reason = 'We did not agree to this') =>
  objectToEntry(env.ports, caller, consultation.taskId, ObjectBody.parse({ reason }));

describe('objectToEntry', () => {
  it('lets a member named in the entry set it aside: the task is open for the CAG again, and stays open', async () => {
    env.clock.advance(DAY);
    const task = await object(await personCaller(env, 'cag@example.org'));

    expect(task.status).toBe('OPEN');
    expect(task.pendingEntry).toBeUndefined();
    expect(await auditTypes(env.ports, cycle.cycleId)).toContain('task.entry-objected');
    const objection = (await env.ports.cycles.record(cycle.cycleId))?.audit.find(
      (one) => one.type === 'task.entry-objected',
    );
    expect(objection).toMatchObject({
      actor: { userId: named.userId },
      data: { reason: 'We did not agree to this' },
    });

    // The window passing later completes nothing.
    env.clock.advance(5 * DAY);
    await sweepDeadlines(env.ports);
    expect((await stored(env.ports, consultation.taskId)).status).toBe('OPEN');
    expect(env.engine.successes).toEqual([]);
  });

  it('refuses anyone not named in the entry: another CAG member, the staff, a script token (403)', async () => {
    for (const caller of [
      await personCaller(env, '+359888000111', { channel: 'sms' }),
      await personCaller(env, 'contact@plovdiv.example'),
      callers.cag,
    ])
      expect(await rejection(object(caller))).toBeInstanceOf(ForbiddenError);
    expect(env.writes).toEqual([]);
  });

  it('does not reveal another tenant’s task (404)', async () => {
    expect(await rejection(object({ ...callers.otherCag, userId: named.userId }))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('refuses an objection once the window has passed, and when no entry waits (409)', async () => {
    const member = await personCaller(env, 'cag@example.org');
    env.clock.advance(3 * DAY);
    expect(await rejection(object(member))).toBeInstanceOf(ConflictError);
    env.clock.advance(-DAY);
    await object(member);
    expect(await rejection(object(member))).toBeInstanceOf(ConflictError);
  });
});

describe('ObjectBody', () => {
  it('needs a reason', () => {
    expect(ObjectBody.safeParse({ reason: '  ' }).error?.issues.map((issue) => issue.path.join('.'))).toEqual(
      ['reason'],
    );
  });
});
