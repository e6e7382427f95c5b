import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#shared/domain/errors.ts';
import { cancelCycle } from '#shared/domain/usecases/cycles/cancel-cycle.ts';
import { StartCycleBody, startCycle } from '#shared/domain/usecases/cycles/start-cycle.ts';
import {
  auditTypes,
  callers,
  DAY,
  givenCycle,
  givenMunicipality,
  rejection,
  storedCycle,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  env.writes.length = 0;
});

describe('startCycle', () => {
  it('starts a running cycle at the first phase, its workflow once, in the municipality’s time zone', async () => {
    const cycle = await givenCycle(env);

    expect(cycle).toMatchObject({
      municipalityId: 'bg-stolipinovo',
      country: 'BG',
      templateId: 'romact-core',
      status: 'RUNNING',
      currentPhase: 'assessment',
      revision: 0,
      timeZone: 'Europe/Sofia',
      startedAt: '2027-01-04T09:00:00.000Z',
      executionId: `exec:romact-core:${cycle.cycleId}`,
    });
    expect(env.engine.started).toEqual([
      {
        templateId: 'romact-core',
        key: cycle.executionName,
        input: { cycleId: cycle.cycleId, revision: { count: 0 } },
      },
    ]);
    expect(await auditTypes(env.ports, cycle.cycleId)).toEqual(['cycle.started']);
  });

  it('refuses municipal staff and CAG members, writing nothing', async () => {
    for (const caller of [callers.municipality, callers.cag]) {
      const error = await rejection(
        startCycle(env.ports, caller, { municipalityId: 'bg-stolipinovo', templateId: 'romact-core' }),
      );
      expect(error).toBeInstanceOf(ForbiddenError);
    }
    expect(env.writes).toEqual([]);
    expect(env.engine.started).toEqual([]);
  });

  it('answers 404 for a municipality the coordinator does not oversee, as for an unknown one', async () => {
    for (const [caller, municipalityId] of [
      [callers.otherCoordinator, 'bg-stolipinovo'],
      [callers.coordinator, 'bg-nowhere'],
    ] as const) {
      const error = await rejection(
        startCycle(env.ports, caller, { municipalityId, templateId: 'romact-core' }),
      );
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.fields).toEqual([{ path: 'municipalityId', message: 'unknown municipality' }]);
    }
    expect(env.engine.started).toEqual([]);
  });

  it('names an unknown template at its path', async () => {
    const error = await rejection(givenCycle(env, { templateId: 'no-such-template' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.fields).toEqual([{ path: 'templateId', message: 'unknown template' }]);
  });

  describe('one running cycle per municipality and template', () => {
    it('refuses a second running cycle, naming the running one', async () => {
      const first = await givenCycle(env);
      const error = await rejection(givenCycle(env));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.fields).toEqual([
        {
          path: 'municipalityId',
          message: `has the running cycle ${first.cycleId}; cancel it, or start with "parallel": true`,
        },
      ]);
      expect(env.engine.started).toHaveLength(1);
    });

    it('starts a second one next to it when asked for a parallel cycle', async () => {
      const first = await givenCycle(env);
      const second = await givenCycle(env, { parallel: true });
      expect(second.cycleId).not.toBe(first.cycleId);
      expect(second).toMatchObject({ status: 'RUNNING', parallel: true });
      expect(env.engine.started).toHaveLength(2);
    });

    it('allows a running cycle of another template', async () => {
      await givenCycle(env);
      expect((await givenCycle(env, { templateId: 'critical-friend' })).status).toBe('RUNNING');
    });

    it('frees the slot when the running cycle ends', async () => {
      const first = await givenCycle(env);
      await cancelCycle(env.ports, callers.coordinator, first.cycleId, { reason: 'Started by mistake' });
      expect((await givenCycle(env)).status).toBe('RUNNING');
    });

    it('takes over a slot still held by a cycle that ended (a crash between its end and the release)', async () => {
      const first = await givenCycle(env);
      // The cycle ended but its slot was never released.
      await env.ports.cycles.update(await storedCycle(env.ports, first.cycleId), { status: 'ABANDONED' });
      expect((await givenCycle(env)).status).toBe('RUNNING');
    });
  });

  describe('client tokens', () => {
    it('returns the same cycle for a repeated start, and starts one workflow', async () => {
      const first = await givenCycle(env, { clientToken: 'sliven-2027' });
      env.clock.advance(60_000);
      const again = await givenCycle(env, { clientToken: 'sliven-2027' });
      expect(again.cycleId).toBe(first.cycleId);
      expect(again.startedAt).toBe(first.startedAt);
      expect(env.engine.started).toHaveLength(1);
    });

    it('refuses the same token with a different request, naming every difference', async () => {
      await givenCycle(env, { clientToken: 'sliven-2027' });
      const error = await rejection(
        givenCycle(env, {
          clientToken: 'sliven-2027',
          dates: { fundingCallClosesAt: '2027-09-30' },
          dueOverrides: { 'needs-assessment': 'P30D' },
          parallel: true,
        }),
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.fields.map((field: { path: string }) => field.path)).toEqual([
        'dates',
        'dueOverrides',
        'parallel',
      ]);
    });

    it('refuses the same token for another template', async () => {
      await givenCycle(env, { clientToken: 'sliven-2027' });
      const error = await rejection(
        givenCycle(env, { clientToken: 'sliven-2027', templateId: 'critical-friend' }),
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.fields).toEqual([
        { path: 'templateId', message: 'this client token started a cycle of template romact-core' },
      ]);
    });

    it('says so when the cycle the token started has ended', async () => {
      const first = await givenCycle(env, { clientToken: 'sliven-2027' });
      await cancelCycle(env.ports, callers.coordinator, first.cycleId, { reason: 'Testing' });
      const error = await rejection(givenCycle(env, { clientToken: 'sliven-2027' }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toContain('CANCELLED');
      expect(error.fields).toEqual([
        { path: 'clientToken', message: `already used for cycle ${first.cycleId}, now CANCELLED` },
      ]);
    });

    it('scopes a token to its municipality', async () => {
      await givenMunicipality(env.ports, { municipalityId: 'bg-sliven', name: 'Sliven' });
      const a = await givenCycle(env, { clientToken: 'same' });
      const b = await givenCycle(env, { clientToken: 'same', municipalityId: 'bg-sliven' });
      expect(b.cycleId).not.toBe(a.cycleId);
    });
  });

  describe('dates mean what they mean in the municipality', () => {
    it('reads a date-only value as the end of that day in the municipality’s time zone', async () => {
      const cycle = await givenCycle(env, { dates: { fundingCallClosesAt: '2027-09-30' } });
      // 23:59:59.999 in Sofia (UTC+3 in summer) is 20:59:59.999 UTC: still 30 September there.
      expect(cycle.dates).toEqual({ fundingCallClosesAt: '2027-09-30T20:59:59.999Z' });
    });

    it('keeps an instant with its offset as that instant', async () => {
      const cycle = await givenCycle(env, { dates: { fundingCallClosesAt: '2027-09-30T17:00:00+03:00' } });
      expect(cycle.dates).toEqual({ fundingCallClosesAt: '2027-09-30T14:00:00.000Z' });
    });

    it('refuses a date in the past, beyond the planning horizon, or one the template does not use', async () => {
      const error = await rejection(
        givenCycle(env, {
          dates: { fundingCallClosesAt: '2026-12-31', unusedDate: '2027-05-01' },
        }),
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.fields).toEqual([
        { path: 'dates.fundingCallClosesAt', message: 'must be in the future' },
        { path: 'dates.unusedDate', message: 'the template uses no date "unusedDate" (fundingCallClosesAt)' },
      ]);
      const far = await rejection(givenCycle(env, { dates: { fundingCallClosesAt: '2037-06-01' } }));
      expect(far.fields).toEqual([
        { path: 'dates.fundingCallClosesAt', message: 'must be within the planning horizon (P10Y)' },
      ]);
      expect(env.engine.started).toEqual([]);
    });

    it('refuses a due override for a task the template does not have', async () => {
      const error = await rejection(givenCycle(env, { dueOverrides: { 'no-such-task': 'P30D' } }));
      expect(error.fields).toEqual([
        { path: 'dueOverrides.no-such-task', message: 'the template has no task "no-such-task"' },
      ]);
    });

    it('accepts a date just inside the horizon', async () => {
      env.clock.advance(DAY);
      const cycle = await givenCycle(env, { dates: { fundingCallClosesAt: '2036-12-31' } });
      expect(cycle.status).toBe('RUNNING');
    });
  });
});

describe('StartCycleBody', () => {
  it('bounds due overrides by the planning horizon, at their own paths', () => {
    const parsed = StartCycleBody.safeParse({
      municipalityId: 'bg-stolipinovo',
      dueOverrides: { 'needs-assessment': 'P9000Y', 'community-consultation': 'P0D' },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['dueOverrides.needs-assessment', 'must be at most P10Y (the planning horizon)'],
      ['dueOverrides.community-consultation', 'must be a positive ISO-8601 duration such as "P30D"'],
    ]);
  });

  it('refuses ids and tokens outside their documented patterns', () => {
    const parsed = StartCycleBody.safeParse({ municipalityId: 'bg space', clientToken: 'has spaces' });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'municipalityId',
      'clientToken',
    ]);
  });
});
