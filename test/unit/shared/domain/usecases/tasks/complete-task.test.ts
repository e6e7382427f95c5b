import { beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
} from '#shared/domain/errors.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { completeTask } from '#shared/domain/usecases/tasks/complete-task.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import {
  auditTypes,
  callers,
  DAY,
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
  cycle = await givenCycle(env, { dates: { fundingCallClosesAt: '2027-09-30' } });
  [assessment] = (await runPhase(env, cycle, 'assessment')) as [Task];
  env.writes.length = 0;
});

const complete = (caller: Parameters<typeof completeTask>[1], task: Task, body: unknown) =>
  completeTask(env.ports, caller, task.taskId, body);

describe('completeTask', () => {
  it('stores the output once, audits it, and sends the workflow its summary on the task’s token', async () => {
    env.clock.advance(DAY);
    const done = await complete(callers.municipality, assessment, exampleOutputs['needs-assessment']);

    expect(done).toMatchObject({
      status: 'COMPLETED',
      completedBy: 'municipality',
      completedAt: '2027-01-05T09:00:00.000Z',
      result: exampleOutputs['needs-assessment'],
      tokenDelivered: true,
    });
    expect(env.engine.successes).toEqual([
      { taskToken: assessment.taskToken, output: { taskId: assessment.taskId } },
    ]);
    expect(await auditTypes(env.ports, cycle.cycleId)).toContain('task.completed');
  });

  it('refuses a role the task is not assigned to (403) and another tenant (404), writing nothing', async () => {
    for (const caller of [callers.cag, callers.coordinator]) {
      expect(
        await rejection(complete(caller, assessment, exampleOutputs['needs-assessment'])),
      ).toBeInstanceOf(ForbiddenError);
    }
    for (const caller of [callers.otherMunicipality, callers.otherCoordinator]) {
      expect(
        await rejection(complete(caller, assessment, exampleOutputs['needs-assessment'])),
      ).toBeInstanceOf(NotFoundError);
    }
    expect(env.writes).toEqual([]);
    expect(env.engine.successes).toEqual([]);
  });

  it('names every invalid field at its own path (400), writing nothing', async () => {
    const error = await rejection(
      complete(callers.municipality, assessment, {
        priorities: [{ area: 'weather', description: '' }],
        neighbourhoods: [],
        extra: true,
      }),
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.fields.map((field: { path: string }) => field.path).sort()).toEqual([
      'extra',
      'neighbourhoods',
      'priorities.0.area',
      'priorities.0.description',
      'summary',
    ]);
    expect(error.fields).toContainEqual({ path: 'extra', message: 'is not a known field' });
    expect(error.fields).toContainEqual(
      expect.objectContaining({ path: 'summary', message: expect.stringMatching(/^is required/) }),
    );
    expect(env.writes).toEqual([]);
  });

  it('answers a repeated completion with the stored task, sending nothing new', async () => {
    const first = await complete(callers.municipality, assessment, exampleOutputs['needs-assessment']);
    env.clock.advance(60_000);
    const again = await complete(callers.municipality, assessment, exampleOutputs['needs-assessment']);
    expect(again.completedAt).toBe(first.completedAt);
    expect(env.engine.successes).toHaveLength(1);
  });

  it('re-sends on a repeat when the first send found the token gone, once the workflow waits again', async () => {
    env.engine.gone.add(assessment.taskToken ?? '');
    const first = await complete(callers.municipality, assessment, exampleOutputs['needs-assessment']);
    expect(first).toMatchObject({ status: 'COMPLETED', tokenDelivered: false });
    expect(env.engine.successes).toEqual([]);

    // The workflow waits again on a new token (a restart): the repeat delivers there.
    await env.ports.tasks.update(
      await stored(env.ports, assessment.taskId),
      { taskToken: 'token:new' },
      { allowClosed: true },
    );
    const again = await complete(callers.municipality, assessment, exampleOutputs['needs-assessment']);
    expect(again.tokenDelivered).toBe(true);
    expect(env.engine.successes.map((success) => success.taskToken)).toEqual(['token:new']);
  });

  it('answers 409 to a different output for a completed task', async () => {
    await complete(callers.municipality, assessment, exampleOutputs['needs-assessment']);
    const error = await rejection(
      complete(callers.municipality, assessment, {
        ...exampleOutputs['needs-assessment'],
        summary: 'Changed',
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((await stored(env.ports, assessment.taskId)).result).toEqual(exampleOutputs['needs-assessment']);
  });

  describe('the template’s rules (422)', () => {
    let consultation: Task;
    beforeEach(async () => {
      [consultation] = (await runPhase(env, cycle, 'consultation')) as [Task];
      env.writes.length = 0;
    });

    it('needs at least the template’s minimum of CAG members at each meeting', async () => {
      const error = await rejection(
        complete(callers.cag, consultation, {
          ...exampleOutputs['community-consultation'],
          meetings: [{ date: '2026-12-01', participants: 30, cagMembersPresent: 2 }],
        }),
      );
      expect(error).toBeInstanceOf(RuleViolationError);
      expect(error.fields).toEqual([
        { path: 'meetings.0.cagMembersPresent', message: 'at least 3 CAG members must be present (was 2)' },
      ]);
      expect(env.writes).toEqual([]);
    });

    it('refuses a meeting in the future, or over a year before the cycle, in the municipality’s calendar', async () => {
      // 23:30 UTC on 4 January is already 5 January in Sofia: a meeting that day is today there.
      env.clock.set(new Date('2027-01-04T23:30:00.000Z'));
      const error = await rejection(
        complete(callers.cag, consultation, {
          ...exampleOutputs['community-consultation'],
          meetings: [
            { date: '2027-01-05', participants: 30, cagMembersPresent: 5 },
            { date: '2027-01-06', participants: 30, cagMembersPresent: 5 },
            { date: '2026-01-03', participants: 30, cagMembersPresent: 5 },
          ],
        }),
      );
      expect(error.fields).toEqual([
        { path: 'meetings.1.date', message: 'cannot be in the future (today is 2027-01-05)' },
        {
          path: 'meetings.2.date',
          message: 'cannot be more than a year before the cycle started (2026-01-04)',
        },
      ]);
    });

    it('refuses a funding application submitted after the call closed (its date in the municipality)', async () => {
      const [funding] = (await runPhase(env, cycle, 'funding')) as [Task];
      env.clock.set(new Date('2027-10-02T09:00:00.000Z'));
      const application = exampleOutputs['funding-applications'].applications[0];
      const error = await rejection(
        complete(callers.municipality, funding, {
          applications: [
            { ...application, submittedOn: '2027-09-30' },
            { ...application, submittedOn: '2027-10-01' },
          ],
        }),
      );
      expect(error.fields).toEqual([
        {
          path: 'applications.1.submittedOn',
          message: 'cannot be after the funding call closed (2027-09-30)',
        },
      ]);
    });
  });

  describe('outputs that cannot be true (400 at their field)', () => {
    it('refuses more CAG members present than people who took part', async () => {
      const [consultation] = (await runPhase(env, cycle, 'consultation')) as [Task];
      env.writes.length = 0;
      const error = await rejection(
        complete(callers.cag, consultation, {
          ...exampleOutputs['community-consultation'],
          meetings: [{ date: '2027-01-04', participants: 3, cagMembersPresent: 5 }],
        }),
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.fields).toEqual([
        { path: 'meetings.0.cagMembersPresent', message: 'cannot be more than the participants' },
      ]);
      expect(env.writes).toEqual([]);
    });

    it('refuses a negative target or achievement in the monitoring report', async () => {
      const [review] = (await runPhase(env, cycle, 'review')) as [Task];
      env.writes.length = 0;
      const [indicator] = exampleOutputs.close.indicators;
      const error = await rejection(
        complete(callers.municipality, review, {
          ...exampleOutputs.close,
          indicators: [
            { ...indicator, achieved: -3 },
            { ...indicator, target: -1 },
          ],
        }),
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.fields.map((field: { path: string }) => field.path)).toEqual([
        'indicators.0.achieved',
        'indicators.1.target',
      ]);
      expect(env.writes).toEqual([]);
    });
  });

  describe('a funding task with no suitable call', () => {
    it('is completed with no application and the reason why', async () => {
      const [funding] = (await runPhase(env, cycle, 'funding')) as [Task];
      const done = await complete(callers.municipality, funding, {
        applications: [],
        noApplicationReason: 'No open call fits the plan this year',
      });
      expect(done.status).toBe('COMPLETED');
    });

    it('needs that reason when there is no application', async () => {
      const [funding] = (await runPhase(env, cycle, 'funding')) as [Task];
      env.writes.length = 0;
      const error = await rejection(complete(callers.municipality, funding, { applications: [] }));
      expect(error.fields.map((field: { path: string }) => field.path)).toEqual(['noApplicationReason']);
      expect(env.writes).toEqual([]);
    });
  });

  describe('joint approval', () => {
    let endorsement: Task;
    let council: Task;
    beforeEach(async () => {
      [endorsement, council] = (await runPhase(env, cycle, 'plan-approval')) as [Task, Task];
    });

    it('withdraws the other side’s task at once when one side rejects, and ends its wait', async () => {
      await complete(callers.cag, endorsement, exampleOutputs.reject);

      const withdrawn = await stored(env.ports, council.taskId);
      expect(withdrawn).toMatchObject({ status: 'CANCELLED', summary: { decision: 'withdrawn' } });
      expect(env.engine.successes).toEqual([
        { taskToken: endorsement.taskToken, output: { taskId: endorsement.taskId, decision: 'reject' } },
        { taskToken: council.taskToken, output: { taskId: council.taskId, decision: 'withdrawn' } },
      ]);
      const record = await env.ports.cycles.record(cycle.cycleId);
      expect(
        record?.audit.find((event) => event.eventId === `task.cancelled:${council.taskId}`),
      ).toMatchObject({
        data: { reason: 'the plan was rejected by the other side' },
      });
      // The withdrawn task can no longer be completed.
      expect(await rejection(complete(callers.municipality, council, exampleOutputs.approve))).toBeInstanceOf(
        ConflictError,
      );
    });

    it('leaves the other side’s task open when one side approves', async () => {
      await complete(callers.cag, endorsement, exampleOutputs.approve);
      expect((await stored(env.ports, council.taskId)).status).toBe('OPEN');
    });

    it('requires a reason for a rejection', async () => {
      const { reason: _reason, ...noReason } = exampleOutputs.reject;
      const error = await rejection(complete(callers.cag, endorsement, noReason));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.fields).toEqual([{ path: 'reason', message: 'a rejection must give a reason' }]);
    });
  });

  describe('a stalled cycle', () => {
    it('ends the stall the moment the stalled task is completed: the stall task goes, the cycle runs', async () => {
      const stall = await stallOn(env, assessment);
      expect((await storedCycle(env.ports, cycle.cycleId)).status).toBe('STALLED');

      await complete(callers.municipality, assessment, exampleOutputs['needs-assessment']);

      expect((await storedCycle(env.ports, cycle.cycleId)).status).toBe('RUNNING');
      expect(await stored(env.ports, stall.taskId)).toMatchObject({
        status: 'CANCELLED',
        summary: { action: 'resume' },
      });
      expect(env.engine.successes).toContainEqual({
        taskToken: stall.taskToken,
        output: { taskId: stall.taskId, action: 'resume' },
      });
    });

    it('lets the coordinator resume with a new deadline (the end of that day in the municipality)', async () => {
      const stall = await stallOn(env, assessment);
      await complete(callers.coordinator, stall, { action: 'resume', dueAt: '2027-06-30' });

      expect((await storedCycle(env.ports, cycle.cycleId)).status).toBe('RUNNING');
      expect(await stored(env.ports, assessment.taskId)).toMatchObject({
        status: 'OPEN',
        dueAt: '2027-06-30T20:59:59.999Z',
        extensions: 1,
      });
      expect(env.engine.successes).toContainEqual({
        taskToken: stall.taskToken,
        output: { taskId: stall.taskId, action: 'resume' },
      });
    });

    it('refuses a resume with a deadline in the past or beyond the horizon (422)', async () => {
      const stall = await stallOn(env, assessment);
      const past = await rejection(
        complete(callers.coordinator, stall, { action: 'resume', dueAt: '2027-01-01' }),
      );
      expect(past).toBeInstanceOf(RuleViolationError);
      expect(past.fields).toEqual([{ path: 'dueAt', message: 'must be in the future' }]);
      const far = await rejection(
        complete(callers.coordinator, stall, { action: 'resume', dueAt: '2040-01-01' }),
      );
      expect(far.fields).toEqual([{ path: 'dueAt', message: 'must be within the planning horizon (P10Y)' }]);
      expect((await stored(env.ports, stall.taskId)).status).toBe('OPEN');
    });

    it('lets the coordinator cancel instead, which the workflow reads as “cancel”', async () => {
      const stall = await stallOn(env, assessment);
      await complete(callers.coordinator, stall, exampleOutputs.cancel);
      expect(env.engine.successes.at(-1)).toEqual({
        taskToken: stall.taskToken,
        output: { taskId: stall.taskId, action: 'cancel' },
      });
    });

    it('is the coordinator’s task only', async () => {
      const stall = await stallOn(env, assessment);
      expect(await rejection(complete(callers.municipality, stall, exampleOutputs.resume))).toBeInstanceOf(
        ForbiddenError,
      );
    });
  });
});
