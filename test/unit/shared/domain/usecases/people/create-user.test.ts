import { beforeEach, describe, expect, it } from 'vitest';
import { AccessNotGrantedError, restrictPorts } from '#functions/shared/access.ts';
import { MemoryUserDirectory } from '#shared/adapters/memory/user-directory.ts';
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

// The directory (Cognito on AWS, a memory one locally): ids, addresses and sign-out come from it.
/** Unit ports with a user directory in memory (Cognito's rules: one person per address, ids it hands out). */
function withDirectory() {
  const env = unitPorts();
  const directory = new MemoryUserDirectory();
  env.ports.directory = directory;
  return { ...env, directory };
}

const staff = (fields: Record<string, unknown> = {}) =>
  CreateUserBody.parse({
    displayName: 'Elena Petrova',
    role: 'municipality',
    municipalityId: 'bg-stolipinovo',
    email: 'elena@plovdiv.example',
    ...fields,
  });

describe('createUser with a user directory', () => {
  it('gives a new person the id the directory registers them under, and lets both their addresses sign them in', async () => {
    // Prepare
    const { ports, directory } = withDirectory();
    await givenMunicipality(ports);

    // Act
    const { user } = await createUser(ports, callers.coordinator, staff({ phone: '+359888000999' }));

    // Assess: the store's person is the directory's (the `sub` of their tokens), by email and by phone
    expect(directory.holderOf('email', 'elena@plovdiv.example')).toBe(user.userId);
    expect(directory.holderOf('sms', '+359888000999')).toBe(user.userId);
    expect((await ports.users.findByAddress('sms', '+359888000999'))?.userId).toBe(user.userId);
  });

  it('finds the same person when they are added again (no second registration, same id)', async () => {
    const { ports, directory } = withDirectory();
    await givenMunicipality(ports);
    const first = await createUser(ports, callers.coordinator, staff());

    const again = await createUser(ports, callers.coordinator, staff({ role: 'cag' }));

    expect(again.user.userId).toBe(first.user.userId);
    expect(directory.entryOf(first.user.userId)?.addresses.email).toBeDefined();
  });

  it('refuses a phone that signs someone else in (the directory says so), and leaves the phone unclaimed in the store', async () => {
    const { ports, directory } = withDirectory();
    await givenMunicipality(ports);
    // Someone already signs in with this phone in the pool (the store does not know them yet).
    const { userId: other } = await directory.register({ type: 'sms', address: '+359888000777' });

    const error = await rejection(createUser(ports, callers.coordinator, staff({ phone: '+359888000777' })));

    expect(error).toBeInstanceOf(ConflictError);
    expect(error.fields).toEqual([{ path: 'phone', message: 'belongs to another person' }]);
    expect(await ports.users.findByAddress('sms', '+359888000777')).toBeUndefined();
    expect(directory.holderOf('sms', '+359888000777')).toBe(other);
  });

  it('gives a local id where no directory is wired', async () => {
    const { ports } = unitPorts();
    await givenMunicipality(ports);

    const { user } = await createUser(ports, callers.coordinator, staff());

    expect(user.userId).toMatch(/^usr-[0-9a-f]{20}$/);
  });

  it('fails where the function was not granted the directory (a route that forgot to declare it)', async () => {
    const { ports } = withDirectory();
    await givenMunicipality(ports);
    const undeclared = restrictPorts(ports, { table: 'readWrite' }, 'create-user');

    const error = await rejection(createUser(undeclared, callers.coordinator, staff()));

    expect(error).toBeInstanceOf(AccessNotGrantedError);
    expect(await ports.users.findByAddress('email', 'elena@plovdiv.example')).toBeUndefined();
  });
});
