import { describe, expect, it } from 'vitest';
import { MemoryUserDirectory } from '#shared/adapters/memory/user-directory.ts';
import { findOrCreatePerson, grantMembership } from '#shared/domain/ops/people.ts';
import { eraseUser } from '#shared/domain/usecases/people/erase-user.ts';
import { callers, givenMunicipality, rejection, unitPorts } from '../../../../../support/unit-ports.ts';

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
