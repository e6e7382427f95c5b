import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import { getMunicipality } from '#shared/domain/usecases/municipalities/get-municipality.ts';
import {
  callers,
  municipalityFixture,
  rejection,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
beforeEach(async () => {
  env = unitPorts();
  // A record written before contacts became people still carries them.
  await env.ports.municipalities.create(municipalityFixture());
});

describe('getMunicipality', () => {
  it('shows coordinators and municipal staff the contacts', async () => {
    for (const caller of [callers.coordinator, callers.municipality]) {
      expect((await getMunicipality(env.ports, caller, 'bg-stolipinovo')).contacts).toEqual(
        municipalityFixture().contacts,
      );
    }
  });

  it('shows CAG members the municipality without anybody’s contacts', async () => {
    const seen = await getMunicipality(env.ports, callers.cag, 'bg-stolipinovo');
    expect(seen.name).toBe('Plovdiv – Stolipinovo');
    expect(seen.contacts).toEqual({ municipality: [], cag: [], coordinator: [] });
    expect(JSON.stringify(seen)).not.toMatch(/@|\+359/);
  });

  it('answers another tenant and an unknown id with the same 404', async () => {
    for (const caller of [callers.otherCoordinator, callers.otherMunicipality, callers.otherCag]) {
      expect(await rejection(getMunicipality(env.ports, caller, 'bg-stolipinovo'))).toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await rejection(getMunicipality(env.ports, callers.coordinator, 'bg-nowhere'))).toBeInstanceOf(
      NotFoundError,
    );
  });
});
