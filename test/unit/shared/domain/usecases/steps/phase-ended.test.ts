import { beforeEach, describe, expect, it } from 'vitest';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import { phaseEnded } from '#shared/domain/usecases/steps/phase-ended.ts';
import {
  DAY,
  givenCycle,
  givenMunicipality,
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
  await runPhase(env, cycle, 'plan-approval');
});

const end = (results: Parameters<typeof phaseEnded>[1]['results'] = []) =>
  phaseEnded(env.ports, { cycleId: cycle.cycleId, phase: 'plan-approval', revision: 0, results });

describe('phaseEnded', () => {
  it('ends the phase run once and records the decisions taken in it', async () => {
    env.clock.advance(DAY);
    const decisions = [
      { taskId: 'a', decision: 'approve' as const },
      { taskId: 'b', decision: 'reject' as const },
    ];
    await end(decisions);
    env.clock.advance(DAY);
    await end(decisions);

    const record = await env.ports.cycles.record(cycle.cycleId);
    expect(record?.phases).toEqual([
      expect.objectContaining({ phase: 'plan-approval', endedAt: '2027-01-05T09:00:00.000Z' }),
    ]);
    const ended = record?.audit.filter((event) => event.type === 'phase.ended') ?? [];
    expect(ended).toHaveLength(1);
    expect(ended[0]?.data).toEqual({ phase: 'plan-approval', revision: 0, decisions });
  });
});
