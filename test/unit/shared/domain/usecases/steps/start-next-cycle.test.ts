import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '#shared/domain/errors.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import { finishCycle } from '#shared/domain/usecases/steps/finish-cycle.ts';
import { startNextCycle } from '#shared/domain/usecases/steps/start-next-cycle.ts';
import {
  givenCycle,
  givenMunicipality,
  rejection,
  storedCycle,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env, { dates: { fundingCallClosesAt: '2027-09-30' } });
  env.clock.advance(400 * 86_400_000);
});

describe('startNextCycle', () => {
  it('starts the municipality’s next cycle while this one still runs, taking over its live slot', async () => {
    const { nextCycleId } = await startNextCycle(env.ports, { cycleId: cycle.cycleId });

    const next = await storedCycle(env.ports, nextCycleId);
    expect(next).toMatchObject({
      status: 'RUNNING',
      municipalityId: 'bg-stolipinovo',
      templateId: 'romact-core',
      previousCycleId: cycle.cycleId,
      currentPhase: 'assessment',
      // A new cycle plans from scratch: no dates or overrides carried over.
      dates: {},
    });
    expect(next.parallel).toBeUndefined();
    expect((await storedCycle(env.ports, cycle.cycleId)).nextCycleId).toBe(nextCycleId);
    expect(env.engine.started.map((start) => start.input.cycleId)).toEqual([cycle.cycleId, nextCycleId]);
  });

  it('starts it once: a retried step finds the same next cycle', async () => {
    const first = await startNextCycle(env.ports, { cycleId: cycle.cycleId });
    const again = await startNextCycle(env.ports, { cycleId: cycle.cycleId });
    expect(again).toEqual(first);
    expect(env.engine.started).toHaveLength(2);
  });

  it('keeps the slot with the next cycle when this one then finishes', async () => {
    const { nextCycleId } = await startNextCycle(env.ports, { cycleId: cycle.cycleId });
    await finishCycle(env.ports, { cycleId: cycle.cycleId, outcome: 'COMPLETED' });
    const error = await rejection(givenCycle(env));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.fields[0].message).toContain(nextCycleId);
  });

  it('starts the next cycle of a parallel cycle next to the running one, as its predecessor ran', async () => {
    const parallel = await givenCycle(env, { parallel: true });
    const { nextCycleId } = await startNextCycle(env.ports, { cycleId: parallel.cycleId });
    expect(await storedCycle(env.ports, nextCycleId)).toMatchObject({ status: 'RUNNING', parallel: true });
  });
});
