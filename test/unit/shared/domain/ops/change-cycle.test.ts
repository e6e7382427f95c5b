import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import { changeCycle, setCycleStatus } from '#shared/domain/ops/change-cycle.ts';
import {
  givenCycle,
  givenMunicipality,
  racing,
  rejection,
  storedCycle,
  type UnitEnv,
  unitPorts,
} from '../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  env.writes.length = 0;
});

describe('changeCycle', () => {
  it('applies a change and stamps the time', async () => {
    env.clock.advance(60_000);
    const changed = await changeCycle(env.ports, cycle.cycleId, () => ({ currentPhase: 'consultation' }));
    expect(changed).toMatchObject({ currentPhase: 'consultation', updatedAt: '2027-01-04T09:01:00.000Z' });
  });

  it('decides again on the cycle as another writer left it', async () => {
    const competitor = async () => {
      await env.ports.cycles.update(await storedCycle(env.ports, cycle.cycleId), { revision: 1 });
    };
    const ports = { ...env.ports, cycles: racing(env.ports.cycles, 'update', competitor) };
    const seen: number[] = [];
    const changed = await changeCycle(ports, cycle.cycleId, (current) => {
      seen.push(current.revision);
      return { currentPhase: `after-r${current.revision}` };
    });
    expect(seen).toEqual([0, 1]);
    expect(changed).toMatchObject({ revision: 1, currentPhase: 'after-r1' });
  });

  it('writes nothing when there is nothing to change', async () => {
    const unchanged = await changeCycle(env.ports, cycle.cycleId, () => undefined);
    expect(unchanged.version).toBe(cycle.version);
    expect(env.writes).toEqual([]);
  });

  it('fails for an unknown cycle', async () => {
    expect(await rejection(changeCycle(env.ports, 'cyc-00000000000000000000', () => ({})))).toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('setCycleStatus', () => {
  it('moves a cycle only from the statuses it names, so a repeat or a late step changes nothing', async () => {
    expect((await setCycleStatus(env.ports, cycle.cycleId, 'STALLED', ['RUNNING'])).status).toBe('STALLED');
    expect((await setCycleStatus(env.ports, cycle.cycleId, 'STALLED', ['RUNNING'])).status).toBe('STALLED');
    await setCycleStatus(env.ports, cycle.cycleId, 'CANCELLED', ['RUNNING', 'STALLED']);
    expect((await setCycleStatus(env.ports, cycle.cycleId, 'RUNNING', ['STALLED'])).status).toBe('CANCELLED');
  });
});
