import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from '#shared/domain/errors.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import { cancelCycle } from '#shared/domain/usecases/cycles/cancel-cycle.ts';
import {
  auditTypes,
  callers,
  givenCycle,
  givenMunicipality,
  rejection,
  runPhase,
  stored,
  storedCycle,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  await runPhase(env, cycle, 'assessment');
  env.writes.length = 0;
});

describe('cancelCycle', () => {
  it('stops the workflow, ends the cycle and cancels its open tasks, with the reason in the audit trail', async () => {
    env.clock.advance(3_600_000);
    const cancelled = await cancelCycle(env.ports, callers.coordinator, cycle.cycleId, {
      reason: 'The municipality left the programme',
    });

    expect(cancelled).toMatchObject({ status: 'CANCELLED', endedAt: '2027-01-04T10:00:00.000Z' });
    expect(env.engine.stopped).toEqual([cycle.executionId]);
    expect((await stored(env.ports, `${cycle.cycleId}.needs-assessment.r0`)).status).toBe('CANCELLED');
    // Events of the same instant carry no order of their own.
    expect((await auditTypes(env.ports, cycle.cycleId)).sort()).toEqual([
      'cycle.cancelled',
      'cycle.started',
      'phase.started',
      'task.cancelled',
      'task.opened',
    ]);
    const record = await env.ports.cycles.record(cycle.cycleId);
    expect(record?.audit.find((event) => event.type === 'cycle.cancelled')).toMatchObject({
      // The coordinator who did it (a person, or a script token).
      actor: expect.objectContaining({ role: 'coordinator' }),
      data: { reason: 'The municipality left the programme' },
    });
  });

  it('cancels a stalled cycle too', async () => {
    await env.ports.cycles.update(await storedCycle(env.ports, cycle.cycleId), { status: 'STALLED' });
    const cancelled = await cancelCycle(env.ports, callers.coordinator, cycle.cycleId, { reason: 'Stalled' });
    expect(cancelled.status).toBe('CANCELLED');
  });

  it('refuses municipal staff and CAG members (403) and other countries (404), writing nothing', async () => {
    expect(
      await rejection(cancelCycle(env.ports, callers.municipality, cycle.cycleId, { reason: 'x' })),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await rejection(cancelCycle(env.ports, callers.cag, cycle.cycleId, { reason: 'x' })),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await rejection(cancelCycle(env.ports, callers.otherCoordinator, cycle.cycleId, { reason: 'x' })),
    ).toBeInstanceOf(NotFoundError);
    expect(env.writes).toEqual([]);
    expect(env.engine.stopped).toEqual([]);
  });

  it('answers 409 for a cycle that has already ended', async () => {
    await cancelCycle(env.ports, callers.coordinator, cycle.cycleId, { reason: 'Once' });
    const error = await rejection(
      cancelCycle(env.ports, callers.coordinator, cycle.cycleId, { reason: 'Twice' }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain('CANCELLED');
    expect(env.engine.stopped).toHaveLength(1);
  });
});
