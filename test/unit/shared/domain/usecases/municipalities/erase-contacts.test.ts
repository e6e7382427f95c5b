import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '#shared/domain/errors.ts';
import { eraseContacts } from '#shared/domain/usecases/municipalities/erase-contacts.ts';
import {
  callers,
  givenMunicipality,
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

  it('erases the people its contacts became: memberships end, members of nowhere else are erased with their addresses', async () => {
    const adopted = await givenMunicipality(env.ports, { municipalityId: 'bg-adopted' });
    const members = await env.ports.users.membersOf(adopted.municipalityId);
    expect(members.length).toBeGreaterThan(0);
    // One of them also works for another municipality: that membership, and the person, stay.
    const [kept] = members as [(typeof members)[number]];
    await givenMunicipality(env.ports, {
      municipalityId: 'bg-elsewhere',
      contacts: {
        municipality: [{ name: 'Shared', email: 'contact@plovdiv.example', locale: 'bg' }],
        cag: [],
        coordinator: [],
      },
    });

    await eraseContacts(env.ports, callers.coordinator, adopted.municipalityId);

    expect(await env.ports.users.membersOf(adopted.municipalityId)).toEqual([]);
    for (const member of members) {
      const person = await env.ports.users.get(member.userId);
      if (member.userId === kept.userId && (await env.ports.users.memberships(member.userId)).length) {
        expect(person?.status).toBe('ACTIVE');
        continue;
      }
      expect(person).toMatchObject({ status: 'ERASED', channels: [] });
    }
    expect(await env.ports.users.findByAddress('sms', '+359888000111')).toBeUndefined();
    expect(await env.ports.users.findByAddress('email', 'cag@example.org')).toBeUndefined();
    expect(env.notifier.forgotten).toEqual(expect.arrayContaining(['cag@example.org', '+359888000111']));
    // The member of another municipality keeps that membership and the address it signs in with.
    expect((await env.ports.users.findByAddress('email', 'contact@plovdiv.example'))?.status).toBe('ACTIVE');
    expect(await env.ports.users.membersOf('bg-elsewhere')).toHaveLength(1);
  });
});
