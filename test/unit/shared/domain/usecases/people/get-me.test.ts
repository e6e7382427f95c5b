import { beforeEach, describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '#shared/domain/errors.ts';
import { grantMembership } from '#shared/domain/ops/people.ts';
import { calendarUrl } from '#shared/domain/usecases/people/calendar-url.ts';
import { getMe } from '#shared/domain/usecases/people/get-me.ts';
import { personCaller } from '../../../../../support/signed-in.ts';
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
});

describe('getMe', () => {
  it('shows the person their profile and memberships, named by municipality, and the membership they act in', async () => {
    const me = await personCaller(env, 'coordinator@romact.example');
    await grantMembership(env.ports, {
      userId: me.userId,
      role: 'municipality',
      municipalityId: 'bg-stolipinovo',
      country: 'BG',
    });
    await calendarUrl(env.ports, me, { rotate: false });

    const seen = await getMe(env.ports, me);

    expect(seen.activeMembershipId).toBe(me.membershipId);
    expect(seen.user).toMatchObject({
      userId: me.userId,
      displayName: 'Programme Coordinator',
      locale: 'en',
    });
    expect(seen.user).not.toHaveProperty('calendarToken');
    expect(seen.user).not.toHaveProperty('version');
    expect(seen.memberships.map((one) => [one.role, one.municipalityName]).sort()).toEqual([
      ['coordinator', undefined],
      ['municipality', 'Plovdiv – Stolipinovo'],
    ]);
  });

  it('is only for a signed-in person (401 for a script token)', async () => {
    expect(await rejection(getMe(env.ports, callers.municipality))).toBeInstanceOf(UnauthenticatedError);
  });
});
