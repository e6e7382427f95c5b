import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '#shared/domain/errors.ts';
import {
  calendarTokenHash,
  findOrCreatePerson,
  grantMembership,
  membershipIdFor,
  newCalendarToken,
} from '#shared/domain/ops/people.ts';
import { racing, rejection, type UnitEnv, unitPorts } from '../../../../support/unit-ports.ts';

let env: UnitEnv;

beforeEach(() => {
  env = unitPorts();
});

const ana = (address = 'Ana@Example.org') =>
  ({
    displayName: 'Ana',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
    channel: { type: 'email', address },
  }) as const;

describe('findOrCreatePerson', () => {
  it('creates a person holding the normalised address, and finds them by it afterwards', async () => {
    const { user, created } = await findOrCreatePerson(env.ports, ana());
    expect(created).toBe(true);
    expect(user).toMatchObject({
      displayName: 'Ana',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      status: 'ACTIVE',
      version: 1,
    });
    expect(user.channels).toEqual([{ type: 'email', address: 'ana@example.org' }]);
    expect(user.userId).toMatch(/^usr-[0-9a-f]{20}$/);

    const again = await findOrCreatePerson(env.ports, { ...ana(' ANA@example.org'), displayName: 'Other' });
    expect(again).toEqual({ user, created: false });
  });

  it('makes one person when two invitations of one address race', async () => {
    const competitor = () => findOrCreatePerson(env.ports, ana());
    const ports = { ...env.ports, users: racing(env.ports.users, 'claimAddress', competitor) };
    const { user, created } = await findOrCreatePerson(ports, ana());
    expect(created).toBe(false);
    expect((await env.ports.users.findByAddress('email', 'ana@example.org'))?.userId).toBe(user.userId);
  });

  it('answers 409 when the address was claimed but its holder cannot be read (try again)', async () => {
    const users = {
      ...env.ports.users,
      findByAddress: async () => undefined,
      claimAddress: async () => false,
    };
    expect(await rejection(findOrCreatePerson({ ...env.ports, users }, ana()))).toBeInstanceOf(ConflictError);
  });
});

describe('grantMembership', () => {
  it('grants once: the same person, role and scope make the same membership', async () => {
    const { user } = await findOrCreatePerson(env.ports, ana());
    const first = await grantMembership(env.ports, {
      userId: user.userId,
      role: 'cag',
      municipalityId: 'bg-x',
      country: 'BG',
    });
    env.clock.advance(60_000);
    const again = await grantMembership(env.ports, {
      userId: user.userId,
      role: 'cag',
      municipalityId: 'bg-x',
      country: 'BG',
    });
    expect(again).toEqual(first);
    expect(await env.ports.users.memberships(user.userId)).toHaveLength(1);
  });

  it('keys a coordinator’s membership by the set of countries, whatever their order', async () => {
    const a = await grantMembership(env.ports, {
      userId: 'usr-1',
      role: 'coordinator',
      countries: ['RO', 'BG'],
    });
    const b = await grantMembership(env.ports, {
      userId: 'usr-1',
      role: 'coordinator',
      countries: ['BG', 'RO'],
    });
    expect(a.membershipId).toBe(b.membershipId);
    expect(a).toMatchObject({ countries: ['BG', 'RO'] });
  });

  it('keeps different roles, scopes and people apart', () => {
    const ids = new Set([
      membershipIdFor('usr-1', 'cag', 'bg-x'),
      membershipIdFor('usr-1', 'municipality', 'bg-x'),
      membershipIdFor('usr-1', 'cag', 'bg-y'),
      membershipIdFor('usr-2', 'cag', 'bg-x'),
    ]);
    expect(ids.size).toBe(4);
  });
});

describe('calendar tokens', () => {
  it('are unguessable and found by a hash, never by themselves', () => {
    const token = newCalendarToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newCalendarToken()).not.toBe(token);
    expect(calendarTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(calendarTokenHash(token)).not.toContain(token);
  });
});
