import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import { getCycle } from '#shared/domain/usecases/cycles/get-cycle.ts';
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
let cycle: Cycle;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  await runPhase(env, cycle, 'assessment');
});

describe('getCycle', () => {
  it('gives the cycle with its phase runs, tasks and audit trail to everyone of its tenant', async () => {
    for (const caller of [callers.coordinator, callers.municipality, callers.cag]) {
      const record = await getCycle(env.ports, caller, cycle.cycleId);
      expect(record.cycle.cycleId).toBe(cycle.cycleId);
      expect(record.phases.map((run) => run.phase)).toEqual(['assessment']);
      expect(record.tasks.map((task) => task.taskKey)).toEqual(['needs-assessment']);
      expect(record.audit.map((event) => event.type)).toEqual([
        'cycle.started',
        'phase.started',
        'task.opened',
      ]);
    }
  });

  it('answers another tenant as if the cycle did not exist', async () => {
    for (const caller of [callers.otherCoordinator, callers.otherMunicipality, callers.otherCag]) {
      expect(await rejection(getCycle(env.ports, caller, cycle.cycleId))).toBeInstanceOf(NotFoundError);
    }
    expect(
      await rejection(getCycle(env.ports, callers.coordinator, 'cyc-00000000000000000000')),
    ).toBeInstanceOf(NotFoundError);
  });
});
