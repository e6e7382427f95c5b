import { beforeEach, describe, expect, it } from 'vitest';
import { noContacts } from '#shared/domain/model/municipality.ts';
import { meOf, namedMemberships, profileOf } from '#shared/domain/ops/me.ts';
import { findOrCreatePerson, grantMembership, newCalendarToken } from '#shared/domain/ops/people.ts';
import { givenMunicipality, type UnitEnv, unitPorts } from '../../../../support/unit-ports.ts';

let env: UnitEnv;

beforeEach(() => {
  env = unitPorts();
});

async function ana() {
  const { user } = await findOrCreatePerson(env.ports, {
    displayName: 'Ana',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
    channel: { type: 'email', address: 'ana@example.org' },
  });
  return user;
}

describe('what a person sees of themselves', () => {
  it('names each municipality of their memberships, leaves coordinator memberships as they are', async () => {
    await givenMunicipality(env.ports, { contacts: noContacts() });
    const user = await ana();
    const staff = await grantMembership(env.ports, {
      userId: user.userId,
      role: 'municipality',
      municipalityId: 'bg-stolipinovo',
      country: 'BG',
    });
    const coordinator = await grantMembership(env.ports, {
      userId: user.userId,
      role: 'coordinator',
      countries: ['BG', 'RO'],
    });

    const me = await meOf(env.ports, user, staff.membershipId);

    expect(me.activeMembershipId).toBe(staff.membershipId);
    const byId = new Map(me.memberships.map((one) => [one.membershipId, one]));
    expect(byId.get(staff.membershipId)?.municipalityName).toBe('Plovdiv – Stolipinovo');
    expect(byId.get(coordinator.membershipId)).not.toHaveProperty('municipalityName');
  });

  it('keeps the id as the name of a municipality that is gone, and reads each municipality once', async () => {
    const user = await ana();
    const first = await grantMembership(env.ports, {
      userId: user.userId,
      role: 'cag',
      municipalityId: 'bg-gone',
      country: 'BG',
    });
    const second = await grantMembership(env.ports, {
      userId: user.userId,
      role: 'municipality',
      municipalityId: 'bg-gone',
      country: 'BG',
    });
    let reads = 0;
    const counting = {
      municipalities: {
        ...env.ports.municipalities,
        get: (id: string) => {
          reads += 1;
          return env.ports.municipalities.get(id);
        },
      },
    };

    const named = await namedMemberships(counting, [first, second]);

    expect(named.map((one) => ('municipalityName' in one ? one.municipalityName : undefined))).toEqual([
      'bg-gone',
      'bg-gone',
    ]);
    expect(reads).toBe(1);
  });

  it('never shows the calendar secret or the store version', async () => {
    const user = { ...(await ana()), calendarToken: newCalendarToken() };
    const profile = profileOf(user);
    expect(profile).not.toHaveProperty('calendarToken');
    expect(profile).not.toHaveProperty('version');
    expect(profile).toMatchObject({ userId: user.userId, displayName: 'Ana', locale: 'bg' });
  });
});
