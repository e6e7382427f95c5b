import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import { loadCycle } from '#shared/domain/ops/load-cycle.ts';
import {
  givenCycle,
  givenMunicipality,
  rejection,
  storedCycle,
  unitPorts,
} from '../../../../support/unit-ports.ts';

describe('loadCycle', () => {
  it('gives a cycle with its template', async () => {
    const env = unitPorts();
    await givenMunicipality(env.ports);
    const cycle = await givenCycle(env);
    const loaded = await loadCycle(env.ports, cycle.cycleId);
    expect(loaded.cycle.cycleId).toBe(cycle.cycleId);
    expect(loaded.template.id).toBe('romact-core');
  });

  it('fails for an unknown cycle, and for a cycle whose template this runtime does not know', async () => {
    const env = unitPorts();
    await givenMunicipality(env.ports);
    expect(await rejection(loadCycle(env.ports, 'cyc-00000000000000000000'))).toBeInstanceOf(NotFoundError);
    const cycle = await givenCycle(env);
    await env.ports.cycles.update(await storedCycle(env.ports, cycle.cycleId), { templateId: 'retired' });
    const error = await rejection(loadCycle(env.ports, cycle.cycleId));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('unknown template retired');
  });
});
