import { beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  fieldIssues,
  InvalidInputError,
  NotFoundError,
} from '#shared/domain/errors.ts';
import type { Caller } from '#shared/domain/model/caller.ts';
import { CreateUserBody, createUser } from '#shared/domain/usecases/people/create-user.ts';
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
  await givenMunicipality(env.ports, {
    municipalityId: 'it-roma',
    name: 'Roma',
    country: 'IT',
    locale: 'it',
    timeZone: 'Europe/Rome',
    contacts: { municipality: [], cag: [], coordinator: [] },
  });
  env.writes.length = 0;
});

const body = (fields: Record<string, unknown>) =>
  CreateUserBody.parse({ displayName: 'Ana Petrova', ...fields });
const create = (caller: Parameters<typeof createUser>[1], fields: Record<string, unknown>) =>
  createUser(env.ports, caller, body(fields));

describe('createUser', () => {
  it('adds a person reached by email as staff of a municipality in the coordinator’s country', async () => {
    const coordinator = await personCaller(env, 'coordinator@romact.example');
    const { user, membership } = await create(coordinator, {
      email: 'Ana@Example.org',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      role: 'municipality',
      municipalityId: 'bg-stolipinovo',
    });

    expect(user).toMatchObject({
      displayName: 'Ana Petrova',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      channels: [{ type: 'email', address: 'ana@example.org' }],
      status: 'ACTIVE',
    });
    expect(membership).toMatchObject({
      userId: user.userId,
      role: 'municipality',
      municipalityId: 'bg-stolipinovo',
      country: 'BG',
      invitedBy: coordinator.userId,
    });
    expect(await env.ports.users.findByAddress('email', 'ana@example.org')).toMatchObject({
      userId: user.userId,
    });
  });

  it('gives a person both an email and a phone', async () => {
    const { user } = await create(callers.coordinator, {
      email: 'ana@example.org',
      phone: '+359888777666',
      role: 'cag',
      municipalityId: 'bg-stolipinovo',
    });
    expect(user.channels.map((channel) => channel.type)).toEqual(['email', 'sms']);
    expect((await env.ports.users.findByAddress('sms', '+359888777666'))?.userId).toBe(user.userId);
  });

  it('finds the person an address already belongs to, and repeating the call changes nothing', async () => {
    const cag = await env.ports.users.findByAddress('email', 'cag@example.org');
    const first = await create(callers.coordinator, {
      email: 'cag@example.org',
      role: 'municipality',
      municipalityId: 'bg-stolipinovo',
    });
    const again = await create(callers.coordinator, {
      email: 'cag@example.org',
      role: 'municipality',
      municipalityId: 'bg-stolipinovo',
    });

    expect(first.user.userId).toBe(cag?.userId);
    expect(again.membership.membershipId).toBe(first.membership.membershipId);
    expect((await env.ports.users.memberships(first.user.userId)).map((one) => one.role).sort()).toEqual([
      'cag',
      'municipality',
    ]);
  });

  it('makes coordinators only of countries the caller coordinates and this deployment serves', async () => {
    const made = await create(callers.coordinatorBgRo, {
      email: 'co@example.org',
      role: 'coordinator',
      countries: ['RO', 'BG'],
    });
    expect(made.membership).toMatchObject({ role: 'coordinator', countries: ['BG', 'RO'] });

    env.writes.length = 0;
    const cases: [Caller, string[], string][] = [
      [callers.coordinator, ['BG', 'RO'], 'RO'],
      [{ role: 'coordinator', countries: ['BG', 'DE'] }, ['DE'], 'DE'],
    ];
    for (const [caller, countries, named] of cases) {
      const error = await rejection(
        create(caller, { email: 'other@example.org', role: 'coordinator', countries }),
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.fields).toEqual([{ path: 'countries', message: expect.stringContaining(named) }]);
    }
    expect(env.writes).toEqual([]);
  });

  it('does not reveal a municipality outside the caller’s countries (404 naming municipalityId)', async () => {
    for (const municipalityId of ['it-roma', 'bg-nowhere']) {
      const error = await rejection(
        create(callers.coordinator, { email: 'x@example.org', role: 'cag', municipalityId }),
      );
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.fields).toEqual([{ path: 'municipalityId', message: 'unknown municipality' }]);
    }
    expect(env.writes).toEqual([]);
  });

  it('lets only a coordinator add people directly', async () => {
    for (const caller of [callers.municipality, callers.cag]) {
      expect(
        await rejection(
          create(caller, { email: 'x@example.org', role: 'cag', municipalityId: 'bg-stolipinovo' }),
        ),
      ).toBeInstanceOf(ForbiddenError);
    }
    expect(env.writes).toEqual([]);
  });

  it('refuses a phone that is someone else’s (409 naming phone), writing nothing', async () => {
    const error = await rejection(
      create(callers.coordinator, {
        email: 'ana@example.org',
        phone: '+359888000111',
        role: 'cag',
        municipalityId: 'bg-stolipinovo',
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.fields).toEqual([{ path: 'phone', message: 'belongs to another person' }]);
    expect(env.writes).toEqual([]);
  });
});

describe('CreateUserBody', () => {
  const paths = (input: Record<string, unknown>) => {
    const parsed = CreateUserBody.safeParse({ displayName: 'Ana', ...input });
    return parsed.success ? [] : fieldIssues(parsed.error.issues).map((issue) => issue.path);
  };

  it('names what is missing for the role, and a channel', () => {
    expect(paths({ role: 'coordinator' })).toEqual(['email', 'countries']);
    expect(paths({ role: 'cag', phone: '+359888123456' })).toEqual(['municipalityId']);
  });

  it('names a bad time zone, locale, phone or unknown field', () => {
    expect(
      paths({
        role: 'cag',
        municipalityId: 'bg-x',
        email: 'a@b.org',
        timeZone: 'Mars/Base',
        locale: 'de',
        phone: '0888',
        extra: 1,
      }).sort(),
    ).toEqual(['extra', 'locale', 'phone', 'timeZone']);
  });

  it('defaults the language to English and the time zone to UTC', () => {
    expect(
      CreateUserBody.parse({ displayName: 'Ana', email: 'a@b.org', role: 'cag', municipalityId: 'bg-x' }),
    ).toMatchObject({
      locale: 'en',
      timeZone: 'UTC',
    });
  });
});
