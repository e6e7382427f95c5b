import { describe, expect, it } from 'vitest';
import { AccessNotGrantedError, restrictPorts } from '#functions/shared/access.ts';
import { MemoryUserDirectory } from '#shared/adapters/memory/user-directory.ts';
import { ConflictError } from '#shared/domain/errors.ts';
import { CreateUserBody, createUser } from '#shared/domain/usecases/people/create-user.ts';
import { callers, givenMunicipality, rejection, unitPorts } from '../../../../../support/unit-ports.ts';

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
