import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryUserDirectory } from '#shared/adapters/memory/user-directory.ts';
import { ForbiddenError, NotFoundError } from '#shared/domain/errors.ts';
import type { Caller } from '#shared/domain/model/caller.ts';
import type { User } from '#shared/domain/model/user.ts';
import { findOrCreatePerson, grantMembership } from '#shared/domain/ops/people.ts';
import { CreateUserBody, createUser } from '#shared/domain/usecases/people/create-user.ts';
import { erasedName, eraseUser } from '#shared/domain/usecases/people/erase-user.ts';
import { personCaller } from '../../../../../support/signed-in.ts';
import {
  callers,
  givenMunicipality,
  rejection,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let cag: User;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  await givenMunicipality(env.ports, {
    municipalityId: 'ro-x',
    name: 'X',
    country: 'RO',
    locale: 'ro',
    contacts: { municipality: [], cag: [], coordinator: [] },
  });
  cag = (await env.ports.users.findByAddress('email', 'cag@example.org')) as User;
  await env.ports.audit.append({
    cycleId: 'cyc-1',
    eventId: 'e-1',
    at: '2027-01-04T09:00:00.000Z',
    type: 'task.completed',
    actor: { kind: 'person', userId: cag.userId, name: 'CAG Member', role: 'cag' },
    data: {},
  });
  await env.ports.messages.put({
    messageId: 'msg-1',
    userId: cag.userId,
    channel: 'email',
    role: 'cag',
    locale: 'bg',
    municipalityId: 'bg-stolipinovo',
    municipalityName: 'Plovdiv – Stolipinovo',
    country: 'BG',
    cycleIds: [],
    taskIds: [],
    notificationIds: [],
    kinds: ['reminder'],
    text: 'Hello',
    createdAt: '2027-01-04T09:00:00.000Z',
    sendAfter: '2027-01-04T09:00:00.000Z',
    status: 'SENT',
  });
  env.writes.length = 0;
});

describe('eraseUser', () => {
  it('lets a person erase themselves: name, addresses, memberships and messages go; their actions stay, pseudonymised', async () => {
    const me = await personCaller(env, 'cag@example.org');
    expect(await eraseUser(env.ports, me, cag.userId)).toEqual({ erased: true });

    const user = await env.ports.users.get(cag.userId);
    expect(user).toMatchObject({
      status: 'ERASED',
      displayName: erasedName(cag.userId),
      channels: [],
      preferences: {},
    });
    expect(JSON.stringify(user)).not.toContain('CAG Member');
    expect(await env.ports.users.memberships(cag.userId)).toEqual([]);
    expect(await env.ports.users.findByAddress('email', 'cag@example.org')).toBeUndefined();
    expect((await env.ports.messages.listForUser(cag.userId, { limit: 10 })).items).toEqual([]);
    const [action] = await env.ports.audit.listByActor(cag.userId);
    expect(action).toMatchObject({
      type: 'task.completed',
      actor: { userId: cag.userId, name: erasedName(cag.userId) },
    });
    expect(env.notifier.forgotten).toEqual(['cag@example.org']);
  });

  it('frees the address: it can be given to a new person', async () => {
    await eraseUser(env.ports, callers.coordinator, cag.userId);
    const { user } = await createUser(
      env.ports,
      callers.coordinator,
      CreateUserBody.parse({
        displayName: 'New',
        email: 'cag@example.org',
        role: 'cag',
        municipalityId: 'bg-stolipinovo',
      }),
    );
    expect(user.userId).not.toBe(cag.userId);
  });

  it('names an erased person the same stable pseudonym, which names nobody', () => {
    expect(erasedName(cag.userId)).toBe(erasedName(cag.userId));
    expect(erasedName(cag.userId)).toMatch(/^erased person [0-9a-f]{8}$/);
    expect(erasedName('usr-other')).not.toBe(erasedName(cag.userId));
  });

  it('lets a coordinator of a country the person is a member in erase them, and nobody else', async () => {
    // Staff of the same municipality learn they may not (403); anyone else learns nothing (404).
    const staff = await personCaller(env, 'contact@plovdiv.example');
    expect(await rejection(eraseUser(env.ports, staff, cag.userId))).toBeInstanceOf(ForbiddenError);
    for (const caller of [
      callers.otherCoordinator,
      { role: 'coordinator', countries: ['RO'] } satisfies Caller,
      callers.otherMunicipality,
    ])
      expect(await rejection(eraseUser(env.ports, caller, cag.userId))).toBeInstanceOf(NotFoundError);
    expect(env.writes).toEqual([]);

    await eraseUser(env.ports, callers.coordinator, cag.userId);
    expect((await env.ports.users.get(cag.userId))?.status).toBe('ERASED');
  });

  it('can be finished by the coordinator after an erasure failed half-way (a timeout, a throttled write)', async () => {
    let failures = 1;
    const flaky = {
      ...env.ports,
      messages: {
        ...env.ports.messages,
        eraseForUser: async (userId: string) => {
          if (failures-- > 0) throw new Error('throttled');
          return env.ports.messages.eraseForUser(userId);
        },
      },
    };
    expect(await rejection(eraseUser(flaky, callers.coordinator, cag.userId))).toMatchObject({
      message: 'throttled',
    });

    await eraseUser(flaky, callers.coordinator, cag.userId);
    expect((await env.ports.users.get(cag.userId))?.status).toBe('ERASED');
    expect((await env.ports.messages.listForUser(cag.userId, { limit: 10 })).items).toEqual([]);
    expect(await env.ports.users.memberships(cag.userId)).toEqual([]);
  });

  it('answers an unknown person with 404', async () => {
    expect(await rejection(eraseUser(env.ports, callers.coordinator, 'usr-nobody'))).toBeInstanceOf(
      NotFoundError,
    );
  });
});

