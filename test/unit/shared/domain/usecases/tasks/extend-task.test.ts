import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '#shared/domain/errors.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { completeTask } from '#shared/domain/usecases/tasks/complete-task.ts';
import { ExtendTaskBody, extendTask } from '#shared/domain/usecases/tasks/extend-task.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import {
  callers,
  givenCycle,
  givenMunicipality,
  rejection,
  runPhase,
  stallOn,
  stored,
  storedCycle,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
let assessment: Task;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  [assessment] = (await runPhase(env, cycle, 'assessment')) as [Task];
  env.writes.length = 0;
});

const extend = (
  caller: Parameters<typeof extendTask>[1],
  task: Task,
  body: Parameters<typeof extendTask>[3],
) => extendTask(env.ports, caller, task.taskId, body);
const auditOf = async (type: string) =>
  (await env.ports.cycles.record(cycle.cycleId))?.audit.filter((event) => event.type === type) ?? [];

describe('extendTask', () => {
  it('moves the deadline to the end of that day in the municipality, the hard stop with it, and audits why', async () => {
    const extended = await extend(callers.coordinator, assessment, {
      dueAt: '2027-05-31',
      reason: 'Council elections',
    });

    // 23:59:59.999 in Sofia (UTC+3 in summer).
    expect(extended).toMatchObject({
      dueAt: '2027-05-31T20:59:59.999Z',
      hardStopAt: '2027-06-30T20:59:59.999Z',
      extensions: 1,
      extendedAt: '2027-01-04T09:00:00.000Z',
    });
    expect(await auditOf('task.extended')).toEqual([
      expect.objectContaining({
        // The coordinator who did it (a person, or a script token).
        actor: expect.objectContaining({ role: 'coordinator' }),
        data: expect.objectContaining({
          previousDueAt: assessment.dueAt,
          dueAt: '2027-05-31T20:59:59.999Z',
          reason: 'Council elections',
        }),
      }),
    ]);
  });

  it('moves the pending reminders to the new deadline', async () => {
    const extended = await extend(callers.coordinator, assessment, { dueAt: '2027-05-31', reason: 'Later' });
    // The first reminder of the new series: 14 days before the new deadline.
    expect(extended.nextNotificationAt).toBe('2027-05-17T20:59:59.999Z');
  });

  it('is the coordinators’ (403 for the others, 404 for another country), writing nothing', async () => {
    const body = { dueAt: '2027-05-31', reason: 'Later' };
    for (const caller of [callers.municipality, callers.cag]) {
      expect(await rejection(extend(caller, assessment, body))).toBeInstanceOf(ForbiddenError);
    }
    expect(await rejection(extend(callers.otherCoordinator, assessment, body))).toBeInstanceOf(NotFoundError);
    expect(env.writes).toEqual([]);
  });

  it('answers 409 for a task that is no longer open', async () => {
    await completeTask(
      env.ports,
      callers.municipality,
      assessment.taskId,
      exampleOutputs['needs-assessment'],
    );
    const error = await rejection(
      extend(callers.coordinator, assessment, { dueAt: '2027-05-31', reason: 'x' }),
    );
    expect(error).toBeInstanceOf(ConflictError);
  });

  it('refuses a deadline in the past or beyond the planning horizon (422), writing nothing', async () => {
    const past = await rejection(
      extend(callers.coordinator, assessment, { dueAt: '2027-01-03', reason: 'x' }),
    );
    expect(past).toBeInstanceOf(RuleViolationError);
    expect(past.fields).toEqual([{ path: 'dueAt', message: 'must be in the future' }]);
    const far = await rejection(
      extend(callers.coordinator, assessment, { dueAt: '9999-12-31', reason: 'x' }),
    );
    expect(far.fields).toEqual([{ path: 'dueAt', message: 'must be within the planning horizon (P10Y)' }]);
    expect(env.writes).toEqual([]);
  });

  it('refuses to shorten a deadline unless told to, and audits a shortening as one', async () => {
    const earlier = { dueAt: '2027-02-01', reason: 'The council meets earlier' };
    const refused = await rejection(extend(callers.coordinator, assessment, earlier));
    expect(refused).toBeInstanceOf(RuleViolationError);
    expect(refused.fields[0]).toMatchObject({ path: 'dueAt' });
    expect(refused.fields[0].message).toContain('"shorten": true');
    expect(env.writes).toEqual([]);

    const shortened = await extend(callers.coordinator, assessment, { ...earlier, shorten: true });
    expect(shortened.dueAt).toBe('2027-02-01T21:59:59.999Z');
    expect(await auditOf('task.shortened')).toHaveLength(1);
    expect(await auditOf('task.extended')).toEqual([]);
  });

  it('changes nothing when extended to the deadline it already has', async () => {
    const first = await extend(callers.coordinator, assessment, { dueAt: '2027-05-31', reason: 'Later' });
    const again = await extend(callers.coordinator, first, { dueAt: '2027-05-31', reason: 'Later' });
    expect(again.extensions).toBe(1);
    expect(again.version).toBe(first.version);
    expect(await auditOf('task.extended')).toHaveLength(1);
  });

  it('resumes a stalled cycle: the stall task is resolved as “resume” and the cycle runs again', async () => {
    const stall = await stallOn(env, assessment);
    await extend(callers.coordinator, await stored(env.ports, assessment.taskId), {
      dueAt: '2027-07-31',
      reason: 'Resumed',
    });

    expect((await storedCycle(env.ports, cycle.cycleId)).status).toBe('RUNNING');
    expect(await stored(env.ports, stall.taskId)).toMatchObject({
      status: 'COMPLETED',
      summary: { action: 'resume' },
    });
    expect(env.engine.successes).toContainEqual({
      taskToken: stall.taskToken,
      output: { taskId: stall.taskId, action: 'resume' },
    });
    expect((await stored(env.ports, assessment.taskId)).dueAt).toBe('2027-07-31T20:59:59.999Z');
  });
});

describe('ExtendTaskBody', () => {
  it('needs a date or an instant and a reason, each named at its path', () => {
    const parsed = ExtendTaskBody.safeParse({ dueAt: '31/05/2027', shorten: 'yes' });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'dueAt',
      'reason',
      'shorten',
    ]);
  });
});
