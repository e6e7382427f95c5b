import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '#shared/domain/errors.ts';
import type { User } from '#shared/domain/model/user.ts';
import { grantMembership } from '#shared/domain/ops/people.ts';
import {
  accessTokenFor,
  activeMembership,
  newRefreshSecret,
  parseRefreshToken,
  refreshHash,
} from '#shared/domain/ops/sessions.ts';
import { claimsOf } from '../../../../support/signed-in.ts';
import { givenMunicipality, rejection, type UnitEnv, unitPorts } from '../../../../support/unit-ports.ts';

let env: UnitEnv;
let user: User;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  user = (await env.ports.users.findByAddress('email', 'coordinator@romact.example')) as User;
});

const staffOf = (municipalityId: string) =>
  grantMembership(env.ports, { userId: user.userId, role: 'municipality', municipalityId, country: 'BG' });

describe('activeMembership', () => {
  it('takes the one asked for, and remembers it on the person', async () => {
    const staff = await staffOf('bg-stolipinovo');
    const {
      membership,
      memberships,
      user: remembered,
    } = await activeMembership(env.ports, user, staff.membershipId);
    expect(membership).toEqual(staff);
    expect(memberships).toHaveLength(2);
    expect(remembered.activeMembershipId).toBe(staff.membershipId);
    expect((await env.ports.users.get(user.userId))?.activeMembershipId).toBe(staff.membershipId);
  });

  it('else the one last chosen, else the first', async () => {
    await staffOf('bg-stolipinovo');
    const [first, second] = await env.ports.users.memberships(user.userId);
    expect((await activeMembership(env.ports, user)).membership).toEqual(first);
    const remembered = {
      ...((await env.ports.users.get(user.userId)) as User),
      activeMembershipId: second?.membershipId,
    };
    expect((await activeMembership(env.ports, remembered)).membership).toEqual(second);
  });

  it('refuses a membership that is not the person’s, naming membershipId', async () => {
    const error = await rejection(activeMembership(env.ports, user, 'mbr-someone-else'));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.fields).toEqual([{ path: 'membershipId', message: 'is not one of yours' }]);
  });

  it('refuses a person with no membership left', async () => {
    for (const membership of await env.ports.users.memberships(user.userId))
      await env.ports.users.removeMembership(membership);
    expect(await rejection(activeMembership(env.ports, user))).toBeInstanceOf(ForbiddenError);
  });
});

describe('accessTokenFor', () => {
  it('carries the membership’s claims and the session id', async () => {
    const [membership] = await env.ports.users.memberships(user.userId);
    const token = await accessTokenFor(env.ports, user, membership as never, 'ses-1');
    expect(claimsOf(token)).toEqual({
      sub: user.userId,
      name: 'Programme Coordinator',
      role: 'coordinator',
      membership: membership?.membershipId,
      countries: 'BG',
      sid: 'ses-1',
    });
  });
});

describe('refresh tokens', () => {
  it('are a session id and a fresh 256-bit secret; only a hash of the secret is kept', () => {
    const secret = newRefreshSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newRefreshSecret()).not.toBe(secret);
    expect(refreshHash(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(refreshHash(secret)).toBe(refreshHash(secret));
    expect(refreshHash(secret)).not.toBe(refreshHash(newRefreshSecret()));
  });

  it('parse only in their own shape', () => {
    const sessionId = 'ses-0b7e5a8e-2d4c-4f1a-9c3b-5e6f7a8b9c0d';
    const secret = newRefreshSecret();
    expect(parseRefreshToken(`${sessionId}.${secret}`)).toEqual({ sessionId, secret });
    for (const token of [
      '',
      secret,
      `${sessionId}.`,
      `${sessionId}.${secret}x`,
      `${sessionId}.${secret.slice(1)}`,
      `usr-0b7e5a8e-2d4c-4f1a-9c3b-5e6f7a8b9c0d.${secret}`,
      ` ${sessionId}.${secret}`,
    ])
      expect(parseRefreshToken(token), token).toBeUndefined();
  });
});