// The directory (Cognito on AWS, a memory one locally): ids, addresses and sign-out come from it.
async function givenMember(env: ReturnType<typeof unitPorts>) {
  await givenMunicipality(env.ports);
  const { user } = await findOrCreatePerson(env.ports, {
    displayName: 'Stefan Kolev',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
    channel: { type: 'email', address: 'stefan@plovdiv.example' },
  });
  await grantMembership(env.ports, {
    userId: user.userId,
    role: 'cag',
    municipalityId: 'bg-stolipinovo',
    country: 'BG',
  });
  return user;
}

describe('eraseUser and the user directory', () => {
  it('removes the person from the directory: their address signs nobody in any more', async () => {
    const env = unitPorts();
    const directory = new MemoryUserDirectory();
    env.ports.directory = directory;
    const user = await givenMember(env);
    expect(directory.holderOf('email', 'stefan@plovdiv.example')).toBe(user.userId);

    await eraseUser(env.ports, callers.coordinator, user.userId);

    expect(directory.entryOf(user.userId)).toBeUndefined();
    expect(directory.holderOf('email', 'stefan@plovdiv.example')).toBeUndefined();
    expect((await env.ports.users.get(user.userId))?.status).toBe('ERASED');
  });

  it('erases nothing when the directory cannot remove the person (erasing again starts over)', async () => {
    const env = unitPorts();
    const directory = new MemoryUserDirectory();
    env.ports.directory = directory;
    const user = await givenMember(env);
    const failing = Object.assign(Object.create(directory) as MemoryUserDirectory, {
      remove: async () => {
        throw new Error('Cognito is unreachable');
      },
    });
    env.ports.directory = failing;

    await rejection(eraseUser(env.ports, callers.coordinator, user.userId));

    expect((await env.ports.users.get(user.userId))?.status).toBe('ACTIVE');
    expect(await env.ports.users.memberships(user.userId)).toHaveLength(1);
    env.ports.directory = directory;
    await eraseUser(env.ports, callers.coordinator, user.userId);
    expect((await env.ports.users.get(user.userId))?.status).toBe('ERASED');
  });
});
