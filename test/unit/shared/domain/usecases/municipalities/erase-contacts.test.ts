import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '#shared/domain/errors.ts';
import { eraseContacts } from '#shared/domain/usecases/municipalities/erase-contacts.ts';
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
    // The copies of sent messages the transport keeps lose the addresses too.
    expect(env.notifier.forgotten).toEqual(
      expect.arrayContaining(['contact@plovdiv.example', 'cag@example.org', '+359888000111']),
    );
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
