import { beforeEach, describe, expect, it } from 'vitest';
import type { Municipality } from '#shared/domain/model/municipality.ts';
import { createCycle, cycleIdFor } from '#shared/domain/ops/create-cycle.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';
import {
  auditTypes,
  givenMunicipality,
  racing,
  rejection,
  storedCycle,
  type UnitEnv,
  unitPorts,
} from '../../../../support/unit-ports.ts';

let env: UnitEnv;
let municipality: Municipality;
beforeEach(async () => {
  env = unitPorts();
  municipality = await givenMunicipality(env.ports);
});

const request = (clientToken?: string) => ({
  municipality,
  template: romactTemplate,
  dates: {},
  dueOverrides: {},
  ...(clientToken ? { clientToken } : {}),
});

describe('cycleIdFor', () => {
  it('derives the id from the municipality and the client token, or makes a random one without', () => {
    expect(cycleIdFor('bg-a', 'token')).toMatch(/^cyc-[0-9a-f]{20}$/);
    expect(cycleIdFor('bg-a', 'token')).toBe(cycleIdFor('bg-a', 'token'));
    expect(cycleIdFor('bg-b', 'token')).not.toBe(cycleIdFor('bg-a', 'token'));
    expect(cycleIdFor('bg-a', undefined)).not.toBe(cycleIdFor('bg-a', undefined));
  });
});

describe('createCycle', () => {
  it('starts the workflow on a retry after a crash between storing the cycle and starting it', async () => {
    // The engine is unreachable the first time: the cycle is stored, its workflow is not started.
    const engine = {
      ...env.engine,
      start: async () => {
        throw new Error('Step Functions is unreachable');
      },
    };
    await rejection(createCycle({ ...env.ports, engine }, request('retry-me'), 'coordinator'));
    expect(
      (await storedCycle(env.ports, cycleIdFor('bg-stolipinovo', 'retry-me'))).executionId,
    ).toBeUndefined();

    const retried = await createCycle(env.ports, request('retry-me'), 'coordinator');

    expect(retried.executionId).toBe(`exec:romact:${retried.cycleId}`);
    expect(env.engine.started.map((start) => start.input.cycleId)).toEqual([retried.cycleId]);
    expect(await auditTypes(env.ports, retried.cycleId)).toEqual(['cycle.started']);
  });

  it('returns the stored cycle when the same start raced it to the store', async () => {
    // The same request, from a second client, lands first.
    const ports = {
      ...env.ports,
      cycles: racing(env.ports.cycles, 'create', () =>
        createCycle(env.ports, request('raced'), 'coordinator'),
      ),
    };
    const cycle = await createCycle(ports, request('raced'), 'coordinator');
    expect(cycle.executionId).toBeDefined();
    expect(env.engine.started).toHaveLength(1);
  });
});
