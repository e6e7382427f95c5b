import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '#shared/domain/errors.ts';
import { eraseContacts } from '#shared/domain/usecases/municipalities/erase-contacts.ts';
import {
  callers,
  givenMunicipality,
  rejection,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  env.writes.length = 0;
});

const none = { municipality: [], cag: [], coordinator: [] };

describe('eraseContacts', () => {
  it('erases every contact of the municipality for the municipality or its coordinator', async () => {
    for (const caller of [callers.municipality, callers.coordinator]) {
      const erased = await eraseContacts(env.ports, caller, 'bg-stolipinovo');
      expect(erased.contacts).toEqual(none);
      expect((await env.ports.municipalities.get('bg-stolipinovo'))?.contacts).toEqual(none);
      expect(JSON.stringify(await env.ports.municipalities.get('bg-stolipinovo'))).not.toMatch(/@|\+359/);
    }
  });

  it('is not for CAG members (403), nor another tenant (404), and then erases nothing', async () => {
    expect(await rejection(eraseContacts(env.ports, callers.cag, 'bg-stolipinovo'))).toBeInstanceOf(
      ForbiddenError,
    );
    for (const caller of [callers.otherMunicipality, callers.otherCoordinator]) {
      expect(await rejection(eraseContacts(env.ports, caller, 'bg-stolipinovo'))).toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(env.writes).toEqual([]);
  });
});
